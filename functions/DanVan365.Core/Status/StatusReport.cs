using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Status;

/// <summary>Counts per status category (plus ongoing tasks) for one unit, one section, or everything.</summary>
public sealed record StatusCounts(string Key, string Name, IReadOnlyDictionary<StatusCategory, int> ByCategory, int Ongoing)
{
    public int Total => ByCategory.Values.Sum() + Ongoing;

    public int Count(StatusCategory category) => ByCategory.GetValueOrDefault(category);
}

/// <summary>The status table of `danvan365 status` and the Status function: per unit, per section, totals.</summary>
public sealed record StatusReport(DateOnly AsOf, IReadOnlyList<StatusCounts> Units, IReadOnlyList<StatusCounts> Sections,
    StatusCounts Totals)
{
    /// <summary>
    /// Builds the report from Phân công rows as of a day (ICT): the category of each open row follows docs/architecture.md
    /// "Status" from its last day and completion date, so it is right even before the next `pull`; archived rows are
    /// left out; rows without a last day count as ongoing.
    /// </summary>
    public static StatusReport Build(IReadOnlyList<CurrentRow> assignments, IReadOnlyList<Catalogue.Section> sections, UnitDirectory units,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(units);
        var classified = new List<(string Unit, string Section, StatusCategory? Category)>();
        foreach (var row in assignments)
        {
            if (AssignmentRow.From(row) is not { Archived: false } assignment)
            {
                continue;
            }

            classified.Add((assignment.UnitCode, assignment.TaskCode.Split('.')[0], assignment.Category(today)));
        }

        var byUnit = classified.GroupBy(c => c.Unit, StringComparer.Ordinal)
            .OrderBy(g => IndexOf(units, g.Key))
            .Select(g => Counts(g.Key, units.Find(g.Key)?.Name ?? g.Key, g.Select(x => x.Category)))
            .ToList();
        var bySection = classified.GroupBy(c => c.Section, StringComparer.Ordinal)
            .OrderBy(g => sections.ToList().FindIndex(s => s.Code == g.Key) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => Counts(g.Key, sections.FirstOrDefault(s => s.Code == g.Key)?.Title ?? g.Key, g.Select(x => x.Category)))
            .ToList();
        return new StatusReport(today, byUnit, bySection, Counts("*", "Tổng cộng", classified.Select(c => c.Category)));
    }

    /// <summary>
    /// The one split of the status by the committee's authority (<see cref="UnitDirectory.IsAssigned"/>): the report over the
    /// rows of the units it assigns (the figures, totals and overdue rows everyone reads), and the per-unit counts of the units
    /// it only requests ("Các cơ quan, tổ chức phối hợp"), in no total.
    /// </summary>
    public static (StatusReport Assigned, IReadOnlyList<StatusCounts> Requested) BuildByAuthority(IReadOnlyList<CurrentRow> assignments,
        IReadOnlyList<Catalogue.Section> sections, UnitDirectory units, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(units);
        var assigned = assignments.Where(r => AssignmentRow.From(r) is { } a && units.IsAssigned(a.UnitCode)).ToList();
        var requested = assignments.Where(r => AssignmentRow.From(r) is { } a && !units.IsAssigned(a.UnitCode)).ToList();
        return (Build(assigned, sections, units, today), Build(requested, sections, units, today).Units);
    }

    private static int IndexOf(UnitDirectory units, string code)
    {
        for (var i = 0; i < units.Units.Count; i++)
        {
            if (units.Units[i].Code == code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static StatusCounts Counts(string key, string name, IEnumerable<StatusCategory?> categories)
    {
        var list = categories.ToList();
        var counts = StatusCategories.All.ToDictionary(c => c, c => list.Count(x => x == c));
        return new StatusCounts(key, name, counts, list.Count(x => x is null));
    }
}
