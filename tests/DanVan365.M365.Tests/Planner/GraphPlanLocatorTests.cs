using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

public class GraphPlanLocatorTests
{
    [Fact]
    public async Task SyncAll_PlanRenamedThroughGraph_SamePlanNoSecondPlan()
    {
        await using var ward = await WardHarness.StartAsync();
        string planId;
        using (var first = ward.NewSession())
        {
            await first.SyncAllAsync(Catalogue, Units);
            planId = (await first.State.GetAsync(GraphPlanLocator.PlanIdStateKey, CancellationToken.None))!;
            var plan = await first.Connection.Client.Planner.Plans[planId].GetAsync();
            Assert.Equal(WardHarness.PlanTitle, plan!.Title);
            // A person renames the plan in Planner.
            await first.Connection.Client.Planner.Plans[planId].PatchAsync(new PlannerPlan { Title = "Kế hoạch dân vận (đổi tên)" },
                r => r.Headers.Add("If-Match", plan.AdditionalData["@odata.etag"].ToString()!));
        }

        var tasksBefore = ward.Server.GetStats().Writes;
        using var second = ward.NewSession();
        var (_, planner) = await second.SyncAllAsync(Catalogue, Units);

        Assert.Empty(planner.Failures);
        var plans = await second.Connection.Client.Groups[ward.Server.Tenant.WardGroupId].Planner.Plans.GetAsync();
        var only = Assert.Single(plans!.Value!);
        Assert.Equal(planId, only.Id);
        Assert.Equal("Kế hoạch dân vận (đổi tên)", only.Title);
        // Nothing is written: the plan is still the plan, so the re-sync is idle and takes no lease either.
        Assert.Equal(tasksBefore, ward.Server.GetStats().Writes);
    }

    [Fact]
    public async Task FindPlanAsync_PlanMadeBeforeIdsWereRecorded_FoundByTitleAndRecorded()
    {
        await using var ward = await WardHarness.StartAsync();
        using (var first = ward.NewSession())
        {
            await first.SyncAllAsync(Catalogue, Units);
            await first.State.SetAsync(GraphPlanLocator.PlanIdStateKey, "", CancellationToken.None);
        }

        using var second = ward.NewSession();
        var plan = await second.Planner.Plan.FindPlanAsync(WardHarness.PlanTitle, CancellationToken.None);

        Assert.NotNull(plan?.Id);
        Assert.Equal(plan.Id, await second.State.GetAsync(GraphPlanLocator.PlanIdStateKey, CancellationToken.None));
    }
}
