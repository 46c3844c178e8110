using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Wards;

/// <summary>
/// Use case: today's reminders and escalations for the ward: the ladder (<see cref="EscalationOptions"/>), the ward's
/// people and calendar, the site's links, the adjustment proposals waiting too long (<see cref="WardProposals.RemindersAsync"/>,
/// in the same digests and ledger), then <see cref="EscalationRun"/>.
/// </summary>
public sealed class WardEscalation(WardContext ward, EscalationOptions options, EscalationRun run, ISiteLinks links,
    DecisionIntake decisions, WardProposals proposals)
{
    /// <summary>Runs against a catalogue (the CLI's decision file).</summary>
    public async Task<EscalationRunReport> RunAsync(TaskCatalogue catalogue, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var setup = EscalationSetup.For(catalogue, ward.Units, options, ward.Calendar.Calendar);
        var reminders = await proposals.RemindersAsync(catalogue, setup.Calendar, cancellationToken).ConfigureAwait(false);
        setup = setup with
        {
            ExtraNotifications = [.. reminders.Reminders.Select(r => r.ToNotification())],
            ExtraProblems = reminders.Problems,
        };
        var siteLinks = await links.EscalationLinksAsync(cancellationToken).ConfigureAwait(false);
        return await run.RunAsync(setup, siteLinks, dryRun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs against the library's decision; null when there is none yet.</summary>
    public async Task<EscalationRunReport?> RunFromLibraryAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return current is null ? null : await RunAsync(current.Catalogue, dryRun, cancellationToken).ConfigureAwait(false);
    }
}
