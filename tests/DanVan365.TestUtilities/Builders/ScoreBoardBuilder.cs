using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;

namespace DanVan365.TestUtilities.Builders;

/// <summary>Builds <see cref="ScoreBoardRow"/>s for the year-end report's tests (part B's workflow is not needed).</summary>
public static class ScoreBoardBuilder
{
    private static readonly DateTimeOffset At = new(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);

    /// <summary>An assigned unit's row: computed points, the unit's proposal, the appraisal, and the state reached.</summary>
    public static ScoreBoardRow Graded(string code, string name, double computed, double? proposed, double? appraised,
        ScoreReviewState state, ScoreGrade grade)
    {
        var review = new ScoreReview(2026, code, state,
            proposed is { } p ? new ScoreStep(p, "Đơn vị tự chấm.", "head@example.vn", At) : null,
            appraised is { } a ? new ScoreStep(a, "Điều chỉnh theo kết quả.", "vhxh@example.vn", At) : null,
            state == ScoreReviewState.Approved ? new ScoreStep(null, string.Empty, "signer@example.vn", At) : null);
        var final = state switch
        {
            ScoreReviewState.Approved or ScoreReviewState.Appraised => appraised ?? proposed ?? computed,
            ScoreReviewState.Proposed => proposed ?? computed,
            _ => computed,
        };
        var line = new ScoreLine(ScoreLineKind.Task, "1.1", null, TaskRole.Lead, ScoreOutcome.OnTime, computed,
            "chủ trì, hoàn thành đúng hạn");
        return new ScoreBoardRow(new UnitScore(code, name, true, computed, grade, [line]), review, final, grade);
    }

    /// <summary>A requested unit's row: listed, not graded.</summary>
    public static ScoreBoardRow Requested(string code, string name) =>
        new(new UnitScore(code, name, false, null, null, []), null, null, null);
}
