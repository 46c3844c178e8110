using System.Net.Http.Json;
using System.Text.Json;
using DanVan365.LocalM365;
using DanVan365.M365.Client;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Xunit;

namespace DanVan365.TestUtilities.LocalM365;

/// <summary>Gives every request "Authorization: Bearer local-token" (the emulator accepts any bearer token).</summary>
public sealed class StaticTokenProvider : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult("local-token");
}

/// <summary>
/// A running in-memory <see cref="LocalGraphServer"/> with a GraphServiceClient pointed at it. Use as an xunit class
/// or collection fixture, or create one per test with <see cref="StartAsync"/> when a test needs its own state and stats.
/// </summary>
public sealed class LocalGraphFixture : IAsyncLifetime, IAsyncDisposable
{
    private LocalGraphServer? _server;
    private GraphServiceClient? _client;
    private HttpClient? _control;

    /// <summary>The server (BaseUrl, Tenant ids, GetStats, Reset, SetFaults, AddUser).</summary>
    public LocalGraphServer Server => _server ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>A client with the SDK's default middleware (retry, redirect, ...).</summary>
    public GraphServiceClient Client => _client ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>Plain HTTP for the /_emulator control endpoints (RootUrl as base address).</summary>
    public HttpClient Control => _control ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>Ids of the seeded tenant.</summary>
    public SeededTenant Tenant => Server.Tenant;

    /// <summary>Counters read in-process.</summary>
    public EmulatorStats Stats => Server.GetStats();

    /// <summary>Starts a fixture outside xunit's lifecycle (dispose it yourself).</summary>
    public static async Task<LocalGraphFixture> StartAsync(LocalGraphServerOptions? options = null)
    {
        var fixture = new LocalGraphFixture();
        await fixture.StartCoreAsync(options).ConfigureAwait(false);
        return fixture;
    }

    /// <summary>A GraphServiceClient for a server; retries false removes the SDK's RetryHandler (to see 429/503 as they are).</summary>
    public static GraphServiceClient CreateClient(LocalGraphServer server, bool retries = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        if (!retries)
        {
            handlers = handlers.Where(h => h is not RetryHandler).ToList();
        }

        var http = GraphClientFactory.Create(handlers);
        return GraphSdkClients.Create(http, new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider()), server.BaseUrl);
    }

    /// <summary>A client on this fixture's server.</summary>
    public GraphServiceClient CreateClient(bool retries = true) => CreateClient(Server, retries);

    /// <summary>Empties and re-seeds the state; clears faults and stats.</summary>
    public void Reset() => Server.Reset();

    /// <summary>GET /_emulator/stats as JSON.</summary>
    public async Task<JsonElement> GetStatsJsonAsync()
    {
        using var response = await Control.GetAsync(new Uri("/_emulator/stats", UriKind.Relative)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
    }

    public async Task InitializeAsync() => await StartCoreAsync(null).ConfigureAwait(false);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _control?.Dispose();
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartCoreAsync(LocalGraphServerOptions? options)
    {
        _server = await LocalGraphServer.StartAsync(options).ConfigureAwait(false);
        _client = CreateClient(_server);
        _control = new HttpClient { BaseAddress = new Uri(_server.RootUrl) };
    }
}
