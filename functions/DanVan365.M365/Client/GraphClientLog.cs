using Microsoft.Extensions.Logging;

namespace DanVan365.M365.Client;

/// <summary>
/// The Graph client layer's log events (stable ids 1500-1519). Operations are logged as method and route with ids
/// blanked (<see cref="GraphRequestClass.Operation"/>): no mailbox, user or item ever reaches a log.
/// </summary>
public static partial class GraphClientLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning,
        Message = "Graph {Operation} answered {Status} (request-id {RequestId}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int status, string? requestId, int attempt, long delayMs);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning,
        Message = "Graph throttled {Operation}: {Status}, Retry-After {RetryAfterMs} ms (request-id {RequestId})")]
    public static partial void Throttled(ILogger logger, string operation, int status, long retryAfterMs, string? requestId);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error,
        Message = "Graph circuit for tenant {Tenant} opened for {BreakMs} ms after sustained 503s")]
    public static partial void CircuitOpened(ILogger logger, string tenant, long breakMs);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information,
        Message = "Graph circuit for tenant {Tenant} half-open: one trial request")]
    public static partial void CircuitHalfOpen(ILogger logger, string tenant);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Graph circuit for tenant {Tenant} closed: requests resume")]
    public static partial void CircuitClosed(ILogger logger, string tenant);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information,
        Message = "Graph {Operation} not retried after {Status}: not safe to repeat (request-id {RequestId})")]
    public static partial void NotRetried(ILogger logger, string operation, int status, string? requestId);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Debug,
        Message = "Graph {Operation} waited {WaitMs} ms for the tenant budget ({Units} RU)")]
    public static partial void Paced(ILogger logger, string operation, long waitMs, int units);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Information,
        Message = "Graph reports {Remaining} RU left in this window (reset in {ResetMs} ms): budget tightened")]
    public static partial void BudgetTightened(ILogger logger, double remaining, long resetMs);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Debug, Message = "Graph {Operation} answered {Status} (request-id {RequestId})")]
    public static partial void Answered(ILogger logger, string operation, int status, string? requestId);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Warning, Message = "Graph {Operation} gave up: retry budget of {BudgetMs} ms spent")]
    public static partial void BudgetSpent(ILogger logger, string operation, long budgetMs);
}
