using DanVan365.Core.Planner;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>The plan's tasks: read as sync sees them, patched with If-Match and re-applied over a newer version.</summary>
public class GraphPlannerTasksTests
{
    [Fact]
    public void ToState_GraphTask_LabelsOnAssigneesAndETagRead()
    {
        var task = new PlannerTask
        {
            Id = "t1",
            BucketId = "b1",
            Title = "[1.3] Tuyên truyền",
            PercentComplete = 50,
            AppliedCategories = new PlannerAppliedCategories
            {
                AdditionalData = new Dictionary<string, object> { ["category2"] = true, ["category25"] = false },
            },
            Assignments = new PlannerAssignments { AdditionalData = new Dictionary<string, object> { ["u1"] = new PlannerAssignment() } },
            AdditionalData = new Dictionary<string, object> { ["@odata.etag"] = "W/\"1\"" },
        };

        var state = GraphPlannerTasks.ToState(task);

        Assert.Equal(("t1", "b1", "W/\"1\"", 50), (state.Id, state.BucketId, state.ETag, state.PercentComplete));
        Assert.Equal([2], state.Categories);
        Assert.Equal(["u1"], state.AssigneeIds);
    }

    [Fact]
    public async Task UpdateTasksAsync_TaskChangedMeanwhile_ReReadAppliedAndPeoplesProgressKept()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);
        var snapshot = (await session.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!;
        var stale = snapshot.Tasks.First(t => PlannerDesign.CodeFromTitle(t.Title) == "1.3");
        // A person sets the percent complete: the eTag sync holds is stale now (the PATCH answers 412).
        await session.Connection.Client.Planner.Tasks[stale.Id].PatchAsync(new PlannerTask { PercentComplete = 50 },
            r => r.Headers.Add("If-Match", stale.ETag));
        var archive = new PlannerChange(PlannerChangeKind.Archive, "1.3|test", null, stale, [], TaskChanged: true,
            DetailsChanged: false, Link: false);

        var failures = await session.Planner.Tasks.UpdateTasksAsync([archive], snapshot.BucketIds, CancellationToken.None);
        var before = session.Requests;
        var tasks = await session.Planner.Tasks.TasksAsync(snapshot.PlanId, CancellationToken.None);

        Assert.Empty(failures);
        Assert.Equal(1, session.Requests - before);
        Assert.Equal(snapshot.Tasks.Count, tasks.Count);
        var after = tasks.Single(t => t.Id == stale.Id);
        Assert.StartsWith("[Bãi bỏ] [1.3] ", after.Title, StringComparison.Ordinal);
        Assert.Contains(PlannerDesign.ArchivedCategory, after.Categories);
        Assert.Equal(50, after.PercentComplete);
    }
}
