using System.IO.Compression;
using System.Text;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Builders;
using DanVan365.TestUtilities.Documents;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

public class SubmissionParserTests
{
    private static readonly byte[] Template = TemplateWriter.Write(ReportSamples.Spec("VHXH"));

    private static SubmissionParseResult Parse(byte[] file, SubmissionExpectation? expectation = null,
        SubmissionParserLimits? limits = null) =>
        SubmissionParser.Parse(file, ReportSamples.Catalogue, expectation ?? new SubmissionExpectation("VHXH", 1), limits);

    private static byte[] Filled(bool nfd = false) => TemplateFiller.Fill(Template, new Dictionary<string, CellInput[]>
    {
        ["2.3"] = [new CellInput(["Đã ban hành Kế hoạch số 12/KH-UBND.", "Tổ chức 3 lớp tập huấn chuyển đổi số."]),
            "Đang thực hiện trong hạn", "Thiếu thiết bị.", "Đề nghị cấp kinh phí."],
        ["2.4"] = [new CellInput(["Khảo sát 5 tổ dân phố", "Lấy ý kiến Nhân dân"], AsListItems: true), "hoàn thành ĐÚNG HẠN", "", ""],
        ["3.5.a"] = ["• Xây dựng kế hoạch\n– Triển khai tới các tổ dân phố", "Hoàn thành quá hạn", "", "Đề nghị hướng dẫn thêm."],
    }, nfd);

    [Fact]
    public void Parse_FilledTemplate_RoundTrip()
    {
        var result = Parse(Filled());
        Assert.True(result.IsAccepted, result.Summary);
        var s = result.Submission!;
        Assert.Equal(("VHXH", 1, CatalogueVersion.Compute(ReportSamples.Catalogue)), (s.UnitCode, s.Round, s.CatalogueVersion));
        Assert.Equal(["2.3", "2.4", "3.5.a"], s.Rows.Select(r => r.Code));
        var r23 = s.Rows[0];
        Assert.Equal("Đã ban hành Kế hoạch số 12/KH-UBND.\nTổ chức 3 lớp tập huấn chuyển đổi số.", r23.Result);
        Assert.Equal(StatusCategory.InProgressOnTime, r23.Status);
        Assert.Equal("Thiếu thiết bị.", r23.Difficulties);
        Assert.Equal("Đề nghị cấp kinh phí.", r23.Proposals);
        Assert.Equal("- Khảo sát 5 tổ dân phố\n- Lấy ý kiến Nhân dân", s.Rows[1].Result);
        Assert.Equal(StatusCategory.CompletedOnTime, s.Rows[1].Status);
        Assert.Equal("- Xây dựng kế hoạch\n- Triển khai tới các tổ dân phố", s.Rows[2].Result);
        Assert.Equal(StatusCategory.CompletedLate, s.Rows[2].Status);
    }

    [Fact]
    public void Parse_NfdTypedTemplate_SameAsNfc()
    {
        var nfd = Parse(Filled(nfd: true));
        var nfc = Parse(Filled());
        Assert.True(nfd.IsAccepted, nfd.Summary);
        Assert.Equal(nfc.Submission!.Rows, nfd.Submission!.Rows);
        Assert.All(nfd.Submission.Rows, r => Assert.True(r.Result.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void Parse_EmptyTemplate_AcceptedWithNoRows()
    {
        var result = Parse(Template);
        Assert.True(result.IsAccepted);
        Assert.Empty(result.Submission!.Rows);
    }

    [Fact]
    public void Parse_KeyOnlyInDocumentProperties_StillRecognised()
    {
        var file = TemplateFiller.Edit(Filled(), doc => doc.MainDocumentPart!.DeleteParts(doc.MainDocumentPart.CustomXmlParts.ToList()));
        var result = Parse(file);
        Assert.True(result.IsAccepted, result.Summary);
    }

    [Fact]
    public void Parse_PlainWordFile_NotATemplate()
    {
        var file = TemplateFiller.Edit(Filled(), doc =>
        {
            doc.MainDocumentPart!.DeleteParts(doc.MainDocumentPart.CustomXmlParts.ToList());
            doc.DeletePart(doc.CustomFilePropertiesPart!);
        });
        var result = Parse(file);
        Assert.Equal(RejectionKind.NotATemplate, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void Parse_TableRemoved_NotATemplate()
    {
        var file = TemplateFiller.Edit(Template, doc =>
        {
            foreach (var t in doc.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList())
            {
                t.Remove();
            }
        });
        var result = Parse(file);
        Assert.Equal(RejectionKind.NotATemplate, Assert.Single(result.Rejections).Kind);
        Assert.NotNull(result.Key);
    }

    [Fact]
    public void Parse_OtherUnitsTemplate_WrongUnit()
    {
        var result = Parse(Filled(), new SubmissionExpectation("KTHTDT", 1));
        Assert.Equal(RejectionKind.WrongUnit, Assert.Single(result.Rejections).Kind);
        Assert.Equal("VHXH", result.Key!.UnitCode);
    }

    [Fact]
    public void Parse_OtherRoundsTemplate_WrongRound()
    {
        var result = Parse(Filled(), new SubmissionExpectation("VHXH", 2));
        Assert.Equal(RejectionKind.WrongRound, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void Parse_UnknownTaskCode_Rejected()
    {
        var file = TemplateFiller.ChangeCode(Filled(), "2.3", "2.9");
        var reason = Assert.Single(Parse(file).Rejections);
        Assert.Equal(RejectionKind.UnknownTaskCode, reason.Kind);
        Assert.Equal("2.9", reason.TaskCode);
    }

    [Fact]
    public void Parse_UnknownCompletionWord_Rejected()
    {
        var file = TemplateFiller.Fill(Template, new Dictionary<string, CellInput[]> { ["2.3"] = ["Đã làm", "Gần xong"] });
        var reason = Assert.Single(Parse(file).Rejections);
        Assert.Equal(RejectionKind.UnknownCompletionWord, reason.Kind);
        Assert.Contains("Gần xong", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CellOverLimit_TextTooLong()
    {
        var file = TemplateFiller.Fill(Template, new Dictionary<string, CellInput[]> { ["2.3"] = [new string('a', 4001)] });
        Assert.Equal(RejectionKind.TextTooLong, Assert.Single(Parse(file).Rejections).Kind);
    }

    [Fact]
    public void Parse_RandomBytes_CorruptFile()
    {
        var bytes = Encoding.UTF8.GetBytes("Đây không phải tệp Word. " + new string('x', 500));
        Assert.Equal(RejectionKind.CorruptFile, Assert.Single(Parse(bytes).Rejections).Kind);
    }

    [Fact]
    public void Parse_TruncatedDocx_CorruptFile()
    {
        var filled = Filled();
        Assert.Equal(RejectionKind.CorruptFile, Assert.Single(Parse(filled[..(filled.Length / 2)]).Rejections).Kind);
    }

    [Fact]
    public void Parse_ZipWithoutWordParts_RejectedNotAccepted()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            w.Write("xin chào");
        }

        var result = Parse(ms.ToArray());
        Assert.False(result.IsAccepted);
        Assert.Contains(Assert.Single(result.Rejections).Kind, new[] { RejectionKind.CorruptFile, RejectionKind.NotATemplate });
    }

    [Fact]
    public void Parse_OverTenMegabytes_FileTooLarge()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        Assert.Equal(RejectionKind.FileTooLarge, Assert.Single(Parse(big).Rejections).Kind);
        using var stream = new MemoryStream(big);
        Assert.Equal(RejectionKind.FileTooLarge, Assert.Single(SubmissionParser.Parse(stream, ReportSamples.Catalogue).Rejections).Kind);
    }

    [Fact]
    public void Parse_ZipBomb_RejectedBeforeOpening()
    {
        // A real template plus an 80 MB entry of zeros that compresses to ~80 KB.
        var file = AddEntry(Template, "word/media/bomb.bin", 80L * 1024 * 1024);
        Assert.True(file.Length < 10 * 1024 * 1024);
        Assert.Equal(RejectionKind.ZipBomb, Assert.Single(Parse(file).Rejections).Kind);
    }

    [Fact]
    public void Parse_HighRatioEntryUnderTotalLimit_ZipBomb()
    {
        var file = AddEntry(Template, "word/media/zeros.bin", 20L * 1024 * 1024);
        Assert.Equal(RejectionKind.ZipBomb, Assert.Single(Parse(file).Rejections).Kind);
    }

    [Fact]
    public void Parse_FilledStream_SameAsBytes()
    {
        using var stream = new MemoryStream(Filled());
        var result = SubmissionParser.Parse(stream, ReportSamples.Catalogue, new SubmissionExpectation("VHXH", 1));
        Assert.Equal(Parse(Filled()).Submission!.Rows, result.Submission!.Rows);
    }

    [Fact]
    public void Parse_SavedAgainByLibreOffice_KeyAndAnswersSurvive()
    {
        var resaved = LibreOffice.Convert(Filled(), "docx", "nop.docx");
        var result = Parse(resaved);
        Assert.True(result.IsAccepted, result.Summary);
        Assert.Equal(Parse(Filled()).Submission!.Rows, result.Submission!.Rows);
    }

    [Fact]
    public void RoundTrip_TemplatesFilledSubmittedCompiled_ResultsInReport()
    {
        var catalogue = ReportSamples.Catalogue;
        var units = ReportCatalogueBuilder.SampleUnits();
        var submissions = new List<Submission>();
        foreach (var spec in ReportPlanner.Templates(catalogue, units, ReportSamples.Round1).Where(s => s.UnitCode != "MTTQ"))
        {
            var answers = spec.Rows.ToDictionary(
                r => r.Code,
                r => new CellInput[] { $"{spec.UnitCode} báo cáo nhiệm vụ {r.Code}.\nĐã hoàn thành các bước.", "Hoàn thành đúng hạn",
                    $"Khó khăn của {spec.UnitCode} ở {r.Code}", "" });
            var parsed = SubmissionParser.Parse(TemplateFiller.Fill(TemplateWriter.Write(spec), answers, nfd: spec.UnitCode == "VP"),
                catalogue, new SubmissionExpectation(spec.UnitCode, 1, CatalogueVersion.Compute(catalogue)));
            Assert.True(parsed.IsAccepted, parsed.Summary);
            submissions.Add(parsed.Submission!);
        }

        var report = ReportCompiler.Compile(catalogue, new Dictionary<string, StatusCategory>(), submissions, units, ReportSamples.Round1,
            ReportSamples.Date);
        // The Front is requested, not required: its missing report is not counted; the Party body's (also requested) is welcome.
        Assert.Empty(report.Figures.MissingUnits);
        Assert.Equal(["Ban Xây dựng Đảng"], report.Figures.OptionalReported.Select(u => u.Name));
        using var w = new WordInspector(ReportWriter.Write(report));
        var text = w.AllText();
        foreach (var row in submissions.SelectMany(s => s.Rows))
        {
            Assert.Contains(row.Result.Split('\n')[0], text, StringComparison.Ordinal);
            Assert.Contains(row.Difficulties, text, StringComparison.Ordinal);
        }
    }

    private static byte[] AddEntry(byte[] docx, string name, long zeros)
    {
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (long i = 0; i < zeros; i += block.Length)
            {
                stream.Write(block);
            }
        }

        return ms.ToArray();
    }
}
