using DanVan365.Cli.Commands;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Cli.Tests.Commands;

public class ReissueSummaryTests
{
    private static readonly DateOnly Today = new(2026, 6, 20);

    [Fact]
    public void Format_ReissuedDecision_ListsAddedRemovedChangedWithFieldsAndGaps()
    {
        var reissued = CatalogueReissue.Reissued() with
        {
            Warnings = [new CatalogueWarning("qd-901.txt", 1066, "Số thứ tự bị bỏ qua trước nhiệm vụ 4.11: không có 4.10")],
        };
        var lists = DryRun(CatalogueReissue.Original, reissued);

        var text = ReissueSummary.Format(reissued, lists);

        Assert.Contains("Quyết định 901/QĐ-UBND", text, StringComparison.Ordinal);
        Assert.Contains("Thêm mới (1): 4.12", text, StringComparison.Ordinal);
        Assert.Contains("Bãi bỏ (1): 4.10", text, StringComparison.Ordinal);
        Assert.Contains("Sửa đổi (3): ", text, StringComparison.Ordinal);
        Assert.Contains("1.1 (Nội dung nhiệm vụ", text, StringComparison.Ordinal);
        Assert.Contains("2.4 (Cơ quan phối hợp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ContentHash", text, StringComparison.Ordinal);
        Assert.Contains("Số thứ tự bị bỏ qua (1): ", text, StringComparison.Ordinal);
        Assert.Contains("không có 4.10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SameDecision_SaysNothingChanges()
    {
        var lists = DryRun(CatalogueReissue.Original, CatalogueReissue.Original);

        var text = ReissueSummary.Format(CatalogueReissue.Original, lists);

        Assert.Contains("Thêm mới (0): không có", text, StringComparison.Ordinal);
        Assert.Contains("Sửa đổi (0): không có", text, StringComparison.Ordinal);
    }

    private static ListSyncReport DryRun(TaskCatalogue before, TaskCatalogue after)
    {
        var first = SyncPlanner.Plan(SiteSchema.Tasks, DesiredRows.ForTasks(before), [], Today);
        var current = first.Changes.Select((c, i) => new CurrentRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Key,
            "e", c.Fields)).ToList();
        var tasks = SyncPlanner.Plan(SiteSchema.Tasks, DesiredRows.ForTasks(after), current, Today);
        var assignments = SyncPlanner.Plan(SiteSchema.Assignments, DesiredRows.ForAssignments(after, Bundled.Units), [],
            Today);
        return new ListSyncReport(tasks, assignments, null, null, null);
    }
}
