using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>
/// A plan whose tasks are numbered paragraphs (the fixture carries the bundled decision's 31 tasks) gives the decision's
/// catalogue entry by entry, from text, .docx and PDF; only the number and date are the plan's own.
/// </summary>
public class ProsePlanImporterTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly Lazy<TaskCatalogue> FromDecision = new(() => DecisionImporters.Import(TestData.DecisionTextPath, Units));

    [Fact]
    public void Import_ProsePlanText_SameEntriesAsDecision()
    {
        AssertSameAsDecision(DecisionImporters.Import(TestData.PlanProsePath, Units), "plan (text)");
    }

    [Fact]
    public void Import_ProsePlanDocx_SameEntriesAsDecision()
    {
        AssertSameAsDecision(Import(PlanForms.Docx, "kh-45.docx"), "plan (docx)");
    }

    [Fact]
    public void Import_ProsePlanPdf_SameEntriesAsDecision()
    {
        AssertSameAsDecision(Import(PlanForms.Pdf, "kh-45.pdf"), "plan (pdf)");
    }

    [Fact]
    public void Import_ProsePlanText_PlanMetadataAndGenre()
    {
        var catalogue = DecisionImporters.Import(TestData.PlanProsePath, Units);

        Assert.Equal(DocumentGenre.PlanProse, catalogue.Genre);
        Assert.Equal("45/KH-UBND", catalogue.Decision.Number);
        Assert.Equal(new DateOnly(2026, 2, 20), catalogue.Decision.Date);
        Assert.Equal(HaiAnDecision.Issuer, catalogue.Decision.Issuer);
        Assert.Equal(HaiAnDecision.Signer, catalogue.Decision.Signer);
        Assert.Equal("VHXH", catalogue.Decision.AggregatingUnit);
        Assert.Equal([new DateOnly(2026, 9, 14), new DateOnly(2026, 11, 19)], catalogue.Decision.ReportingRounds.Select(r => r.LastDay));
        Assert.Equal(DocumentGenre.DecisionTable, FromDecision.Value.Genre);
    }

    [Fact]
    public void Import_RunningForm_LeadCoordinatingAndTimeFromTheSentence()
    {
        var raw = Read(Plan(
            "1.1. Tổ chức hội nghị đối thoại với Nhân dân. Giao Văn phòng HĐND&UBND chủ trì, phối hợp với Ban Xây dựng Đảng;",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường thực hiện; thời gian hoàn thành: Quý III/2026.",
            "1.2. Rà soát thủ tục hành chính về đất đai, giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì thực hiện.",
            "- Thời gian thực hiện: Tháng 10/2026."));

        var first = raw.Entries[0];
        Assert.Equal("Tổ chức hội nghị đối thoại với Nhân dân.", first.Title);
        Assert.Equal("Văn phòng HĐND&UBND", first.LeadText);
        Assert.Equal("Ban Xây dựng Đảng; Ủy ban Mặt trận Tổ quốc Việt Nam phường", first.CoordinatingText);
        Assert.Equal("Quý III/2026", first.TimeText);
        Assert.Equal(first.Line + 1, first.TimeLine);
        var second = raw.Entries[1];
        Assert.Equal("Rà soát thủ tục hành chính về đất đai", second.Title);
        Assert.Equal("Phòng Kinh tế, Hạ tầng và Đô thị", second.LeadText);
        Assert.Equal(string.Empty, second.CoordinatingText);
        Assert.Equal("Tháng 10/2026", second.TimeText);
        Assert.Equal(second.Line + 1, second.TimeLine);
        var catalogue = CatalogueAssembler.Assemble(raw, Units);
        Assert.Equal(["VP"], catalogue.Tasks[0].Lead.Units);
        Assert.Equal(["BXDD", "MTTQ"], catalogue.Tasks[0].Coordinating.Units);
        Assert.Equal(new DateOnly(2026, 10, 31), catalogue.Tasks[1].TimeFrame!.LastDay);
    }

    [Fact]
    public void Import_TasksNumberedUnderAPart_ThePartIsTheirSection()
    {
        string[] lines =
        [
            "ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI AN", "Số: 09/KH-UBND", "Hải An, ngày 09 tháng 3 năm 2026", "KẾ HOẠCH", "Tháng dân vận",
            "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức về công tác dân vận.", "II. NHIỆM VỤ CỤ THỂ",
            "1. Tổ chức ra quân Tháng dân vận.", "Cơ quan chủ trì: Phòng Văn hóa-Xã hội", "Thời gian hoàn thành: Tháng 4/2026",
            "2. Sơ kết Tháng dân vận; giao Văn phòng HĐND&UBND chủ trì thực hiện; thời gian: Tháng 5/2026.",
            "III. TỔ CHỨC THỰC HIỆN", "1. Giao Phòng Văn hóa - Xã hội theo dõi, đôn đốc, tổng hợp, báo cáo Ủy ban nhân dân phường.",
            "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A",
        ];

        var catalogue = CatalogueAssembler.Assemble(Read(lines), Units);

        Assert.Equal([("II", "NHIỆM VỤ CỤ THỂ")], catalogue.Sections.Select(s => (s.Code, s.Title)));
        Assert.Equal([("II.1", "II", "VHXH"), ("II.2", "II", "VP")], catalogue.Tasks.Select(t => (t.Code, t.Section, t.Lead.Units[0])));
        Assert.Equal("Sơ kết Tháng dân vận", catalogue.Tasks[1].Title);
        Assert.Equal("VHXH", catalogue.Decision.AggregatingUnit);
        Assert.Empty(catalogue.Decision.ReportingRounds);
    }

    [Fact]
    public void Import_AppendixPlanAgreeing_TableIsTheCatalogue()
    {
        var catalogue = DecisionImporters.Import(TestData.PlanAppendixPath, Units);

        Assert.Equal(DocumentGenre.PlanAppendixTable, catalogue.Genre);
        Assert.Equal("52/KH-UBND", catalogue.Decision.Number);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], catalogue.Tasks.Select(t => t.Code));
        var decision = FromDecision.Value.Tasks.Where(t => t.Code is "2.1" or "2.2" or "2.3" or "2.4").ToList();
        for (var i = 0; i < decision.Count; i++)
        {
            var (want, got) = (decision[i], catalogue.Tasks[i]);
            Assert.Equal((want.Title, want.Lead.Text, want.Coordinating.Text, want.TimeFrame),
                (got.Title, got.Lead.Text, got.Coordinating.Text, got.TimeFrame));
        }
    }

    [Fact]
    public void Import_AppendixPlanDisagreeing_RefusedAtTheProseLine()
    {
        var lines = File.ReadAllLines(TestData.PlanAppendixPath);
        var at = Array.FindIndex(lines, l => l.Contains("thời gian: Quý I/2026.", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("Quý I/2026", "Quý II/2026", StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidInputException>(() => Import(Bytes(lines), "kh-52.txt"));

        Assert.Equal(at + 1, ex.Line);
        Assert.StartsWith($"kh-52.txt:{at + 1}: task 1.4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"Quý II/2026\" but its appendix table", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("không khớp", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_AppendixPlanDocx_TableIsTheCatalogue()
    {
        var catalogue = Import(PlanForms.AppendixDocx(), "kh-52.docx");

        Assert.Equal(DocumentGenre.PlanAppendixTable, catalogue.Genre);
        Assert.Equal("52/KH-UBND", catalogue.Decision.Number);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], catalogue.Tasks.Select(t => t.Code));
        Assert.Equal(["KTHTDT"], catalogue.Tasks[1].Lead.Units);
    }

    [Fact]
    public void Import_AppendixPlanDocxDisagreeing_RefusedAtTheParagraph()
    {
        var docx = PlanForms.AppendixDocx(l => l.Replace("- Cơ quan chủ trì: Phòng Kinh tế, Hạ tầng và Đô thị.",
            "- Cơ quan chủ trì: Phòng Văn hóa-Xã hội.", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => Import(docx, "kh-52.docx"));

        Assert.Contains("task 1.2: the plan's text gives the lead unit \"Phòng Văn hóa-Xã hội\" but its appendix table", ex.Reason,
            StringComparison.Ordinal);
        Assert.Contains("paragraph's number in the Word document", ex.Reason, StringComparison.Ordinal);
        Assert.True(ex.Line > 10, ex.Message);
    }

    internal static string[] Plan(params string[] tasks) =>
    [
        "ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI AN", "Số: 07/KH-UBND", "Hải An, ngày 02 tháng 3 năm 2026", string.Empty, "KẾ HOẠCH",
        "Tổ chức đối thoại năm 2026", string.Empty, "I. NHIỆM VỤ", "1. CÁC NHIỆM VỤ VỀ ĐỐI THOẠI", .. tasks, string.Empty,
        "II. TỔ CHỨC THỰC HIỆN",
        "Báo cáo kết quả về Ủy ban nhân dân phường (qua Phòng Văn hóa - Xã hội tổng hợp) lần 1 trước ngày 15/9/2026.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A",
    ];

    internal static byte[] Bytes(IEnumerable<string> lines) => System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines));

    private static RawCatalogue Read(string[] lines)
    {
        using var stream = new MemoryStream(Bytes(lines));
        return TextDecisionImporter.Read(stream, "kh-07.txt", Units);
    }

    private static TaskCatalogue Import(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return DecisionImporters.Import(stream, name, Units);
    }

    // The plan carries the decision's tasks, sections, footnote, issuer, signer, rounds and aggregating unit; its number and date
    // are its own (45/KH-UBND of 20/02/2026, not 673/QĐ-UBND of 12/02/2026), so those two are compared separately.
    private static void AssertSameAsDecision(TaskCatalogue plan, string form)
    {
        Assert.Equal(("45/KH-UBND", new DateOnly(2026, 2, 20)), (plan.Decision.Number, plan.Decision.Date));
        var expected = FromDecision.Value with
        {
            Decision = FromDecision.Value.Decision with { Number = plan.Decision.Number, Date = plan.Decision.Date },
        };
        DecisionForms.AssertSameEntries(expected, plan, form);
        Assert.Equal(DocumentGenre.PlanProse, plan.Genre);
    }
}
