using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Reporting;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>
/// Issue 22: a return is judged by who wrote its content, never by the app's own later column writes (Graph names the
/// application as lastModifiedBy after a fields update: baseitem.md), and a processed-file value a member typed does not
/// skip the uploader check.
/// </summary>
public class ReturnAuthorTests
{
    private const string FileName = "Bao-cao-Dot-1-VHXH.docx";

    private static readonly Dictionary<string, FilledRow> VhxhRows = new(StringComparer.Ordinal)
    {
        ["3.5.a"] = new("Đã ban hành kế hoạch tuyên truyền.", "Hoàn thành đúng hạn"),
    };

    private static Task<(WardHarness Ward, IReadOnlyList<IssuedTemplate> Templates)> StartPreparedAsync() =>
        SyncedWard.StartAsync("issue 22: decision in use, round 1 templates issued", PrepareAsync,
            new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));

    private static async Task<IReadOnlyList<IssuedTemplate>> PrepareAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, ward.Units);
        using (var publisher = ward.NewPublisherSession())
        {
            await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, WardHarness.DecisionFileName,
                await File.ReadAllBytesAsync(TestData.DecisionTextPath), CancellationToken.None);
        }

        return await session.Get<ReportTemplates>().IssueAsync(Catalogue, ward.Units, Round, null, CancellationToken.None);
    }

    private static ReportRound Round => ReportRound.FromDecision(Catalogue.Decision)[0];

    private static string Folder => ReportLibrary.SubmissionsFolder(Catalogue.Decision, 1);

    private static byte[] Filled(IReadOnlyList<IssuedTemplate> templates) =>
        ReportFiller.Fill(templates.Single(t => t.Spec.UnitCode == "VHXH").Content, VhxhRows);

    private static async Task<LibraryFile> ListedAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        return (await session.Library.ListAsync(Folder, CancellationToken.None)).Single(f => f.Name == FileName);
    }

    private static async Task<IReadOnlyList<CurrentRow>> ResultRowsAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        return [.. (await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None))
            .Where(r => r.Key.EndsWith("|VHXH", StringComparison.Ordinal) && !string.IsNullOrEmpty(r.Fields.GetValueOrDefault("Result")))];
    }

    [Fact]
    public async Task IngestAsync_AcceptedThenTheAppWroteItsColumns_StillTheHeadsContentOnEveryRead()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        using (var head = ward.NewSessionAs("VHXH"))
        {
            await head.Library.UploadAsync(Folder, FileName, Filled(templates), CancellationToken.None);
        }

        using var session = ward.NewSession();
        var first = await session.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None);
        var listed = await ListedAsync(ward);
        var forced = await session.Get<SubmissionIngest>().IngestAsync(Catalogue, [Round], force: true, CancellationToken.None);

        Assert.Equal(IngestOutcome.Accepted, first!.Files.Single(f => f.File.Name == FileName).Outcome);
        Assert.Null(listed.LastModifiedBy!.UserId); // the app's column write: Graph now names the application
        Assert.Equal(IngestOutcome.Accepted, forced.Files.Single(f => f.File.Name == FileName).Outcome);
        Assert.Empty(forced.Interventions);
        Assert.Single(await ResultRowsAsync(ward));
    }

    [Fact]
    public async Task IngestChangesAsync_MemberTypedTheProcessedValueOnAnotherUnitsReturn_JudgedRefusedAndRecorded()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        var member = ward.PersonOf("VP", "assignee");
        using (var stranger = ward.NewSession(actingUserId: member))
        {
            var uploaded = await stranger.Library.UploadAsync(Folder, FileName, Filled(templates), CancellationToken.None);
            // The value that made the uploader check skip before this issue: this content, "already counted".
            await stranger.Library.SetFieldsAsync(uploaded, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [LibraryNames.IngestedHash] = uploaded.Version + "|" + CatalogueVersion.Compute(Catalogue),
            }, CancellationToken.None);
        }

        using var session = ward.NewSession();
        var report = await session.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None);

        var file = report!.Files.Single(f => f.File.Name == FileName);
        Assert.Equal(IngestOutcome.Rejected, file.Outcome);
        Assert.Equal(RejectionKind.NotTheUnitsPerson, Assert.Single(file.Result!.Rejections).Kind);
        var forgery = Assert.Single(report.Interventions);
        Assert.Equal((InterventionAction.Ignored, member), (forgery.Action, forgery.By!.UserId));
        var recorded = Assert.Single(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal(file.File.Path, recorded.Intervention.RowKey);
        Assert.Empty(await ResultRowsAsync(ward));
        Assert.StartsWith(ReturnUploaders.RefusalOpening, (await ListedAsync(ward)).Fields[LibraryNames.Rejection],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestChangesAsync_ContentReplacedByAnotherUnitsPersonAfterAcceptance_JudgedAfreshRefused()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        using (var head = ward.NewSessionAs("VHXH"))
        {
            await head.Library.UploadAsync(Folder, FileName, Filled(templates), CancellationToken.None);
        }

        using (var first = ward.NewSession())
        {
            await first.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None);
        }

        using (var stranger = ward.NewSessionAs("VP", "assignee"))
        {
            await stranger.Library.UploadAsync(Folder, FileName, Filled(templates), CancellationToken.None);
        }

        using var session = ward.NewSession();
        var report = await session.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None);

        Assert.Equal(IngestOutcome.Rejected, report!.Files.Single(f => f.File.Name == FileName).Outcome);
        Assert.Empty(report.Interventions);
    }
}
