using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace DanVan365.M365.Client;

/// <summary>
/// What every ward of one tenant shares in this process: the SharePoint resource-unit bucket, the Planner pace, the
/// per-mailbox mail pace and the circuit breaker. One per tenant (<see cref="TenantResilienceRegistry.For"/>, a singleton of
/// the composition root), so 114 wards on one app spend one budget. Several Function instances each take
/// 1/<see cref="M365Options.InstanceCount"/> of the budget. Every wait (pacing, Polly's delays, the circuit's break) runs on
/// the clock given here: the composition root's <see cref="TimeProvider"/>.
/// </summary>
public sealed class TenantResilience
{
    /// <summary>A local Graph without <see cref="M365Options.PaceLocal"/>: budgets so large they never wait.</summary>
    private const double UnpacedScale = 1_000_000;

    private readonly ConcurrentDictionary<string, TokenBucket> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly double _paceScale;
    private long _priorities;

    public TenantResilience(M365Options options, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Options = options;
        Clock = clock;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DanVan365.M365.Client.Graph");
        Tenant = KeyOf(options);
        _paceScale = options.Local && !options.PaceLocal ? UnpacedScale : 1;
        ResourceUnits = new TokenBucket(_paceScale * options.ResourceUnitsPerMinute / options.InstanceCount, options.BudgetWindow, clock);
        Planner = new TokenBucket(_paceScale * options.PlannerRequestsPerMinute / options.InstanceCount, options.BudgetWindow, clock);
        Pipeline = GraphRetryPolicy.Build(this);
    }

    public M365Options Options { get; }

    public TimeProvider Clock { get; }

    public ILogger Logger { get; }

    /// <summary>The tenant id (or the local Graph's URL): names the circuit in logs.</summary>
    public string Tenant { get; }

    /// <summary>This instance's share of the tenant's SharePoint resource units.</summary>
    public TokenBucket ResourceUnits { get; }

    /// <summary>This instance's share of the Planner pace.</summary>
    public TokenBucket Planner { get; }

    /// <summary>Retry (outer) and circuit breaker (inner): the only retry layer of the Graph client.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>The pace of one mailbox's messages (Exchange Online: 30 a minute).</summary>
    public TokenBucket Mailbox(string mailbox) =>
        _mailboxes.GetOrAdd(mailbox, _ => new TokenBucket(_paceScale * Options.MailMessagesPerMinute, Options.BudgetWindow, Clock));

    /// <summary>
    /// The place in line of requests that go before every ward run: those of a person waiting for an answer (the web
    /// part's calls and the administrators', <see cref="Composition.WardTarget.Interactive"/>).
    /// </summary>
    public const long FirstPriority = 0;

    /// <summary>
    /// The place in line of the ward lease's requests (<see cref="PaceFirstOption"/>: claim, renewal, release), before a
    /// person's (issue 25): they are few and bounded (a renewal every third of the lease's duration per running ward), and
    /// one held back can let a lease lapse and stop a whole run, while a person waits at most for those few.
    /// </summary>
    public const long LeasePriority = -1;

    /// <summary>
    /// A new caller's place in line for the budgets: each ward run's Graph client takes one when it is built, so the
    /// budgets serve the oldest run first (<see cref="TokenBucket.AcquireAsync(double, long, CancellationToken)"/>).
    /// </summary>
    public long NextPriority() => Interlocked.Increment(ref _priorities);

    /// <summary>
    /// Takes what the requests cost from every budget they spend, waiting in line (<paramref name="priority"/>, lower
    /// first) until each allows them; returns how long that took.
    /// </summary>
    public async Task<TimeSpan> PaceAsync(IReadOnlyList<GraphRequestClass> requests, long priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var wait = TimeSpan.Zero;
        var units = requests.Sum(r => r.ResourceUnits);
        if (units > 0)
        {
            wait += await ResourceUnits.AcquireAsync(units, priority, cancellationToken).ConfigureAwait(false);
        }

        var planner = requests.Count(r => r.Service == GraphService.Planner);
        if (planner > 0)
        {
            wait += await Planner.AcquireAsync(planner, priority, cancellationToken).ConfigureAwait(false);
        }

        foreach (var mail in requests.Where(r => r.SendMail && r.Mailbox is not null).GroupBy(r => r.Mailbox!))
        {
            wait += await Mailbox(mail.Key).AcquireAsync(mail.Count(), priority, cancellationToken).ConfigureAwait(false);
        }

        return wait;
    }

    /// <summary>Learns from an answer: RateLimit-Remaining tightens the budget; a 429 or 503 pauses the services it hit.</summary>
    public void Observe(IReadOnlyList<GraphRequestClass> requests, int status, Func<string, string?> header, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(header);
        if (RetryAfter.RateLimit(header) is { } limit && requests.Any(r => r.ResourceUnits > 0))
        {
            // Graph's figure is the app's, all instances together: this instance's part of it.
            ResourceUnits.Tighten(limit.Remaining / Options.InstanceCount, limit.Reset);
            GraphClientLog.BudgetTightened(Logger, limit.Remaining, (long)limit.Reset.TotalMilliseconds);
        }

        if (status is 429 or (int)HttpStatusCode.ServiceUnavailable)
        {
            var pause = RetryAfter.From(header, Clock.GetUtcNow()) ?? TimeSpan.FromSeconds(1);
            GraphClientLog.Throttled(Logger, requests.Count == 1 ? requests[0].Operation : "POST $batch", status,
                (long)pause.TotalMilliseconds, requestId);
            if (requests.Any(r => r.ResourceUnits > 0))
            {
                ResourceUnits.Pause(pause);
            }

            if (requests.Any(r => r.Service == GraphService.Planner))
            {
                Planner.Pause(pause);
            }
        }
    }

    /// <summary>What names a tenant: its id, or the local Graph's URL.</summary>
    internal static string KeyOf(M365Options options) =>
        options.Local || string.IsNullOrEmpty(options.TenantId) ? options.GraphBaseUrl : options.TenantId;
}
