using DanVan365.Core.Errors;
using DanVan365.LocalM365;
using DanVan365.M365.Client;
using DanVan365.TestUtilities.Time;

namespace DanVan365.M365.Tests.Client;

/// <summary>
/// Every Graph request is decorated as SharePoint asks of an enterprise application, <c>NONISV|CompanyName|AppName/Version</c>
/// (SharePoint/sp-dev-docs, docs/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online.md,
/// "How to decorate your http traffic to avoid throttling?"); the local Graph records the User-Agent it receives.
/// </summary>
public sealed class TrafficDecorationTests
{
    [Theory]
    [InlineData(null, "NONISV|DanVan365|DanVan365/")]
    [InlineData("UBND-TP-Hai-Phong", "NONISV|UBND-TP-Hai-Phong|DanVan365/")]
    public async Task Create_AnyRequest_ReachesGraphWithTheNonIsvUserAgent(string? organisation, string expectedStart)
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Clock = clock });
        var options = new M365Options { Local = true, GraphBaseUrl = server.BaseUrl, SiteUrl = "https://haian.sharepoint.com/sites/x" };
        if (organisation is not null)
        {
            options.TrafficOrganisation = organisation;
        }

        var connection = GraphClientBuilder.Create(options, new TenantResilience(options, clock));

        await connection.Client.Sites[server.Tenant.WardSiteId].GetAsync();
        await new BatchRunner(connection.Client, clock).RunAsync(
            [new BatchOperation("1", () => connection.Client.Sites[server.Tenant.WardSiteId].Lists.ToGetRequestInformation())],
            CancellationToken.None);

        var (agent, count) = Assert.Single(server.GetStats().UserAgents);
        Assert.StartsWith(expectedStart, agent, StringComparison.Ordinal);
        Assert.Equal(GraphClientBuilder.UserAgent(options), agent.Split(' ')[0]);
        Assert.Equal(2, count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UBND TP Hải Phòng")]
    [InlineData("A|B")]
    public void Validate_OrganisationNotOneToken_NamesTheSetting(string organisation)
    {
        var options = new M365Options
        {
            Local = true,
            GraphBaseUrl = "http://127.0.0.1:9/v1.0",
            SiteUrl = "https://haian.sharepoint.com/sites/x",
            TrafficOrganisation = organisation,
        };

        var error = Assert.Throws<ConfigurationException>(options.Validate);

        Assert.Contains("TrafficOrganisation", error.Message, StringComparison.Ordinal);
    }
}
