using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Wards;

/// <summary>
/// Use case: today's reminders and escalations for the ward: the ladder (<see cref="EscalationOptions"/>), the ward's
/// people and calendar, the site's links, the adjustment proposals waiting too long (<see cref="WardProposals.RemindersAsync"/>,
/// in the same digests and ledger), the steps of the units' scoring (<see cref="WardScoring.RemindersAsync"/>), then
/// <see cref="EscalationRun"/>, which also records the proposals whose seal fails
/// (<see cref="Proposals.IgnoredProposal"/>) and the ad hoc rounds whose seal fails (<see cref="Reporting.RoundListing.Ignored"/>),
/// and tells the head of the aggregating unit the edits not yet reported. The rounds reminded are the decision's and the ad
/// hoc ones in use, each for its own units (<see cref="Reporting.ReportRound.UnitsOr"/>).
/// </summary>
public sealed class WardEscalation(WardContext ward, EscalationOptions options, EscalationRun run, ISiteLinks links,
    DecisionIntake decisions, WardProposals proposals, WardRunLease lease, Reporting.ReportRounds rounds, WardScoring scoring)
{
    /// <summary>Runs against a catalogue (the CLI's decision file); a real run holds the ward's lease.</summary>
    public Task<EscalationRunReport> RunAsync(TaskCatalogue catalogue, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return dryRun
            ? RunHeldAsync(catalogue, dryRun, cancellationToken)
            : lease.RunAsync("escalate", token => RunHeldAsync(catalogue, dryRun, token), cancellationToken);
    }

    /// <summary>Runs against the library's decision; null when there is none yet.</summary>
    public Task<EscalationRunReport?> RunFromLibraryAsync(bool dryRun, CancellationToken cancellationToken) =>
        dryRun
            ? RunFromLibraryHeldAsync(dryRun, cancellationToken)
            : lease.RunAsync("escalate", token => RunFromLibraryHeldAsync(dryRun, token), cancellationToken);

    private async Task<EscalationRunReport> RunHeldAsync(TaskCatalogue catalogue, bool dryRun, CancellationToken cancellationToken)
    {
        var setup = EscalationSetup.For(catalogue, ward.Units, options, ward.Calendar.Calendar);
        var reminders = await proposals.RemindersAsync(catalogue, setup.Calendar, cancellationToken).ConfigureAwait(false);
        var listing = await rounds.ReadAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        var (scores, ignoredScores) = await scoring.RemindersAsync(catalogue, setup.Calendar, cancellationToken).ConfigureAwait(false);
        setup = setup with
        {
            Rounds = listing.Rounds,
            ExtraNotifications = [.. reminders.Reminders.Select(r => r.ToNotification()), .. scores.Notifications],
            ExtraProblems = [.. reminders.Problems, .. scores.Problems],
            Interventions = [.. reminders.Ignored.Select(i => i.ToIntervention()), .. listing.Ignored,
                .. ignoredScores.Select(i => i.ToIntervention())],
        };
        var siteLinks = await links.EscalationLinksAsync(cancellationToken).ConfigureAwait(false);
        return await run.RunAsync(setup, siteLinks, dryRun, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EscalationRunReport?> RunFromLibraryHeldAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return current is null ? null : await RunAsync(current.Catalogue, dryRun, cancellationToken).ConfigureAwait(false);
    }
}
