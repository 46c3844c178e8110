using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DanVan365.LocalM365.Routing;

/// <summary>One Graph operation: a top-level request or one item of a $batch.</summary>
internal sealed class GraphRequest
{
    public GraphRequest(string method, string path, Dictionary<string, string> query, Dictionary<string, string> headers, byte[] body)
    {
        Method = method.ToUpperInvariant();
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>Decoded path below /v1.0, without a leading slash.</summary>
    public string Path { get; }

    public Dictionary<string, string> Query { get; }

    /// <summary>Request headers (case-insensitive keys).</summary>
    public Dictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;

    public JsonObject JsonBody()
    {
        if (Body.Length == 0)
        {
            throw new GraphException(HttpStatusCode.BadRequest, "invalidRequest", "Empty Payload, JSON content expected.");
        }

        try
        {
            // Graph reads action parameters case-insensitively (the SDK sends "Message", "Item", ...).
            return JsonNode.Parse(Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject
                ?? throw new GraphException(HttpStatusCode.BadRequest, "invalidRequest", "Invalid request: a JSON object was expected.");
        }
        catch (JsonException ex)
        {
            throw new GraphException(HttpStatusCode.BadRequest, "invalidRequest", "Invalid JSON: " + ex.Message);
        }
    }

    /// <summary>Parses a raw request target (path and query, percent-encoded) into a decoded path and query.</summary>
    public static (string Path, Dictionary<string, string> Query) SplitTarget(string rawTarget)
    {
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = q < 0 ? rawTarget : rawTarget[..q];
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (q >= 0)
        {
            foreach (var pair in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(rawTarget[q..]))
            {
                query[pair.Key] = pair.Value.ToString();
            }
        }

        return (Uri.UnescapeDataString(rawPath), query);
    }
}

/// <summary>What a handler answers.</summary>
internal sealed class GraphResponse
{
    public GraphResponse(int status, JsonNode? json = null)
    {
        Status = status;
        Json = json;
    }

    public int Status { get; }

    public JsonNode? Json { get; }

    public byte[]? Bytes { get; init; }

    public string? ContentType { get; init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsWrite { get; init; }

    public static GraphResponse Ok(JsonNode json) => new(200, json);

    public static GraphResponse Created(JsonNode json) => new(201, json) { IsWrite = true };

    public static GraphResponse NoContent(bool isWrite = true) => new(204) { IsWrite = isWrite };
}

/// <summary>A Graph error: becomes {"error":{"code","message","innerError":{...}}}.</summary>
internal sealed class GraphException : Exception
{
    public GraphException(HttpStatusCode status, string code, string message)
        : base(message)
    {
        Status = (int)status;
        Code = code;
    }

    public GraphException()
        : this(HttpStatusCode.InternalServerError, "generalException", "Error")
    {
    }

    public GraphException(string message)
        : this(HttpStatusCode.BadRequest, "invalidRequest", message)
    {
    }

    public GraphException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Code = "generalException";
    }

    public int Status { get; }

    public string Code { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GraphException NotFound(string code, string what) =>
        new(HttpStatusCode.NotFound, code, what);

    public static GraphException BadRequest(string message) =>
        new(HttpStatusCode.BadRequest, "invalidRequest", message);
}

internal static class GraphJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Graph's timestamp form: UTC, seconds precision, trailing Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Error body as documented: https://learn.microsoft.com/en-us/graph/errors</summary>
    public static JsonObject Error(string code, string message, string requestId, string clientRequestId, DateTimeOffset now) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = Timestamp(now),
                ["request-id"] = requestId,
                ["client-request-id"] = clientRequestId,
            },
        },
    };

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    public static string? Str(this JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var v) && v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : null;

    public static JsonObject? Obj(this JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var v) ? v as JsonObject : null;

    public static JsonObject CloneObj(this JsonObject obj) => (JsonObject)obj.DeepClone();

    /// <summary>Copies an object without the emulator's internal properties (names starting with '_').</summary>
    public static JsonObject Public(this JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (!key.StartsWith('_'))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }
}
