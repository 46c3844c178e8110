using DanVan365.Core.Planner;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>A task's details: what the decision says is written; people's own checklist items and ticks stay.</summary>
public class GraphTaskDetailsTests
{
    [Fact]
    public void ReferenceKey_Url_EncodesWhatPlannerKeysCannotHold() =>
        Assert.Equal("https%3A//x%2Evn/a%25b%40c%23d", GraphTaskDetails.ReferenceKey("https://x.vn/a%b@c#d"));

    [Fact]
    public void ChecklistId_SameKeyAndTitle_SameIdAndSyncMade()
    {
        var id = GraphTaskDetails.ChecklistId("1.3|VHXH", "Báo cáo kết quả");

        Assert.Equal(id, GraphTaskDetails.ChecklistId("1.3|VHXH", "Báo cáo kết quả"));
        Assert.NotEqual(id, GraphTaskDetails.ChecklistId("1.3|VP", "Báo cáo kết quả"));
        Assert.True(PlannerDesign.IsSyncItemToRemove("1.3|VHXH", id, "Báo cáo kết quả", new HashSet<string>()));
    }

    [Fact]
    public async Task UpdateDetailsAsync_PersonAddedAChecklistItem_ItemKeptAndDescriptionWritten()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);
        var specs = PlannerDesign.Tasks(Catalogue, Units, new PlannerLinks(_ => null, null));
        var spec = specs.First(s => s.TaskCode == "2.5") with { Description = "Mô tả mới" };
        var snapshot = (await session.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!;
        var task = snapshot.Tasks.Single(t => t.BucketId == snapshot.BucketIds[spec.BucketName]
            && PlannerDesign.CodeFromTitle(t.Title) == "2.5");
        var details = (await session.Connection.Client.Planner.Tasks[task.Id].Details.GetAsync())!;
        var own = new PlannerChecklistItem { OdataType = "microsoft.graph.plannerChecklistItem", Title = "Việc riêng", IsChecked = true };
        await session.Connection.Client.Planner.Tasks[task.Id].Details.PatchAsync(
            new PlannerTaskDetails
            {
                Checklist = new PlannerChecklistItems { AdditionalData = new Dictionary<string, object> { ["own1"] = own } },
            },
            r => r.Headers.Add("If-Match", (string)details.AdditionalData["@odata.etag"]));

        var failures = await session.Planner.Details.UpdateDetailsAsync([(spec.AssignmentKey, task.Id, spec)], CancellationToken.None);

        Assert.Empty(failures);
        var after = (await session.Connection.Client.Planner.Tasks[task.Id].Details.GetAsync())!;
        Assert.Equal("Mô tả mới", after.Description);
        Assert.Contains("own1", after.Checklist!.AdditionalData.Keys);
        Assert.Equal(details.Checklist!.AdditionalData.Count + 1, after.Checklist.AdditionalData.Count);
    }
}
