using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Escalation;

/// <summary>
/// Turns list rows into <see cref="EscalationItem"/>s (pure): every Phân công row (archived and completed rows are
/// kept, marked, and the policy leaves them out) and every (round × expected unit) of the decision's rounds, reported
/// by <see cref="RoundReports"/> (a row with content for that round and unit). An assignment follows its effective last day
/// (<see cref="AssignmentRow.EffectiveLastDay"/>: an approved extension moves the ladder); a recurring time frame has none
/// (<see cref="AssignmentRow.OverdueAfter"/>): like an ongoing task it is followed only through the round reports.
/// </summary>
public static class EscalationItems
{
    /// <summary>Assignment items from Phân công rows (<see cref="SiteSchema.Assignments"/>).</summary>
    public static IReadOnlyList<EscalationItem> FromAssignments(IEnumerable<CurrentRow> rows, EscalationLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        links ??= EscalationLinks.None;
        var items = new List<EscalationItem>();
        foreach (var row in rows)
        {
            if (AssignmentRow.From(row) is not { } assignment)
            {
                continue;
            }

            var code = assignment.TaskCode;
            var title = assignment.TaskText ?? assignment.Title ?? code;
            items.Add(EscalationItem.ForAssignment(
                code,
                string.IsNullOrWhiteSpace(title) ? code : title,
                assignment.UnitCode,
                assignment.OverdueAfter,
                completed: assignment.IsCompleted,
                archived: assignment.Archived,
                plannerTaskUrl: assignment.PlannerTaskId is { } planner ? links.PlannerTask(planner) : null,
                listItemUrl: row.WebUrl ?? links.AssignmentItem(row.ItemId),
                extended: assignment.IsExtended));
        }

        return items;
    }

    /// <summary>
    /// Report items: one per (round × unit the round asks: an ad hoc round's chosen units, a decision round's
    /// <paramref name="expectedUnits"/>, <see cref="ReportRound.UnitsOr"/>) of <paramref name="rounds"/>, reported by the one rule of
    /// <see cref="RoundReports"/>: a Báo cáo kết quả row (<see cref="SiteSchema.Reports"/>) of that round and unit with
    /// content (an emptied or key-only row does not stop the reminders; no submission date is needed), and not returned for
    /// additions (<paramref name="returned"/>: a returned submission is chased again until the unit submits anew).
    /// </summary>
    public static IReadOnlyList<EscalationItem> FromReports(IEnumerable<CurrentRow> reportRows, IReadOnlyList<ReportRound> rounds,
        IReadOnlyList<string> expectedUnits, EscalationLinks? links = null, ReturnedSubmissions? returned = null)
    {
        ArgumentNullException.ThrowIfNull(reportRows);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(expectedUnits);
        links ??= EscalationLinks.None;
        var reported = RoundReports.Reporters(reportRows, returned ?? ReturnedSubmissions.None);

        var items = new List<EscalationItem>();
        foreach (var round in rounds)
        {
            foreach (var unit in round.UnitsOr(expectedUnits).Distinct(StringComparer.Ordinal))
            {
                items.Add(EscalationItem.ForReport(round.Number, round.LastDay, unit, reported: reported.Contains((round.Number, unit)),
                    title: DigestText.ReportTitle(round), listItemUrl: links.UnitReports(round.Number, unit)));
            }
        }

        return items;
    }

    /// <summary>A Phân công row is done by the one rule of <see cref="Completion"/>: it holds a completion date.</summary>
    public static bool IsCompleted(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Completion.IsCompleted(FieldValues.ParseDate(fields.GetValueOrDefault(AssignmentColumns.CompletedOn)));
    }
}
