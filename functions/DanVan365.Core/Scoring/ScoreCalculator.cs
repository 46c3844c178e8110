using DanVan365.Core.Units;

namespace DanVan365.Core.Scoring;

/// <summary>
/// The computed score (docs/scoring.md, docs/architecture.md "The computed score"): pure, from the model, the facts
/// (<see cref="ScoreFacts"/>), the unit directory and the ward day. Every unit's total is the sum of its lines.
/// </summary>
public static class ScoreCalculator
{
    /// <summary>The score sheet of every unit the facts or the directory name, as of <paramref name="asOf"/>.</summary>
    public static ScoreSheet Compute(ScoringModel model, ScoreFacts facts, UnitDirectory units, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(units);
        return new ScoreSheet(facts.Year, asOf, []);
    }
}
