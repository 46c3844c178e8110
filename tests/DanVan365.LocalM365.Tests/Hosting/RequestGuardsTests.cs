using System.Net;

namespace DanVan365.LocalM365.Tests.Hosting;

public class RequestGuardsTests
{
    [Fact]
    public async Task Control_WithOriginHeader_Forbidden()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset");
        request.Headers.Add("Origin", "http://127.0.0.1:8080");

        using var response = await fx.Control.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Control_NonLoopbackHost_Forbidden()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_emulator/stats");
        request.Headers.Host = "attacker.example";

        using var response = await fx.Control.SendAsync(request);
        using var loopback = await fx.Control.GetAsync(new Uri("/_emulator/stats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
    }

    [Fact]
    public async Task Graph_ListedOrigin_CorsHeaders()
    {
        await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { CorsOrigins = ["https://localhost:4321"] });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1.0/sites/root");
        preflight.Headers.Add("Origin", "https://localhost:4321");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await fx.Control.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://localhost:4321", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Graph_UnlistedOrigin_NoCorsAndPreflightRefused()
    {
        await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { CorsOrigins = ["https://localhost:4321"] });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1.0/sites/root");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/v1.0/sites/root");
        get.Headers.Add("Origin", "https://evil.example");
        get.Headers.Add("Authorization", "Bearer x");

        using var refused = await fx.Control.SendAsync(preflight);
        using var answered = await fx.Control.SendAsync(get);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(answered.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
