using DanVan365.Core.Time;

namespace DanVan365.Core.Status;

/// <summary>
/// What "completed" means, once for every path (docs/architecture.md "Status"): escalation, the status table and `pull` all
/// ask this type.
/// <list type="bullet">
/// <item>A Phân công row is completed exactly when it holds a completion date (ICT). Its status is then
/// <see cref="StatusRules.Categorise(DateOnly?, DateOnly?, DateOnly)"/> of its last day and that date: a status word or a
/// percentage alone does not
/// make a row done, so nothing is counted done and reminded as overdue at once.</item>
/// <item>A Planner task is completed exactly when its percent complete is 100; its completion date is
/// completedDateTime taken in ICT (the date already recorded, or today, if Planner gave none). `pull` writes that
/// date, so the row follows the task.</item>
/// </list>
/// </summary>
public static class Completion
{
    /// <summary>Planner's "complete" percentage.</summary>
    public const int CompletePercent = 100;

    /// <summary>True when a row with this completion date counts as done.</summary>
    public static bool IsCompleted(DateOnly? completedOn) => completedOn is not null;

    /// <summary>The status category of a row (null for ongoing tasks, which have no last day).</summary>
    public static StatusCategory? Category(DateOnly? lastDay, DateOnly? completedOn, DateOnly today) =>
        StatusRules.Categorise(lastDay, completedOn, today);

    /// <summary>The status category of a row of time-frame <paramref name="kind"/> (a recurring one is never overdue).</summary>
    public static StatusCategory? Category(Catalogue.TimeFrameKind? kind, DateOnly? lastDay, DateOnly? completedOn, DateOnly today) =>
        StatusRules.Categorise(kind, lastDay, completedOn, today);

    /// <summary>
    /// The completion date a Planner task gives its row. A date the row already holds is kept: a pull never clears or
    /// moves it (a task re-opened, re-created after a deletion, or completed again keeps the day the work was done).
    /// Otherwise: null while under 100 %; at 100 % completedDateTime in ICT, else today.
    /// </summary>
    public static DateOnly? FromPlanner(int percentComplete, DateTimeOffset? completedDateTime, DateOnly? recorded, DateOnly today)
    {
        if (recorded is not null)
        {
            return recorded;
        }

        if (percentComplete < CompletePercent)
        {
            return null;
        }

        return completedDateTime is { } at ? WardTime.ToWardDate(at) : today;
    }
}
