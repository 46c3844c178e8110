using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Documents.Reporting;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.Functions.Tests.Jobs;

public class IngestSubmissionsJobTests
{
    [Fact]
    public async Task IngestSubmissionsAsync_NewFileInNop_FoundByDeltaAndWrittenOnce()
    {
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var jobs = app.Get<IWardJobs>();
        await jobs.SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);

        // The unit's head returns its filled template into "2026/Đợt 1/Nộp".
        using (var session = harness.NewSessionAs("VHXH"))
        {
            var catalogue = Catalogue;
            var round = ReportRound.FromDecision(catalogue.Decision)[0];
            var spec = ReportPlanner.TemplateFor(catalogue, harness.Units, round, "VHXH");
            var filled = TemplateFiller.Fill(TemplateWriter.Write(spec),
                new Dictionary<string, FilledRow> { ["3.5.a"] = new("Đã ban hành kế hoạch.", "Hoàn thành đúng hạn") });
            await session.Library.UploadAsync("2026/Đợt 1/Nộp", "Bao-cao-Dot-1-VHXH.docx", filled, CancellationToken.None);
        }

        await jobs.IngestSubmissionsAsync(TestApp.GoodWard, CancellationToken.None);
        // The second run sees the file again (its columns were stamped) and moves the token on.
        await jobs.IngestSubmissionsAsync(TestApp.GoodWard, CancellationToken.None);
        harness.Server.ResetStats();
        await jobs.IngestSubmissionsAsync(TestApp.GoodWard, CancellationToken.None);

        using var check = harness.NewSession();
        var rows = await check.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None);
        Assert.Equal("Đã ban hành kế hoạch.", rows.Single(r => r.Key == "1|3.5.a|VHXH").Fields["Result"]);
        var stats = harness.Server.GetStats();
        // A run with nothing new asks the drive for its changes, lists no folder, and writes nothing but its saved delta
        // token and the day it was saved (two state rows; issue 13: the token is saved whenever a run finishes), plus the
        // ward's lease it holds while writing them (claimed, released: one state row written twice).
        Assert.Contains(stats.ByRoute.Keys, route => route.Contains("delta", StringComparison.Ordinal));
        Assert.DoesNotContain(stats.ByRoute.Keys, route => route.Contains("children",
            StringComparison.Ordinal) && !route.Contains("Quyết định", StringComparison.Ordinal) && route.Contains("Nộp",
            StringComparison.Ordinal));
        Assert.True(stats.Writes <= 4, "writes on an idle run: " + string.Join(", ", stats.ByRoute.Select(r => $"{r.Key}={r.Value}")));
    }
}
