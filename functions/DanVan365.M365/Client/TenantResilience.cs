using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace DanVan365.M365.Client;

/// <summary>
/// What every ward of one tenant shares in this process: the SharePoint resource-unit bucket, the Planner pace, the
/// per-mailbox mail pace and the circuit breaker. One per tenant (<see cref="TenantResilienceRegistry.For"/>, a singleton of
/// the composition root), so 114 wards on one app spend one budget. Several Function instances each declare
/// 1/<see cref="M365Options.InstanceCount"/> of the budget (the count comes from the Bicep parameter that bounds their
/// scale: infra/main.bicep) and adapt below it (<see cref="AdaptiveShare"/>): a count set too low converges instead of
/// storming the tenant. Every wait (pacing, Polly's delays, the circuit's break) runs on
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
        ResourceUnitsShare = new AdaptiveShare(ResourceUnits, "SharePoint", clock, Logger);
        PlannerShare = new AdaptiveShare(Planner, "Planner", clock, Logger);
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

    /// <summary>How much of its declared share of the resource units this instance spends now (AIMD).</summary>
    public AdaptiveShare ResourceUnitsShare { get; }

    /// <summary>How much of its declared share of the Planner pace this instance spends now (AIMD).</summary>
    public AdaptiveShare PlannerShare { get; }

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

    /// <summary>
    /// Learns from an answer: RateLimit-Remaining tightens the budget; a 429 or 503 pauses the services it hit and halves
    /// this instance's share of them; RateLimit-Remaining below what this instance's pace needs until the window resets
    /// (the instances together outrun the budget) halves the share too, and pauses until the reset once the window is
    /// nearly spent; answers without such signs grow the share back (<see cref="AdaptiveShare"/>).
    /// </summary>
    public void Observe(IReadOnlyList<GraphRequestClass> requests, int status, Func<string, string?> header, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(header);
        var units = requests.Any(r => r.ResourceUnits > 0);
        var planner = requests.Any(r => r.Service == GraphService.Planner);
        var overrun = false;
        if (RetryAfter.RateLimit(header) is { } limit && units)
        {
            // Graph's figure is the app's, all instances together: this instance's part of it.
            var mine = limit.Remaining / Options.InstanceCount;
            ResourceUnits.Tighten(mine, limit.Reset);
            GraphClientLog.BudgetTightened(Logger, limit.Remaining, (long)limit.Reset.TotalMilliseconds);
            overrun = Outrun(mine, limit.Reset);
            if (overrun)
            {
                ResourceUnitsShare.Shrink("RateLimit-Remaining");
                var budget = double.TryParse(header("RateLimit-Limit"), System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var stated) && stated > 0
                    ? stated
                    : Options.ResourceUnitsPerMinute;
                if (limit.Remaining <= NearlySpent * budget)
                {
                    ResourceUnits.Pause(limit.Reset);
                }
            }
        }

        if (status is 429 or (int)HttpStatusCode.ServiceUnavailable)
        {
            var pause = RetryAfter.From(header, Clock.GetUtcNow()) ?? TimeSpan.FromSeconds(1);
            GraphClientLog.Throttled(Logger, requests.Count == 1 ? requests[0].Operation : "POST $batch", status,
                (long)pause.TotalMilliseconds, requestId);
            var reason = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (units)
            {
                ResourceUnits.Pause(pause);
                ResourceUnitsShare.Shrink(reason);
            }

            if (planner)
            {
                Planner.Pause(pause);
                PlannerShare.Shrink(reason);
            }

            return;
        }

        if (units && !overrun)
        {
            ResourceUnitsShare.Clean();
        }

        if (planner)
        {
            PlannerShare.Clean();
        }
    }

    /// <summary>
    /// RateLimit-Remaining at or below this part of the budget, with the instances outrunning it: wait for the reset. SharePoint
    /// sends the headers from 80 % of the window's budget, so a sign of overrun pauses this instance until the reset: the
    /// units left then are fewer than the instances' requests in flight, and what is refused counts against the app too.
    /// </summary>
    public const double NearlySpent = 0.2;

    /// <summary>
    /// Whether <paramref name="remaining"/> (this instance's part of what the window has left) is less than half of what
    /// this instance's steady pace would spend until <paramref name="reset"/>: then the instances together spend faster
    /// than the budget refills. A count set right never shows it: N instances at their declared pace spend 90 % of the
    /// budget steadily plus the 10 % burst, so what is left always covers what each still needs.
    /// </summary>
    private bool Outrun(double remaining, TimeSpan reset)
    {
        if (_paceScale != 1)
        {
            // An unpaced local Graph: its answers alone pace the client.
            return false;
        }

        var pace = ResourceUnits.Budget * ResourceUnits.Share * (1 - TokenBucket.BurstShare) / ResourceUnits.Window.Ticks;
        return remaining < 0.5 * pace * reset.Ticks;
    }

    /// <summary>What names a tenant: its id, or the local Graph's URL.</summary>
    internal static string KeyOf(M365Options options) =>
        options.Local || string.IsNullOrEmpty(options.TenantId) ? options.GraphBaseUrl : options.TenantId;
}
