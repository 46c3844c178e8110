using DanVan365.Core.Reporting;

namespace DanVan365.Core.Scoring;

/// <summary>
/// What a unit's line of the computed score rests on (docs/scoring.md): a task it leads or coordinates, a round report,
/// or an adjustment the model gives (a bonus for finishing early).
/// </summary>
public enum ScoreLineKind
{
    /// <summary>A task the unit leads or coordinates.</summary>
    Task,

    /// <summary>The unit's report for a round (a deduction when late or missing).</summary>
    RoundReport,

    /// <summary>
    /// A line of the model itself, added by part A of issue 24: what brings a total back within 0–100
    /// (<see cref="ScoreOutcome.ScaleLimit"/>), or why a unit without tasks is not graded (<see cref="ScoreOutcome.NoTask"/>).
    /// </summary>
    Adjustment,
}

/// <summary>How a task ended for the unit, as the scoring model rates it (docs/scoring.md "Outcomes").</summary>
public enum ScoreOutcome
{
    /// <summary>Completed on or before its last day (Hoàn thành đúng hạn).</summary>
    OnTime,

    /// <summary>Completed after its last day (Hoàn thành quá hạn).</summary>
    Late,

    /// <summary>Open after its last day (Đang thực hiện quá hạn: not done).</summary>
    NotDone,

    /// <summary>Open, its last day not yet come (Đang thực hiện trong hạn).</summary>
    InProgress,

    /// <summary>An ongoing or recurring task reported in every round that asked for it.</summary>
    OngoingReported,

    /// <summary>An ongoing or recurring task missing from at least one round's report.</summary>
    OngoingUnreported,

    /// <summary>A round report sent on time.</summary>
    ReportOnTime,

    /// <summary>A round report sent after the round's last day.</summary>
    ReportLate,

    /// <summary>A round report never sent (the round is closed).</summary>
    ReportMissing,

    /// <summary>The lines add up to more than 100 or less than 0: this line brings the total to the limit.</summary>
    ScaleLimit,

    /// <summary>The unit leads or coordinates no task: nothing to grade (0 points, the unit is not graded).</summary>
    NoTask,
}

/// <summary>The grades of the ward's scoring (docs/scoring.md "Grades"), best first.</summary>
public enum ScoreGrade
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ.</summary>
    Excellent,

    /// <summary>Hoàn thành tốt nhiệm vụ.</summary>
    Good,

    /// <summary>Hoàn thành nhiệm vụ.</summary>
    Completed,

    /// <summary>Không hoàn thành nhiệm vụ.</summary>
    NotCompleted,
}

/// <summary>The Vietnamese words of <see cref="ScoreGrade"/>.</summary>
public static class ScoreGrades
{
    /// <summary>"Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ".</summary>
    public static string Label(this ScoreGrade grade) => grade switch
    {
        ScoreGrade.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        ScoreGrade.Good => "Hoàn thành tốt nhiệm vụ",
        ScoreGrade.Completed => "Hoàn thành nhiệm vụ",
        ScoreGrade.NotCompleted => "Không hoàn thành nhiệm vụ",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };
}

/// <summary>One traceable line of a unit's computed score: every point of the total comes from exactly one line.</summary>
/// <param name="Kind">A task or a round report.</param>
/// <param name="TaskCode">The task's code ("2.3"), or null for a round report.</param>
/// <param name="Round">The round's number for a round report (or the round an ongoing task missed), else null.</param>
/// <param name="Role">The unit's role on the task (null for a round report).</param>
/// <param name="Outcome">How it ended, as rated.</param>
/// <param name="Points">Points this line adds (negative: a deduction), already weighted.</param>
/// <param name="Explanation">Why, in Vietnamese, naming the rule and the dates ("chủ trì, hoàn thành ngày 10/11/2026,
/// trước hạn 20 ngày: 10 điểm × 1,0 + thưởng 1 điểm").</param>
public sealed record ScoreLine(
    ScoreLineKind Kind,
    string? TaskCode,
    int? Round,
    TaskRole? Role,
    ScoreOutcome Outcome,
    double Points,
    string Explanation);

/// <summary>A unit's computed score.</summary>
/// <param name="UnitCode">The unit's code.</param>
/// <param name="UnitName">Its name as the directory gives it.</param>
/// <param name="Graded">False for a unit the committee only requests (listed, not graded: docs/architecture.md "Units").</param>
/// <param name="Points">The total on the model's scale (0–100), null when not graded.</param>
/// <param name="Grade">The grade the total reaches, null when not graded.</param>
/// <param name="Lines">Every line the total is the sum of, in catalogue order then round order.</param>
public sealed record UnitScore(
    string UnitCode,
    string UnitName,
    bool Graded,
    double? Points,
    ScoreGrade? Grade,
    IReadOnlyList<ScoreLine> Lines);

/// <summary>The computed scores of every unit of a ward's year, as of a day.</summary>
/// <param name="Year">The programme year (the decision's).</param>
/// <param name="AsOf">The ward day the facts were read on.</param>
/// <param name="Units">Assigned units first (directory order), then requested ones.</param>
public sealed record ScoreSheet(int Year, DateOnly AsOf, IReadOnlyList<UnitScore> Units);
