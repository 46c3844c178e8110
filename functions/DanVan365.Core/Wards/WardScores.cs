using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>
/// Use case: the computed score of every unit of the ward as of today (ICT), from the decision in use, Phân công (progress,
/// completion dates), Báo cáo kết quả (who reported what, and when: Ngày nộp), the open returns, the rounds (ad hoc ones
/// included, <see cref="ReportRounds"/>) and the approved extensions (<see cref="WardProposals.EffectiveDeadlinesAsync"/>),
/// with the ward's model (<see cref="WardContext.Scoring"/>). Reads only; docs/architecture.md "The computed score".
/// </summary>
public sealed class WardScores(WardContext ward, DecisionIntake decisions, IListStore lists, ReportRounds rounds,
    SubmissionReturns returns, WardProposals proposals, TimeProvider clock)
{
    /// <summary>The score sheet as of today; throws <see cref="NoDecisionException"/> when the library has no decision.</summary>
    public async Task<ScoreSheet> ComputeAsync(CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id);
        return await ComputeAsync(current.Catalogue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The score sheet of <paramref name="catalogue"/> (the decision a caller already holds) as of today.</summary>
    public async Task<ScoreSheet> ComputeAsync(Catalogue.TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var today = WardTime.Today(clock);
        var assignments = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var reports = await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var all = await rounds.ListAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        var returned = await returns.OpenAsync(cancellationToken).ConfigureAwait(false);
        var deadlines = await proposals.EffectiveDeadlinesAsync(catalogue, cancellationToken).ConfigureAwait(false);
        var facts = ScoreFacts.From(catalogue, ward.Units, assignments, reports, all, returned, deadlines, today);
        return ScoreCalculator.Compute(ward.Scoring, facts, ward.Units, today);
    }
}
