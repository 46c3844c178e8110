using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Lists;

/// <summary>
/// Provenance instead of churn, counted by the local Graph (/_emulator/stats): re-syncing a re-issued decision (new
/// number, one task added, one removed, three changed) writes only those entries, in the lists and in Planner.
/// </summary>
public class ReissueWriteCountTests
{
    private static readonly string[] Touched = [.. CatalogueReissue.Changed, CatalogueReissue.Added, CatalogueReissue.Removed];

    [Fact]
    public async Task SyncAll_ReissuedDecision_WritesOnlyAddedRemovedAndChangedEntries()
    {
        // The original decision synced (lists and Planner).
        await using var ward = await SyncedWard.StartAsync(WardState.Synced);

        var reissued = CatalogueReissue.Reissued();
        using var second = ward.NewSession();
        var writesBefore = ward.Server.GetStats().Writes;
        var lists = await second.CatalogueSync.RunAsync(reissued, Units, false, CancellationToken.None);
        var listWrites = ward.Server.GetStats().Writes - writesBefore;

        Assert.True(lists.Succeeded, string.Join("\n", lists.Failures));
        Assert.Equal(5, lists.Tasks.Writes.Count());
        Assert.All(lists.Assignments.Writes, w => Assert.Contains(w.Key.Split('|')[0], Touched));
        Assert.Equal(lists.Tasks.Writes.Count() + lists.Assignments.Writes.Count(), listWrites);

        var links = await second.Site.PlannerLinksAsync("qd-901-2026-hai-an.pdf", CancellationToken.None);
        var plannerBefore = ward.Server.GetStats().Writes;
        var planner = await second.PlannerSync.SyncAsync(
            reissued, Units, PlannerDesign.DefaultPlanTitle(reissued, "Phường Hải An"), links, lists.CurrentAssignmentRows, false,
                CancellationToken.None);
        var plannerWrites = ward.Server.GetStats().Writes - plannerBefore;

        Assert.Empty(planner.Failures);
        var written = planner.Plan!.Changes.Where(c => c.Kind != PlannerChangeKind.Unchanged).ToList();
        Assert.All(written, c => Assert.Contains(c.AssignmentKey.Split('|')[0], Touched));
        Assert.Equal(Touched.Order(StringComparer.Ordinal),
            written.Select(c => c.AssignmentKey.Split('|')[0]).Distinct().Order(StringComparer.Ordinal));
        // each written task costs at most its task, its details and the Phân công row that records it
        Assert.InRange(plannerWrites, written.Count, 3 * written.Count);
        // a full rewrite would have touched every one of the catalogue's tasks
        Assert.True(listWrites + plannerWrites < DesiredRows.ForAssignments(reissued, Units).Count,
            $"{listWrites} + {plannerWrites} writes");
    }
}
