using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DanVan365.LocalM365.Tests.Hosting;

public sealed class HostingTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public HostingTests(LocalGraphFixture fx) => _fx = fx;

    [Fact]
    public void StartAsync_Ephemeral_BindsLoopbackWithVersionedBaseUrl()
    {
        Assert.StartsWith("http://127.0.0.1:", _fx.Server.RootUrl);
        Assert.Equal(_fx.Server.RootUrl + "/v1.0", _fx.Server.BaseUrl);
        Assert.True(_fx.Server.Port > 0);
    }

    [Fact]
    public async Task Request_WithoutBearer_Returns401WithGraphErrorBody()
    {
        // Raw HTTP on purpose: the SDK always sends a token.
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_fx.Server.BaseUrl + "/sites/root"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("request-id"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("InvalidAuthenticationToken", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("innerError").TryGetProperty("request-id", out _));
        Assert.True(body.GetProperty("innerError").TryGetProperty("date", out _));
    }

    [Fact]
    public async Task Request_WithClientRequestId_EchoesIt()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fx.Server.BaseUrl + "/sites/root"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        request.Headers.Add("client-request-id", "abc-123");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc-123", response.Headers.GetValues("client-request-id").Single());
    }

    [Fact]
    public async Task GetAsync_UnknownSite_ThrowsODataErrorWithCode()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _fx.Client.Sites["haian.sharepoint.com:/sites/khong-co:"].GetAsync());
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("itemNotFound", error.Error?.Code);
    }

    [Fact]
    public async Task StartAsync_WithDataDirectory_PersistsStateAcrossRestarts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "danvan365-localm365-" + Guid.NewGuid().ToString("N"));
        try
        {
            string listId;
            await using (var first = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { DataDirectory = dir }))
            {
                var list = await first.Client.Sites[first.Tenant.WardSiteId].Lists.PostAsync(new List { DisplayName = "Bền vững" });
                listId = list!.Id!;
                await first.Client.Sites[first.Tenant.WardSiteId].Lists[listId].Items.PostAsync(new ListItem
                {
                    Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "còn đây" } },
                });
            }

            await using var second = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { DataDirectory = dir });
            var items = await second.Client.Sites[second.Tenant.WardSiteId].Lists[listId].Items.GetAsync(rc
                => rc.QueryParameters.Expand = ["fields"]);
            Assert.Equal("còn đây", Assert.Single(items!.Value!).Fields!.AdditionalData["Title"]);
            Assert.True(File.Exists(Path.Combine(dir, "graph.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_WithSeedFile_UsesIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            var seed = LocalGraphServer.DefaultSeedJson.Replace("Bùi Quang Ngân", "Người Ký Thử", StringComparison.Ordinal);
            await File.WriteAllTextAsync(path, seed);
            await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { SeedFile = path });
            var user = await fx.Client.Users["ubnd.pct.ngan@haian.example.vn"].GetAsync();
            Assert.Equal("Người Ký Thử", user!.DisplayName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
