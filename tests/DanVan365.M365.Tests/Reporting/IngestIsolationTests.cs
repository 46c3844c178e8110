using DanVan365.Core.Integrity;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Reporting;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Reporting;

/// <summary>Ingestion against the local Graph: one file that cannot be read never blocks the others or the delta token.</summary>
public class IngestIsolationTests
{
    private static readonly WordReportDocuments Documents = new();

    /// <summary>The real Word reader, except that it crashes on one file's bytes (a parser bug on one return).</summary>
    private sealed class CrashingOn(byte[] poison) : IReportDocuments
    {
        public long MaxSubmissionBytes => Documents.MaxSubmissionBytes;

        public (string FileName, byte[] Content) WriteTemplate(UnitTemplateSpec spec, WardIdentity ward) =>
            Documents.WriteTemplate(spec, ward);

        public SubmissionParseResult ParseSubmission(byte[] file, TaskCatalogue catalogue, SubmissionExpectation expectation) =>
            file.AsSpan().SequenceEqual(poison)
                ? throw new InvalidOperationException("parser crashed")
                : Documents.ParseSubmission(file, catalogue, expectation);

        public byte[] WriteReport(CompiledReport report) => Documents.WriteReport(report);
    }

    [Fact]
    public async Task IngestChangesAsync_OneFileCrashes_OthersAcceptedTokenSavedAndRefusedAfterThreeAttempts()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.Synced);
        var round = ReportRound.FromDecision(Catalogue.Decision)[0];
        var rounds = ReportRound.FromDecision(Catalogue.Decision);
        using var session = ward.NewSession();
        var templates = await session.Get<ReportTemplates>().IssueAsync(Catalogue, Units, round, null,
            CancellationToken.None);
        var bad = ReportFiller.Fill(templates.Single(t => t.Spec.UnitCode == "VHXH").Content,
            new Dictionary<string, FilledRow>(StringComparer.Ordinal) { ["1.1"] = new("Đã làm.", "Hoàn thành đúng hạn") });
        var good = ReportFiller.Fill(templates.Single(t => t.Spec.UnitCode == "VP").Content,
            new Dictionary<string, FilledRow>(StringComparer.Ordinal) { ["1.1"] = new("Văn phòng đã làm.", string.Empty) });
        var folder = ReportLibrary.SubmissionsFolder(Catalogue.Decision, 1);
        using (var vhxh = ward.NewSessionAs("VHXH"))
        {
            await vhxh.Library.UploadAsync(folder, "Bao-cao-Dot-1-VHXH.docx", bad, CancellationToken.None);
        }

        using (var vp = ward.NewSessionAs("VP"))
        {
            await vp.Library.UploadAsync(folder, "Bao-cao-Dot-1-VP.docx", good, CancellationToken.None);
        }

        var ingest = new SubmissionIngest(session.Library, session.Lists, new CrashingOn(bad), ward.Clock, ward.Ward,
            session.Get<RecordSeal>(), session.Get<IInterventionLog>(), session.Get<SubmissionReturns>());

        var first = await ingest.IngestChangesAsync(Catalogue, rounds, session.State, CancellationToken.None);
        var token = await session.State.GetAsync(SubmissionIngest.DeltaStateKey, CancellationToken.None);
        var second = await ingest.IngestChangesAsync(Catalogue, rounds, session.State, CancellationToken.None);
        var third = await ingest.IngestChangesAsync(Catalogue, rounds, session.State, CancellationToken.None);
        var fourth = await ingest.IngestChangesAsync(Catalogue, rounds, session.State, CancellationToken.None);

        Assert.Equal(IngestOutcome.Accepted, first.Files.Single(f => f.File.Name.EndsWith("VP.docx", StringComparison.Ordinal)).Outcome);
        var failed = first.Files.Single(f => f.File.Name.EndsWith("VHXH.docx", StringComparison.Ordinal));
        Assert.Equal(IngestOutcome.Failed, failed.Outcome);
        Assert.Equal("parser crashed", failed.Error);
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(IngestOutcome.Failed, Assert.Single(second.Files).Outcome);
        var refused = Assert.Single(third.Files);
        Assert.Equal(IngestOutcome.Rejected, refused.Outcome);
        Assert.DoesNotContain(fourth.Files, f => f.Outcome != IngestOutcome.Unchanged);
        var listed = await session.Library.ListAsync(folder, CancellationToken.None);
        var rejection = listed.Single(f => f.Name == "Bao-cao-Dot-1-VHXH.docx").Fields[SubmissionIngest.RejectionColumn];
        Assert.Contains("3 lần thử", rejection, StringComparison.Ordinal);
        Assert.Contains("parser crashed", rejection, StringComparison.Ordinal);
    }
}
