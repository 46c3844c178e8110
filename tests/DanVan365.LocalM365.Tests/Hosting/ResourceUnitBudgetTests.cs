using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DanVan365.LocalM365.Tests.Hosting;

public class ResourceUnitBudgetTests
{
    [Fact]
    public async Task Faults_ResourceUnitsPerMinute_RateLimitHeadersFrom80PercentThen429()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        using var set = await fx.Control.PostAsJsonAsync("/_emulator/faults", new { resourceUnitsPerMinute = 10, timeScale = 1 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var http = new HttpClient { BaseAddress = new Uri(fx.Server.BaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        var site = "sites/" + fx.Tenant.WardSiteId;

        // A single-item GET costs 1 RU: 7 answers without RateLimit headers, the 8th (80 %) to the 10th with them.
        for (var i = 1; i <= 10; i++)
        {
            using var ok = await http.GetAsync(new Uri(site, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(i >= 8, ok.Headers.Contains("RateLimit-Remaining"));
            if (i >= 8)
            {
                Assert.Equal((10 - i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ok.Headers.GetValues("RateLimit-Remaining").Single());
                Assert.Equal("10", ok.Headers.GetValues("RateLimit-Limit").Single());
            }
        }

        using var throttled = await http.GetAsync(new Uri(site, UriKind.Relative));
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(1, fx.Stats.Throttled);
        Assert.Equal(11, fx.Stats.ResourceUnits);
        var json = await fx.GetStatsJsonAsync();
        Assert.Equal(11, json.GetProperty("resourceUnits").GetInt64());
    }

    [Fact]
    public async Task Stats_ListQueryAndCreate_CostTwoEach()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var lists = fx.Client.Sites[fx.Tenant.WardSiteId].Lists;

        await lists.GetAsync();
        await lists.PostAsync(new Microsoft.Graph.Models.List
        {
            DisplayName = "Thử",
            ListProp = new Microsoft.Graph.Models.ListInfo { Template = "genericList" }
        });
        await fx.Client.Planner.Plans.PostAsync(new Microsoft.Graph.Models.PlannerPlan
        {
            Title = "x",
            Container =
            new Microsoft.Graph.Models.PlannerPlanContainer { Url = "https://graph.microsoft.com/v1.0/groups/" + fx.Tenant.WardGroupId }
        });

        // Planner is not SharePoint: it spends no resource units.
        Assert.Equal(4, fx.Stats.ResourceUnits);
    }
}
