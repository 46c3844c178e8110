using System.Globalization;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;

namespace DanVan365.M365.Lists;

/// <summary>
/// The site's lists as the app sees them, for the protections report: one GET /sites/{id}/lists with the "list" facet,
/// which carries "hidden" (docs repo: api-reference/v1.0/resources/listinfo.md), served from the run's cache.
/// </summary>
public sealed class GraphSiteInspector(SiteContext site) : ISiteInspector
{
    /// <summary>Rows read per list for the time-zone check.</summary>
    public const int ZoneSampleRows = 20;

    public async Task<IReadOnlyList<SiteListState>> ListsAsync(CancellationToken cancellationToken)
    {
        var lists = await site.ListsAsync(cancellationToken).ConfigureAwait(false);
        return [.. lists.Values.Select(l => new SiteListState(l.DisplayName!, l.ListProp?.Hidden ?? false, l.WebUrl))];
    }

    /// <summary>
    /// The site's zone as its date-only values show it (Graph v1.0 answers no site time zone: docs repo
    /// api-reference/v1.0/resources/site.md; siteSettings.timeZone is beta only, api-reference/beta/resources/sitesettings.md):
    /// up to <see cref="ZoneSampleRows"/> rows of Nhiệm vụ dân vận and of Phân công, one request each, every date-only
    /// value of which must be midnight in the configured zone (api-reference/v1.0/resources/datetimecolumn.md, dateOnly).
    /// </summary>
    public async Task<SiteZoneReading> TimeZoneAsync(CancellationToken cancellationToken)
    {
        var configured = site.Dates.Zone.Id;
        var read = 0;
        foreach (var list in new[] { SiteSchema.Tasks, SiteSchema.Assignments })
        {
            if (await site.FindAsync(list, cancellationToken).ConfigureAwait(false) is not { Id: { } listId })
            {
                continue;
            }

            var columns = list.Columns.Where(c => c.Type == ColumnType.DateOnly).Select(c => c.Name).ToList();
            var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
            var page = await GraphErrors.Call($"read {list.DisplayName}", () => site.Client.Sites[siteId].Lists[listId].Items
                .GetAsync(r =>
                {
                    r.QueryParameters.Expand = [$"fields($select={string.Join(',', columns)})"];
                    r.QueryParameters.Top = ZoneSampleRows;
                }, cancellationToken)).ConfigureAwait(false);
            foreach (var data in (page?.Value ?? []).Select(i => i.Fields?.AdditionalData).OfType<IDictionary<string, object>>())
            {
                foreach (var column in columns)
                {
                    if (!data.TryGetValue(column, out var value) || GraphBodies.AsString(value) is not { Length: > 10 } raw
                        || !DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    {
                        continue;
                    }

                    read++;
                    if (site.Dates.IsOtherZoneMidnight(at))
                    {
                        return new SiteZoneReading(configured, read, SiteDates.MidnightOffset(at), raw);
                    }
                }
            }
        }

        return new SiteZoneReading(configured, read);
    }
}
