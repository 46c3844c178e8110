using DanVan365.Core.Planner;
using DanVan365.Core.Time;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Core.Tests.Planner;

/// <summary>A re-issued decision leaves the Planner tasks of unchanged entries alone and never moves a start date.</summary>
public class PlannerProvenanceTests
{
    [Fact]
    public void Tasks_ReissueWithNewDecisionLink_HashMovesOnlyForChangedEntries()
    {
        var before = PlannerDesign.Tasks(CatalogueReissue.Original, Bundled.Units, Links("qd-673.pdf")).ToDictionary(s => s.AssignmentKey);
        var after = PlannerDesign.Tasks(CatalogueReissue.Reissued(), Bundled.Units, Links("qd-901.pdf")).ToDictionary(s => s.AssignmentKey);

        var moved = after.Values.Where(s => before.TryGetValue(s.AssignmentKey, out var b) && b.ContentHash != s.ContentHash)
            .Select(s => s.TaskCode).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(CatalogueReissue.Changed, moved);
        Assert.Contains(after.Values, s => s.TaskCode == CatalogueReissue.Added);
        Assert.DoesNotContain(after.Values, s => s.TaskCode == CatalogueReissue.Removed);
    }

    [Fact]
    public void Tasks_ChangedEntry_DescriptionNamesNewDecision()
    {
        var after = PlannerDesign.Tasks(CatalogueReissue.Reissued(), Bundled.Units, Links("qd-901.pdf"));

        Assert.Contains("Theo Quyết định số 901/QĐ-UBND ngày 15/06/2026", after.First(s => s.TaskCode == "1.1").Description,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AmendedEntry_KeepsExistingStart()
    {
        var before = PlannerDesign.Tasks(CatalogueReissue.Original, Bundled.Units, Links("qd-673.pdf")).First(s => s.TaskCode == "2.2");
        var after = PlannerDesign.Tasks(CatalogueReissue.Reissued(), Bundled.Units, Links("qd-901.pdf")).First(s => s.TaskCode == "2.2");
        var existing = new PlannerTaskState("t1", "W/\"1\"", "b1", before.Title, before.Start, before.Due,
            new HashSet<int> { before.Category }, new HashSet<string>(), 0, null);

        var plan = PlannerSyncPlanner.Plan([after], [existing], [new PlannerLinkState(after.AssignmentKey, "7", null, "t1",
            before.ContentHash)],
            new Dictionary<string, string>(), new Dictionary<string, string>());

        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlannerChangeKind.Update, change.Kind);
        Assert.Equal(WardTime.StartOfDayUtc(new DateOnly(2026, 2, 12)), change.Spec!.Start);
        Assert.NotEqual(after.Start, change.Spec.Start);
    }

    [Fact]
    public void KeepStart_StartAfterNewDue_MovesToDueDay()
    {
        var spec = PlannerDesign.Tasks(CatalogueReissue.Reissued(), Bundled.Units, Links("qd-901.pdf")).First(s => s.TaskCode == "2.2");
        var lateStart = spec.Due!.Value.AddDays(10);
        var existing = new PlannerTaskState("t1", "e", "b", spec.Title, lateStart, spec.Due, new HashSet<int>(), new HashSet<string>(), 0,
            null);

        var kept = PlannerSyncPlanner.KeepStart(spec, existing);

        Assert.Equal(WardTime.StartOfDayUtc(new DateOnly(2026, 9, 30)), kept.Start);
        Assert.True(kept.Start <= kept.Due);
    }

    [Fact]
    public void Tasks_DueBeforeDecisionDate_StartIsDueDay()
    {
        var spec = PlannerDesign.Tasks(CatalogueReissue.Reissued(), Bundled.Units, Links("qd-901.pdf")).First(s => s.TaskCode == "1.2");

        // 1.2 is due 15/2/2026, before the re-issue of 15/6/2026: a new task may not start after its due date.
        Assert.Equal(WardTime.StartOfDayUtc(new DateOnly(2026, 2, 14)), spec.Start);
        Assert.True(spec.Start <= spec.Due);
    }

    private static PlannerLinks Links(string decisionFile) =>
        new(code => $"https://contoso.sharepoint.com/sites/haian/Lists/NhiemVu/{code}",
            $"https://contoso.sharepoint.com/sites/haian/QuyetDinh/{decisionFile}");
}
