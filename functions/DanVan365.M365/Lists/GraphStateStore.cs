using DanVan365.Core.Sync;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IStateStore"/> over the hidden list Trạng thái đồng bộ (one row per key). The rows a sync reads on every
/// run, the plan's id ("planner.planId") and the lists' schema and folder stamps ("schema:…"), sort together: the
/// first of them a run reads brings the others in the same query (a multi-item query costs SharePoint 2 resource units
/// whatever it returns, so an identical re-sync pays one state read, not two). They are kept for the run (its
/// <see cref="SiteContext"/>), updated by this store's own writes, and forgotten when the ward's lease is claimed.
/// Other keys (the lease, delta tokens, job outcomes) are read one by one, fresh.
/// </summary>
public sealed class GraphStateStore(SiteContext site, GraphListStore lists, TimeProvider clock) : IStateStore
{
    /// <summary>First key of the range read together ("planner.planId" sorts first).</summary>
    public const string ReadTogetherFrom = "planner.planId";

    /// <summary>The key after the range ("schema:…" keys sort before it).</summary>
    public const string ReadTogetherBefore = "schemb";

    /// <summary>True for the keys read together (ordinal order, as the keys are ASCII).</summary>
    public static bool ReadTogether(string key) =>
        string.CompareOrdinal(key, ReadTogetherFrom) >= 0 && string.CompareOrdinal(key, ReadTogetherBefore) < 0;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : StateRow.From(row).Value;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        // The row is read fresh before a write (its eTag is the one to write with).
        var current = await ReadOneAsync(key, cancellationToken).ConfigureAwait(false);
        var desired = new StateRow(key, value).Desired();
        var today = Core.Time.WardTime.Today(clock);
        var plan = SyncPlanner.Plan(SiteSchema.State, [desired], current is null ? [] : [current], today);
        var result = await lists.ApplyAsync(plan, [desired], today, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new Core.Errors.RemoteServiceException($"save state '{key}'", 500, "stateNotSaved", null, result.Failures[0].Reason);
        }

        if (site.StateReadAhead is { } ahead && ReadTogether(key))
        {
            // Our own write: the value read ahead is this one now (the eTag is not kept: SetAsync always reads afresh).
            ahead[key] = new CurrentRow(current?.ItemId ?? string.Empty, key, null, desired.Fields);
        }
    }

    private async Task<CurrentRow?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!ReadTogether(key))
        {
            return await ReadOneAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (site.StateReadAhead is not { } ahead)
        {
            var (siteId, listId) = await ListAsync(cancellationToken).ConfigureAwait(false);
            var rows = await lists.ReadKeyRangeAsync(siteId, listId, SiteSchema.State, ReadTogetherFrom, ReadTogetherBefore,
                cancellationToken).ConfigureAwait(false);
            ahead = new Dictionary<string, CurrentRow>(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => ReadTogether(r.Key)))
            {
                ahead[row.Key] = row;
            }

            site.StateReadAhead = ahead;
        }

        return ahead.GetValueOrDefault(key);
    }

    private async Task<CurrentRow?> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var (siteId, listId) = await ListAsync(cancellationToken).ConfigureAwait(false);
        return await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string SiteId, string ListId)> ListAsync(CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false);
        return (siteId, listId);
    }
}
