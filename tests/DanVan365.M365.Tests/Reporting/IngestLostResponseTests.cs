using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Documents.Reporting;
using DanVan365.LocalM365;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Reporting;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Reporting;

/// <summary>
/// Ingestion while every 4th request answers 503 after it took effect (issue 12, difference 11): the Báo cáo kết quả
/// rows written are exactly those a run without faults writes, each once.
/// </summary>
public class IngestLostResponseTests
{
    private static readonly WordReportDocuments Documents = new();
    private static readonly IReadOnlyList<ReportRound> Rounds = ReportRound.FromDecision(Catalogue.Decision);

    [Fact]
    public async Task IngestChangesAsync_ServerErrorAfterExecutionEveryFourth_NoDuplicateReportRows()
    {
        await using var clean = await WardHarness.StartAsync();
        await SubmitThreeUnitsAsync(clean);
        await IngestAsync(clean);
        var expected = await ReportKeysAsync(clean);

        await using var ward = await WardHarness.StartAsync();
        await SubmitThreeUnitsAsync(ward);
        ward.Server.SetFaults(new EmulatorFaults(ServerErrorEvery: 4, RetryAfterSeconds: 0, AfterExecution: true));
        for (var run = 0; run < 2; run++)
        {
            try
            {
                await IngestAsync(ward);
            }
            catch (Core.Errors.RemoteServiceException)
            {
                // A run may stop at a lost answer it cannot resolve; the next run picks up from the saved token.
            }
        }

        ward.Server.SetFaults(null);
        await IngestAsync(ward);

        Assert.True(ward.Server.GetStats().ServerErrors > 0);
        var keys = await ReportKeysAsync(ward);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    private static async Task SubmitThreeUnitsAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        var sync = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: false, CancellationToken.None);
        Assert.True(sync.Succeeded, string.Join("\n", sync.Failures));
        var templates = await new ReportTemplates(session.Library, Documents).IssueAsync(Catalogue, Units, Rounds[0], null,
            CancellationToken.None);
        var folder = ReportLibrary.SubmissionsFolder(Catalogue.Decision, 1);
        foreach (var unit in new[] { "VHXH", "VP", "KTHTDT" })
        {
            var template = templates.Single(t => t.Spec.UnitCode == unit);
            var rows = template.Spec.Rows.Take(2).ToDictionary(r => r.Code, r => new FilledRow($"{unit} đã thực hiện {r.Code}.",
                "Hoàn thành đúng hạn"), StringComparer.Ordinal);
            // A return counts only when one of the unit's people uploaded it (issue 13): the head uploads it.
            using var head = ward.NewSessionAs(unit);
            await head.Library.UploadAsync(folder, template.FileName, ReportFiller.Fill(template.Content, rows), CancellationToken.None);
        }
    }

    private static async Task IngestAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        await new SubmissionIngest(session.Library, session.Lists, Documents, ward.Clock, ward.Ward,
            session.Get<RecordSeal>(), session.Get<IInterventionLog>(), session.Get<SubmissionReturns>())
            .IngestChangesAsync(Catalogue, Rounds, session.State, CancellationToken.None);
    }

    private static async Task<List<string>> ReportKeysAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        return [.. (await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None)).Select(r => r.Key)];
    }
}
