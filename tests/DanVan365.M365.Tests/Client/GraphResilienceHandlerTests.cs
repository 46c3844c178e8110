using DanVan365.M365.Client;
using DanVan365.TestUtilities.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using static DanVan365.M365.Tests.Client.ScriptedTransport;

namespace DanVan365.M365.Tests.Client;

public class GraphResilienceHandlerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly RecordingLoggerFactory _logs = new();

    private static M365Options Options(int maxAttempts = 6) => new()
    {
        Local = true,
        PaceLocal = true,
        GraphBaseUrl = "http://127.0.0.1:9/v1.0",
        SiteUrl = "https://haian.sharepoint.com/sites/phuong-hai-an",
        MaxAttempts = maxAttempts,
    };

    [Fact]
    public void Handlers_DefaultChain_SdkRetryHandlerReplacedByOnePollyHandler()
    {
        var handlers = GraphClientBuilder.Handlers(new TenantResilience(Options(), _clock));

        Assert.DoesNotContain(handlers, h => h is RetryHandler);
        Assert.Single(handlers, h => h is GraphResilienceHandler);
    }

    [Fact]
    public async Task Create_InteractiveClientBehindQueuedRuns_IsSentFirst()
    {
        var options = Options();
        var tenant = new TenantResilience(options, _clock, _logs);
        var (olderWire, newerWire, callerWire) = (new ScriptedTransport(), new ScriptedTransport(), new ScriptedTransport());
        var older = GraphClientBuilder.Create(options, transport: olderWire, resilience: tenant).Client;
        var newer = GraphClientBuilder.Create(options, transport: newerWire, resilience: tenant).Client;
        var caller = GraphClientBuilder.Create(options, transport: callerWire, resilience: tenant, interactive: true).Client;
        // The minute's burst is spent: every request now waits in line for the steady refill (18.75 RU a second).
        tenant.ResourceUnits.Reserve(tenant.ResourceUnits.Capacity);

        var fromNewer = newer.Sites["root"].GetAsync();
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 1);
        var fromOlder = older.Sites["root"].GetAsync();
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 2);
        var fromCaller = caller.Sites["root"].GetAsync();
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 3);

        // Each step refills exactly one request's units, so exactly one waiter can be let through per step: the order
        // is decided by the bucket, not by how fast the thread pool runs the continuations.
        var step = RefillTime(tenant.ResourceUnits, GraphRequestClass.Of("GET", "sites/root").ResourceUnits);
        var calls = new[] { fromCaller, fromOlder, fromNewer };
        var order = new List<string>();
        foreach (var (name, call) in new[] { ("caller", fromCaller), ("older", fromOlder), ("newer", fromNewer) })
        {
            _clock.Advance(step);
            await call.WaitAsync(TimeSpan.FromSeconds(10));
            await Eventually.SettledAsync();
            order.Add(name + calls.Count(t => t.IsCompleted));
        }

        // Each answered alone, in this order: the person first, then the run that started first.
        Assert.Equal(["caller1", "older2", "newer3"], order);
        Assert.Equal((1, 1, 1), (callerWire.Sent, olderWire.Sent, newerWire.Sent));
    }

    [Fact]
    public async Task SendAsync_PaceFirstOptionFromANewerRun_GoesBeforeTheOlderRunsQueuedRequest()
    {
        var options = Options();
        var tenant = new TenantResilience(options, _clock, _logs);
        var (olderWire, leaseWire) = (new ScriptedTransport(), new ScriptedTransport());
        var older = GraphClientBuilder.Create(options, transport: olderWire, resilience: tenant);
        var newer = GraphClientBuilder.Create(options, transport: leaseWire, resilience: tenant);
        tenant.ResourceUnits.Reserve(tenant.ResourceUnits.Capacity);

        var queued = Send(older, "PATCH", "sites/s/lists/l/items/1/fields");
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 1);
        var renewal = Send(newer, "PATCH", "sites/s/lists/l/items/2/fields", option: new PaceFirstOption());
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 2);
        _clock.Advance(RefillTime(tenant.ResourceUnits, GraphRequestClass.Of("PATCH", "sites/s/lists/l/items/2/fields").ResourceUnits));
        await renewal.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.SettledAsync();
        Assert.Equal((1, 0), (leaseWire.Sent, olderWire.Sent));
        Assert.False(queued.IsCompleted);
    }

    [Fact]
    public async Task SendAsync_LeaseRenewalBehindAPersonsCall_GoesFirst()
    {
        // Issue 25: a renewal held back could let a run's lease lapse; a person waits at most for the few lease requests.
        var options = Options();
        var tenant = new TenantResilience(options, _clock, _logs);
        var (callerWire, leaseWire) = (new ScriptedTransport(), new ScriptedTransport());
        var caller = GraphClientBuilder.Create(options, transport: callerWire, resilience: tenant, interactive: true);
        var run = GraphClientBuilder.Create(options, transport: leaseWire, resilience: tenant);
        tenant.ResourceUnits.Reserve(tenant.ResourceUnits.Capacity);

        var person = Send(caller, "PATCH", "sites/s/lists/l/items/1/fields");
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 1);
        var renewal = Send(run, "PATCH", "sites/s/lists/l/items/2/fields", option: new PaceFirstOption());
        await WaitUntil(() => tenant.ResourceUnits.Waiting == 2);
        _clock.Advance(RefillTime(tenant.ResourceUnits, GraphRequestClass.Of("PATCH", "sites/s/lists/l/items/2/fields").ResourceUnits));
        await renewal.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.SettledAsync();

        Assert.Equal((1, 0), (leaseWire.Sent, callerWire.Sent));
        Assert.False(person.IsCompleted);
    }

    /// <summary>How long the steady refill takes to put <paramref name="units"/> back into an empty bucket.</summary>
    private static TimeSpan RefillTime(TokenBucket bucket, int units) =>
        TimeSpan.FromTicks((long)Math.Ceiling(units * bucket.Window.Ticks / (bucket.Budget * (1 - TokenBucket.BurstShare))));

    private static Task WaitUntil(Func<bool> condition) => Eventually.TrueAsync(condition, "requests queued in the budget");

    [Fact]
    public async Task GetAsync_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var wire = new ScriptedTransport(() => Answer(429, ("Retry-After", "5")));
        var client = Client(wire).Client;

        var call = client.Sites["root"].GetAsync();
        await wire.WaitForAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await Eventually.SettledAsync();
        Assert.Equal(1, wire.Sent);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var site = await call;

        Assert.Equal("root", site!.Id);
        Assert.Equal(2, wire.Sent);
        Assert.Contains(_logs.Events, e => e.Id == 1501);
        Assert.Contains(_logs.Events, e => e.Id == 1500);
    }

    [Fact]
    public async Task GetAsync_RateLimitResetLongerThanRetryAfter_WaitsTheGreater()
    {
        var wire = new ScriptedTransport(() => Answer(429, ("Retry-After", "2"), ("RateLimit-Reset", "7"), ("RateLimit-Remaining", "0")));
        var client = Client(wire).Client;

        var call = client.Sites["root"].GetAsync();
        await wire.WaitForAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(6));
        await Eventually.SettledAsync();
        Assert.Equal(1, wire.Sent);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal(2, wire.Sent);
    }

    [Fact]
    public async Task SendMail_503_NotRetried()
    {
        var wire = new ScriptedTransport(() => Answer(503, ("Retry-After", "0")));

        var error = await Assert.ThrowsAsync<ODataError>(() => Send(Client(wire), "POST", "users/ubnd@haian.example.vn/sendMail"));

        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal(1, wire.Sent);
        Assert.Contains(_logs.Events, e => e.Id == 1505);
    }

    [Fact]
    public async Task CreatePlan_NoRetryOption429_NotRetried()
    {
        var wire = new ScriptedTransport(() => Answer(429, ("Retry-After", "0")));

        var error = await Assert.ThrowsAsync<ODataError>(() => Send(Client(wire), "POST", "planner/plans", option: new NoRetryOption()));

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal(1, wire.Sent);
    }

    [Fact]
    public async Task Get_NoRetryOption503_NotRetriedThoughIdempotent()
    {
        var wire = new ScriptedTransport(() => Answer(503, ("Retry-After", "0")));

        var error = await Assert.ThrowsAsync<ODataError>(() => Send(Client(wire), "GET", "sites/root",
            option: new NoRetryOption { RetryThrottling = true }));

        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal(1, wire.Sent);
    }

    [Fact]
    public async Task Post_NoRetryOptionRetryThrottling429_Retried()
    {
        var wire = new ScriptedTransport(() => Answer(429, ("Retry-After", "0")));

        await Send(Client(wire), "POST", "planner/plans", option: new NoRetryOption { RetryThrottling = true });

        Assert.Equal(2, wire.Sent);
    }

    [Fact]
    public async Task SendMail_429_Retried()
    {
        var wire = new ScriptedTransport(() => Answer(429, ("Retry-After", "0")));

        await Send(Client(wire), "POST", "users/ubnd@haian.example.vn/sendMail");

        Assert.Equal(2, wire.Sent);
    }

    [Fact]
    public async Task Create_503_NotRetriedUnlessMarkedSafe()
    {
        var unsafeWire = new ScriptedTransport(() => Answer(503, ("Retry-After", "0")));
        await Assert.ThrowsAsync<ODataError>(() => Send(Client(unsafeWire), "POST", "sites/s1/lists/l1/items"));
        Assert.Equal(1, unsafeWire.Sent);

        var safeWire = new ScriptedTransport(() => Answer(503, ("Retry-After", "0")));
        await Send(Client(safeWire), "POST", "sites/s1/lists/l1/items", safe: true);
        Assert.Equal(2, safeWire.Sent);
    }

    [Fact]
    public async Task Update_503_Retried()
    {
        var wire = new ScriptedTransport(() => Answer(503, ("Retry-After", "0")), () => Answer(504));
        var call = Send(Client(wire), "PATCH", "sites/s1/lists/l1/items/5/fields");
        await wire.WaitForAsync(2);

        // No Retry-After on the 504: exponential back-off, 2 s before the third attempt.
        _clock.Advance(TimeSpan.FromSeconds(2));
        await call;

        Assert.Equal(3, wire.Sent);
    }

    [Fact]
    public async Task GetAsync_Sustained503_CircuitOpensThenResumesHalfOpen()
    {
        var script = Enumerable.Repeat<Func<HttpResponseMessage>>(() => Answer(503, ("Retry-After", "0")), 10).ToArray();
        var wire = new ScriptedTransport(script);
        var connection = Client(wire, maxAttempts: 1);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<ODataError>(() => connection.Client.Sites["root"].GetAsync());
        }

        var open = await Assert.ThrowsAsync<ODataError>(() => connection.Client.Sites["root"].GetAsync());
        Assert.Equal(503, open.ResponseStatusCode);
        Assert.Equal("circuitOpen", open.Error?.Code);
        Assert.Equal(10, wire.Sent);
        Assert.Contains(_logs.Events, e => e.Id == 1502);

        _clock.Advance(connection.Options.CircuitBreakDuration);
        await connection.Client.Sites["root"].GetAsync();
        Assert.Equal(11, wire.Sent);
        Assert.Contains(_logs.Events, e => e.Id == 1503);
        Assert.Contains(_logs.Events, e => e.Id == 1504);
    }

    [Fact]
    public async Task Batch_EveryItemCounts_ResourceUnitsTakenPerItem()
    {
        var wire = new ScriptedTransport(() => Answer(200));
        var options = Options();
        var tenant = new TenantResilience(options, _clock, _logs);
        var connection = GraphClientBuilder.Create(options, transport: wire, resilience: tenant);
        using var http = new HttpRequestMessage(HttpMethod.Post, options.GraphBaseUrl + "/$batch")
        {
            Content = new StringContent(
                "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/sites/s/lists/l/items\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/sites/s/lists/l/items/1\"},"
                + "{\"id\":\"3\",\"method\":\"POST\",\"url\":\"/drives/d/items/i/permissions\"}]}",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        var before = tenant.ResourceUnits.Available;

        using var invoker = new HttpMessageInvoker(Chain(tenant, wire));
        using var response = await invoker.SendAsync(http, CancellationToken.None);

        Assert.Equal(2 + 1 + 5, before - tenant.ResourceUnits.Available, 3);
        GC.KeepAlive(connection);
    }

    private static GraphResilienceHandler Chain(TenantResilience tenant, HttpMessageHandler wire) =>
        new(tenant, tenant.NextPriority()) { InnerHandler = wire };

    private GraphConnection Client(ScriptedTransport wire, int maxAttempts = 6)
    {
        var options = Options(maxAttempts);
        return GraphClientBuilder.Create(options, transport: wire, resilience: new TenantResilience(options, _clock, _logs));
    }

    private static Task Send(GraphConnection connection, string method, string path, bool safe = false, IRequestOption? option = null)
    {
        var request = new RequestInformation(Enum.Parse<Method>(method), "{+baseurl}/" + path, new Dictionary<string, object>());
        request.SetContentFromParsable(connection.Client.RequestAdapter, "application/json", new Microsoft.Graph.Models.Entity());
        if (safe)
        {
            request.AddRequestOptions([new RetrySafeOption()]);
        }

        if (option is not null)
        {
            request.AddRequestOptions([option]);
        }

        var errors =
            new Dictionary<string,
                Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<Microsoft.Kiota.Abstractions.Serialization.IParsable>>
            {
                ["XXX"] = ODataError.CreateFromDiscriminatorValue,
            };
        return connection.Client.RequestAdapter.SendNoContentAsync(request, errors);
    }
}

/// <summary>Keeps the event ids logged, to prove what the client layer reports.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory, ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<EventId> _events = new();

    public IReadOnlyList<EventId> Events => [.. _events];

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        _events.Enqueue(eventId);
}
