using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Reporting;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Reporting;

/// <summary>
/// Issue 13: an uploaded return counts only if the person who last modified it (Graph's lastModifiedBy, recorded by the
/// local Graph) is one of the unit's people or an administrator; otherwise it is refused with the reason on its row.
/// </summary>
public class ReturnUploaderTests
{
    private const string FileName = "Bao-cao-Dot-1-VHXH.docx";

    private static readonly Dictionary<string, FilledRow> VhxhRows = new(StringComparer.Ordinal)
    {
        ["3.5.a"] = new("Đã ban hành kế hoạch tuyên truyền.", "Hoàn thành đúng hạn"),
    };

    private static readonly Dictionary<string, FilledRow> VpRows = new(StringComparer.Ordinal)
    {
        ["1.1"] = new("Văn phòng tham mưu văn bản chỉ đạo số 12.", string.Empty),
    };

    /// <summary>
    /// A copy of the ward on 10/09/2026 (08:00 ICT) after a sync, the decision's upload and round 1's templates (prepared once per
    /// test run).
    /// </summary>
    private static Task<(WardHarness Ward, (TaskCatalogue Catalogue, IReadOnlyList<IssuedTemplate> Templates) Prepared)>
        StartPreparedAsync() => SyncedWard.StartAsync("synced, decision uploaded, round 1 templates issued", PrepareAsync,
            new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));

    private static async Task<(TaskCatalogue Catalogue, IReadOnlyList<IssuedTemplate> Templates)> PrepareAsync(WardHarness ward)
    {
        var catalogue = Catalogue;
        using var session = ward.NewSession();
        await session.SyncAllAsync(catalogue, ward.Units);
        using var publisher = ward.NewPublisherSession();
        await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, WardHarness.DecisionFileName,
            await File.ReadAllBytesAsync(TestData.DecisionTextPath), CancellationToken.None);
        var round = ReportRound.FromDecision(catalogue.Decision)[0];
        var templates = await session.Get<ReportTemplates>().IssueAsync(catalogue, ward.Units, round, null, CancellationToken.None);
        return (catalogue, templates);
    }

    private static byte[] Filled(IReadOnlyList<IssuedTemplate> templates, string unit, Dictionary<string, FilledRow> rows) =>
        ReportFiller.Fill(templates.Single(t => t.Spec.UnitCode == unit).Content, rows);

    private static async Task UploadAsync(WardHarness.Session session, TaskCatalogue catalogue, string name, byte[] content) =>
        await session.Library.UploadAsync(ReportLibrary.SubmissionsFolder(catalogue.Decision, 1), name, content, CancellationToken.None);

    private static async Task<IngestedFile> IngestAsync(WardHarness ward, string name)
    {
        using var session = ward.NewSession();
        var report = await session.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None);
        return report!.Files.Single(f => f.File.Name == name);
    }

    private static async Task<IReadOnlyList<CurrentRow>> RowsAsync(WardHarness ward, string unit)
    {
        using var session = ward.NewSession();
        return [.. (await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None))
            .Where(r => r.Key.EndsWith("|" + unit,
                StringComparison.Ordinal) && !string.IsNullOrEmpty(r.Fields.GetValueOrDefault("Result")))];
    }

    private static async Task<LibraryFile> ListedAsync(WardHarness ward, TaskCatalogue catalogue, string name)
    {
        using var session = ward.NewSession();
        return (await session.Library.ListAsync(ReportLibrary.SubmissionsFolder(catalogue.Decision, 1), CancellationToken.None))
            .Single(f => f.Name == name);
    }

    [Fact]
    public async Task IngestChangesAsync_UploadedByAnotherUnitsPerson_RefusedWithReasonOnRowThenAcceptedFromTheHead()
    {
        var (ward, (catalogue, templates)) = await StartPreparedAsync();
        await using var _ = ward;
        var content = Filled(templates, "VHXH", VhxhRows);
        using (var stranger = ward.NewSessionAs("VP", "assignee"))
        {
            await UploadAsync(stranger, catalogue, FileName, content);
        }

        var refused = await IngestAsync(ward, FileName);

        Assert.Equal(IngestOutcome.Rejected, refused.Outcome);
        Assert.Equal(RejectionKind.NotTheUnitsPerson, Assert.Single(refused.Result!.Rejections).Kind);
        var row = (await ListedAsync(ward, catalogue, FileName)).Fields[LibraryNames.Rejection];
        Assert.StartsWith(ReturnUploaders.RefusalOpening, row, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Lan", row, StringComparison.Ordinal);
        Assert.Contains("Phòng Văn hóa - Xã hội", row, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(ward, "VHXH"));

        // The same file, uploaded again by the unit's head, counts and clears the reason.
        using (var head = ward.NewSessionAs("VHXH"))
        {
            await UploadAsync(head, catalogue, FileName, content);
        }

        var accepted = await IngestAsync(ward, FileName);

        Assert.Equal(IngestOutcome.Accepted, accepted.Outcome);
        Assert.Equal("Đã ban hành kế hoạch tuyên truyền.", Assert.Single(await RowsAsync(ward, "VHXH")).Fields["Result"]);
        Assert.True(string.IsNullOrEmpty((await ListedAsync(ward, catalogue, FileName)).Fields.GetValueOrDefault(LibraryNames.Rejection)));
    }

    [Fact]
    public async Task IngestChangesAsync_UploadedByAnAssigneeOfTheUnit_Accepted()
    {
        var (ward, (catalogue, templates)) = await StartPreparedAsync();
        await using var _ = ward;
        using (var assignee = ward.NewSessionAs("VHXH", "assignee"))
        {
            await UploadAsync(assignee, catalogue, FileName, Filled(templates, "VHXH", VhxhRows));
        }

        var ingested = await IngestAsync(ward, FileName);

        Assert.Equal(IngestOutcome.Accepted, ingested.Outcome);
        Assert.Equal(ward.PersonOf("VHXH", "assignee"), ingested.File.LastModifiedBy!.UserId);
        Assert.Single(await RowsAsync(ward, "VHXH"));
    }

    [Fact]
    public async Task IngestChangesAsync_OtherUnitsReturnUploadedByTheAggregatingUnitsHead_AcceptedAsAdministrator()
    {
        var (ward, (catalogue, templates)) = await StartPreparedAsync();
        await using var _ = ward;
        Assert.Equal("VHXH", catalogue.Decision.AggregatingUnit);
        using (var administrator = ward.NewSessionAs("VHXH"))
        {
            await UploadAsync(administrator, catalogue, "Bao-cao-Dot-1-VP.docx", Filled(templates, "VP", VpRows));
        }

        var ingested = await IngestAsync(ward, "Bao-cao-Dot-1-VP.docx");

        Assert.Equal(IngestOutcome.Accepted, ingested.Outcome);
        Assert.Single(await RowsAsync(ward, "VP"));
    }

    [Fact]
    public async Task IngestChangesAsync_UploadedByTheApplicationOnly_RefusedAndNoRows()
    {
        var (ward, (catalogue, templates)) = await StartPreparedAsync();
        await using var _ = ward;
        using (var app = ward.NewSession())
        {
            await UploadAsync(app, catalogue, FileName, Filled(templates, "VHXH", VhxhRows));
        }

        var refused = await IngestAsync(ward, FileName);

        Assert.Equal(IngestOutcome.Rejected, refused.Outcome);
        Assert.Null(refused.File.LastModifiedBy!.UserId);
        Assert.Contains("một ứng dụng", (await ListedAsync(ward, catalogue, FileName)).Fields[LibraryNames.Rejection],
            StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(ward, "VHXH"));
    }
}
