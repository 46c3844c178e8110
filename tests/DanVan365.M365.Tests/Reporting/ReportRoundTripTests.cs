using System.Text;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Reporting;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Reporting;

public class ReportRoundTripTests
{

    private static readonly Dictionary<string, FilledRow> VhxhRows = new(StringComparer.Ordinal)
    {
        ["3.5.a"] = new("Đã ban hành kế hoạch tuyên truyền.\nTổ chức 3 hội nghị ở tổ dân phố.", "Hoàn thành đúng hạn",
            "Kinh phí còn hạn chế.", "Đề nghị bổ sung kinh phí tuyên truyền."),
        ["1.1"] = new("Quán triệt nghị quyết cho 45 cán bộ, công chức.", "Đang thực hiện trong hạn"),
    };

    private static readonly Dictionary<string, FilledRow> VpRows = new(StringComparer.Ordinal)
    {
        ["1.1"] = new("Văn phòng tham mưu văn bản chỉ đạo số 12.", string.Empty, "Thiếu nhân lực.", "Tăng cường biên chế."),
    };

    private static ReportRound Round1 => ReportRound.FromDecision(Catalogue.Decision)[0];

    /// <summary>A copy of the ward after its lists were synced and round 1's templates issued (prepared once per test run).</summary>
    private static Task<(WardHarness Ward, IReadOnlyList<IssuedTemplate> Templates)> StartPreparedAsync() =>
        SyncedWard.StartAsync("lists synced, round 1 templates issued", PrepareAsync);

    private static async Task<IReadOnlyList<IssuedTemplate>> PrepareAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        var sync = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: false, CancellationToken.None);
        Assert.True(sync.Succeeded, string.Join("\n", sync.Failures));
        return await session.Get<ReportTemplates>().IssueAsync(Catalogue, Units, Round1, null, CancellationToken.None);
    }

    private static byte[] TemplateOf(IReadOnlyList<IssuedTemplate> templates,
        string unit) => templates.Single(t => t.Spec.UnitCode == unit).Content;

    private static SubmissionIngest Ingest(WardHarness.Session session) => session.Get<SubmissionIngest>();

    private static async Task<IReadOnlyList<CurrentRow>> ReportRowsAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        return await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None);
    }

    private static string CodeOf(string key) => key.Split('|')[1];

    [Fact]
    public async Task RoundTrip_TwoUnitsSubmitThenCompile_ReportHasEveryCodeAndResult()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        Assert.Equal(ReportPlanner.ExpectedUnits(Catalogue).Count, templates.Count);

        using var session = ward.NewSession();
        var files = await session.Library.ListAsync(ReportLibrary.TemplatesFolder(Catalogue.Decision, 1), CancellationToken.None);
        Assert.Equal(templates.Select(t => t.FileName).Order(StringComparer.Ordinal),
            files.Select(f => f.Name).Order(StringComparer.Ordinal));

        var rounds = ReportRound.FromDecision(Catalogue.Decision);
        var ingest = Ingest(session);
        var vhxh = await ingest.SubmitAsync(Catalogue, rounds, ReportFiller.Fill(TemplateOf(templates, "VHXH"), VhxhRows, nfd: true),
            CancellationToken.None);
        var vp = await ingest.SubmitAsync(Catalogue, rounds, ReportFiller.Fill(TemplateOf(templates, "VP"), VpRows),
            CancellationToken.None);
        Assert.Equal(IngestOutcome.Accepted, vhxh.Ingested!.Outcome);
        Assert.Equal(IngestOutcome.Accepted, vp.Ingested!.Outcome);
        Assert.Equal("2026/Đợt 1/Nộp/Bao-cao-Dot-1-VHXH.docx", vhxh.Ingested.File.Path);

        var rows = await ReportRowsAsync(ward);
        Assert.Equal(3, rows.Count);
        var row = rows.Single(r => r.Key == "1|3.5.a|VHXH");
        Assert.Equal(VhxhRows["3.5.a"].Result, row.Fields["Result"]);
        Assert.Equal("Hoàn thành đúng hạn", row.Fields["Completion"]);
        Assert.Equal("chủ trì", row.Fields["Role"]);
        Assert.Equal("2026-03-02", row.Fields["SubmittedOn"]);

        // Completion recorded in Phân công after the last day: the compiled report judges it by the one rule (dates).
        var datedTask = Catalogue.WorkItems.First(t => t.TimeFrame?.LastDay is not null && t.Code != "3.5.a");
        var dated = datedTask.Code;
        var completedOn = FieldValues.Date(datedTask.TimeFrame!.LastDay!.Value.AddDays(1));
        var leads = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None))
            .Where(r => r.Fields["TaskCode"] == dated);
        var patched = await session.Lists.PatchAsync(SiteSchema.Assignments,
            [.. leads.Select(a => new RowPatch(a.Key, a.ItemId, new Dictionary<string, string?> { ["CompletedOn"] = completedOn }))],
            CancellationToken.None);
        Assert.True(patched.Succeeded);

        var compiled = await session.Get<ReportCompilation>().CompileAsync(Catalogue, Units,
            Round1, null, CancellationToken.None);
        Assert.Equal("2026/Đợt 1/Tổng hợp/Bao-cao-Dot-1.docx", compiled.File.Path);
        Assert.Equal(StatusCategory.CompletedLate,
            compiled.Report.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == dated).Status.Category);

        var stored = (await session.Library.ListAsync(ReportLibrary.CompiledFolder(Catalogue.Decision, 1),
            CancellationToken.None)).Single();
        var bytes = await session.Library.DownloadAsync(stored, 50_000_000, CancellationToken.None);
        Assert.Equal(compiled.Content, bytes);
        var text = ReportFiller.AllText(bytes);
        foreach (var task in Catalogue.Tasks)
        {
            Assert.Contains(task.Code, text, StringComparison.Ordinal);
        }

        foreach (var filled in VhxhRows.Values.Concat(VpRows.Values))
        {
            foreach (var part in filled.Result.Split('\n').Concat([filled.Difficulties, filled.Proposals]).Where(p => p.Length > 0))
            {
                // A remark is stated with its units and tasks after it, before its final full stop.
                Assert.Contains(part.Normalize(NormalizationForm.FormC).TrimEnd('.'), text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Hoàn thành quá hạn", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_NothingChanged_WritesNothing()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        var rounds = ReportRound.FromDecision(Catalogue.Decision);
        using (var first = ward.NewSession())
        {
            var submitted = await Ingest(first).SubmitAsync(Catalogue, rounds, ReportFiller.Fill(TemplateOf(templates, "VHXH"),
                VhxhRows), CancellationToken.None);
            Assert.Equal(IngestOutcome.Accepted, submitted.Ingested!.Outcome);
        }

        var writes = ward.Server.GetStats().Writes;
        using var second = ward.NewSession();
        var report = await Ingest(second).IngestAsync(Catalogue, rounds, force: false, CancellationToken.None);

        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(report.Files).Outcome);
        Assert.True(report.AllAccepted);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
        // site, lists, drive, then one listing per round's "Nộp" folder.
        Assert.True(second.Requests <= 3 + rounds.Count, $"{second.Requests} requests");
    }

    [Fact]
    public async Task IngestAsync_FileOfAnotherRound_RejectionOnFileAndNoRows()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        using var session = ward.NewSessionAs("VHXH");
        var filled = ReportFiller.Fill(TemplateOf(templates, "VHXH"), VhxhRows);
        var uploaded = await session.Library.UploadAsync(ReportLibrary.SubmissionsFolder(Catalogue.Decision, 2), "bao cao VHXH.docx",
            filled, CancellationToken.None);

        var report = await Ingest(session).IngestAsync(Catalogue, ReportRound.FromDecision(Catalogue.Decision), force: false,
            CancellationToken.None);

        var file = Assert.Single(report.Files);
        Assert.Equal(IngestOutcome.Rejected, file.Outcome);
        Assert.False(report.AllAccepted);
        Assert.Contains(file.Result!.Rejections, r => r.Kind == RejectionKind.WrongRound);
        var listed = Assert.Single(await session.Library.ListAsync(ReportLibrary.SubmissionsFolder(Catalogue.Decision, 2),
            CancellationToken.None));
        Assert.Contains("đợt 1, không phải đợt 2", listed.Fields["Rejection"], StringComparison.Ordinal);
        Assert.Equal(uploaded.Version, listed.Version);
        Assert.Equal(filled, await session.Library.DownloadAsync(listed, 10_000_000, CancellationToken.None));
        Assert.Empty(await ReportRowsAsync(ward));

        // Rejected once, the unchanged file is not read again.
        var again = await Ingest(ward.NewSession()).IngestAsync(Catalogue, ReportRound.FromDecision(Catalogue.Decision), force: false,
            CancellationToken.None);
        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(again.Files).Outcome);
        Assert.NotNull(again.Files[0].StandingRejection);
        Assert.False(again.AllAccepted);
    }

    [Fact]
    public async Task SubmitAsync_UnknownStatusWord_RejectedWithReasonAndNoRows()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        using var session = ward.NewSession();
        var rows = new Dictionary<string, FilledRow>(VhxhRows, StringComparer.Ordinal) { ["1.1"] = new("Đã làm.", "Xong rồi") };

        var result = await Ingest(session).SubmitAsync(Catalogue, ReportRound.FromDecision(Catalogue.Decision),
            ReportFiller.Fill(TemplateOf(templates, "VHXH"), rows), CancellationToken.None);

        var ingested = result.Ingested!;
        Assert.Equal(IngestOutcome.Rejected, ingested.Outcome);
        var reason = Assert.Single(ingested.Result!.Rejections);
        Assert.Equal(RejectionKind.UnknownCompletionWord, reason.Kind);
        var listed = Assert.Single(await session.Library.ListAsync(ReportLibrary.SubmissionsFolder(Catalogue.Decision, 1),
            CancellationToken.None));
        Assert.Contains("Xong rồi", listed.Fields["Rejection"], StringComparison.Ordinal);
        Assert.Contains("1.1", listed.Fields["Rejection"], StringComparison.Ordinal);
        Assert.Empty(await ReportRowsAsync(ward));
    }

    [Fact]
    public async Task SubmitAsync_NotATemplate_RefusedBeforeUpload()
    {
        var (ward, _) = await StartPreparedAsync();
        await using var __ = ward;
        using var session = ward.NewSession();

        var result = await Ingest(session).SubmitAsync(Catalogue, ReportRound.FromDecision(Catalogue.Decision),
            Encoding.UTF8.GetBytes("not a docx"), CancellationToken.None);

        Assert.Null(result.Ingested);
        Assert.NotEmpty(result.Refused!.Rejections);
        Assert.Empty(await session.Library.ListAsync(ReportLibrary.SubmissionsFolder(Catalogue.Decision, 1), CancellationToken.None));
    }

    [Fact]
    public async Task SubmitAsync_Resubmission_ReplacesContentAndKeepsVersion()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        var rounds = ReportRound.FromDecision(Catalogue.Decision);
        using var session = ward.NewSession();
        var first = await Ingest(session).SubmitAsync(Catalogue, rounds, ReportFiller.Fill(TemplateOf(templates, "VHXH"), VhxhRows),
            CancellationToken.None);
        Assert.Equal(2, first.Ingested!.RowsWritten);

        ward.Clock.Advance(TimeSpan.FromDays(3));
        var changed =
            new Dictionary<string, FilledRow>(StringComparer.Ordinal)
            {
                ["3.5.a"] = new("Kết quả cập nhật: 5 hội nghị.",
            "Hoàn thành quá hạn")
            };
        var second = await Ingest(ward.NewSession()).SubmitAsync(Catalogue, rounds, ReportFiller.Fill(TemplateOf(templates, "VHXH"),
            changed), CancellationToken.None);

        Assert.Equal(IngestOutcome.Accepted, second.Ingested!.Outcome);
        Assert.Equal(first.Ingested.File.Id, second.Ingested.File.Id);
        var rows = await ReportRowsAsync(ward);
        Assert.Equal(2, rows.Count);
        var updated = rows.Single(r => r.Key == "1|3.5.a|VHXH");
        Assert.Equal("Kết quả cập nhật: 5 hội nghị.", updated.Fields["Result"]);
        Assert.Equal("Hoàn thành quá hạn", updated.Fields["Completion"]);
        Assert.Null(updated.Fields["Difficulties"]);
        Assert.Equal("2026-03-05", updated.Fields["SubmittedOn"]);
        var cleared = rows.Single(r => r.Key == "1|1.1|VHXH");
        Assert.Null(cleared.Fields["Result"]);
        Assert.Null(cleared.Fields["Completion"]);
        Assert.Single(ReportRows.Submissions(rows, 1, "v").Single().Rows);

        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var libraryId = await session.Site.ListIdAsync(SiteSchema.Library, CancellationToken.None);
        var drive = await session.Site.Client.Sites[siteId].Lists[libraryId].Drive.GetAsync();
        var versions = await session.Site.Client.Drives[drive!.Id].Items[second.Ingested.File.Id].Versions.GetAsync();
        Assert.Equal(2, versions!.Value!.Count);
    }

    [Fact]
    public async Task CompileAsync_Twice_SameBytesNewVersion()
    {
        var (ward, _) = await StartPreparedAsync();
        await using var __ = ward;
        using var session = ward.NewSession();
        var compilation = session.Get<ReportCompilation>();

        var first = await compilation.CompileAsync(Catalogue, Units, Round1, null, CancellationToken.None);
        var second = await compilation.CompileAsync(Catalogue, Units, Round1, null, CancellationToken.None);

        Assert.Equal(first.Content, second.Content);
        Assert.Equal(first.File.Id, second.File.Id);
        Assert.NotEqual(first.File.Version, second.File.Version);
        Assert.Equal(ReportPlanner.RequiredUnits(Catalogue, Units).Count, first.Report.Figures.MissingUnits.Count);
    }

    [Fact]
    public async Task AddAsync_AdHocRounds_NumberedAfterDecisionAndListed()
    {
        var (ward, _) = await StartPreparedAsync();
        await using var __ = ward;
        using var session = ward.NewSession();
        var rounds = session.Get<ReportRounds>();

        var third = await rounds.AddAsync(Catalogue.Decision, new ReportRound(0, "Báo cáo đột xuất về dân vận khéo",
            new DateOnly(2026, 7, 31), true), CancellationToken.None);
        var fourth = await ward.NewSession().Get<ReportRounds>().AddAsync(Catalogue.Decision, new ReportRound(0, "Đợt bổ sung cuối năm",
            new DateOnly(2026, 12, 20), true), CancellationToken.None);
        var listed = await ward.NewSession().Get<ReportRounds>().ListAsync(Catalogue.Decision, CancellationToken.None);

        // Round 3 is the year-end round (tổng kết): ad hoc rounds are numbered after it.
        Assert.Equal(4, third.Number);
        Assert.Equal(5, fourth.Number);
        Assert.Equal([1, 2, 3, 4, 5], listed.Select(r => r.Number));
        Assert.Equal([false, false, false, true, true], listed.Select(r => r.AdHoc));
        Assert.True(listed[2].YearEnd);
        Assert.Equal("Báo cáo đột xuất về dân vận khéo", listed[3].Title);
        Assert.Equal(new DateOnly(2026, 7, 31), listed[3].LastDay);
        Assert.Equal(fourth, await rounds.FindAsync(Catalogue.Decision, 5, CancellationToken.None));
        Assert.Null(await rounds.FindAsync(Catalogue.Decision, 6, CancellationToken.None));

        // The round's folders exist: templates for it land in "2026/Đợt 4/Mẫu".
        var issued = await session.Get<ReportTemplates>().IssueAsync(Catalogue, Units, third, null,
            CancellationToken.None);
        Assert.All(issued, t => Assert.StartsWith("2026/Đợt 4/Mẫu/", t.File.Path, StringComparison.Ordinal));
        var yearFiles = await session.Library.ListAsync("2026", CancellationToken.None);
        Assert.Contains(yearFiles, f => f.Name == ReportLibrary.RoundsFileName);
    }

    [Fact]
    public async Task IngestAsync_FileNamedForAnotherUnit_RejectedWrongUnit()
    {
        var (ward, templates) = await StartPreparedAsync();
        await using var _ = ward;
        using var session = ward.NewSessionAs("VHXH");
        await session.Library.UploadAsync(ReportLibrary.SubmissionsFolder(Catalogue.Decision, 1), "Bao-cao-Dot-1-VP.docx",
            ReportFiller.Fill(TemplateOf(templates, "VHXH"), VhxhRows), CancellationToken.None);

        var report = await Ingest(session).IngestAsync(Catalogue, [Round1], force: false, CancellationToken.None);

        Assert.Contains(Assert.Single(report.Files).Result!.Rejections, r => r.Kind == RejectionKind.WrongUnit);
        Assert.Empty(await ReportRowsAsync(ward));
    }

    [Fact]
    public async Task UploadAsync_LargerThanSimpleLimit_UploadSessionAndVersionKept()
    {
        var (ward, _) = await StartPreparedAsync();
        await using var __ = ward;
        using var session = ward.NewSession();
        var big = new byte[(5 * 1024 * 1024) + 123];
        new Random(7).NextBytes(big);
        var folder = ReportLibrary.CompiledFolder(Catalogue.Decision, 1);

        var first = await session.Library.UploadAsync(folder, ReportLibrary.CompiledFileName(1), big, CancellationToken.None);
        big[0] ^= 0xFF;
        var second = await session.Library.UploadAsync(folder, ReportLibrary.CompiledFileName(1), big, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(big.Length, second.Size);
        Assert.Equal(big, await session.Library.DownloadAsync(second, 10_000_000, CancellationToken.None));
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var libraryId = await session.Site.ListIdAsync(SiteSchema.Library, CancellationToken.None);
        var drive = await session.Site.Client.Sites[siteId].Lists[libraryId].Drive.GetAsync();
        var versions = await session.Site.Client.Drives[drive!.Id].Items[second.Id].Versions.GetAsync();
        Assert.Equal(2, versions!.Value!.Count);
    }
}
