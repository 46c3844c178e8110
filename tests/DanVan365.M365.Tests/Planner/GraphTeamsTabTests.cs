using System.Net;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>
/// Pinning the plan in Teams is best effort and reported (teams-configuring-builtin-tabs.md; issue 12, difference 3):
/// the local Graph refuses to configure a Planner tab, as the page documents for built-in tabs it does not configure.
/// </summary>
public class GraphTeamsTabTests
{
    private static readonly string PlanTitle = PlannerDesign.DefaultPlanTitle(Catalogue, "Phường Hải An");

    [Fact]
    public async Task SyncAsync_PlannerTabConfigurationRefused_SucceedsAndReportsWebsiteTab()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();

        var report = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(TeamsTabPinKind.WebsiteTab, report.TeamsTab!.Kind);
        Assert.Contains("thẻ trang web", report.TeamsTab.Describe(), StringComparison.Ordinal);
        var plan = await session.Planner.Plan.FindPlanAsync(PlanTitle, CancellationToken.None);
        var tab = Assert.Single(await TabsAsync(ward, session));
        Assert.Contains(plan!.Id!, tab.Configuration!.WebsiteUrl, StringComparison.Ordinal);
        Assert.Equal(report.Planner.Count(PlannerChangeKind.Create), (await session.Planner.SnapshotAsync(PlanTitle,
            CancellationToken.None))!.Tasks.Count);
    }

    [Fact]
    public async Task ProvisionAsync_AfterSync_ReportsAlreadyPinnedAndAddsNoTab()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);

        var provisioned = await session.Get<WardSync>().ProvisionAsync(Catalogue, CancellationToken.None);

        Assert.Equal(TeamsTabPinKind.AlreadyPinned, provisioned.TeamsTab!.Kind);
        Assert.Single(await TabsAsync(ward, session));
    }

    [Fact]
    public async Task SyncAsync_EveryTabRefused_PlanIsMadeAndFailureReportedWithReason()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession(new RefuseTabsHandler(HttpStatusCode.Forbidden));

        var report = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(TeamsTabPinKind.Failed, report.TeamsTab!.Kind);
        Assert.Contains("HTTP 403", report.TeamsTab.Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 403", report.TeamsTab.Describe(), StringComparison.Ordinal);
        Assert.NotEmpty((await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks);
        Assert.Empty(await TabsAsync(ward, session));
    }

    [Fact]
    public async Task SyncAsync_TabListAnswers503_PlanIsMadeAndFailureReported()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession(new RefuseTabsHandler(HttpStatusCode.ServiceUnavailable, onList: true), maxAttempts: 1);

        var report = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(TeamsTabPinKind.Failed, report.TeamsTab!.Kind);
        Assert.Contains("HTTP 503", report.TeamsTab.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_TabCreateAnswers503_PlanIsMadeAndFailureReported()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession(new RefuseTabsHandler(HttpStatusCode.ServiceUnavailable), maxAttempts: 1);

        var report = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(TeamsTabPinKind.Failed, report.TeamsTab!.Kind);
        Assert.Contains("add Planner tab: HTTP 503", report.TeamsTab.Reason, StringComparison.Ordinal);
        Assert.NotEmpty((await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks);
    }

    [Fact]
    public async Task EnsurePlanAsync_GroupIsATeam_PinsOneTabInGeneral()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var spec = PlannerDesign.Plan(Catalogue, Units, PlanTitle);

        await session.Planner.EnsurePlanAsync(spec, CancellationToken.None);
        await session.Planner.EnsurePlanAsync(spec, CancellationToken.None);

        var tab = Assert.Single(await TabsAsync(ward, session));
        Assert.Equal(PlanTitle, tab.DisplayName);
    }

    [Fact]
    public async Task PinTabAsync_Twice_WebsiteTabThenAlreadyPinned()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var planId = await session.Planner.Plan.EnsurePlanAsync(PlanTitle, CancellationToken.None);

        var first = await session.Planner.TeamsTab.PinTabAsync(planId, PlanTitle, CancellationToken.None);
        var second = await session.Planner.TeamsTab.PinTabAsync(planId, PlanTitle, CancellationToken.None);

        Assert.Equal((TeamsTabPinKind.WebsiteTab, TeamsTabPinKind.AlreadyPinned), (first.Kind, second.Kind));
        Assert.Contains(planId, Assert.Single(await TabsAsync(ward, session)).Configuration!.WebsiteUrl, StringComparison.Ordinal);
    }

    private static async Task<List<Microsoft.Graph.Models.TeamsTab>> TabsAsync(WardHarness ward, WardHarness.Session session) =>
        (await session.Connection.Client.Teams[ward.Server.Tenant.WardGroupId]
            .Channels[ward.Server.Tenant.GeneralChannelId].Tabs.GetAsync())!.Value!;

    /// <summary>Answers <paramref name="status"/> to every tab POST (or, with onList, to the tab listing).</summary>
    private sealed class RefuseTabsHandler(HttpStatusCode status, bool onList = false) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/tabs", StringComparison.Ordinal)
                && request.Method == (onList ? HttpMethod.Get : HttpMethod.Post))
            {
                return new HttpResponseMessage(status)
                {
                    RequestMessage = request,
                    Content = new StringContent("{\"error\":{\"code\":\"refused\",\"message\":\"Tab refused.\"}}",
                        Encoding.UTF8, "application/json"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
