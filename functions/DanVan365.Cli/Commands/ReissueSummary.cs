using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `sync --dry-run`'s short human summary, printed before the plan: which entries of the catalogue the decision adds,
/// removes and changes (with the changed fields by their Vietnamese column names), and the numbering gaps.
/// </summary>
public static class ReissueSummary
{
    // Bookkeeping columns a person does not need to read about.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        SiteSchema.ContentHash, SiteSchema.Archived, SiteSchema.ArchivedOn, SiteSchema.Title, DesiredRows.DecisionNumber,
    };

    public static string Format(TaskCatalogue catalogue, ListSyncReport lists)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(lists);
        var plan = lists.Tasks;
        var names = plan.List.Columns.ToDictionary(c => c.Name, c => c.DisplayName, StringComparer.Ordinal);
        var added = plan.Changes.Where(c => c.Kind == ChangeKind.Create).Select(c => c.Key).ToList();
        var removed = plan.Changes.Where(c => c.Kind == ChangeKind.Archive).Select(c => c.Key).ToList();
        var changed = plan.Changes.Where(c => c.Kind == ChangeKind.Update).Select(c =>
        {
            var fields = c.ChangedFields.Where(f => !Hidden.Contains(f)).Select(f => names.GetValueOrDefault(f, f)).ToList();
            return fields.Count == 0 ? c.Key : $"{c.Key} ({string.Join(", ", fields)})";
        }).ToList();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Quyết định {catalogue.Decision.Number} so với danh mục đang có:\n");
        text.Append(CultureInfo.InvariantCulture, $"  Thêm mới ({added.Count}): {List(added)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  Bãi bỏ ({removed.Count}): {List(removed)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  Sửa đổi ({changed.Count}): {List(changed)}\n");
        var gaps = catalogue.Warnings.Select(w => w.Message).ToList();
        text.Append(CultureInfo.InvariantCulture, $"  Số thứ tự bị bỏ qua ({gaps.Count}): {List(gaps)}\n");
        return text.ToString();
    }

    private static string List(IReadOnlyCollection<string> items) => items.Count == 0 ? "không có" : string.Join("; ", items);
}
