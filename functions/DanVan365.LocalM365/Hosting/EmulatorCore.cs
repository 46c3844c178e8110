using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DanVan365.LocalM365.Handlers;
using DanVan365.LocalM365.Routing;
using DanVan365.LocalM365.Storage;

namespace DanVan365.LocalM365;

/// <summary>The emulator without its web host: state, routing, stats, faults, batch. Both HTTP and $batch items come through <see
/// cref="ExecuteAsync"/>.</summary>
internal sealed class EmulatorCore : IDisposable
{
    private readonly Router _router = new();
    private readonly ConcurrentDictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _userAgents = new(StringComparer.Ordinal);
    private long _requests;
    private long _batchItems;
    private long _writes;
    private long _throttled;
    private long _serverErrors;
    private long _mails;
    private long _operations;
    private EmulatorFaults _faults = new();
    private long _plannerWrites;
    private readonly ResourceUnitBudget _budget;

    /// <summary>The clock of the wire (the budget's and the injected latency's), not the tenant's calendar clock.</summary>
    private readonly TimeProvider _wireClock;

    public EmulatorCore(GraphStore store, TimeProvider clock, SeedDocument seed, string? outboxDirectory, TimeProvider? budgetClock = null)
    {
        Store = store;
        Clock = clock;
        _wireClock = budgetClock ?? TimeProvider.System;
        _budget = new ResourceUnitBudget(_wireClock);
        Seed = seed;
        OutboxDirectory = outboxDirectory;
        SiteHandlers.Register(_router);
        ListHandlers.Register(_router);
        DriveHandlers.Register(_router);
        DirectoryHandlers.Register(_router);
        PlannerHandlers.Register(_router);
        MailHandlers.Register(_router);
        lock (Store.Gate)
        {
            if (Store.IsEmpty)
            {
                Store.Atomically(() => Seeder.Apply(this));
            }

            Tenant = Seeder.Describe(this);
        }
    }

    public GraphStore Store { get; }

    public TimeProvider Clock { get; }

    public SeedDocument Seed { get; }

    public string? OutboxDirectory { get; }

    public SeededTenant Tenant { get; private set; }

    /// <summary>http://127.0.0.1:PORT (no trailing slash).</summary>
    public string RootUrl { get; set; } = "http://127.0.0.1";

    /// <summary>
    /// The key that signs this emulator's pre-authenticated download URLs (Handlers/DriveHandlers.Urls.cs): made at start,
    /// never stored, so a URL is good for this process only, as Graph's are good for a few minutes only.
    /// </summary>
    internal byte[] UrlKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>Delta enumerations in pages and their tokens (Handlers/DeltaPages.cs).</summary>
    public DeltaPages Deltas { get; } = new();

    /// <summary>RootUrl + "/v1.0".</summary>
    public string BaseUrl => RootUrl + "/v1.0";

    public EmulatorFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set
        {
            Volatile.Write(ref _faults, value);
            Interlocked.Exchange(ref _operations, 0);
            Interlocked.Exchange(ref _plannerWrites, 0);
            _budget.Restart();
        }
    }

    public void CountMail() => Interlocked.Increment(ref _mails);

    public EmulatorStats Stats() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _batchItems),
        Interlocked.Read(ref _writes),
        Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _serverErrors),
        Interlocked.Read(ref _mails),
        new SortedDictionary<string, long>(_byRoute, StringComparer.Ordinal),
        _budget.Total)
    {
        UserAgents = new SortedDictionary<string, long>(_userAgents, StringComparer.Ordinal),
    };

    public void ResetStats()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _batchItems, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _serverErrors, 0);
        Interlocked.Exchange(ref _mails, 0);
        _budget.ResetTotal();
        _byRoute.Clear();
        _userAgents.Clear();
    }

    /// <summary>Empties the state and seeds it again; clears faults and stats.</summary>
    public void Reset()
    {
        lock (Store.Gate)
        {
            Store.Atomically(() =>
            {
                Store.Clear();
                Seeder.Apply(this);
                return 0;
            });
            Tenant = Seeder.Describe(this);
        }

        Deltas.ExpireAll();
        Faults = new EmulatorFaults();
        ResetStats();
    }

    public string AddUser(EmulatorUser user)
    {
        lock (Store.Gate)
        {
            return Store.Atomically(() => Seeder.AddUser(this, user));
        }
    }

    /// <summary>True when the tenant has a user with this object id.</summary>
    public bool HasUser(string id)
    {
        lock (Store.Gate)
        {
            return Store.Get("user", id) is not null;
        }
    }

    /// <summary>Runs one operation: a top-level request (inBatch false) or a $batch item.</summary>
    public async Task<GraphResponse> ExecuteAsync(GraphRequest request, bool inBatch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref inBatch ? ref _batchItems : ref _requests);
        if (!inBatch)
        {
            // Recorded, not enforced: SharePoint prioritises decorated traffic (NONISV|CompanyName|AppName/Version) but
            // does not document refusing a request without it ("Avoid getting throttled or blocked in SharePoint Online",
            // section "How to decorate your http traffic to avoid throttling?").
            _userAgents.AddOrUpdate(request.Header("User-Agent") ?? string.Empty, 1, (_, n) => n + 1);
        }

        var faults = Faults;
        if (!inBatch && faults.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(faults.DelayMs), _wireClock, cancellationToken).ConfigureAwait(false);
        }

        RouteMatch match;
        try
        {
            if (!inBatch && request.Method == "POST" && string.Equals(request.Path.Trim('/'), "$batch", StringComparison.OrdinalIgnoreCase))
            {
                _byRoute.AddOrUpdate("POST /$batch", 1, (_, n) => n + 1);
                var batch = await BatchHandler.ExecuteAsync(this, request, cancellationToken).ConfigureAwait(false);

                // The envelope costs nothing itself (its items did); it carries the window's RateLimit-* state too.
                foreach (var (k, v) in _budget.Charge(0, faults, envelope: true).Headers)
                {
                    batch.Headers[k] = v;
                }

                return batch;
            }

            match = _router.Match(request.Method, request.Path, out _);
        }
        catch (GraphException ex)
        {
            return ErrorResponse(ex, request);
        }

        _byRoute.AddOrUpdate(match.Route.Name, 1, (_, n) => n + 1);
        var (overBudget, budgetHeaders) = _budget.Charge(ResourceUnitBudget.CostOf(request), faults);
        if (overBudget)
        {
            Interlocked.Increment(ref _throttled);
            var ex = new GraphException((HttpStatusCode)429, "TooManyRequests",
                "The application's resource units for this minute are spent.");
            foreach (var (k, v) in budgetHeaders)
            {
                ex.Headers[k] = v;
            }

            return ErrorResponse(ex, request);
        }

        // Throttling and server errors, per operation (batch items too): https://learn.microsoft.com/en-us/graph/throttling
        var n = Interlocked.Increment(ref _operations);
        var injected = InjectedFault(faults, n);
        if (injected is not null && !faults.AfterExecution)
        {
            return ErrorResponse(injected, request);
        }

        if (faults.ConflictEvery > 0 && request.Method is "POST" or "PATCH" or "DELETE" && IsPlanner(request.Path)
            && Interlocked.Increment(ref _plannerWrites) % faults.ConflictEvery == 0)
        {
            // planner-overview.md, "Planner resource versioning": 409 and 412 both mean "read the latest version and resolve".
            return ErrorResponse(new GraphException(HttpStatusCode.Conflict, "Conflict",
                "The request conflicts with a newer change of the resource."), request);
        }

        GraphResponse response;
        try
        {
            var context = new OperationContext(request, match, this);
            lock (Store.Gate)
            {
                response = request.Method == "GET"
                    ? match.Route.Handler(context)
                    : Store.Atomically(() => match.Route.Handler(context));
            }
        }
        catch (GraphException ex)
        {
            return ErrorResponse(ex, request);
        }

        foreach (var (k, v) in budgetHeaders)
        {
            response.Headers[k] = v;
        }

        if (injected is not null)
        {
            // afterExecution: the operation took effect, and the caller only sees the 429/503 (a lost response).
            CountWrite(response, request);
            return ErrorResponse(injected, request);
        }

        CountWrite(response, request);
        return response;
    }

    private static bool IsPlanner(string path) => path.TrimStart('/').StartsWith("planner/", StringComparison.OrdinalIgnoreCase);

    private GraphException? InjectedFault(EmulatorFaults faults, long n)
    {
        if (faults.ThrottleEvery > 0 && n % faults.ThrottleEvery == 0)
        {
            Interlocked.Increment(ref _throttled);
            var ex = new GraphException((HttpStatusCode)429, "TooManyRequests",
                "Too many requests. Please retry after the time given in the Retry-After header.");
            ex.Headers["Retry-After"] = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ex;
        }

        if (faults.ServerErrorEvery > 0 && n % faults.ServerErrorEvery == 0)
        {
            Interlocked.Increment(ref _serverErrors);
            var ex = new GraphException(HttpStatusCode.ServiceUnavailable, "serviceNotAvailable",
                "The service is temporarily unavailable. Please retry later.");
            ex.Headers["Retry-After"] = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ex;
        }

        return null;
    }

    private void CountWrite(GraphResponse response, GraphRequest request)
    {
        if (response.Status < 400 && (response.IsWrite || request.Method is "POST" or "PATCH" or "PUT" or "DELETE"))
        {
            Interlocked.Increment(ref _writes);
        }
    }

    public GraphResponse ErrorResponse(GraphException ex, GraphRequest request)
    {
        var requestId = request.Header("request-id") ?? Ids.NewGuid();
        var clientRequestId = request.Header("client-request-id") ?? requestId;
        var response = new GraphResponse(ex.Status, GraphJson.Error(ex.Code, ex.Message, requestId, clientRequestId, Clock.GetUtcNow()));
        foreach (var (k, v) in ex.Headers)
        {
            response.Headers[k] = v;
        }

        return response;
    }

    public void Dispose() => Store.Dispose();
}
