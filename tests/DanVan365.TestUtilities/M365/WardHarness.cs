using DanVan365.Core.Catalogue;
using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.LocalM365;
using DanVan365.M365;
using DanVan365.M365.Client;
using DanVan365.M365.Library;
using DanVan365.M365.Lists;
using DanVan365.M365.Planner;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.TestUtilities.M365;

/// <summary>
/// The real Graph adapter (DanVan365.M365) pointed at an in-memory local Graph, with a fake clock: what the CLI and
/// the Functions build, for tests. Each <see cref="NewSession"/> is a fresh adapter (new caches, new request meter),
/// as a new run would be.
/// </summary>
public sealed class WardHarness : IAsyncDisposable
{
    private WardHarness(LocalGraphServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public LocalGraphServer Server { get; }

    /// <summary>The clock of the use cases and of the local Graph (timestamps such as completedDateTime).</summary>
    public FakeTimeProvider Clock { get; }

    public UnitDirectory Units { get; } = UnitDirectory.LoadDefault();

    public static async Task<WardHarness> StartAsync(DateTimeOffset? now = null, string? outbox = null)
    {
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { OutboxDirectory = outbox, Clock = clock }).ConfigureAwait(false);
        return new WardHarness(server, clock);
    }

    /// <summary>Adapter options for this server (local mode).</summary>
    public M365Options Options(int maxAttempts = 8) => new()
    {
        Local = true,
        GraphBaseUrl = Server.BaseUrl,
        SiteUrl = $"https://{Server.Tenant.SharePointHostname}{Server.Tenant.WardSitePath}",
        GroupId = Server.Tenant.WardGroupId,
        SenderMailbox = "ubnd@haian.example.vn",
        MaxAttempts = maxAttempts,
    };

    /// <summary>A new adapter session, optionally with an extra handler on the wire (to kill or interfere with a run).</summary>
    public Session NewSession(DelegatingHandler? interceptor = null, int maxAttempts = 8)
    {
        HttpMessageHandler? transport = null;
        if (interceptor is not null)
        {
            interceptor.InnerHandler = new SocketsHttpHandler();
            transport = interceptor;
        }

        return new Session(GraphClientBuilder.Create(Options(maxAttempts), transport: transport), Clock);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync().ConfigureAwait(false);

    /// <summary>One run's adapter objects and use cases.</summary>
    public sealed class Session : GraphAdapters
    {
        // Retry waits honour Retry-After in real time (the emulator's Retry-After is 1 s at most in tests).
        internal Session(GraphConnection connection, TimeProvider clock)
            : base(connection, TimeProvider.System)
        {
            CatalogueSync = new CatalogueSync(Provisioner, Lists, clock);
            PlannerSync = new PlannerSync(Planner, Lists, clock);
        }

        public CatalogueSync CatalogueSync { get; }

        public PlannerSync PlannerSync { get; }

        /// <summary>Lists then Planner, as `danvan365 sync` does.</summary>
        public async Task<(ListSyncReport Lists, PlannerSyncReport Planner)> SyncAllAsync(TaskCatalogue catalogue, UnitDirectory units, bool dryRun = false, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(catalogue);
            var lists = await CatalogueSync.RunAsync(catalogue, units, dryRun, cancellationToken).ConfigureAwait(false);
            var links = await Site.PlannerLinksAsync("qd-673-2026-hai-an.txt", cancellationToken).ConfigureAwait(false);
            var planner = await PlannerSync.SyncAsync(catalogue, units, PlannerDesign.DefaultPlanTitle(catalogue, "Phường Hải An"), links, lists.CurrentAssignmentRows, dryRun, cancellationToken).ConfigureAwait(false);
            return (lists, planner);
        }

    }
}

/// <summary>Fails every request after the first <paramref name="allowed"/> ones, as if the process died there.</summary>
public sealed class KillAfterHandler(int allowed) : DelegatingHandler
{
    private int _seen;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _seen) > allowed)
        {
            throw new OperationCanceledException("killed");
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Runs an action once, just before the first request that matches, then lets it through.</summary>
public sealed class BeforeFirstHandler(Func<HttpRequestMessage, bool> match, Func<Task> action) : DelegatingHandler
{
    private int _done;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (match(request) && Interlocked.Exchange(ref _done, 1) == 0)
        {
            await action().ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
