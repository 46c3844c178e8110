using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Wards;

namespace DanVan365.Functions.Triggers;

/// <summary>POST /api/scores/{unit}/proposal body (docs/api.md "Scoring").</summary>
public sealed record ScoreProposalBody(string? Ward, double? Points, string? Note, string? RequestId = null);

/// <summary>POST /api/scores/{unit}/appraisal body.</summary>
public sealed record ScoreAppraisalBody(string? Ward, double? Points, string? Reason);

/// <summary>POST /api/scores/approval body.</summary>
public sealed record ScoreApprovalBody(string? Ward);

/// <summary>A line of a unit's computed score.</summary>
public sealed record ScoreLineView(string Kind, string? TaskCode, int? Round, string? Role, string? RoleLabel, string Outcome,
    double Points, string Explanation);

/// <summary>A recorded step (proposal, appraisal, approval).</summary>
public sealed record ScoreStepView(double? Points, string Text, string By, DateTimeOffset At);

/// <summary>One unit's score as the API answers it (docs/api.md "Score object").</summary>
public sealed record ScoreView(
    string Unit, string UnitName, bool Graded, double? Computed, string? ComputedGrade, string? ComputedGradeLabel,
    IReadOnlyList<ScoreLineView> Lines, ScoreStepView? Proposed, ScoreStepView? Appraised, ScoreStepView? Approved, string State,
    string StateLabel, double? FinalPoints, string? FinalGrade, string? FinalGradeLabel, bool CanPropose, bool CanAppraise);

/// <summary>A grade threshold.</summary>
public sealed record GradeView(string Grade, string Label, double MinPoints);

/// <summary>GET /api/scores answer (and POST /api/scores/approval's).</summary>
public sealed record ScoreBoardView(string Ward, int Year, string AsOf, IReadOnlyList<ScoreView> Units, bool CanApprove,
    IReadOnlyList<GradeView> Grades);

/// <summary>The API's views of the scoring table, for one caller (the CLI's json uses them too, with no caller).</summary>
public static class ScoreApiViews
{
    /// <summary>The table; <paramref name="actor"/> (an address, or null) decides the can… flags.</summary>
    public static ScoreBoardView Board(string ward, ScoreBoard board, ScoreReviewRules? rules, string? actor)
    {
        ArgumentNullException.ThrowIfNull(board);
        var records = board.Records;
        var canApprove = rules is not null && actor is not null && rules.ApproveRight(board.Graded, records, actor) is null;
        var grades = board.Grades;
        return new ScoreBoardView(ward, board.Year, board.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. board.Rows.Select(r => Unit(r, rules, actor, records))], canApprove,
            [
                new(nameof(ScoreGrade.Excellent), ScoreGrade.Excellent.Label(), grades.Excellent),
                new(nameof(ScoreGrade.Good), ScoreGrade.Good.Label(), grades.Good),
                new(nameof(ScoreGrade.Completed), ScoreGrade.Completed.Label(), grades.Completed),
                new(nameof(ScoreGrade.NotCompleted), ScoreGrade.NotCompleted.Label(), 0),
            ]);
    }

    /// <summary>One unit's score object.</summary>
    public static ScoreView Unit(ScoreBoardRow row, ScoreReviewRules? rules, string? actor,
        IReadOnlyDictionary<string, ScoreRecord>? records = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var c = row.Computed;
        var review = row.Review;
        var state = review?.State ?? ScoreReviewState.NotProposed;
        var record = records?.GetValueOrDefault(c.UnitCode) ?? (review is null ? null : new ScoreRecord(review));
        var may = rules is not null && actor is not null && c.Graded;
        return new ScoreView(c.UnitCode, c.UnitName, c.Graded, c.Points, c.Grade?.ToString(), c.Grade?.Label(),
            [.. c.Lines.Select(l => new ScoreLineView(l.Kind.ToString(), l.TaskCode, l.Round, l.Role?.ToString(), l.Role?.Label(),
                l.Outcome.ToString(), l.Points, l.Explanation))],
            Step(review?.Proposed), Step(review?.Appraised), Step(review?.Approved), state.ToString(), state.Word(),
            row.FinalPoints, row.FinalGrade?.ToString(), row.FinalGrade?.Label(),
            may && rules!.ProposeRight(c.UnitCode, actor!, record) is null,
            may && rules!.AppraiseRight(c.UnitCode, actor!, record) is null);
    }

    private static ScoreStepView? Step(ScoreStep? step) => step is null ? null : new(step.Points, step.Text, step.By, step.At);
}
