using DanVan365.Core.Catalogue;

namespace DanVan365.Core.Status;

/// <summary>The rules of docs/architecture.md "Status". Pure: the caller supplies today (ICT, via <c>WardTime.Today(clock)</c>).</summary>
public static class StatusRules
{
    /// <summary>
    /// The category of a task (or assignment) with a last day:
    /// completed on or before the last day → <see cref="StatusCategory.CompletedOnTime"/>;
    /// completed after it → <see cref="StatusCategory.CompletedLate"/>;
    /// open and today ≤ last day → <see cref="StatusCategory.InProgressOnTime"/>;
    /// open and today &gt; last day → <see cref="StatusCategory.InProgressOverdue"/>.
    /// Returns null for ongoing tasks (no last day): those are judged per round with <see cref="CategoriseRound(DateOnly?, DateOnly)"/>.
    /// A completion date is taken as given, even if it lies after <paramref name="today"/> (clock skew, back-dated runs).
    /// </summary>
    public static StatusCategory? Categorise(DateOnly? lastDay, DateOnly? completedOn, DateOnly today)
    {
        if (lastDay is not { } last)
        {
            return null;
        }

        if (completedOn is { } done)
        {
            return done <= last ? StatusCategory.CompletedOnTime : StatusCategory.CompletedLate;
        }

        return today <= last ? StatusCategory.InProgressOnTime : StatusCategory.InProgressOverdue;
    }

    /// <summary>
    /// The category of a task of time-frame <paramref name="kind"/>: as <see cref="Categorise(DateOnly?, DateOnly?, DateOnly)"/>,
    /// except that a recurring time frame ("Năm Y và các năm tiếp theo", <see cref="TimeFrames.Recurs"/>) is never overdue nor
    /// late: open it stays <see cref="StatusCategory.InProgressOnTime"/> past 31/12/Y (it goes on into the next year),
    /// completed it is <see cref="StatusCategory.CompletedOnTime"/>.
    /// </summary>
    public static StatusCategory? Categorise(TimeFrameKind? kind, DateOnly? lastDay, DateOnly? completedOn, DateOnly today)
    {
        if (TimeFrames.Recurs(kind) && lastDay is not null)
        {
            return completedOn is null ? StatusCategory.InProgressOnTime : StatusCategory.CompletedOnTime;
        }

        return Categorise(lastDay, completedOn, today);
    }

    /// <summary>An ongoing task's status for one round: reported (a report exists) or not.</summary>
    public static RoundReportStatus CategoriseRound(bool reported) =>
        reported ? RoundReportStatus.Reported : RoundReportStatus.NotReported;

    /// <summary>
    /// An ongoing task's status for one round as of <paramref name="today"/>, from the date its report came in (null: none yet).
    /// A report dated after today (not yet in, as of that day) counts as not reported.
    /// </summary>
    public static RoundReportStatus CategoriseRound(DateOnly? reportedOn, DateOnly today) =>
        reportedOn is { } on && on <= today ? RoundReportStatus.Reported : RoundReportStatus.NotReported;
}
