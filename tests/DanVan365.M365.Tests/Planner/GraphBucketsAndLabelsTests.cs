using System.Text;
using DanVan365.Core.Planner;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>The plan's buckets (one per lead unit) and labels (one per section): made once, then only read.</summary>
public class GraphBucketsAndLabelsTests
{
    private static readonly PlannerPlanSpec Spec = PlannerDesign.Plan(Catalogue, Units, WardHarness.PlanTitle);

    [Fact]
    public async Task EnsureBucketsAsync_NewPlan_OneBucketPerLeadUnitThenOneReadAndNoWrite()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var planId = await session.Planner.Plan.EnsurePlanAsync(Spec.Title, CancellationToken.None);
        var parts = session.Planner.BucketsAndLabels;

        await parts.EnsureBucketsAsync(planId, Spec, CancellationToken.None);
        var writes = ward.Server.GetStats().Writes;
        var before = session.Requests;
        await parts.EnsureBucketsAsync(planId, Spec, CancellationToken.None);

        Assert.Equal(1, session.Requests - before);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
        var buckets = await parts.BucketsAsync(planId, CancellationToken.None);
        Assert.Equal(Spec.Buckets.Select(b => b.Normalize(NormalizationForm.FormC)).Order(StringComparer.Ordinal),
            buckets.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnsureLabelsAsync_NewPlan_LabelsNamedThenOneReadAndNoWrite()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var planId = await session.Planner.Plan.EnsurePlanAsync(Spec.Title, CancellationToken.None);
        var parts = session.Planner.BucketsAndLabels;

        await parts.EnsureLabelsAsync(planId, Spec, CancellationToken.None);
        var writes = ward.Server.GetStats().Writes;
        var before = session.Requests;
        await parts.EnsureLabelsAsync(planId, Spec, CancellationToken.None);

        Assert.Equal(1, session.Requests - before);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
        var details = await session.Connection.Client.Planner.Plans[planId].Details.GetAsync();
        Assert.Equal(Spec.Categories[2], details!.CategoryDescriptions!.Category2);
        Assert.Equal("Bãi bỏ", details.CategoryDescriptions.Category25);
    }
}
