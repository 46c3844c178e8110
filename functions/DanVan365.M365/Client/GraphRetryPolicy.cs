using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace DanVan365.M365.Client;

/// <summary>The state of one call through the pipeline (kept in the Polly context).</summary>
internal sealed class GraphCall(IReadOnlyList<GraphRequestClass> requests, bool markedSafe, NoRetryOption? noRetry = null)
{
    /// <summary>The caller's "do not retry" (<see cref="NoRetryOption"/>), or null.</summary>
    public NoRetryOption? NoRetry { get; } = noRetry;

    public IReadOnlyList<GraphRequestClass> Requests { get; } = requests;

    /// <summary>Method and route for logs.</summary>
    public string Operation => Requests.Count == 1 ? Requests[0].Operation : "POST $batch";

    /// <summary>True when a 5xx or a timeout may be retried: every request idempotent, or the caller said so; never sendMail.</summary>
    public bool SafeToRepeat => !Requests.Any(r => r.SendMail) && (markedSafe || Requests.All(r => r.Idempotent));

    /// <summary>When the first attempt went out (after pacing); the retry budget runs from here.</summary>
    public long? Started { get; set; }

    public TimeSpan NextDelay { get; set; }

    /// <summary>The call's place in the tenant's line for its budgets (lower first).</summary>
    public long Priority { get; init; }
}

/// <summary>
/// The Polly v8 pipeline that is the Graph client's only retry layer. Retries: 429 always (the request was not
/// processed; https://learn.microsoft.com/graph/throttling); 503/504, a lost connection or an attempt timeout only
/// when the request is safe to repeat (<see cref="GraphCall.SafeToRepeat"/>); an open circuit (nothing was sent).
/// The wait is the greater of Retry-After and RateLimit-Reset, else an exponential back-off; a retry that would end
/// past <see cref="M365Options.RetryBudget"/> from the first attempt is not made.
/// </summary>
internal static class GraphRetryPolicy
{
    public static readonly ResiliencePropertyKey<GraphCall> CallKey = new("DanVan365.GraphCall");

    public static ResiliencePipeline<HttpResponseMessage> Build(TenantResilience tenant)
    {
        var options = tenant.Options;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = tenant.Clock };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(tenant, args.Context, args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(CallKey, null!).NextDelay),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    var status = args.Outcome.Result is { } r ? (int)r.StatusCode : 0;
                    GraphClientLog.Retrying(tenant.Logger, call.Operation, status, RequestId(args.Outcome.Result), args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Sustained 503s (80 % of at least 10 answers in a minute) open the tenant's circuit for CircuitBreakDuration.
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = 0.8,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable),
            OnOpened = args =>
            {
                GraphClientLog.CircuitOpened(tenant.Logger, tenant.Tenant, (long)args.BreakDuration.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                GraphClientLog.CircuitHalfOpen(tenant.Logger, tenant.Tenant);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                GraphClientLog.CircuitClosed(tenant.Logger, tenant.Tenant);
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    private static bool ShouldRetry(TenantResilience tenant, ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attempt)
    {
        var call = context.Properties.GetValue(CallKey, null!);
        var now = tenant.Clock.GetUtcNow();
        TimeSpan? delay;
        switch (outcome)
        {
            case { Exception: BrokenCircuitException open }:
                delay = open.RetryAfter ?? tenant.Options.CircuitBreakDuration;
                break;
            case { Exception: OperationCanceledException } when context.CancellationToken.IsCancellationRequested:
                return false;
            case { Exception: HttpRequestException or TimeoutException }:
                delay = call.SafeToRepeat && call.NoRetry is null ? Backoff(attempt) : null;
                break;
            case { Result: { StatusCode: (HttpStatusCode)429 } throttled }:
                delay = call.NoRetry is { RetryThrottling: false } ? null : RetryAfter.From(throttled, now) ?? Backoff(attempt);
                break;
            case { Result: { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } failed }:
                delay = call.SafeToRepeat && call.NoRetry is null ? RetryAfter.From(failed, now) ?? Backoff(attempt) : null;
                if (delay is null)
                {
                    GraphClientLog.NotRetried(tenant.Logger, call.Operation, (int)failed.StatusCode, RequestId(failed));
                }

                break;
            default:
                return false;
        }

        if (delay is not { } wait)
        {
            return false;
        }

        var spent = call.Started is { } started ? tenant.Clock.GetElapsedTime(started) : TimeSpan.Zero;
        if (spent + wait > tenant.Options.RetryBudget)
        {
            GraphClientLog.BudgetSpent(tenant.Logger, call.Operation, (long)tenant.Options.RetryBudget.TotalMilliseconds);
            return false;
        }

        call.NextDelay = wait;
        return true;
    }

    /// <summary>1, 2, 4, 8... seconds, at most 30, when Graph gave no wait.</summary>
    internal static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempt, 5))));

    internal static string? RequestId(HttpResponseMessage? response) =>
        response is null ? null : RetryAfter.Header(response.Headers, "request-id");
}
