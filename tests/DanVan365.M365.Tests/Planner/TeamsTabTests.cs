using System.Net;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Planner;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Planner;

/// <summary>Pinning the plan in Teams is best effort (teams-configuring-builtin-tabs.md; issue 12, difference 3).</summary>
public class TeamsTabTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly TaskCatalogue Catalogue = DecisionImporters.Import(TestData.DecisionTextPath, Units);
    private static readonly string PlanTitle = PlannerDesign.DefaultPlanTitle(Catalogue, "Phường Hải An");

    [Fact]
    public async Task EnsurePlanAsync_PlannerTabConfigurationRefused_PinsWebsiteTabAndPlanIsMade()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession(new RefusePlannerTabHandler());
        var spec = PlannerDesign.Plan(Catalogue, Units, PlanTitle);

        await session.Planner.EnsurePlanAsync(spec, CancellationToken.None);

        Assert.Equal("website", session.Planner.TabOutcome);
        var plan = await session.Planner.FindPlanAsync(PlanTitle, CancellationToken.None);
        var tabs =
            await session.Connection.Client.Teams[ward.Server.Tenant.WardGroupId]
                .Channels[ward.Server.Tenant.GeneralChannelId].Tabs.GetAsync();
        var tab = Assert.Single(tabs!.Value!);
        Assert.Contains(plan!.Id!, tab.Configuration!.WebsiteUrl, StringComparison.Ordinal);
        Assert.NotEmpty(await session.Planner.BucketsAsync(plan.Id!, CancellationToken.None));

        await session.Planner.EnsurePlanAsync(spec, CancellationToken.None);
        Assert.Equal("already pinned", session.Planner.TabOutcome);
    }

    /// <summary>Answers 400 to a POST of a configured Planner tab, as a tenant that does not support it would.</summary>
    private sealed class RefusePlannerTabHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/tabs", StringComparison.Ordinal)
                && request.Content is not null && (await request.Content.ReadAsStringAsync(cancellationToken)).Contains("tab.planner",
                    StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("{\"error\":{\"code\":\"BadRequest\",\"message\":\"Configuration is not supported.\"}}",
                        Encoding.UTF8, "application/json"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
