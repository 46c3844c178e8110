using System.Text.Json.Nodes;
using DanVan365.LocalM365.Storage;

namespace DanVan365.LocalM365.Routing;

/// <summary>What a handler gets: the request, the matched route values and the emulator's state.</summary>
internal sealed class OperationContext
{
    public OperationContext(GraphRequest request, RouteMatch match, EmulatorCore core)
    {
        Request = request;
        Match = match;
        Core = core;
    }

    public GraphRequest Request { get; }

    public RouteMatch Match { get; }

    public EmulatorCore Core { get; }

    public GraphStore Store => Core.Store;

    public DateTimeOffset Now => Core.Clock.GetUtcNow();

    public string NowText => GraphJson.Timestamp(Now);

    public string this[int index] => Match[index];

    public string BaseUrl => Core.BaseUrl;

    /// <summary>A collection response with @odata.context and, when more remain, @odata.nextLink.</summary>
    public JsonObject Collection(IEnumerable<JsonNode> items, string context, string? nextLink = null)
    {
        var result = new JsonObject
        {
            ["@odata.context"] = BaseUrl + "/$metadata#" + context,
        };
        if (nextLink is not null)
        {
            result["@odata.nextLink"] = nextLink;
        }

        result["value"] = new JsonArray([.. items]);
        return result;
    }

    /// <summary>The request's own URL with some query parameters replaced (for nextLink / deltaLink).</summary>
    public string SelfLink(IDictionary<string, string?> replace)
    {
        var query = new Dictionary<string, string>(Request.Query, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in replace)
        {
            if (v is null)
            {
                query.Remove(k);
            }
            else
            {
                query[k] = v;
            }
        }

        var path = string.Join('/', Request.Path.Split('/').Select(Uri.EscapeDataString));
        var qs = string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return BaseUrl + "/" + path.TrimStart('/') + (qs.Length > 0 ? "?" + qs : string.Empty);
    }

    public bool PreferRepresentation =>
        Request.Header("Prefer") is { } prefer && prefer.Contains("return=representation", StringComparison.OrdinalIgnoreCase);
}
