using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;
using Polly;

namespace DanVan365.M365.Client;

/// <summary>
/// Marks a request safe to repeat after a 5xx or a timeout although it is a create: the caller looks for what a first
/// attempt made before creating again (add it with RequestInformation.AddRequestOptions).
/// </summary>
public sealed class RetrySafeOption : IRequestOption;

/// <summary>
/// Tells the pipeline not to repeat a request whose caller handles failure itself (e.g. a create that looks for what a
/// first attempt made: plan creation). With <see cref="RetryThrottling"/> only a 429 is retried, as sendMail is (never
/// on 5xx or a timeout, so the escalation ledger stays at-most-once). Add it with RequestInformation.AddRequestOptions.
/// </summary>
public sealed class NoRetryOption : IRequestOption
{
    /// <summary>True: a 429 (the request was refused, concepts/throttling.md) is still retried after its Retry-After.</summary>
    public bool RetryThrottling { get; init; }
}

/// <summary>
/// Puts a request ahead of every queued ward run and every person's call in the tenant's budgets
/// (<see cref="TenantResilience.LeasePriority"/>): the ward lease's claim, renewal and release, which must not wait behind
/// other wards' work (a renewal held back in line could let the lease expire). Add it with RequestInformation.AddRequestOptions.
/// </summary>
public sealed class PaceFirstOption : IRequestOption;

/// <summary>
/// Replaces the Graph SDK's RetryHandler in the client's handler chain: paces each attempt against the tenant's
/// budgets (<see cref="TenantResilience.PaceAsync"/>), runs it through the Polly pipeline (the one retry layer), and
/// learns from each answer (RateLimit-Remaining, Retry-After; inside a $batch too). Every item of a $batch counts.
/// One handler per Graph client, i.e. per ward run: its place in the budgets' line (<paramref name="priority"/>) is taken
/// when it is made, so the oldest run is served first.
/// </summary>
public sealed class GraphResilienceHandler(TenantResilience tenant, long priority) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // Buffered once, so every attempt sends the same body.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var requests = await ClassifyAsync(request, cancellationToken).ConfigureAwait(false);
        var call = new GraphCall(requests, request.GetRequestOption<RetrySafeOption>() is not null,
            request.GetRequestOption<NoRetryOption>())
        {
            Priority = request.GetRequestOption<PaceFirstOption>() is null ? priority : TenantResilience.LeasePriority,
        };
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(GraphRetryPolicy.CallKey, call);
        try
        {
            return await tenant.Pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.AttemptAsync(state.Request, state.Call,
                    ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, Request: request, Call: call)).ConfigureAwait(false);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException open)
        {
            // An open circuit answers as Graph would: 503 with a wait, so callers see one kind of failure.
            return CircuitOpenResponse(request, open.RetryAfter ?? tenant.Options.CircuitBreakDuration);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, GraphCall call, CancellationToken cancellationToken)
    {
        var waited = await tenant.PaceAsync(call.Requests, call.Priority, cancellationToken).ConfigureAwait(false);
        if (waited > TimeSpan.Zero)
        {
            GraphClientLog.Paced(tenant.Logger, call.Operation, (long)waited.TotalMilliseconds, call.Requests.Sum(r => r.ResourceUnits));
        }

        call.Started ??= tenant.Clock.GetTimestamp();
        using var timeout = new CancellationTokenSource(tenant.Options.RetryBudget, tenant.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Graph {call.Operation} took longer than {tenant.Options.RetryBudget}.", ex);
        }

        var requestId = GraphRetryPolicy.RequestId(response);
        GraphClientLog.Answered(tenant.Logger, call.Operation, (int)response.StatusCode, requestId);
        tenant.Observe(call.Requests, (int)response.StatusCode, name => RetryAfter.Header(response.Headers, name), requestId);
        if (call.Requests.Count > 1 || IsBatch(request))
        {
            await ObserveBatchItemsAsync(response, call, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Items of a $batch answered 429/503 inside a 200 envelope: the budgets pause as for a top-level answer.</summary>
    private async Task ObserveBatchItemsAsync(HttpResponseMessage response, GraphCall call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            return;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (!json.RootElement.TryGetProperty("responses", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            var status = item.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 0;
            var headers = item.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;
            string? Header(string name)
            {
                if (headers.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                foreach (var p in headers.EnumerateObject())
                {
                    if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        return p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                    }
                }

                return null;
            }

            if (status is 429 or 503 || Header("RateLimit-Remaining") is not null)
            {
                tenant.Observe(call.Requests, status, Header, Header("request-id"));
            }
        }
    }

    private static bool IsBatch(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/$batch",
            StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A top-level request is one class; a $batch is one per item (https://learn.microsoft.com/graph/json-batching).</summary>
    private static async Task<IReadOnlyList<GraphRequestClass>> ClassifyAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!IsBatch(request) || request.Content is null)
        {
            return [GraphRequestClass.Of(request.Method.Method, uri.AbsolutePath + uri.Query)];
        }

        using var json = JsonDocument.Parse(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var items = new List<GraphRequestClass>();
        if (json.RootElement.TryGetProperty("requests", out var requests) && requests.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in requests.EnumerateArray())
            {
                var method = item.TryGetProperty("method", out var m) ? m.GetString() ?? "GET" : "GET";
                var url = item.TryGetProperty("url", out var u) ? u.GetString() ?? string.Empty : string.Empty;
                items.Add(GraphRequestClass.Of(method, url));
            }
        }

        return items.Count > 0 ? items : [GraphRequestClass.Of("POST", "$batch")];
    }

    private static HttpResponseMessage CircuitOpenResponse(HttpRequestMessage request, TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)
        {
            RequestMessage = request,
            Content = new StringContent(
                "{\"error\":{\"code\":\"circuitOpen\",\"message\":\"The tenant answered 503 repeatedly; requests pause until the circuit " +
                    "closes.\"}}",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        response.Headers.RetryAfter =
            new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(retryAfter.TotalSeconds)));
        return response;
    }
}
