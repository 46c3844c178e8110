using DanVan365.Core.Escalation;
using DanVan365.Core.Sync;
using DanVan365.M365.Lists;

namespace DanVan365.M365.Escalation;

/// <summary>Links for the digest, from the site's lists (one cached "GET lists").</summary>
public static class EscalationSiteLinks
{
    /// <summary>
    /// Phân công row: {list}/DispForm.aspx?ID={id}; a unit's reports: Báo cáo kết quả filtered by unit; Planner task:
    /// https://tasks.office.com/{tenant}/Home/Task/{id}, the tenant taken from the site's host (x.sharepoint.com → x.onmicrosoft.com).
    /// </summary>
    public static async Task<EscalationLinks> ForSiteAsync(SiteContext site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var assignments = (await site.FindAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false))?.WebUrl?.TrimEnd('/');
        var reports = (await site.FindAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false))?.WebUrl?.TrimEnd('/');
        var host = site.Connection.Options.SiteUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;
        var tenant = host is not null && host.EndsWith(".sharepoint.com", StringComparison.OrdinalIgnoreCase)
            ? host[..^".sharepoint.com".Length] + ".onmicrosoft.com"
            : host;
        return new EscalationLinks(
            id => assignments is null ? null : $"{assignments}/DispForm.aspx?ID={Uri.EscapeDataString(id)}",
            task => tenant is null
                ? null
                : $"https://tasks.office.com/{Uri.EscapeDataString(tenant)}/Home/Task/{Uri.EscapeDataString(task)}",
            (_, unit)
                => reports is null ? null : $"{reports}/AllItems.aspx?FilterField1=UnitCode&FilterValue1={Uri.EscapeDataString(unit)}");
    }
}
