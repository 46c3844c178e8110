using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Builders;
using DanVan365.TestUtilities.Documents;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace DanVan365.Documents.Tests.Reporting;

/// <summary>The year-end round's template (general part, self score) and its compiled report (lessons, directions, scoring).</summary>
public class YearEndDocumentsTests
{
    private static readonly ReportRound YearEnd = ReportRound.YearEndOf(ReportSamples.Catalogue.Decision, new YearEndOptions(), 3);

    private static UnitTemplateSpec Spec(string unit) =>
        ReportPlanner.TemplateFor(ReportSamples.Catalogue, ReportCatalogueBuilder.SampleUnits(), YearEnd, unit);

    private static List<string> GeneralLabels(byte[] docx)
    {
        using var w = new WordInspector(docx);
        var table = w.Body.Descendants<Table>().Single(t => WordInspector.Text(t.Elements<TableRow>().First())
            .StartsWith(YearEndReviews.Heading, StringComparison.Ordinal));
        return [.. table.Elements<TableRow>().Skip(1).Select(r => WordInspector.Text(r.Elements<TableCell>().First()))];
    }

    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["Ưu điểm"] = "Chủ động tham mưu kịp thời.\nPhối hợp chặt chẽ với Mặt trận.",
        ["Hạn chế"] = "Một số nhiệm vụ còn chậm.",
        ["Nguyên nhân"] = "Thiếu nhân lực.",
        ["Phương hướng"] = "Tiếp tục thực hiện dân chủ ở cơ sở.",
        ["Tự chấm điểm"] = "88,5",
        ["Ghi chú tự chấm điểm"] = "Hoàn thành các nhiệm vụ chủ trì.",
    };

    [Fact]
    public void Write_YearEndAssignedUnit_EveryWorkItemAndTheGeneralPartWithSelfScore()
    {
        var spec = Spec("VHXH");
        var bytes = TemplateWriter.Write(spec);

        Assert.Equal(["Ưu điểm", "Hạn chế", "Nguyên nhân", "Phương hướng, nhiệm vụ năm 2027", YearEndReviews.SelfScoreLabel,
            YearEndReviews.SelfScoreNoteLabel], GeneralLabels(bytes));
        Assert.Equal(ReportSamples.Catalogue.WorkItems.Count(t => ReportPlanner.RoleOf(t, "VHXH") is not null), spec.Rows.Count);
        var text = DanVan365.TestUtilities.Reporting.ReportFiller.AllText(bytes);
        Assert.Contains("lần 3 (tổng kết năm 2026) trước ngày 16/12/2026", text, StringComparison.Ordinal);
        Assert.Contains("Tổng kết công tác dân vận năm 2026 và phương hướng, nhiệm vụ năm 2027", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_YearEndRequestedUnit_NoSelfScore()
    {
        Assert.Equal(["Ưu điểm", "Hạn chế", "Nguyên nhân", "Phương hướng, nhiệm vụ năm 2027"],
            GeneralLabels(TemplateWriter.Write(Spec("BXDD"))));
    }

    [Fact]
    public void Parse_FilledYearEndTemplate_RowsAndReviewWithSelfScore()
    {
        var template = TemplateWriter.Write(Spec("VHXH"));
        var filled = DanVan365.Documents.Reporting.TemplateFiller.FillReview(DanVan365.TestUtilities.Reporting.ReportFiller.Fill(template,
            new Dictionary<string, FilledRow> { ["2.3"] = new("Đã hoàn thành.", "Hoàn thành đúng hạn") }), Answers);

        var result = SubmissionParser.Parse(filled, ReportSamples.Catalogue);

        Assert.True(result.IsAccepted, result.Summary);
        var submission = result.Submission!;
        Assert.Equal((3, "2.3"), (submission.Round, Assert.Single(submission.Rows).Code));
        Assert.Equal(new YearEndReview("Chủ động tham mưu kịp thời.\nPhối hợp chặt chẽ với Mặt trận.", "Một số nhiệm vụ còn chậm.",
            "Thiếu nhân lực.", "Tiếp tục thực hiện dân chủ ở cơ sở.", new SelfScore(88.5, "Hoàn thành các nhiệm vụ chủ trì.")),
            submission.Review);
    }

    [Fact]
    public void Parse_BadSelfScore_RefusedWithTheReason()
    {
        var filled = DanVan365.Documents.Reporting.TemplateFiller.FillReview(TemplateWriter.Write(Spec("VHXH")),
            new Dictionary<string, string> { ["Tự chấm điểm"] = "khá" });

        var result = SubmissionParser.Parse(filled, ReportSamples.Catalogue);

        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionKind.BadSelfScore, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void Parse_RoundOneTemplate_NoReview()
    {
        var filled = DanVan365.TestUtilities.Reporting.ReportFiller.Fill(TemplateWriter.Write(ReportSamples.Spec("VHXH")),
            new Dictionary<string, FilledRow> { ["2.3"] = new("Đã hoàn thành.") });

        var result = SubmissionParser.Parse(filled, ReportSamples.Catalogue);

        Assert.True(result.IsAccepted, result.Summary);
        Assert.Null(result.Submission!.Review);
    }

    private static CompiledReport YearEndReport(IReadOnlyList<ScoreBoardRow>? scores)
    {
        var units = ReportCatalogueBuilder.SampleUnits();
        var submissions = new[] { "VHXH", "VP" }.Select(u => ReportCatalogueBuilder.SampleSubmission(ReportSamples.Catalogue, u, 3) with
        {
            Review = new YearEndReview("Chủ động tham mưu kịp thời.", "Một số nhiệm vụ còn chậm.", "Thiếu nhân lực.",
                $"Đẩy mạnh chuyển đổi số ({u}).", null),
        }).ToList();
        var report = ReportCompiler.Compile(ReportSamples.Catalogue, new Dictionary<string, StatusCategory>(), submissions, units, YearEnd,
            new DateOnly(2026, 12, 16));
        return report with { YearEnd = YearEndCompiler.Summarize(report, ReportSamples.Catalogue, submissions, units, scores) };
    }

    [Fact]
    public void WriteReport_YearEnd_LessonsDirectionsAndTheScoringAppendixNotYetApproved()
    {
        IReadOnlyList<ScoreBoardRow> scores =
        [
            ScoreBoardBuilder.Graded("VHXH", "Phòng Văn hóa - Xã hội", 92, 95, 93, ScoreReviewState.Approved, ScoreGrade.Excellent),
            ScoreBoardBuilder.Graded("VP", "Văn phòng HĐND và UBND phường", 80.5, null, null, ScoreReviewState.NotProposed,
                ScoreGrade.Good),
            ScoreBoardBuilder.Requested("BXDD", "Ban Xây dựng Đảng"),
        ];

        var text = DanVan365.TestUtilities.Reporting.ReportFiller.AllText(ReportWriter.Write(YearEndReport(scores)));

        Assert.Contains("TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2026", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("Kết quả thực hiện theo đơn vị (nhiệm vụ chủ trì)", text, StringComparison.Ordinal);
        Assert.Contains("- Chủ động tham mưu kịp thời (Văn phòng HĐND và UBND phường; Phòng Văn hóa - Xã hội).", text,
            StringComparison.Ordinal);
        Assert.Contains("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", text, StringComparison.Ordinal);
        Assert.Contains("- Đẩy mạnh chuyển đổi số (VHXH) (Phòng Văn hóa - Xã hội).", text, StringComparison.Ordinal);
        Assert.Contains("Phụ lục II", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả chấm điểm, xếp loại chưa phê duyệt", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành tốt nhiệm vụ (chưa phê duyệt)", text, StringComparison.Ordinal);
        Assert.Contains("Không xếp loại (đơn vị phối hợp)", text, StringComparison.Ordinal);
        Assert.Contains("80,5", text, StringComparison.Ordinal);
        Assert.Contains("Trên đây là báo cáo tổng kết công tác dân vận năm 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteReport_YearEndWithoutScoring_AppendixSaysNotYetAvailable()
    {
        var text = DanVan365.TestUtilities.Reporting.ReportFiller.AllText(ReportWriter.Write(YearEndReport(null)));

        Assert.Contains("Chưa có kết quả chấm điểm, xếp loại các đơn vị.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertToPdf_YearEnd_OpensInLibreOfficeWithTheScoringAppendix()
    {
        var report = YearEndReport([ScoreBoardBuilder.Graded("VHXH", "Phòng Văn hóa - Xã hội", 92, 95, 93, ScoreReviewState.Approved,
            ScoreGrade.Excellent)]);

        var pdf = LibreOffice.Convert(ReportWriter.Write(report), "pdf", "tong-ket.docx");

        using var document = PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPages().Select(p => p.Text));
        Assert.Contains("Phụ lục II", text.Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(document.GetPage(document.NumberOfPages).Width > document.GetPage(document.NumberOfPages).Height);
    }
}
