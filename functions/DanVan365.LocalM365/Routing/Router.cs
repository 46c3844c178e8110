using System.Net;

namespace DanVan365.LocalM365.Routing;

/// <summary>A matched route: the captured segments, in order.</summary>
internal sealed class RouteMatch
{
    public RouteMatch(Route route, string[] values)
    {
        Route = route;
        Values = values;
    }

    public Route Route { get; }

    public string[] Values { get; }

    public string this[int index] => Values[index];
}

internal sealed class Route
{
    /// <summary>The template segment that captures a value.</summary>
    public const string Parameter = "{}";

    public Route(string method, string template, Func<OperationContext, GraphResponse> handler)
    {
        Method = method;
        Template = template;
        Segments = template.Split('/');
        ParameterCount = Segments.Count(s => s == Parameter);
        Handler = handler;
        Name = method + " /" + template;
    }

    public string Method { get; }

    public string Template { get; }

    public string[] Segments { get; }

    public int ParameterCount { get; }

    public Func<OperationContext, GraphResponse> Handler { get; }

    /// <summary>The key under which stats count this route, e.g. "GET /sites/{}/lists/{}/items".</summary>
    public string Name { get; }
}

/// <summary>
/// Routes Graph paths. Path addressing ("root:/a/b:", "host:/sites/x:") is folded into one segment first, the way
/// Graph reads it: https://learn.microsoft.com/en-us/graph/onedrive-addressing-driveitems
/// </summary>
internal sealed class Router
{
    private readonly List<Route> _routes = [];

    public void Add(string method, string template, Func<OperationContext, GraphResponse> handler) =>
        _routes.Add(new Route(method, template, handler));

    public RouteMatch Match(string method, string path, out bool pathKnown)
    {
        var segments = Tokenize(path);
        pathKnown = false;
        foreach (var route in _routes)
        {
            if (route.Segments.Length != segments.Count || !Matches(route, segments))
            {
                continue;
            }

            pathKnown = true;
            if (route.Method == method)
            {
                var values = new string[route.ParameterCount];
                for (int i = 0, v = 0; i < segments.Count; i++)
                {
                    if (route.Segments[i] == Route.Parameter)
                    {
                        values[v++] = segments[i];
                    }
                }

                return new RouteMatch(route, values);
            }
        }

        if (pathKnown)
        {
            throw new GraphException(HttpStatusCode.MethodNotAllowed, "BadRequest",
                $"The method '{method}' is not supported for this resource.");
        }

        var last = segments.Count > 0 ? segments[^1] : string.Empty;
        throw new GraphException(HttpStatusCode.BadRequest, "BadRequest", $"Resource not found for the segment '{last}'.");
    }

    private static bool Matches(Route route, List<string> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (route.Segments[i] != Route.Parameter && !string.Equals(route.Segments[i], segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits a decoded path into segments; "x:/a/b:" (or to the end without the closing colon) is one segment "x:/a/b".</summary>
    public static List<string> Tokenize(string path)
    {
        var result = new List<string>();
        var i = 0;
        path = path.Trim('/');
        while (i < path.Length)
        {
            var slash = path.IndexOf('/', i);
            var end = slash < 0 ? path.Length : slash;
            var segment = path[i..end];
            if (segment.EndsWith(':') && slash >= 0)
            {
                // Path-based addressing: prefix:/relative/path: (closing colon optional at the end).
                var close = path.IndexOf(':', slash + 1);
                var relEnd = close < 0 ? path.Length : close;
                var rel = path[(slash + 1)..relEnd].Trim('/');
                result.Add(segment[..^1] + ":/" + rel);
                i = close < 0 ? path.Length : close + 1;
                if (i < path.Length && path[i] == '/')
                {
                    i++;
                }

                continue;
            }

            if (segment.EndsWith(':'))
            {
                segment = segment[..^1];
            }

            // Functions without parameters may be called as "delta()" (the SDK does) or "delta".
            if (segment.EndsWith("()", StringComparison.Ordinal))
            {
                segment = segment[..^2];
            }

            if (segment.Length > 0)
            {
                result.Add(segment);
            }

            i = end + 1;
        }

        // /drives/{id}/root... is the same item as /drives/{id}/items/root...
        if (result.Count >= 3 && result[0] == "drives" && result[2].StartsWith("root", StringComparison.Ordinal))
        {
            result.Insert(2, "items");
        }

        // /sites/{id}/drive/root... and /sites/{id}/drive/items/... go through the site's default drive.
        if (result.Count >= 4 && result[0] == "sites" && result[2] == "drive" && result[3].StartsWith("root", StringComparison.Ordinal))
        {
            result.Insert(3, "items");
        }

        // /groups/{id}/drive... uses the group's site drive; /me is not supported (app-only).
        return result;
    }
}
