using System.Net;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.Core.Wards;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>
/// Pinning in Teams is best effort and reported (issue 12, difference 3; issue 25): Graph does not support configuring a
/// Planner tab (docs repo concepts/teams-configuring-builtin-tabs.md), so none is posted; a website tab opens the list
/// Nhiệm vụ dân vận at the webUrl Graph answers for it.
/// </summary>
public class GraphTeamsTabTests
{
    private static readonly string PlanTitle = PlannerDesign.DefaultPlanTitle(Catalogue, "Phường Hải An");

    [Fact]
    public async Task SyncAsync_GroupIsATeam_PinsWebsiteTabAtTheListsWebUrlAndPostsNoPlannerTab()
    {
        await using var ward = await WardHarness.StartAsync();
        var posts = new TabPostRecorder();
        using var session = ward.NewSession(posts);

        var report = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(TeamsTabPinKind.WebsiteTab, report.TeamsTab!.Kind);
        Assert.Contains("thẻ trang web", report.TeamsTab.Describe(), StringComparison.Ordinal);
        Assert.Contains("không ghim thẻ Planner vì Microsoft Graph không hỗ trợ", report.TeamsTab.Describe(), StringComparison.Ordinal);
        var body = Assert.Single(posts.Bodies);
        Assert.DoesNotContain(GraphTeamsTab.PlannerTabAppId, body, StringComparison.Ordinal);
        Assert.Contains(GraphTeamsTab.WebsiteTabAppId, body, StringComparison.Ordinal);
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var lists = await session.Connection.Client.Sites[siteId].Lists.GetAsync(r => r.QueryParameters.Select = ["displayName",
            "webUrl"]);
        var tasksUrl = Assert.Single(lists!.Value!, l => l.DisplayName == Core.Sync.SiteSchema.Tasks.DisplayName).WebUrl;
        var tab = Assert.Single(await TabsAsync(ward, session));
        Assert.Equal(tasksUrl, tab.Configuration!.WebsiteUrl);
        Assert.Equal(tasksUrl, tab.Configuration.ContentUrl);
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
        Assert.Contains("add website tab: HTTP 503", report.TeamsTab.Reason, StringComparison.Ordinal);
        Assert.NotEmpty((await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks);
    }

    [Fact]
    public async Task EnsurePlanAsync_GroupIsATeam_PinsOneTabInGeneral()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var spec = PlannerDesign.Plan(Catalogue, Units, PlanTitle);
        await session.Provisioner.EnsureAsync([], CancellationToken.None);

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
        await session.Provisioner.EnsureAsync([], CancellationToken.None);

        var first = await session.Planner.TeamsTab.PinTabAsync(planId, PlanTitle, CancellationToken.None);
        var second = await session.Planner.TeamsTab.PinTabAsync(planId, PlanTitle, CancellationToken.None);

        Assert.Equal((TeamsTabPinKind.WebsiteTab, TeamsTabPinKind.AlreadyPinned), (first.Kind, second.Kind));
        var tasksUrl = (await session.Site.FindAsync(Core.Sync.SiteSchema.Tasks, CancellationToken.None))!.WebUrl;
        Assert.Equal(tasksUrl, Assert.Single(await TabsAsync(ward, session)).Configuration!.WebsiteUrl);
    }

    [Fact]
    public async Task PinTabAsync_SiteNotProvisioned_NoAddressSaidAndNoTabPosted()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var planId = await session.Planner.Plan.EnsurePlanAsync(PlanTitle, CancellationToken.None);

        var pinned = await session.Planner.TeamsTab.PinTabAsync(planId, PlanTitle, CancellationToken.None);

        Assert.Equal(TeamsTabPinKind.NoAddress, pinned.Kind);
        Assert.Contains("chưa ghim thẻ", pinned.Describe(), StringComparison.Ordinal);
        Assert.Empty(await TabsAsync(ward, session));
    }

    private static async Task<List<Microsoft.Graph.Models.TeamsTab>> TabsAsync(WardHarness ward, WardHarness.Session session) =>
        (await session.Connection.Client.Teams[ward.Server.Tenant.WardGroupId]
            .Channels[ward.Server.Tenant.GeneralChannelId].Tabs.GetAsync())!.Value!;

    /// <summary>Keeps the body of every tab POST.</summary>
    private sealed class TabPostRecorder : DelegatingHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/tabs", StringComparison.Ordinal) && request.Method == HttpMethod.Post)
            {
                Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

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
