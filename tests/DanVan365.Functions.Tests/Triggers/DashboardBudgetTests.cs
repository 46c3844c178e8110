using DanVan365.Core.Wards;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// Issue 25: a warm dashboard call through the Functions' code path does not re-read the decision (the parsed catalogue is
/// kept by file and cTag) and costs at most three Graph requests (deterministic against the local Graph); a decision file
/// replaced by a new version is read again on the next call.
/// </summary>
public class DashboardBudgetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string ContentRoute = "GET /drives/{}/items/{}/content";

    private static async Task<(long Requests, long ResourceUnits, long Downloads)> CallAsync(WardHarness harness, TestApp app)
    {
        harness.Server.ResetStats();
        var result = await app.Get<PortalFunctions>().Dashboard(Principals.Request(Principals.User(SubmitReportTests.VhxhHead,
            [AppRoles.Reporter]), query: "?asOf=2026-11-30"), new FakeFunctionContext());
        Assert.IsType<DashboardBody>(Assert.IsType<OkObjectResult>(result).Value);
        var stats = harness.Server.GetStats();
        return (stats.Requests, stats.ResourceUnits, stats.ByRoute.GetValueOrDefault(ContentRoute));
    }

    [Fact]
    public async Task Dashboard_WarmCall_AtMostThreeRequestsAndNoDownload()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var cold = await CallAsync(harness, app);
        var warm = await CallAsync(harness, app);

        output.WriteLine($"cold: {cold.Requests} requests, {cold.ResourceUnits} RU; "
            + $"warm: {warm.Requests} requests, {warm.ResourceUnits} RU");
        Assert.Equal(1, cold.Downloads);
        Assert.Equal(0, warm.Downloads);
        Assert.True(warm.Requests <= 3, $"a warm dashboard call sent {warm.Requests} requests (budget 3)");
        Assert.True(warm.ResourceUnits < cold.ResourceUnits, $"warm {warm.ResourceUnits} RU, cold {cold.ResourceUnits} RU");
        Assert.Equal(1, app.Get<ParsedDecisions>().Misses);
    }

    [Fact]
    public async Task Dashboard_DecisionReplacedByANewVersion_ReadAgainOnTheNextCallThenWarm()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        await CallAsync(harness, app);
        Assert.Equal(0, (await CallAsync(harness, app)).Downloads);

        // A publisher uploads the file again with new content (same name, same item: a new cTag).
        var bytes = await File.ReadAllBytesAsync(TestData.DecisionTextPath);
        await TestApp.UploadDecisionAsync(harness, content: [.. bytes, .. "\n"u8.ToArray()]);

        var changed = await CallAsync(harness, app);
        var after = await CallAsync(harness, app);

        Assert.Equal(1, changed.Downloads);
        Assert.Equal(0, after.Downloads);
        Assert.Equal(2, app.Get<ParsedDecisions>().Misses);
    }
}
