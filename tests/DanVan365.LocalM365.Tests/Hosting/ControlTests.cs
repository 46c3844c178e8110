using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DanVan365.LocalM365.Tests.Hosting;

public sealed class ControlTests
{
    [Fact]
    public async Task Stats_AfterReadsAndWrites_CountsRequestsWritesAndRoutes()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = await fx.Client.Sites[site].Lists.PostAsync(new List { DisplayName = "Đếm" });
        await fx.Client.Sites[site].Lists[list!.Id].Items.PostAsync(new ListItem
        {
            Fields = new FieldValueSet
            {
                AdditionalData =
            new Dictionary<string, object> { ["Title"] = "a" }
            }
        });
        await fx.Client.Sites[site].Lists[list.Id].Items["1"].GetAsync();

        var stats = fx.Stats;
        Assert.Equal(3, stats.Requests);
        Assert.Equal(2, stats.Writes);
        Assert.Equal(1, stats.ByRoute["GET /sites/{}/lists/{}/items/{}"]);

        var json = await fx.GetStatsJsonAsync();
        Assert.Equal(3, json.GetProperty("requests").GetInt64());
        Assert.Equal(2, json.GetProperty("writes").GetInt64());
        Assert.Equal(0, json.GetProperty("batchItems").GetInt64());
        Assert.Equal(0, json.GetProperty("throttled").GetInt64());
        Assert.True(json.GetProperty("byRoute").TryGetProperty("POST /sites/{}/lists", out _));
    }

    [Fact]
    public async Task Faults_ThrottleEvery_Returns429WithRetryAfterAndSdkRetries()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        using var set = await fx.Control.PostAsJsonAsync("/_emulator/faults", new { throttleEvery = 2, retryAfterSeconds = 0 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var noRetry = fx.CreateClient(retries: false);
        await noRetry.Sites["root"].GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => noRetry.Sites["root"].GetAsync());
        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal("0", error.ResponseHeaders["Retry-After"].Single());

        // The default client honours Retry-After and gets through.
        await fx.Client.Sites["root"].GetAsync();
        await fx.Client.Sites["root"].GetAsync();
        Assert.True(fx.Stats.Throttled >= 2);

        using var clear = await fx.Control.DeleteAsync(new Uri("/_emulator/faults", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        var before = fx.Stats.Throttled;
        for (var i = 0; i < 4; i++)
        {
            await noRetry.Sites["root"].GetAsync();
        }

        Assert.Equal(before, fx.Stats.Throttled);
    }

    [Fact]
    public async Task Faults_ServerErrorEvery_Returns503()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        fx.Server.SetFaults(new EmulatorFaults(ServerErrorEvery: 1, RetryAfterSeconds: 0));
        var noRetry = fx.CreateClient(retries: false);
        var error = await Assert.ThrowsAsync<ODataError>(() => noRetry.Sites["root"].GetAsync());
        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal(1, fx.Stats.ServerErrors);
    }

    [Fact]
    public async Task Faults_DelayMs_AddsLatency()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        fx.Server.SetFaults(new EmulatorFaults(DelayMs: 150));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await fx.Client.Sites["root"].GetAsync();
        Assert.True(watch.ElapsedMilliseconds >= 140);
    }

    [Fact]
    public async Task Reset_AfterChanges_RestoresSeedAndClearsStats()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        await fx.Client.Sites[site].Lists.PostAsync(new List { DisplayName = "Tạm" });
        using var reset = await fx.Control.PostAsync(new Uri("/_emulator/reset", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, fx.Stats.Requests);

        var lists = await fx.Client.Sites[site].Lists.GetAsync();
        Assert.DoesNotContain(lists!.Value!, l => l.DisplayName == "Tạm");
        Assert.Equal(site, fx.Tenant.WardSiteId);
    }

    [Fact]
    public async Task AddUser_ThroughControlEndpoint_IsFoundByUpnAndInWardGroup()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        using var response = await fx.Control.PostAsJsonAsync("/_emulator/users", new
        {
            userPrincipalName = "vp.chuyenvien9@haian.example.vn",
            displayName = "Hà Thị Chín",
            jobTitle = "Chuyên viên",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var user = await fx.Client.Users["vp.chuyenvien9@haian.example.vn"].GetAsync();
        Assert.Equal(id, user!.Id);
        Assert.Equal("Hà Thị Chín", user.DisplayName);
        var members = await fx.Client.Groups[fx.Tenant.WardGroupId].Members.GetAsync();
        Assert.Contains(members!.Value!, m => m.Id == id);
    }

    [Fact]
    public async Task AddUser_InProcess_ReturnsStableId()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var id1 = fx.Server.AddUser(new EmulatorUser("mttq.cv3@haian.example.vn", "Người Mới"));
        var id2 = fx.Server.AddUser(new EmulatorUser("mttq.cv3@haian.example.vn", "Người Mới (sửa)"));
        Assert.Equal(id1, id2);
        Assert.Equal("Người Mới (sửa)", (await fx.Client.Users[id1].GetAsync())!.DisplayName);
    }
}
