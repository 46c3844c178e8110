using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>One row of a unit's template: a task the unit leads or coordinates.</summary>
public sealed record TemplateRow(string Code, string Task, TaskRole Role);

/// <summary>What one unit's template for one round contains.</summary>
/// <param name="UnitCode">Unit code, e.g. "VHXH".</param>
/// <param name="UnitName">Full name, e.g. "Phòng Văn hóa - Xã hội" (the code when the directory does not know it).</param>
/// <param name="Round">The round.</param>
/// <param name="CatalogueVersion">See <see cref="Reporting.CatalogueVersion"/>.</param>
/// <param name="Year">The programme year ("năm 2026").</param>
/// <param name="Rows">One row per task, in catalogue order.</param>
public sealed record UnitTemplateSpec(
    string UnitCode,
    string UnitName,
    ReportRound Round,
    string CatalogueVersion,
    int Year,
    IReadOnlyList<TemplateRow> Rows)
{
    /// <summary>The unit's abbreviation in "Số:      /BC-{abbreviation}" (<see cref="ReportPlanner.Abbreviation"/>).</summary>
    public string Abbreviation { get; init; } = UnitCode;

    /// <summary>
    /// True when the committee only requests the unit's report (<see cref="UnitDirectory.IsAssigned"/> is false: Party
    /// bodies, the Front, residential groups, outside organisations): the template carries the unit's own heading and asks
    /// ("đề nghị") rather than assigns.
    /// </summary>
    public bool Requested { get; init; }

    /// <summary>The unit's kind; null when the directory does not know the unit.</summary>
    public UnitKind? Kind { get; init; }

    /// <summary>The decision the round belongs to (number and date for the template's opening sentence).</summary>
    public Decision? Decision { get; init; }
}

/// <summary>The machine-readable key a template carries (and a filled template brings back).</summary>
public sealed record TemplateKey(string UnitCode, int Round, string CatalogueVersion);

/// <summary>Who reports what in a round.</summary>
public static class ReportPlanner
{
    /// <summary>
    /// Units expected to report: every unit that leads or coordinates a work item (headings excluded),
    /// as expanded unit codes, in first-appearance order over the catalogue (lead before coordinating).
    /// </summary>
    public static IReadOnlyList<string> ExpectedUnits(TaskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var task in catalogue.WorkItems)
        {
            foreach (var code in task.Lead.Units.Concat(task.Coordinating.Units))
            {
                if (seen.Add(code))
                {
                    result.Add(code);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Units whose report the committee requires: the <see cref="ExpectedUnits"/> it assigns (offices and public service
    /// units, <see cref="UnitDirectory.IsAssigned"/>), in the same order. Only they are chased and counted as missing.
    /// </summary>
    public static IReadOnlyList<string> RequiredUnits(TaskCatalogue catalogue, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return ExpectedUnits(catalogue).Where(units.IsAssigned).ToList();
    }

    /// <summary>
    /// Units whose report is welcome but optional: the <see cref="ExpectedUnits"/> the committee only requests (Party bodies,
    /// the Front, residential groups, outside organisations), in the same order; shown apart as "Các cơ quan, tổ chức phối
    /// hợp".
    /// </summary>
    public static IReadOnlyList<string> OptionalUnits(TaskCatalogue catalogue, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return ExpectedUnits(catalogue).Where(code => !units.IsAssigned(code)).ToList();
    }

    /// <summary>
    /// The unit's role on a task, or null when it has none (lead wins over coordinating). The unit that follows up a lead
    /// nobody assigns (<see cref="CatalogueTask.FollowUp"/>) holds the task as its own: <see cref="TaskRole.Lead"/>.
    /// </summary>
    public static TaskRole? RoleOf(CatalogueTask task, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Lead.Units.Contains(unitCode, StringComparer.Ordinal) || task.FollowUp?.UnitCode == unitCode)
        {
            return TaskRole.Lead;
        }

        return task.Coordinating.Units.Contains(unitCode, StringComparer.Ordinal) ? TaskRole.Coordinating : null;
    }

    /// <summary>The template of one unit for one round: the round's tasks (<see cref="ReportRound.Covers"/>) it leads or
    /// coordinates.</summary>
    public static UnitTemplateSpec TemplateFor(TaskCatalogue catalogue, UnitDirectory units, ReportRound round, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(round);
        var rows = new List<TemplateRow>();
        foreach (var task in catalogue.WorkItems)
        {
            if (round.Covers(task.Code) && RoleOf(task, unitCode) is { } role)
            {
                rows.Add(new TemplateRow(task.Code, VietnameseText.Nfc(task.Title), role));
            }
        }

        return new UnitTemplateSpec(
            unitCode,
            UnitName(units, unitCode),
            round,
            CatalogueVersion.Compute(catalogue),
            catalogue.Decision.Date.Year,
            rows)
        {
            Abbreviation = Abbreviation(units, unitCode),
            Requested = !units.IsAssigned(unitCode),
            Kind = units.Find(unitCode)?.Kind,
            Decision = catalogue.Decision,
        };
    }

    /// <summary>
    /// One template per unit the round asks (<see cref="ReportRound.UnitsOr"/>: an ad hoc round's chosen units, else the
    /// <see cref="ExpectedUnits"/>), in that order; the rows are the round's tasks the unit leads or coordinates.
    /// </summary>
    public static IReadOnlyList<UnitTemplateSpec> Templates(TaskCatalogue catalogue, UnitDirectory units, ReportRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.UnitsOr(ExpectedUnits(catalogue)).Select(code => TemplateFor(catalogue, units, round, code)).ToList();
    }

    /// <summary>The unit's abbreviation (directory "abbreviation"), or its code when the directory gives none.</summary>
    public static string Abbreviation(UnitDirectory units, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.Find(unitCode)?.Abbreviation is { Length: > 0 } abbreviation ? VietnameseText.Nfc(abbreviation) : unitCode;
    }

    /// <summary>The unit's full name, or its code when the directory does not know it.</summary>
    public static string UnitName(UnitDirectory units, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.Find(unitCode)?.Name is { Length: > 0 } name ? VietnameseText.Nfc(name) : unitCode;
    }
}
