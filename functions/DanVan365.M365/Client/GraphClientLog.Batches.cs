using Microsoft.Extensions.Logging;

namespace DanVan365.M365.Client;

/// <summary>The log events of $batch items (ids 5300-5309), shaped like the request retries' (1500).</summary>
public static partial class GraphClientLog
{
    /// <summary>
    /// A $batch item answered 429/503/504 inside a successful envelope and is sent again in the next batch
    /// (https://learn.microsoft.com/graph/json-batching, "Handling throttling in batches": each item carries its own status
    /// and Retry-After). The item is named by its id in the batch and its route with ids blanked.
    /// </summary>
    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning,
        Message = "Graph $batch item {ItemId} ({Operation}) answered {Status} (request-id {RequestId}); retry {Attempt} in {DelayMs} ms")]
    public static partial void BatchItemRetrying(ILogger logger, string itemId, string operation, int status, string? requestId,
        int attempt, long delayMs);

    /// <summary>A $batch item still answered 429/503/504 after the last attempt: its outcome goes to the caller as failed.</summary>
    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning,
        Message = "Graph $batch item {ItemId} ({Operation}) gave up after {Attempts} attempts: {Status} (request-id {RequestId})")]
    public static partial void BatchItemGaveUp(ILogger logger, string itemId, string operation, int status, string? requestId,
        int attempts);
}
