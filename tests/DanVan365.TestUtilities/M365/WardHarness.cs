using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.LocalM365;
using DanVan365.M365.Client;
using DanVan365.M365.Composition;
using DanVan365.M365.Library;
using DanVan365.M365.Lists;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.TestUtilities.M365;

/// <summary>
/// The real Graph adapter (DanVan365.M365) pointed at an in-memory local Graph, with a fake clock, composed by the
/// production registration (<see cref="DanVan365Services.AddDanVan365"/>): the tests exercise the objects the CLI and
/// the Functions resolve, not a copy. Each <see cref="NewSession"/> is a fresh ward scope (new caches, new request
/// meter), as a new run would be.
/// </summary>
public sealed class WardHarness : IAsyncDisposable
{
    /// <summary>
    /// The decision file name Planner tasks link to in <see cref="Session.SyncAllAsync"/>, as `danvan365 sync` of the bundled file does.
    /// </summary>
    public const string DecisionFileName = "qd-673-2026-hai-an.txt";

    private readonly ServiceProvider _services;

    private WardHarness(LocalGraphServer server, VirtualClock clock, IReadOnlyDictionary<string, string?>? settings)
    {
        Server = server;
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddDanVan365(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _services.ValidateDanVan365Settings();
        Ward = new WardContext("hai-an", "Phường Hải An", PlanTitle, Units, HolidayCalendarFile.Default());
    }

    /// <summary>The fake clock's start unless a test gives one: Monday 2/3/2026, 08:00 ICT.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The plan title of the harness's ward.</summary>
    public static string PlanTitle => "Dân vận 2026 – Phường Hải An";

    public LocalGraphServer Server { get; }

    /// <summary>
    /// The clock of the use cases, of the Graph adapter's waits and of the local Graph (timestamps such as completedDateTime).
    /// </summary>
    public VirtualClock Clock { get; }

    public UnitDirectory Units => Bundled.Units;

    /// <summary>The ward the sessions work on (Hải An: bundled units and holidays); a test may change its settings.</summary>
    public WardContext Ward { get; set; }

    /// <summary>The container, as built by the registration (tests resolve use cases from its scopes).</summary>
    public IServiceProvider Services => _services;

    /// <param name="now">The fake clock's start.</param>
    /// <param name="outbox">Where the local Graph writes sent mail.</param>
    /// <param name="settings">Configuration given to the registration (e.g. "Escalation:Steps:0:OffsetDays").</param>
    /// <param name="state">The local Graph's state to start from (a copy of it; see <see cref="SyncedWard"/>), or the seed.</param>
    /// <param name="deltaPageSize">Items in the local Graph's delta pages (its default when null).</param>
    public static async Task<WardHarness> StartAsync(DateTimeOffset? now = null, string? outbox = null,
        IReadOnlyDictionary<string, string?>? settings = null, LocalGraphSnapshot? state = null, int? deltaPageSize = null)
    {
        // Waits (retries, paces, the lease's poll) end at once, the clock moved on by them.
        var clock = new VirtualClock(now ?? DefaultStart);
        var options = new LocalGraphServerOptions { OutboxDirectory = outbox, Clock = clock, Snapshot = state };
        if (deltaPageSize is { } pageSize)
        {
            options.DeltaPageSize = pageSize;
        }

        var server = await LocalGraphServer.StartAsync(options).ConfigureAwait(false);
        try
        {
            return new WardHarness(server, clock, settings);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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

    /// <summary>
    /// A new ward scope, optionally with an extra handler on the wire (to kill or interfere with a run), and acting as a user
    /// of the local tenant (<paramref name="actingUserId"/>: the local Graph records that person as the uploader, as
    /// SharePoint does for a unit's person; null: the application).
    /// </summary>
    public Session NewSession(DelegatingHandler? interceptor = null, int maxAttempts = 8, string? actingUserId = null)
    {
        HttpMessageHandler? transport = null;
        if (interceptor is not null)
        {
            interceptor.InnerHandler = new SocketsHttpHandler();
            transport = interceptor;
        }

        var scopes = _services.GetRequiredService<IWardScopeFactory>();
        var options = actingUserId is null ? Options(maxAttempts) : Options(maxAttempts).ActingAs(actingUserId);
        return new Session(scopes.Open(new WardTarget(Ward, options) { Transport = transport }));
    }

    /// <summary>A new ward scope acting as the head of <paramref name="unitCode"/> (their object id in the directory).</summary>
    public Session NewSessionAs(string unitCode, string role = "head") =>
        NewSession(actingUserId: PersonOf(unitCode, role));

    /// <summary>
    /// A new ward scope acting as a publisher of the ward's decisions (the head of the office that issues them, VP in the
    /// bundled directory): a decision in "Quyết định" is imported only when a publisher uploaded it (issue 22).
    /// </summary>
    public Session NewPublisherSession() =>
        NewSession(actingUserId: PersonOf(Units.Units.First(u => u.PublishesDecisions).Code));

    /// <summary>The object id of the first person with <paramref name="role"/> ("head", "assignee") in the unit.</summary>
    public string PersonOf(string unitCode, string role = "head") =>
        Units.People.First(p => p.Unit == unitCode && p.Role == role).ObjectId
        ?? throw new InvalidOperationException($"The directory gives no object id to the {role} of {unitCode}.");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One run: the ward scope's use cases and, for assertions, its adapter objects.</summary>
    public sealed class Session(WardScope scope) : IDisposable, IAsyncDisposable
    {
        public WardScope Scope { get; } = scope;

        public GraphConnection Connection => Scope.Adapters.Connection;

        public SiteContext Site => Scope.Adapters.Site;

        public BatchRunner Batches => Scope.Adapters.Batches;

        public GraphListStore Lists => Scope.Adapters.Lists;

        public GraphSiteProvisioner Provisioner => Scope.Adapters.Provisioner;

        public GraphPlannerStore Planner => Scope.Adapters.Planner;

        public GraphLibraryStore Library => Scope.Adapters.Library;

        public GraphStateStore State => Scope.Adapters.State;

        /// <summary>HTTP requests sent to Graph so far.</summary>
        public long Requests => Scope.Requests;

        public CatalogueSync CatalogueSync => Scope.Get<CatalogueSync>();

        public PlannerSync PlannerSync => Scope.Get<PlannerSync>();

        public T Get<T>()
            where T : notnull => Scope.Get<T>();

        /// <summary>
        /// Lists then Planner through the production use case (<see cref="WardSync"/>), as `danvan365 sync` does.
        /// <paramref name="units"/> must be the ward's directory (the bundled one, as every M365 test uses).
        /// </summary>
        public async Task<(ListSyncReport Lists, PlannerSyncReport Planner)> SyncAllAsync(TaskCatalogue catalogue, UnitDirectory units,
            bool dryRun = false, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(catalogue);
            ArgumentNullException.ThrowIfNull(units);
            var report = await Scope.Get<WardSync>().SyncAsync(catalogue, DecisionFileName, dryRun,
                cancellationToken).ConfigureAwait(false);
            return (report.Lists, report.Planner);
        }

        public void Dispose() => Scope.Dispose();

        public ValueTask DisposeAsync() => Scope.DisposeAsync();
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
