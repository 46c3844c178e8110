using System.Collections.Concurrent;
using DanVan365.M365.Client;
using GraphList = Microsoft.Graph.Models.List;

namespace DanVan365.M365.Lists;

/// <summary>
/// What a ward's site resolves to (site id, lists, the library's drive id), kept between a person's calls (issue 25): the
/// web part's warm calls do not look the site up again. One per composition root (a singleton), one map per tenant and
/// site URL. Only interactive scopes use it (<see cref="Composition.WardTarget.Interactive"/>); runs resolve afresh. A list
/// the map does not name is looked up again before it is called absent, and a 404 on an id from the map forgets the map.
/// </summary>
public sealed class WardSiteMaps
{
    private readonly ConcurrentDictionary<string, SiteMap> _maps = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The map of the site the options name.</summary>
    public SiteMap For(M365Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _maps.GetOrAdd(TenantResilience.KeyOf(options) + "|" + options.SiteUrl, _ => new SiteMap());
    }
}

/// <summary>One site's resolved ids (thread-safe: each value is replaced whole).</summary>
public sealed class SiteMap
{
    private volatile Snapshot? _snapshot;

    internal string? SiteId => _snapshot?.SiteId;

    internal IReadOnlyDictionary<string, GraphList>? Lists => _snapshot?.Lists;

    internal string? DriveId => _snapshot?.DriveId;

    internal void Remember(string siteId, IReadOnlyDictionary<string, GraphList>? lists, string? driveId)
    {
        var old = _snapshot;
        _snapshot = new Snapshot(siteId, lists ?? (old?.SiteId == siteId ? old.Lists : null),
            driveId ?? (old?.SiteId == siteId ? old.DriveId : null));
    }

    /// <summary>Forgets the site's ids (an id from the map answered 404).</summary>
    public void Forget() => _snapshot = null;

    private sealed record Snapshot(string SiteId, IReadOnlyDictionary<string, GraphList>? Lists, string? DriveId);
}
