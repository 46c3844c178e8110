using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.M365.Client;

namespace DanVan365.Cli.Commands;

/// <summary>One item of a first sync's minimum: what it is, how many requests (or $batch items) and the RU of each.</summary>
/// <param name="Item">What the requests do.</param>
/// <param name="Count">How many: every $batch item counts on its own.</param>
/// <param name="UnitsEach">RU of one, as the limiter classifies the request (<see cref="GraphRequestClass"/>).</param>
internal sealed record MinimumItem(string Item, int Count, int UnitsEach)
{
    public int Units => Count * UnitsEach;
}

/// <summary>
/// The least SharePoint resource units a first sync of one ward can spend with batching, from the catalogue's counts.
/// Batching saves requests, not RU: every $batch item is charged as if sent alone, so the minimum is the RU of the
/// operations the ward's data needs, each priced by the limiter's own table. Planner (plan, buckets, tasks, details)
/// spends no SharePoint RU: it has its own pace. Not counted: the ward lease (a run's bookkeeping, not the ward's data).
/// </summary>
internal static class FirstSyncMinimum
{
    private const string Site = "sites/host,site,web";
    private const string List = Site + "/lists/id";

    public static IReadOnlyList<MinimumItem> Items(TaskCatalogue catalogue, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var tasks = DesiredRows.ForTasks(catalogue).Count;
        var assignments = DesiredRows.ForAssignments(catalogue, units).Count;
        return
        [
            new("find the site by path", 1, Units("GET", "sites/host:/sites/ward:")),
            new("read the site's lists", 1, Units("GET", Site + "/lists")),
            new("create the lists and the library (columns in the same request)", SiteSchema.All.Count, Units("POST", Site + "/lists")),
            new("read the library's drive", 1, Units("GET", List + "/drive")),
            new("create the library's folders", SiteSchema.Folders(catalogue.Decision).Count,
                Units("POST", "drives/id/items/id/children")),
            new("read the rows of Nhiệm vụ dân vận and Phân công", 2, Units("GET", List + "/items?expand=fields")),
            new("create the rows of Nhiệm vụ dân vận", tasks, Units("POST", List + "/items")),
            new("create the rows of Phân công", assignments, Units("POST", List + "/items")),
            new("record each Planner task's id on its Phân công row", assignments, Units("PATCH", List + "/items/id/fields")),
            new("Planner: plan, buckets, tasks, details (Planner's pace, not SharePoint RU)", 0, 0),
        ];
    }

    public static int Total(IEnumerable<MinimumItem> items) => items.Sum(i => i.Units);

    /// <summary>"site 1×1 + lists 1×2 + …": the itemisation in one line.</summary>
    public static string Describe(IEnumerable<MinimumItem> items) => string.Join("; ", items.Where(i => i.Count > 0)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Item} {i.Count}×{i.UnitsEach}")));

    private static int Units(string method, string url) => GraphRequestClass.Of(method, url).ResourceUnits;
}
