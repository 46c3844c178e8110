using DanVan365.Core.Scoring;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>
/// Use case: the computed score of every unit of the ward as of today (ICT), from the decision in use, Phân công, Báo cáo
/// kết quả, the rounds (ad hoc ones included) and the approved extensions (docs/architecture.md "The computed score").
/// Reads only.
/// </summary>
public sealed class WardScores(WardContext ward, DecisionIntake decisions, TimeProvider clock)
{
    /// <summary>The score sheet as of today; throws <see cref="NoDecisionException"/> when the library has no decision.</summary>
    public async Task<ScoreSheet> ComputeAsync(CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id);
        var facts = new ScoreFacts(current.Catalogue.Decision.Date.Year, []);
        return ScoreCalculator.Compute(ward.Scoring, facts, ward.Units, WardTime.Today(clock));
    }
}
