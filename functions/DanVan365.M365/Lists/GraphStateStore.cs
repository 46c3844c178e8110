using DanVan365.Core.Sync;

namespace DanVan365.M365.Lists;

/// <summary><see cref="IStateStore"/> over the hidden list Trạng thái đồng bộ (one row per key).</summary>
public sealed class GraphStateStore(SiteContext site, GraphListStore lists, TimeProvider clock) : IStateStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return row?.Fields.GetValueOrDefault("StateValue");
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        var desired = new DesiredRow(key,
            new Dictionary<string, string?>(StringComparer.Ordinal) { [SiteSchema.Title] = key, ["StateValue"] = value });
        var today = Core.Time.WardTime.Today(clock);
        var plan = SyncPlanner.Plan(SiteSchema.State, [desired], current is null ? [] : [current], today);
        var result = await lists.ApplyAsync(plan, [desired], today, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new Core.Errors.RemoteServiceException($"save state '{key}'", 500, "stateNotSaved", null, result.Failures[0].Reason);
        }
    }

    private async Task<CurrentRow?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false);
        return await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, key, cancellationToken).ConfigureAwait(false);
    }
}
