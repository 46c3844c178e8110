using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>
/// JSON batching as documented at https://learn.microsoft.com/en-us/graph/json-batching : at most 20 requests, unique
/// ids, dependsOn (a failed dependency gives 424 to its dependents), per-item status/headers/body; responses are not
/// necessarily in request order (this emulator answers in reverse completion order so clients must match by id).
/// </summary>
internal static class BatchHandler
{
    public const int MaxRequests = 20;

    public static async Task<GraphResponse> ExecuteAsync(EmulatorCore core, GraphRequest envelope, CancellationToken cancellationToken)
    {
        JsonArray requests;
        try
        {
            requests = envelope.JsonBody()["requests"] as JsonArray
                ?? throw GraphException.BadRequest("Invalid batch payload: 'requests' is missing.");
            if (requests.Count > MaxRequests)
            {
                throw new GraphException(HttpStatusCode.BadRequest, "BadRequest",
                    $"Invalid batch payload format: the number of requests ({requests.Count}) exceeds the limit of {MaxRequests}.");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in requests)
            {
                var item = node as JsonObject ?? throw GraphException.BadRequest("Invalid batch payload: each request must be an object.");
                var id = item.Str("id") ?? throw GraphException.BadRequest("Invalid batch payload: a request has no 'id'.");
                if (!ids.Add(id))
                {
                    throw new GraphException(HttpStatusCode.BadRequest, "BadRequest",
                        $"Invalid batch payload format: request id '{id}' is used more than once.");
                }

                if (item.Str("method") is null || item.Str("url") is null)
                {
                    throw GraphException.BadRequest($"Invalid batch payload: request '{id}' needs 'method' and 'url'.");
                }
            }

            foreach (var node in requests)
            {
                foreach (var dep in DependsOn((JsonObject)node!))
                {
                    if (!ids.Contains(dep))
                    {
                        throw new GraphException(HttpStatusCode.BadRequest, "BadRequest",
                            $"Invalid batch payload: dependsOn '{dep}' does not name a request of this batch.");
                    }
                }
            }
        }
        catch (GraphException ex)
        {
            return core.ErrorResponse(ex, envelope);
        }

        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = new List<JsonObject>();
        var pending = requests.Cast<JsonObject>().ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(r => DependsOn(r).All(statuses.ContainsKey))
                ?? pending[0]; // a dependency cycle: run in order, the cycle's members fail below
            pending.Remove(next);
            var id = next.Str("id")!;
            if (DependsOn(next).Any(d => !statuses.TryGetValue(d, out var s) || s >= 400))
            {
                statuses[id] = 424;
                var failed = core.ErrorResponse(new GraphException((HttpStatusCode)424, "failedDependency",
                    "The request depends on a request that failed."), envelope);
                done.Add(ToItem(id, failed));
                continue;
            }

            var inner = ToRequest(next);

            // A $batch is one call of one caller: its items act as the envelope's caller (Actors, emulator-only header).
            if (envelope.Header(Actors.ActingUserHeader) is { } actor)
            {
                inner.Headers.TryAdd(Actors.ActingUserHeader, actor);
            }

            var response = await core.ExecuteAsync(inner, inBatch: true, cancellationToken).ConfigureAwait(false);
            statuses[id] = response.Status;
            done.Add(ToItem(id, response));
        }

        done.Reverse();
        return new GraphResponse(200, new JsonObject { ["responses"] = new JsonArray([.. done]) });
    }

    private static IEnumerable<string> DependsOn(JsonObject request) =>
        request["dependsOn"] is JsonArray deps ? deps.Select(d => d!.GetValue<string>()) : [];

    private static GraphRequest ToRequest(JsonObject item)
    {
        var url = item.Str("url")!;
        var (path, query) = GraphRequest.SplitTarget(url);
        path = path.TrimStart('/');
        if (path.StartsWith("v1.0/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[5..];
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (item["headers"] is JsonObject h)
        {
            foreach (var (k, v) in h)
            {
                headers[k] = v?.ToString() ?? string.Empty;
            }
        }

        var body = item["body"] switch
        {
            null => [],
            JsonValue v when v.TryGetValue<string>(out var s) && !IsJson(headers) => DecodeBase64OrText(s),
            JsonNode n => GraphJson.Serialize(n),
        };
        return new GraphRequest(item.Str("method")!, path, query, headers, body);
    }

    private static bool IsJson(Dictionary<string, string> headers) =>
        headers.TryGetValue("Content-Type", out var ct) && ct.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static byte[] DecodeBase64OrText(string s)
    {
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(s);
        }
    }

    private static JsonObject ToItem(string id, GraphResponse response)
    {
        var headers = new JsonObject();
        foreach (var (k, v) in response.Headers)
        {
            headers[k] = v;
        }

        var item = new JsonObject { ["id"] = id, ["status"] = response.Status };
        if (response.Json is not null)
        {
            headers["Content-Type"] = "application/json";
            item["headers"] = headers;
            item["body"] = response.Json.DeepClone();
        }
        else if (response.Bytes is not null)
        {
            headers["Content-Type"] = response.ContentType ?? "application/octet-stream";
            item["headers"] = headers;
            item["body"] = Convert.ToBase64String(response.Bytes);
        }
        else
        {
            item["headers"] = headers;
        }

        return item;
    }
}
