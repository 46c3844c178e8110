using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;

namespace DanVan365.Functions.Tests.Triggers;

public class DashboardBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_Warm_Probe()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        for (var i = 0; i < 2; i++)
        {
            harness.Server.ResetStats();
            var result = await app.Get<PortalFunctions>().Dashboard(Principals.Request(Principals.User(SubmitReportTests.VhxhHead,
                [AppRoles.Reporter]), query: "?asOf=2026-11-30"), new FakeFunctionContext());
            Assert.IsType<OkObjectResult>(result);
            var stats = harness.Server.GetStats();
            output.WriteLine($"call {i}: requests={stats.Requests} ru={stats.ResourceUnits}");
            foreach (var (route, n) in stats.ByRoute)
            {
                output.WriteLine($"  {route}: {n}");
            }
        }
    }
}
