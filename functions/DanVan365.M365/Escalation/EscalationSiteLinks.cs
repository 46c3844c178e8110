using DanVan365.Core.Escalation;
using DanVan365.Core.Sync;
using DanVan365.M365.Lists;

namespace DanVan365.M365.Escalation;

/// <summary>Links for the digest, from the site's lists (one cached "GET lists"): Graph's webUrl only, none built by hand.</summary>
public static class EscalationSiteLinks
{
    /// <summary>
    /// A Phân công row links by its own webUrl (api-reference/v1.0/resources/listitem.md; <see cref="CurrentRow.WebUrl"/>),
    /// so none is made from an item id; a Planner task has no web address in Graph v1.0
    /// (api-reference/v1.0/resources/plannertask.md lists none), so it gets no link; a unit's reports link to Báo cáo kết
    /// quả at the list's webUrl (api-reference/v1.0/resources/list.md).
    /// </summary>
    public static async Task<EscalationLinks> ForSiteAsync(SiteContext site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var reports = (await site.FindAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false))?.WebUrl;
        return new EscalationLinks(_ => null, _ => null, (_, _) => reports);
    }
}
