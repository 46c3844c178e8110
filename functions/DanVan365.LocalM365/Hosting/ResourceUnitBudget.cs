using System.Globalization;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365;

/// <summary>
/// SharePoint's per-app budget in resource units, as "Avoid getting throttled or blocked in SharePoint Online" describes
/// it (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online;
/// SharePoint/sp-dev-docs docs/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online.md):
/// Graph requests cost 1 RU (single-item query, delta with a token, file download), 2 RU (multi-item query, delta
/// without a token, create/update/delete/upload) or 5 RU (permission operations, $expand=permissions); each request in
/// a $batch counts; throttled requests count too. Past the minute's budget the answer is 429 with Retry-After; from
/// 80 % of it the answers carry RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds). Only SharePoint
/// routes (sites, lists, drives) spend it. The minute is a fixed window; <see cref="EmulatorFaults.TimeScale"/> shortens it.
/// </summary>
internal sealed class ResourceUnitBudget(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly long _origin = clock.GetTimestamp();
    private long _total;
    private long _window = -1;
    private int _used;

    /// <summary>Resource units spent since start or the last reset (also when no budget is set).</summary>
    public long Total => Interlocked.Read(ref _total);

    public void ResetTotal() => Interlocked.Exchange(ref _total, 0);

    /// <summary>Starts a new window (new faults).</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _window = -1;
            _used = 0;
        }
    }

    /// <summary>RU cost of one request (0 outside SharePoint).</summary>
    public static int CostOf(GraphRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var sharePoint = segments.Length > 0 && (segments[0] is "_upload" or "_content"
            || segments.Any(s => s is "sites" or "drives" or "drive" or "lists" or "shares"));
        if (!sharePoint || segments.Any(s => s.Equals("planner", StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }

        var query = string.Join('&', request.Query.Select(p => p.Key + "=" + p.Value));
        if (segments.Any(s => s == "permissions") || query.Contains("permissions", StringComparison.OrdinalIgnoreCase))
        {
            return 5;
        }

        if (request.Method != "GET")
        {
            return 2;
        }

        var last = segments[^1];
        if (last.StartsWith("delta", StringComparison.OrdinalIgnoreCase))
        {
            return query.Contains("token=", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
        }

        var collections = new[] { "sites", "lists", "items", "columns", "contentTypes", "drives", "children", "versions" };
        return segments[0] == "_content" || last == "content" ? 1
            : collections.Contains(last, StringComparer.OrdinalIgnoreCase) || query.Contains("$filter", StringComparison.Ordinal) ? 2
            : 1;
    }

    /// <summary>
    /// Accounts a request's cost. Returns the headers to add (RateLimit-* from 80 %, Retry-After when throttled) and
    /// whether the request is refused with 429.
    /// </summary>
    /// <param name="cost">RU of the request.</param>
    /// <param name="faults">The budget set (ResourceUnitsPerMinute 0: accounted, never refused).</param>
    /// <param name="envelope">A $batch envelope: costs nothing, reports the window's state.</param>
    public (bool Throttled, Dictionary<string, string> Headers) Charge(int cost, EmulatorFaults faults, bool envelope = false)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (cost == 0 && !envelope)
        {
            return (false, headers);
        }

        Interlocked.Add(ref _total, cost);
        if (faults.ResourceUnitsPerMinute <= 0)
        {
            return (false, headers);
        }

        var window = TimeSpan.FromMinutes(1) / Math.Max(faults.TimeScale, 0.001);
        var elapsed = clock.GetElapsedTime(_origin);
        var index = (long)(elapsed / window);
        var reset = window * (index + 1) - elapsed;
        bool throttled;
        int used;
        lock (_gate)
        {
            if (index != _window)
            {
                _window = index;
                _used = 0;
            }

            throttled = cost > 0 && _used + cost > faults.ResourceUnitsPerMinute;
            _used += cost;
            used = _used;
        }

        var resetSeconds = Math.Max(1, (int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (throttled)
        {
            headers["Retry-After"] = resetSeconds;
        }

        if (used >= faults.ResourceUnitsPerMinute * 0.8)
        {
            headers["RateLimit-Limit"] = faults.ResourceUnitsPerMinute.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = Math.Max(0, faults.ResourceUnitsPerMinute - used).ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = resetSeconds;
        }

        return (throttled, headers);
    }
}
