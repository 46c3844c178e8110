namespace DanVan365.M365.Client;

/// <summary>Which service's limits a Graph request counts against.</summary>
public enum GraphService
{
    SharePoint,
    Planner,
    Mail,
    Directory,
    Other,
}

/// <summary>
/// What the resilience pipeline needs to know about one request (a top-level request or one $batch item).
/// </summary>
/// <param name="Service">The service whose budget it spends.</param>
/// <param name="ResourceUnits">SharePoint resource units it costs (0 outside SharePoint).</param>
/// <param name="Idempotent">True when sending it twice has the effect of sending it once (GET, PUT, PATCH, DELETE).</param>
/// <param name="SendMail">True for sendMail: retried on 429 only, never on 5xx or a timeout.</param>
/// <param name="Mailbox">The sending mailbox of a sendMail (never logged).</param>
/// <param name="Operation">Method and route with ids blanked, e.g. "GET sites/{}/lists/{}/items" (safe to log).</param>
public sealed record GraphRequestClass(GraphService Service, int ResourceUnits, bool Idempotent, bool SendMail, string? Mailbox,
    string Operation)
{
    private static readonly HashSet<string> Vocabulary = new(StringComparer.OrdinalIgnoreCase)
    {
        "sites", "lists", "items", "fields", "columns", "contentTypes", "drives", "drive", "root", "children", "content",
        "delta", "delta()", "versions", "permissions", "createUploadSession", "planner", "plans", "tasks", "buckets",
        "details", "users", "groups", "members", "owners", "sendMail", "messages", "team", "channels", "me", "shares",
        "$batch", "$ref", "analytics", "getByPath", "workbook", "search",
    };

    // Collections: a GET on them is a multi-item query.
    private static readonly HashSet<string> Collections = new(StringComparer.OrdinalIgnoreCase)
    {
        "sites", "lists", "items", "columns", "contentTypes", "drives", "children", "versions", "tasks", "buckets", "plans",
        "users", "groups", "members", "owners", "messages", "channels",
    };

    /// <summary>
    /// Classifies a request by method and Graph-relative URL ("sites/x/lists?$top=5"). Costs from "Avoid getting
    /// throttled or blocked in SharePoint Online", section "Resource units" (SharePoint/sp-dev-docs
    /// docs/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online.md): 1 RU for a
    /// single-item query, a delta with a token or a file download; 2 for a multi-item query, a delta without a token,
    /// and any create, update, delete or upload; 5 for every permission operation (including $expand=permissions).
    /// </summary>
    public static GraphRequestClass Of(string method, string relativeUrl)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUrl);
        var queryAt = relativeUrl.IndexOf('?', StringComparison.Ordinal);
        var path = (queryAt >= 0 ? relativeUrl[..queryAt] : relativeUrl).Trim('/');
        var query = queryAt >= 0 ? Uri.UnescapeDataString(relativeUrl[(queryAt + 1)..]) : string.Empty;
        if (path.StartsWith("v1.0/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[5..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var upper = method.ToUpperInvariant();
        var operation = upper + " " + string.Join('/', segments.Select(s => Vocabulary.Contains(s) ? s : "{}"));
        var sendMail = segments.Length > 0 && segments[^1].Equals("sendMail", StringComparison.OrdinalIgnoreCase);
        var service = ServiceOf(segments, sendMail);
        var idempotent = upper is "GET" or "HEAD" or "PUT" or "PATCH" or "DELETE" or "OPTIONS";
        var mailbox = sendMail && segments.Length >= 3 && segments[0].Equals("users", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(segments[1]).ToLowerInvariant()
            : null;
        var units = service == GraphService.SharePoint ? ResourceUnitsOf(upper, segments, query) : 0;
        return new GraphRequestClass(service, units, idempotent && !sendMail, sendMail, mailbox, operation);
    }

    private static GraphService ServiceOf(string[] segments, bool sendMail)
    {
        if (sendMail || segments.Any(s => s.Equals("messages", StringComparison.OrdinalIgnoreCase)))
        {
            return GraphService.Mail;
        }

        if (segments.Any(s => s.Equals("planner", StringComparison.OrdinalIgnoreCase)))
        {
            return GraphService.Planner;
        }

        if (segments.Any(s => s is "sites" or "drives" or "drive" or "lists" or "shares"))
        {
            return GraphService.SharePoint;
        }

        return segments.Length > 0 && segments[0] is "users" or "groups" or "me" ? GraphService.Directory : GraphService.Other;
    }

    private static int ResourceUnitsOf(string method, string[] segments, string query)
    {
        if (segments.Any(s => s.Equals("permissions", StringComparison.OrdinalIgnoreCase))
            || query.Contains("permissions", StringComparison.OrdinalIgnoreCase))
        {
            return 5;
        }

        if (method != "GET")
        {
            return 2;
        }

        var last = segments.Length > 0 ? segments[^1] : string.Empty;
        if (last.StartsWith("delta", StringComparison.OrdinalIgnoreCase))
        {
            return query.Contains("token=", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
        }

        if (last.Equals("content", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        // A site addressed by path ("sites/host:/sites/x:") or by id is one item; the root "sites" with a search is many.
        return Collections.Contains(last) || query.Contains("$filter", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
    }
}
