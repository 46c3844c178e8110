using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Wards;
using DanVan365.M365.Escalation;
using DanVan365.M365.Lists;

namespace DanVan365.M365.Composition;

/// <summary>The site's links for Planner tasks and e-mails (from the run's cached list lookup).</summary>
internal sealed class GraphSiteLinks(SiteContext site) : ISiteLinks
{
    public Task<PlannerLinks> PlannerLinksAsync(string? decisionFileName, CancellationToken cancellationToken) =>
        site.PlannerLinksAsync(decisionFileName, cancellationToken);

    public Task<EscalationLinks> EscalationLinksAsync(CancellationToken cancellationToken) =>
        EscalationSiteLinks.ForSiteAsync(site, cancellationToken);
}
