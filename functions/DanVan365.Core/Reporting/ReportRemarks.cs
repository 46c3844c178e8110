using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>The units and tasks a remark came from: one unit, its task codes in catalogue order.</summary>
public sealed record RemarkSource(string UnitCode, string UnitName, IReadOnlyList<string> TaskCodes);

/// <summary>
/// A difficulty or proposal as the report states it: once, in its first wording, naming every unit and task that wrote
/// the same words (<see cref="ReportRemarks.Merge"/>).
/// </summary>
public sealed record ReportRemark(string Text, IReadOnlyList<RemarkSource> Sources);

/// <summary>A requested unit's result on one task ("Các cơ quan, tổ chức phối hợp").</summary>
public sealed record PartnerResult(string TaskCode, TaskRole Role, string Result, StatusCategory? ReportedStatus);

/// <summary>What a requested unit (Party body, the Front, residential groups, outside organisations) reported, shown apart.</summary>
public sealed record PartnerReport(string UnitCode, string UnitName, IReadOnlyList<PartnerResult> Results);

/// <summary>How the compiled report states remarks and the requested units' results (pure).</summary>
public static class ReportRemarks
{
    /// <summary>
    /// The key two remarks are "the same" by: whitespace and Unicode normalised, case and old/new tone placement ignored,
    /// final punctuation dropped (<see cref="VietnameseText.MatchKey"/>, plus "!", "?" and "…").
    /// </summary>
    public static string Key(string text) => VietnameseText.MatchKey(text).TrimEnd('!', '?', '…', '.', ';', ',', ':', ' ');

    /// <summary>
    /// Merges remarks given in order (unit by unit, tasks in catalogue order): remarks with the same <see cref="Key"/> become
    /// one, worded as first written, in the order of first appearance, naming their units (in order of first appearance)
    /// and each unit's tasks.
    /// </summary>
    public static IReadOnlyList<ReportRemark> Merge(IEnumerable<(UnitName Unit, string TaskCode, string Text)> remarks)
    {
        ArgumentNullException.ThrowIfNull(remarks);
        var order = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, List<(UnitName Unit, List<string> Tasks)>>(StringComparer.Ordinal);
        foreach (var (unit, task, text) in remarks)
        {
            var key = Key(text);
            if (key.Length == 0)
            {
                continue;
            }

            if (!texts.ContainsKey(key))
            {
                order.Add(key);
                texts[key] = text;
                sources[key] = [];
            }

            var list = sources[key];
            var index = list.FindIndex(s => string.Equals(s.Unit.Code, unit.Code, StringComparison.Ordinal));
            if (index < 0)
            {
                list.Add((unit, [task]));
            }
            else if (!list[index].Tasks.Contains(task, StringComparer.Ordinal))
            {
                list[index].Tasks.Add(task);
            }
        }

        return order.Select(key => new ReportRemark(texts[key],
            sources[key].Select(s => new RemarkSource(s.Unit.Code, s.Unit.Name, s.Tasks)).ToList())).ToList();
    }

    /// <summary>
    /// The requested units' results (a result or a status word), unit by unit in the given order, tasks in catalogue order;
    /// units with none are left out.
    /// </summary>
    internal static IReadOnlyList<PartnerReport> Partners(IEnumerable<string> requested,
        Dictionary<string, Dictionary<string, SubmissionRow>> byUnit, TaskCatalogue catalogue, Func<string, string> name)
    {
        var result = new List<PartnerReport>();
        foreach (var unit in requested)
        {
            var rows = byUnit[unit];
            var results = new List<PartnerResult>();
            foreach (var task in catalogue.WorkItems)
            {
                var code = VietnameseText.Nfc(task.Code);
                if (rows.TryGetValue(code, out var row) && (row.Result.Length > 0 || row.Status is not null))
                {
                    results.Add(new PartnerResult(code, ReportPlanner.RoleOf(task, unit) ?? TaskRole.Coordinating, row.Result, row.Status));
                }
            }

            if (results.Count > 0)
            {
                result.Add(new PartnerReport(unit, name(unit), results));
            }
        }

        return result;
    }
}
