using System.Globalization;
using System.Net;
using System.Text.Json;
using DanVan365.Cli.Serve;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Serve;

/// <summary>
/// One `serve` (a built stand-in page, --port 0) for the class, asked over raw HTTP: a Host that is not its own is refused
/// (DNS rebinding), every answer carries the content security policy and nosniff, and the token endpoint refuses callers
/// of another origin.
/// </summary>
public sealed class ServeGuardsTests : IClassFixture<ServeGuardsTests.Server>
{
    private readonly Server _server;

    public ServeGuardsTests(Server server) => _server = server;

    [Theory]
    [InlineData("attacker.example:{port}")]
    [InlineData("127.0.0.1.attacker.example:{port}")]
    [InlineData("127.0.0.1:1")]
    [InlineData("localhost")]
    [InlineData("[::1]:{port}")]
    public async Task Request_HostNotItsOwnLoopbackNameAndPort_Refused421WithVietnameseMessage(string host)
    {
        foreach (var path in new[] { "/", "/_serve/token", "/api/status" })
        {
            using var response = await _server.SendAsync(HttpMethod.Get, path, _server.Host(host));

            Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(ServeGuards.WrongHost, text);
            Assert.DoesNotContain("accessToken", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST:{port}")]
    public async Task Request_ItsOwnLoopbackNameAndPort_Served(string host)
    {
        using var response = await _server.SendAsync(HttpMethod.Get, "/", _server.Host(host));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("trang thử", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/local-host.js")]
    [InlineData("/_serve/token")]
    [InlineData("/api/status")]
    [InlineData("/khong-co")]
    public async Task Response_AnyRoute_CarriesContentSecurityPolicyAndNosniff(string path)
    {
        using var response = await _server.SendAsync(HttpMethod.Get, path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';').Select(d => d.Trim()).ToList();
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Response_RefusedHost_StillCarriesContentSecurityPolicy()
    {
        using var response = await _server.SendAsync(HttpMethod.Get, "/", "attacker.example:" + _server.Port);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin", "https://attacker.example")]
    [InlineData("Origin", "http://localhost:1")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task Token_CrossOriginCaller_Refused403WithoutAToken(string header, string value)
    {
        using var response = await _server.SendAsync(HttpMethod.Get, "/_serve/token", headers: [(header, value)]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ServeGuards.CrossOrigin, body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Token_SameOriginBrowserCaller_IssuesAToken()
    {
        using var response = await _server.SendAsync(HttpMethod.Get, "/_serve/token",
            headers: [("Origin", "http://127.0.0.1:" + _server.Port), ("Sec-Fetch-Site", "same-origin")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
    }

    /// <summary>`danvan365 serve --port 0` on a temporary data folder with a built stand-in page, until the class is done.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly TempDir _dir = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
        private SignalWriter? _out;
        private StringWriter? _err;
        private Task<int>? _run;

        public string Port { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var page = Directory.CreateDirectory(Path.Combine(_dir.File("webpart"), "local-host", "dist")).Parent!.FullName;
            await File.WriteAllTextAsync(Path.Combine(page, "index.html"),
                "<!DOCTYPE html><html lang=\"vi\"><body>trang thử</body></html>");
            await File.WriteAllTextAsync(Path.Combine(page, "dist", "local-host.js"), "// built");
            _out = new SignalWriter("Nhấn Ctrl+C để dừng.");
            _err = new StringWriter();
            _run = CliApp.RunAsync(["serve", "--port", "0", "--data", _dir.File("data"), "--webpart", _dir.File("webpart"),
                "--as-of", "2026-05-20"], _out, _err, TimeProvider.System, null, _stop.Token);
            await Task.WhenAny(_out.Seen, _run).WaitAsync(TimeSpan.FromMinutes(3));
            Assert.False(_run.IsCompleted, _out.Text + _err);
            var address = _out.Text.Split('\n').Select(l => l.Trim())
                .First(l => l.StartsWith("Theo dõi nhiệm vụ:", StringComparison.Ordinal)).Split(' ').Last();
            Port = new Uri(address).Port.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>A Host header value with "{port}" standing for serve's port.</summary>
        public string Host(string pattern) => pattern.Replace("{port}", Port, StringComparison.Ordinal);

        /// <summary>A request to 127.0.0.1 on serve's port, with the Host header given (default: its own) and extra headers.</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? host = null,
            params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(method, new Uri("http://127.0.0.1:" + Port + path));
            request.Headers.Host = host ?? "127.0.0.1:" + Port;
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return await _http.SendAsync(request);
        }

        public async Task DisposeAsync()
        {
            await _stop.CancelAsync();
            if (_run is not null)
            {
                await _run;
            }

            _http.Dispose();
            _stop.Dispose();
            _out?.Dispose();
            _err?.Dispose();
            _dir.Dispose();
        }
    }
}
