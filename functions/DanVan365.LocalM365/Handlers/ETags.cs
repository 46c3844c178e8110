using System.Net;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>eTag comparison and If-Match checks shared by list items, drive items and Planner.</summary>
internal static class ETags
{
    /// <summary>If-Match against the current eTag: a stale one → 412 (https://learn.microsoft.com/en-us/graph/errors ,
    /// resourceModified).</summary>
    public static void CheckIfMatch(OperationContext ctx, string current)
    {
        var ifMatch = ctx.Request.Header("If-Match");
        if (ifMatch is null || ifMatch.Trim() == "*")
        {
            return;
        }

        if (!Equal(ifMatch, current))
        {
            throw new GraphException(HttpStatusCode.PreconditionFailed, "resourceModified",
                "The request ETag value '" + ifMatch + "' does not match the object's ETag value '" + current + "'.");
        }
    }

    public static bool Equal(string a, string b) => Normalise(a) == Normalise(b);

    private static string Normalise(string etag)
    {
        var s = etag.Trim();
        if (s.StartsWith("W/", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        return s.Trim('"');
    }
}
