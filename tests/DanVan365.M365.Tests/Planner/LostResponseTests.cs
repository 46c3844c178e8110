using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.LocalM365;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>
/// $batch items answered 429/503/504 may already have run (issue 12, difference 11), and Planner answers 409 for a
/// write that conflicts with a newer change (planner-overview.md): sync still ends with exactly one task and one row each.
/// </summary>
public class LostResponseTests
{
    private static readonly string PlanTitle = PlannerDesign.DefaultPlanTitle(Catalogue, "Phường Hải An");

    [Fact]
    public async Task SyncAll_ServerErrorAfterExecutionEveryFourth_NoDuplicateTasksOrRows()
    {
        await using var ward = await WardHarness.StartAsync();
        ward.Server.SetFaults(new EmulatorFaults(ServerErrorEvery: 4, RetryAfterSeconds: 0, AfterExecution: true));
        using (var session = ward.NewSession())
        {
            var (lists, planner) = await session.SyncAllAsync(Catalogue, Units);
            Assert.True(lists.Succeeded, string.Join("\n", lists.Failures));
            Assert.Empty(planner.Failures);
        }

        Assert.True(ward.Server.GetStats().ServerErrors > 0);
        ward.Server.SetFaults(null);
        await AssertExactlyOneOfEachAsync(ward);
    }

    [Fact]
    public async Task SyncAll_ThrottledAfterExecutionEveryFourth_NoDuplicatePlanTasksOrRows()
    {
        await using var ward = await WardHarness.StartAsync();
        ward.Server.SetFaults(new EmulatorFaults(ThrottleEvery: 4, RetryAfterSeconds: 0, AfterExecution: true));
        using (var session = ward.NewSession())
        {
            var (lists, planner) = await session.SyncAllAsync(Catalogue, Units);
            Assert.True(lists.Succeeded, string.Join("\n", lists.Failures));
            Assert.Empty(planner.Failures);
        }

        Assert.True(ward.Server.GetStats().Throttled > 0);
        ward.Server.SetFaults(null);
        await AssertExactlyOneOfEachAsync(ward);
    }

    [Fact]
    public async Task SyncAll_PlannerConflictEveryThird_ResolvesAndCreatesEachTaskOnce()
    {
        await using var ward = await WardHarness.StartAsync();
        ward.Server.SetFaults(new EmulatorFaults(ConflictEvery: 3));
        using (var session = ward.NewSession())
        {
            var (_, planner) = await session.SyncAllAsync(Catalogue, Units);
            Assert.Empty(planner.Failures);
        }

        ward.Server.SetFaults(null);
        await AssertExactlyOneOfEachAsync(ward);
    }

    [Fact]
    public async Task Pull_ServerErrorAfterExecutionEveryFourth_ProgressCopiedAndNoDuplicateTasksOrRows()
    {
        await using var ward = await WardHarness.StartAsync();
        using (var session = ward.NewSession())
        {
            await session.SyncAllAsync(Catalogue, Units);
            var snapshot = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
            foreach (var task in snapshot.Tasks.Take(5))
            {
                await session.Connection.Client.Planner.Tasks[task.Id].PatchAsync(new Microsoft.Graph.Models.PlannerTask
                {
                    PercentComplete = 50,
                }, r => r.Headers.Add("If-Match", task.ETag));
            }
        }

        ward.Server.SetFaults(new EmulatorFaults(ServerErrorEvery: 4, RetryAfterSeconds: 0, AfterExecution: true));
        using (var session = ward.NewSession())
        {
            // The pull use case itself (the ward lease taken around it by WardSync is tested with the lease).
            var pulled = await session.PlannerSync.PullAsync(PlanTitle, CancellationToken.None);
            Assert.Empty(pulled.Failures);
        }

        Assert.True(ward.Server.GetStats().ServerErrors > 0);
        ward.Server.SetFaults(null);
        await AssertExactlyOneOfEachAsync(ward);
        using var check = ward.NewSession();
        var rows = await check.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
        Assert.Equal(5, rows.Count(r => r.Fields.GetValueOrDefault(AssignmentColumns.PercentComplete) == "50"));
    }

    private static async Task AssertExactlyOneOfEachAsync(WardHarness ward)
    {
        using var check = ward.NewSession();
        var assignments = DesiredRows.ForAssignments(Catalogue, Units);
        var snapshot = (await check.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
        Assert.Equal(assignments.Count, snapshot.Tasks.Count);
        Assert.Equal(snapshot.Tasks.Count, snapshot.Tasks.Select(t => (t.BucketId,
            PlannerDesign.CodeFromTitle(t.Title))).Distinct().Count());
        var rows = await check.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
        Assert.Equal(assignments.Count, rows.Count);
        Assert.Equal(31, (await check.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Count);
        var groupPlans = await check.Connection.Client.Groups[ward.Server.Tenant.WardGroupId].Planner.Plans.GetAsync();
        Assert.Single(groupPlans!.Value!);
    }
}
