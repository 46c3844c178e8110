using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Reporting;
using static DanVan365.TestUtilities.Bundled;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.M365.Tests.Reporting;

/// <summary>
/// Issue 24: the year-end round (tổng kết) is listed beside the decision's rounds with the ward's configured days and a number
/// that never changes; units return its template with a general part; after its last day it compiles into the year-end report.
/// </summary>
public class YearEndRoundTests
{
    /// <summary>Monday 01/06/2026, 08:00 ICT.</summary>
    private static readonly DateTimeOffset June1 = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private static AdHocRoundRequest Request(string title) => new(title, new DateOnly(2026, 6, 10), ["KTHTDT"], ["2.2"]);

    [Fact]
    public async Task ListAsync_ConfiguredDaysAdHocRoundsBeforeAndAfter_YearEndKeepsItsNumber()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, June1);
        ward.Ward = ward.Ward with { YearEnd = new YearEndOptions { LastDay = "18/12", DataCutOff = "16/12" } };
        using var session = ward.NewSession();
        var rounds = session.Get<ReportRounds>();

        // An ad hoc round numbered 3 stored before the year-end round existed: the year-end round takes the next free number.
        var path = ReportRounds.FilePath(Catalogue.Decision);
        var earlier = new ReportRound(3, "Báo cáo đột xuất trước đây", new DateOnly(2026, 5, 20), AdHoc: true)
        {
            Units = ["KTHTDT"],
            Tasks = ["2.2"],
            CreatedBy = "vhxh@haian.example",
            CreatedAt = new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero),
        };
        await session.Library.UploadAsync("2026", ReportLibrary.RoundsFileName,
            AdHocRoundFile.Write([AdHocRoundFile.Entry(earlier, session.Get<RecordSeal>(), path)]), CancellationToken.None);

        var before = await rounds.ListAsync(Catalogue.Decision, CancellationToken.None);
        var created = await session.Get<WardRounds>().CreateAsync(Catalogue, Request("Báo cáo đột xuất về nhà ở xã hội"), VhxhHead,
            CancellationToken.None);
        var after = await ward.NewSession().Get<ReportRounds>().ListAsync(Catalogue.Decision, CancellationToken.None);

        var yearEnd = Assert.Single(before, r => r.YearEnd);
        Assert.Equal((4, "Tổng kết năm 2026", new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 16), false),
            (yearEnd.Number, yearEnd.Title, yearEnd.LastDay, yearEnd.DataCutOff, yearEnd.AdHoc));
        Assert.Equal([1, 2, 3, 4], before.Select(r => r.Number));
        Assert.Equal(5, created.Round!.Number);
        Assert.Equal([1, 2, 3, 4, 5], after.Select(r => r.Number));
        Assert.Equal(yearEnd, Assert.Single(after, r => r.YearEnd));
        Assert.Equal(yearEnd, await rounds.FindAsync(Catalogue.Decision, 4, CancellationToken.None));
    }

    private static readonly Dictionary<string, string> VhxhReview = new(StringComparer.Ordinal)
    {
        ["Ưu điểm"] = "Chủ động tham mưu, phối hợp chặt chẽ với Mặt trận.",
        ["Hạn chế"] = "Một số nhiệm vụ hoàn thành chậm.",
        ["Nguyên nhân"] = "Thiếu nhân lực chuyên trách.",
        ["Phương hướng"] = "Tiếp tục đẩy mạnh thực hiện dân chủ ở cơ sở.",
        ["Tự chấm điểm"] = "91",
        ["Ghi chú tự chấm điểm"] = "Hoàn thành tốt các nhiệm vụ chủ trì.",
    };

    private static readonly Dictionary<string, string> MttqReview = new(StringComparer.Ordinal)
    {
        ["Ưu điểm"] = "chủ động tham mưu, phối hợp chặt chẽ với Mặt trận",
        ["Phương hướng"] = "Phát huy vai trò giám sát của Nhân dân.",
    };

    [Fact]
    public async Task CompileAsync_BundledWardAt20December_EveryTaskFinalStateLessonsDirectionsAndScoringAppendix()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse,
            new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));
        var rounds = await ward.NewSession().Get<ReportRounds>().ListAsync(Catalogue.Decision, CancellationToken.None);
        var yearEnd = Assert.Single(rounds, r => r.YearEnd);
        Assert.Equal(3, yearEnd.Number);
        using (var session = ward.NewSession())
        {
            var templates = await session.Get<ReportTemplates>().IssueAsync(Catalogue, Units, yearEnd, null, CancellationToken.None);
            Assert.Equal(ReportPlanner.ExpectedUnits(Catalogue), templates.Select(t => t.Spec.UnitCode));
            var vhxhTask = templates.Single(t => t.Spec.UnitCode == "VHXH").Spec.Rows[0].Code;
            var vhxh = TemplateFiller.FillReview(ReportFiller.Fill(templates.Single(t => t.Spec.UnitCode == "VHXH").Content,
                new Dictionary<string, FilledRow>
                {
                    [vhxhTask] = new("Đã hoàn thành.", "Hoàn thành đúng hạn", string.Empty, "Đề nghị tăng kinh phí tuyên truyền năm sau."),
                }), VhxhReview);
            var mttq = TemplateFiller.FillReview(templates.Single(t => t.Spec.UnitCode == "MTTQ").Content, MttqReview);
            var ingest = session.Get<SubmissionIngest>();
            foreach (var filled in new[] { vhxh, mttq })
            {
                var submitted = await ingest.SubmitAsync(Catalogue, rounds, filled, CancellationToken.None);
                Assert.True(submitted.Ingested?.Outcome == IngestOutcome.Accepted,
                    submitted.Refused?.Summary ?? submitted.Ingested?.Result?.Summary);
            }

            var stored = await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None);
            Assert.Equal("91", stored.Single(r => r.Key == "3|TK.5|VHXH").Fields[ReportColumns.Result]);
            Assert.DoesNotContain(stored, r => r.Key == "3|TK.5|MTTQ");
        }

        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero));
        using var compiler = ward.NewSession();
        var compilation = compiler.Get<RoundCompilation>();
        Assert.Contains(3, await compilation.DueRoundsAsync(CancellationToken.None));
        var result = await compilation.CompileAsync(3, CancellationToken.None);

        var report = result.Report;
        var entries = report.Sections.SelectMany(s => s.Tasks).Where(t => !t.IsHeading).ToList();
        Assert.Equal(Catalogue.WorkItems.Select(t => t.Code), entries.Select(e => e.Code));
        var late = Catalogue.WorkItems.Where(t => t.TimeFrame?.LastDay > new DateOnly(2026, 11, 19)).Select(t => t.Code).ToList();
        Assert.Contains(Catalogue.WorkItems, t => t.TimeFrame?.LastDay == new DateOnly(2026, 12, 31));
        Assert.All(entries.Where(e => late.Contains(e.Code)), e => Assert.NotNull(e.Status.Category));
        Assert.All(entries.Where(e => e.LastDay == new DateOnly(2026, 12, 31)),
            e => Assert.Equal(StatusCategory.InProgressOnTime, e.Status.Category));
        Assert.Equal(new DateOnly(2026, 12, 14), report.CutOff);
        var summary = report.YearEnd!;
        Assert.True(summary.Scores.Available);
        Assert.False(summary.Scores.Approved);
        Assert.Equal(Units.Units.Where(u => u.IsAssigned).Select(u => u.Code),
            summary.Scores.Rows.Where(r => r.Computed.Graded).Select(r => r.Computed.UnitCode));
        Assert.Equal(["VHXH", "MTTQ"], Assert.Single(summary.Strengths).Sources.Select(s => s.UnitCode));
        Assert.Contains(summary.Directions, d => d.Text == "Phát huy vai trò giám sát của Nhân dân.");
        Assert.Contains(summary.Directions, d => d.Text == "Đề nghị tăng kinh phí tuyên truyền năm sau.");
        Assert.Equal("2026/Đợt 3/Tổng hợp/Bao-cao-Dot-3.docx", result.File.Path);

        var text = ReportFiller.AllText(result.Content);
        foreach (var code in late)
        {
            Assert.Contains(code + ". ", text, StringComparison.Ordinal);
        }

        Assert.Contains("Số liệu tính đến ngày 14/12/2026.", text, StringComparison.Ordinal);
        Assert.Contains("Thiếu nhân lực chuyên trách (Phòng Văn hóa - Xã hội).", text, StringComparison.Ordinal);
        Assert.Contains("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", text, StringComparison.Ordinal);
        Assert.Contains("Phụ lục II", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả chấm điểm, xếp loại chưa phê duyệt; số điểm và xếp loại dưới đây là tạm tính.", text,
            StringComparison.Ordinal);
        Assert.Contains("(chưa phê duyệt)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SevenDaysBeforeTheYearEndLastDay_TheUnitsAreRemindedOfTheYearEndReport()
    {
        // Tuesday 08/12/2026: 7 days before the year-end round's last day (15/12).
        await using var ward = await SyncedWard.StartAsync(WardState.Synced, new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero));
        using var session = ward.NewSession();

        var run = await session.Get<WardEscalation>().RunAsync(Catalogue, dryRun: true, CancellationToken.None);

        var items = run.Digests.SelectMany(d => d.Digest.Notifications).Select(n => n.Item.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("BC:3|VHXH", items);
        Assert.All(ReportPlanner.RequiredUnits(Catalogue, Units), unit => Assert.Contains($"BC:3|{unit}", items));
    }
}

