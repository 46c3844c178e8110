using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>
/// Delta answers in pages, for drive items and list items alike (docs repo: api-reference/v1.0/api/driveitem-delta.md
/// and listitem-delta.md): "The service starts enumerating …, returning pages of items and either an @odata.nextLink or
/// an @odata.deltaLink"; the app follows @odata.nextLink until a page carries the @odata.deltaLink. Both pages support
/// $top; without it the page holds <see cref="LocalGraphServerOptions.DeltaPageSize"/> items (the documentation names no
/// size). An enumeration is taken whole when it starts and served from memory page by page; its deltaLink starts from the
/// state it was taken at, so a change made while the pages are read comes again next time ("The same item may appear
/// more than once … use the last occurrence").
/// <para>A token the service can no longer serve answers 410 Gone, code resyncChangesApplyDifferences, with a Location
/// header holding a link that starts a fresh enumeration (both pages, "resync" errors): a deltaLink token from before
/// <see cref="ExpireAll"/> (or after a reset), a nextLink whose enumeration was forgotten (expired, evicted, or the
/// emulator restarted), or any token while <see cref="EmulatorFaults.ExpireDeltaTokens"/> is set.</para>
/// </summary>
internal sealed class DeltaPages
{
    /// <summary>Enumerations kept for their nextLinks; the oldest is forgotten past this (its nextLink then answers 410).</summary>
    private const int MaxSessions = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private long _epoch;
    private long _next;

    /// <summary>Items in a page when the request has no $top.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Every delta and next-page token issued so far stops working: the next use answers 410 with a fresh Location.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _epoch++;
            _sessions.Clear();
            _order.Clear();
        }
    }

    /// <summary>
    /// One page of a delta: <paramref name="enumerate"/> gives every item (null) or the changes since a sequence number,
    /// presented as the answer shows them.
    /// </summary>
    public GraphResponse Respond(OperationContext ctx, Func<long?, List<JsonNode>> enumerate, string odataContext)
    {
        var raw = ctx.Request.QueryValue("token");
        var top = ODataQuery.Top(ctx.Request, PageSize, 5000);
        if (string.Equals(raw, "latest", StringComparison.OrdinalIgnoreCase))
        {
            // "If latest, returns empty response with latest delta token" (both pages, Function parameters).
            return Page(ctx, [], 0, top, null, ctx.Store.CurrentSequence(), odataContext);
        }

        if (string.IsNullOrEmpty(raw))
        {
            var start = ctx.Store.CurrentSequence();
            return Page(ctx, enumerate(null), 0, top, null, start, odataContext);
        }

        var parts = (ODataQuery.DecodeToken(raw) ?? string.Empty).Split('.');
        lock (_gate)
        {
            if (!ctx.Core.Faults.ExpireDeltaTokens && parts.Length == 3 && parts[0] == "d" && Number(parts[1]) is { } since
                && Number(parts[2]) == _epoch && since <= ctx.Store.CurrentSequence())
            {
                var start = ctx.Store.CurrentSequence();
                return Page(ctx, enumerate(since), 0, top, null, start, odataContext);
            }

            if (!ctx.Core.Faults.ExpireDeltaTokens && parts.Length == 3 && parts[0] == "p"
                && _sessions.TryGetValue(parts[1], out var session) && Number(parts[2]) is { } offset && offset <= session.Values.Count)
            {
                return Page(ctx, session.Values, (int)offset, top, parts[1], session.DeltaFrom, odataContext);
            }
        }

        var gone = new GraphException(HttpStatusCode.Gone, "resyncChangesApplyDifferences",
            "The delta token is no longer valid. Start a fresh enumeration from the Location header.");
        gone.Headers["Location"] = ctx.SelfLink(new Dictionary<string, string?> { ["token"] = null });
        throw gone;
    }

    private GraphResponse Page(OperationContext ctx, List<JsonNode> values, int offset, int top, string? sessionId, long deltaFrom,
        string odataContext)
    {
        var end = Math.Min(values.Count, offset + top);
        var page = values.Skip(offset).Take(end - offset).Select(v => v.DeepClone());
        lock (_gate)
        {
            if (end < values.Count)
            {
                sessionId ??= Keep(values, deltaFrom);
                var next = ctx.SelfLink(new Dictionary<string, string?>
                {
                    ["token"] = ODataQuery.EncodeToken("p." + sessionId + "." + end.ToString(CultureInfo.InvariantCulture)),
                });
                return GraphResponse.Ok(ctx.Collection(page, odataContext, next));
            }

            if (sessionId is not null)
            {
                _sessions.Remove(sessionId);
            }

            var result = ctx.Collection(page, odataContext);
            var token = "d." + deltaFrom.ToString(CultureInfo.InvariantCulture) + "." + _epoch.ToString(CultureInfo.InvariantCulture);
            result["@odata.deltaLink"] = ctx.SelfLink(new Dictionary<string, string?> { ["token"] = ODataQuery.EncodeToken(token) });
            return GraphResponse.Ok(result);
        }
    }

    private string Keep(List<JsonNode> values, long deltaFrom)
    {
        var id = (++_next).ToString(CultureInfo.InvariantCulture) + "x" + Guid.NewGuid().ToString("N")[..8];
        _sessions[id] = new Session(values, deltaFrom);
        _order.Enqueue(id);
        while (_order.Count > MaxSessions)
        {
            _sessions.Remove(_order.Dequeue());
        }

        return id;
    }

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed record Session(List<JsonNode> Values, long DeltaFrom);
}
