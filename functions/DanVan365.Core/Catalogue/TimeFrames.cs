namespace DanVan365.Core.Catalogue;

/// <summary>
/// Recurring time frames (docs/architecture.md "Time frames"): "Năm Y và các năm tiếp theo" (<see cref="TimeFrameKind.YearOnward"/>)
/// keeps the decision's last day 31/12/Y, but the work goes on: it is never overdue (status, dashboard, escalation, Planner's
/// due date), it is reported every round like an ongoing task, and it stays in progress into the next year, when the next
/// year's decision takes it up.
/// </summary>
public static class TimeFrames
{
    /// <summary>What a recurring task's Planner description says instead of a last day.</summary>
    public const string RecurringNote =
        "Nhiệm vụ thực hiện trong năm và các năm tiếp theo: không tính quá hạn; báo cáo kết quả trong mỗi đợt báo cáo.";

    /// <summary>True for a time frame that recurs after its year (<see cref="TimeFrameKind.YearOnward"/>).</summary>
    public static bool Recurs(TimeFrameKind? kind) => kind == TimeFrameKind.YearOnward;

    /// <summary>
    /// The day after which a task of this kind is overdue: its (effective) last day, or null when the kind recurs or has no
    /// last day (ongoing).
    /// </summary>
    public static DateOnly? OverdueAfter(TimeFrameKind? kind, DateOnly? lastDay) => Recurs(kind) ? null : lastDay;
}
