using System.Diagnostics;
using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.Benchmarks;

/// <summary>
/// Figures for issues 4 and 5, against the local Graph: requests and time of a first provision + sync of the bundled
/// decision (with the minimum that batches of 20 allow), of an identical re-run, and of a re-issued decision.
/// </summary>
public static class SyncBenchmark
{
    public static async Task<int> RunAsync()
    {
        var units = UnitDirectory.LoadDefault();
        var catalogue = DecisionImporters.Import(TestData.DecisionTextPath, units);
        var assignments = DesiredRows.ForAssignments(catalogue, units).Count;
        await using var ward = await WardHarness.StartAsync();

        Console.WriteLine("Sync benchmark: bundled decision (31 entries, " + assignments.ToString(CultureInfo.InvariantCulture) + " " +
            "assignments), local Graph in-process");
        Console.WriteLine("run                 lists req  planner req  writes   ms");
        var first = await MeasureAsync(ward, catalogue, units, "first sync");
        await MeasureAsync(ward, catalogue, units, "identical re-run");
        await MeasureAsync(ward, Reissue(catalogue), units, "re-issued decision");

        // Lists: site, lists, create lists (1 batch), drive, folders (1 batch), stamp, read 2 lists + ⌈items/20⌉ writes.
        var listMinimum = 8 + Batches(31) + Batches(assignments);
        // Planner: plan find/create, labels read/write, team/channel/tabs/pin, buckets read/create, 3 snapshot reads,
        // Phân công read, people, then tasks, details read, details write, bookkeeping: 4 × ⌈n/20⌉.
        var plannerMinimum = 16 + (4 * Batches(assignments));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first sync lists:   {first.Lists} requests, minimum {listMinimum}, ratio {(double)first.Lists / listMinimum:0.00} (budget " +
            $"1.25)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first sync planner: {first.Planner} requests, minimum {plannerMinimum}, ratio " +
            $"{(double)first.Planner / plannerMinimum:0.00} (budget 1.25)"));
        return 0;
    }

    private static int Batches(int n) => (n + 19) / 20;

    private static async Task<(long Lists, long Planner)> MeasureAsync(WardHarness ward, TaskCatalogue catalogue, UnitDirectory units,
        string name)
    {
        using var session = ward.NewSession();
        var writes = ward.Server.GetStats().Writes;
        var watch = Stopwatch.StartNew();
        var lists = await session.CatalogueSync.RunAsync(catalogue, units, false, CancellationToken.None);
        var listRequests = session.Requests;
        var links = await session.Site.PlannerLinksAsync("qd-673-2026-hai-an.txt", CancellationToken.None);
        await session.PlannerSync.SyncAsync(catalogue, units, PlannerDesign.DefaultPlanTitle(catalogue, "Phường Hải An"), links,
            lists.CurrentAssignmentRows, false, CancellationToken.None);
        watch.Stop();
        var plannerRequests = session.Requests - listRequests;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-19} {listRequests,9}  {plannerRequests,11}  {ward.Server.GetStats().Writes - writes,6}  " +
            $"{watch.ElapsedMilliseconds,4}"));
        return (listRequests, plannerRequests);
    }

    /// <summary>One task added, one removed, three reworded.</summary>
    private static TaskCatalogue Reissue(TaskCatalogue catalogue)
    {
        var tasks = catalogue.Tasks.Where(t => t.Code != "4.11")
            .Select(t => t.Code is "1.3" or "2.1" or "4.10" ? t with { Title = t.Title + " (sửa đổi)" } : t).ToList();
        tasks.Add(catalogue.Tasks.Single(t => t.Code == "5.2") with { Code = "5.3", Title = "Tổng kết công tác dân vận năm 2026." });
        return catalogue with { Tasks = tasks };
    }
}
