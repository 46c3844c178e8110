using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace DanVan365.M365.Client;

/// <summary>
/// One request to send inside a $batch. <see cref="Build"/> is called again for each attempt.
/// <paramref name="RetryOnTransient"/> false: a create whose 429/503/504 may already have taken effect is never repeated
/// here; its caller looks for what the first attempt made before sending it again
/// (https://learn.microsoft.com/graph/json-batching; issue 12, difference 11). <paramref name="RetrySafe"/> marks a
/// create whose caller made it safe to repeat, so a 503/504 may repeat it.
/// </summary>
public sealed record BatchOperation(string Id, Func<RequestInformation> Build, bool RetryOnTransient = true, bool RetrySafe = false);

/// <summary>What Graph answered for one batch item (body as JSON text, may be empty).</summary>
public sealed record BatchOutcome(string Id, int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A failed item as the row failure the callers report: status, Graph's error code and message, request-id.</summary>
    public Core.Sync.RowFailure FailureOf(string key)
    {
        var (code, message, requestId) = GraphBodies.Error(Body);
        return new Core.Sync.RowFailure(key, $"HTTP {Status} {code} {message} (request-id {requestId ?? "-"})".Trim());
    }
}

/// <summary>
/// Sends requests as JSON batches of at most 20 (https://learn.microsoft.com/graph/json-batching). The HTTP layer
/// retries the envelope; items that come back inside a successful envelope are retried here, item by item, with the
/// rules of the HTTP pipeline (<see cref="GraphRetryPolicy"/>): 429 always; 503/504 only when the item is safe to
/// repeat (not a create unless marked <see cref="BatchOperation.RetrySafe"/>, never sendMail); after the largest wait
/// among them (Retry-After or RateLimit-Reset, the greater), at most <see cref="M365Options.MaxAttempts"/> times. Each
/// item retry is logged like a request retry (<see cref="GraphClientLog.BatchItemRetrying"/>: item id, route, status,
/// wait, attempt): "Requests in a batch are evaluated individually against the applicable throttling limits and if any
/// request exceeds the limits, it fails with a status of 429" (docs repo: concepts/json-batching.md, "Batch size
/// limitations"), and the envelope's own retries do not show them.
/// </summary>
public sealed class BatchRunner(GraphServiceClient client, TimeProvider clock, int maxAttempts = 6, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Graph's documented maximum number of requests in one batch.</summary>
    public const int MaxBatchSize = 20;

    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyDictionary<string, BatchOutcome>> RunAsync(IReadOnlyList<BatchOperation> operations,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var outcomes = new Dictionary<string, BatchOutcome>(StringComparer.Ordinal);
        foreach (var chunk in operations.Chunk(MaxBatchSize))
        {
            var pending = chunk.ToList();
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var results = await SendAsync(pending, cancellationToken).ConfigureAwait(false);
                var retry = new List<(BatchOperation Op, BatchOutcome Outcome)>();
                var delay = TimeSpan.Zero;
                foreach (var op in pending)
                {
                    var outcome = results[op.Id];
                    var transient = op.RetryOnTransient && ShouldRetry(op, outcome.Status);
                    if (transient && attempt < maxAttempts)
                    {
                        retry.Add((op, outcome));
                        var wait = WaitAskedBy(outcome) ?? DefaultRetryDelay * attempt;
                        delay = wait > delay ? wait : delay;
                    }
                    else
                    {
                        if (transient)
                        {
                            GraphClientLog.BatchItemGaveUp(_logger, op.Id, OperationOf(op), outcome.Status, RequestIdOf(outcome), attempt);
                        }

                        outcomes[op.Id] = outcome;
                    }
                }

                pending = [.. retry.Select(r => r.Op)];
                if (pending.Count > 0)
                {
                    delay = delay > MaxRetryDelay ? MaxRetryDelay : delay;
                    foreach (var (op, outcome) in retry)
                    {
                        GraphClientLog.BatchItemRetrying(_logger, op.Id, OperationOf(op), outcome.Status, RequestIdOf(outcome), attempt,
                            (long)delay.TotalMilliseconds);
                    }

                    await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return outcomes;
    }

    private async Task<Dictionary<string, BatchOutcome>> SendAsync(List<BatchOperation> operations, CancellationToken cancellationToken)
    {
        var content = new BatchRequestContentCollection(client, MaxBatchSize);
        foreach (var op in operations)
        {
            await content.AddBatchRequestStepAsync(op.Build(), op.Id).ConfigureAwait(false);
        }

        var response = await GraphErrors.Call("$batch", () => client.Batch.PostAsync(content, cancellationToken)).ConfigureAwait(false);
        var statuses = await response.GetResponsesStatusCodesAsync().ConfigureAwait(false);
        var results = new Dictionary<string, BatchOutcome>(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            var message = statuses.ContainsKey(op.Id) ? await response.GetResponseByIdAsync(op.Id).ConfigureAwait(false) : null;
            if (message is null)
            {
                results[op.Id] = new BatchOutcome(op.Id, (int)HttpStatusCode.BadGateway,
                    "{\"error\":{\"code\":\"missingBatchResponse\",\"message\":\"No response for this batch item.\"}}",
                    new Dictionary<string, string>());
                continue;
            }

            using (message)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var header in message.Headers.Concat(message.Content.Headers))
                {
                    headers[header.Key] = string.Join(",", header.Value);
                }

                var body = await message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                results[op.Id] = new BatchOutcome(op.Id, (int)message.StatusCode, body, headers);
            }
        }

        return results;
    }

    /// <summary>Item creates not marked <see cref="BatchOperation.RetrySafe"/> are not retried on 503/504 (they may have run).</summary>
    internal const bool CreatesRetriedUnmarked = false;

    private static bool ShouldRetry(BatchOperation op, int status)
    {
        if (status == 429)
        {
            return true;
        }

        if (status is not (503 or 504))
        {
            return false;
        }

        var info = op.Build();
        var request = GraphRequestClass.Of(info.HttpMethod.ToString(), info.URI.PathAndQuery);
        // A create is repeated only when its caller looks for what a first attempt made (RetrySafe: list rows by their
        // unique key, notification claims); the HTTP pipeline refuses to repeat a top-level create or any sendMail.
        return !request.SendMail && (request.Idempotent || op.RetrySafe || CreatesRetriedUnmarked);
    }

    /// <summary>The item's method and route with ids blanked (<see cref="GraphRequestClass.Operation"/>): safe to log.</summary>
    private static string OperationOf(BatchOperation op)
    {
        var info = op.Build();
        return GraphRequestClass.Of(info.HttpMethod.ToString(), info.URI.PathAndQuery).Operation;
    }

    /// <summary>The item's request-id: its header, else the one in its error body.</summary>
    private static string? RequestIdOf(BatchOutcome outcome) =>
        outcome.Headers.TryGetValue("request-id", out var id) ? id : GraphBodies.Error(outcome.Body).RequestId;

    private TimeSpan? WaitAskedBy(BatchOutcome outcome) =>
        RetryAfter.From(name => outcome.Headers.TryGetValue(name, out var value) ? value : null, clock.GetUtcNow());
}
