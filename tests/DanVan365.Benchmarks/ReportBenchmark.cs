using System.Diagnostics;
using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Benchmarks;

/// <summary>
/// Compiling a city-scale report: 114 wards' worth of submissions (~7,000 rows). Wire as `report`:
/// <c>if (args.FirstOrDefault() == "report") { await ReportBenchmark.RunAsync(); return; }</c>.
/// Aim (issue 6): under 5 s and 500 MB.
/// </summary>
public static class ReportBenchmark
{
    public static Task RunAsync(TextWriter? output = null)
    {
        output ??= Console.Out;

        // 114 units; 30 sections × 60 tasks = 1,800 tasks, each led by one unit and coordinated by three:
        // every unit answers the ~63 tasks it touches → ~7,200 rows (printed).
        var (catalogue, units) = ReportCatalogueBuilder.CityScale(sections: 30, tasksPerSection: 60, unitCount: 114);
        var round = ReportRound.FromDecision(catalogue.Decision)[0];
        var submissions = units.Units
            .Select(u => ReportCatalogueBuilder.SampleSubmission(catalogue, u.Code))
            .ToList();
        var rows = submissions.Sum(s => s.Rows.Count);
        var statuses = new Dictionary<string, StatusCategory>();

        // Warm up (JIT) on a small report, then measure.
        var small = ReportCatalogueBuilder.Sample();
        ReportWriter.Write(ReportCompiler.Compile(small, statuses, [], ReportCatalogueBuilder.SampleUnits(),
            ReportRound.FromDecision(small.Decision)[0], new DateOnly(2026, 9, 5)));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.PeakWorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var report = ReportCompiler.Compile(catalogue, statuses, submissions, units, round, new DateOnly(2026, 9, 5));
        var compiled = clock.Elapsed;
        var bytes = ReportWriter.Write(report);
        var total = clock.Elapsed;
        process.Refresh();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        static string Mb(long b) => (b / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report: {catalogue.Tasks.Count} tasks, {units.Units.Count} units, {rows} submission rows"));
        output.WriteLine($"report: compile model {S(compiled)}, write .docx {S(total - compiled)}, total {S(total)}");
        output.WriteLine($"report: .docx {Mb(bytes.Length)}, allocated {Mb(allocated)}, peak working set {Mb(process.PeakWorkingSet64)} " +
            $"(before: {Mb(baseline)})");
        output.WriteLine(total.TotalSeconds < 5 && process.PeakWorkingSet64 < 500L * 1024 * 1024
            ? "report: within the aim (< 5 s, < 500 MB)"
            : "report: OUTSIDE the aim (< 5 s, < 500 MB)");
        return Task.CompletedTask;
    }
}
