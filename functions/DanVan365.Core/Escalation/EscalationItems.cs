using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Escalation;

/// <summary>
/// Turns list rows into <see cref="EscalationItem"/>s (pure): every Phân công row (archived and completed rows are
/// kept, marked, and the policy leaves them out) and every (round × expected unit) of the decision's rounds, reported
/// when Báo cáo kết quả holds at least one row for that round and unit.
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
            var f = row.Fields;
            var code = f.GetValueOrDefault("TaskCode");
            var unit = f.GetValueOrDefault("UnitCode");
            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(unit))
            {
                continue;
            }

            var title = f.GetValueOrDefault("TaskText") ?? f.GetValueOrDefault(SiteSchema.Title) ?? code;
            var planner = f.GetValueOrDefault("PlannerTaskId");
            items.Add(EscalationItem.ForAssignment(
                code,
                string.IsNullOrWhiteSpace(title) ? code : title,
                unit,
                FieldValues.ParseDate(f.GetValueOrDefault("LastDay")),
                completed: IsCompleted(f),
                archived: f.GetValueOrDefault(SiteSchema.Archived) == "true",
                plannerTaskUrl: string.IsNullOrEmpty(planner) ? null : links.PlannerTask(planner),
                listItemUrl: links.AssignmentItem(row.ItemId)));
        }

        return items;
    }

    /// <summary>
    /// Report items: one per (round × expected unit) of <paramref name="rounds"/>, reported when a Báo cáo kết quả row
    /// (<see cref="SiteSchema.Reports"/>) exists for that round and unit.
    /// </summary>
    public static IReadOnlyList<EscalationItem> FromReports(IEnumerable<CurrentRow> reportRows, IReadOnlyList<ReportRound> rounds,
        IReadOnlyList<string> expectedUnits, EscalationLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(reportRows);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(expectedUnits);
        links ??= EscalationLinks.None;
        var reported = new HashSet<(int, string)>();
        foreach (var row in reportRows)
        {
            var unit = row.Fields.GetValueOrDefault("UnitCode");
            if (unit is not null && double.TryParse(row.Fields.GetValueOrDefault("Round"), NumberStyles.Float, CultureInfo.InvariantCulture, out var round))
            {
                reported.Add(((int)round, unit));
            }
        }

        var items = new List<EscalationItem>();
        foreach (var round in rounds)
        {
            foreach (var unit in expectedUnits.Distinct(StringComparer.Ordinal))
            {
                items.Add(EscalationItem.ForReport(round.Number, round.LastDay, unit, reported: reported.Contains((round.Number, unit)),
                    listItemUrl: links.UnitReports(round.Number, unit)));
            }
        }

        return items;
    }

    /// <summary>
    /// A Phân công row is done when people recorded it: a completion date, a "Hoàn thành …" status, or 100 %.
    /// </summary>
    public static bool IsCompleted(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (FieldValues.ParseDate(fields.GetValueOrDefault("CompletedOn")) is not null)
        {
            return true;
        }

        if (StatusCategories.TryParse(fields.GetValueOrDefault("Status"), out var status) && status.IsCompleted())
        {
            return true;
        }

        return double.TryParse(fields.GetValueOrDefault("PercentComplete"), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent >= 100;
    }
}
