using DanVan365.Core.Lockdown;

namespace DanVan365.M365.Lists;

/// <summary>
/// The site's lists as the app sees them, for the protections report: one GET /sites/{id}/lists with the "list" facet,
/// which carries "hidden" (docs repo: api-reference/v1.0/resources/listinfo.md), served from the run's cache.
/// </summary>
public sealed class GraphSiteInspector(SiteContext site) : ISiteInspector
{
    public async Task<IReadOnlyList<SiteListState>> ListsAsync(CancellationToken cancellationToken)
    {
        var lists = await site.ListsAsync(cancellationToken).ConfigureAwait(false);
        return [.. lists.Values.Select(l => new SiteListState(l.DisplayName!, l.ListProp?.Hidden ?? false, l.WebUrl))];
    }
}
