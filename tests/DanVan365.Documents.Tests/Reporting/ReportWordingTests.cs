using System.Text.RegularExpressions;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Builders;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

/// <summary>The compiled report reads like one a clerk compiled (issue 23): opened from the produced .docx.</summary>
public partial class ReportWordingTests
{
    private const string Funding = "Kinh phí và nhân lực còn hạn chế.";

    private static WordInspector Open(CompiledReport report) => new(ReportWriter.Write(report));

    private static CompiledReport Compile(IEnumerable<Submission> submissions, DateOnly? date = null, WardIdentity? ward = null) =>
        ReportCompiler.Compile(ReportSamples.Catalogue, new Dictionary<string, StatusCategory>(), submissions,
            ReportCatalogueBuilder.SampleUnits(), ReportSamples.Round1, date ?? ReportSamples.Date, ward);

    private static SubmissionRow Row(string code, string difficulties) => new(code, "Đã thực hiện.", null, difficulties, string.Empty);

    [Fact]
    public void Write_RepeatedDifficulty_StatedOnceNamingItsUnitsAndTasks()
    {
        var vhxh = new Submission("VHXH", 1, "v", [Row("1.1", Funding), Row("2.3", Funding), Row("3.5.a", Funding)]);
        var kthtdt = new Submission("KTHTDT", 1, "v", [Row("1.1", "kinh phí và nhân lực còn hạn chế"), Row("2.2", Funding)]);

        using var w = Open(Compile([vhxh, kthtdt]));

        var paragraphs = w.Body.Descendants<Paragraph>().Select(WordInspector.Text)
            .Where(t => t.Contains("nhân lực còn hạn chế", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(
            ["- Kinh phí và nhân lực còn hạn chế (Phòng Văn hóa - Xã hội: nhiệm vụ 1.1, 2.3, 3.5.a; Phòng Kinh tế, Hạ tầng và Đô thị: " +
                "nhiệm vụ 1.1, 2.2)."],
            paragraphs);
    }

    [Fact]
    public void Write_CompiledBeforeTheLastDay_StatesTheCompileDayAsCutOff()
    {
        using var w = Open(Compile([]));
        Assert.Contains("Số liệu tính đến ngày 05/09/2026.", w.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CompiledAfterTheLastDay_StatesTheRoundsLastDayAsCutOff()
    {
        using var w = Open(Compile([], new DateOnly(2026, 9, 15)));
        var text = w.AllText();
        Assert.Contains("Số liệu tính đến ngày 14/09/2026.", text, StringComparison.Ordinal);
        Assert.Contains("Hải An, ngày 15 tháng 9 năm 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Sample_IntroNamesTheDecisionAndStatesTheRoundOnce()
    {
        using var w = new WordInspector(ReportSamples.Report);
        var intro = w.FindStarting("Thực hiện Quyết định số");
        Assert.Equal(
            "Thực hiện Quyết định số 673/QĐ-UBND ngày 12/02/2026 của Ủy ban nhân dân phường Hải An về việc ban hành Danh mục nhiệm " +
            "vụ thực hiện công tác dân vận năm 2026; trên cơ sở báo cáo của các cơ quan, đơn vị (báo cáo lần 1 trước ngày 15/9/2026), " +
            "Ủy ban nhân dân phường Hải An báo cáo kết quả như sau:",
            WordInspector.Text(intro));
    }

    [Fact]
    public void Write_OtherWardsConfiguration_HeadingRecipientsAndSignerFollowIt()
    {
        var decision = ReportSamples.Catalogue.Decision with
        {
            Issuer = "Ủy ban nhân dân xã Kiến Thụy",
            Signer = "Trần Văn Minh",
            Recipients = ["Như Điều 3", "Các phòng chuyên môn", "Lưu: VT, VP"],
        };
        var options = new ReportOptions
        {
            Recipients = ["Ban Dân vận Thành ủy", "Sở Nội vụ thành phố", "TT Đảng ủy, TT HĐND xã"],
            Signer = "Lê Thị Hoa",
            SignerCapacity = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            Filing = "VH-XH",
        };
        var ward = WardIdentity.From(decision, "Xã Kiến Thụy", options);

        using var w = Open(Compile(ReportSamples.Submissions, ward: ward) with { Decision = decision });

        var text = w.AllText();
        Assert.Contains("XÃ KIẾN THỤY", text, StringComparison.Ordinal);
        Assert.Contains("Kiến Thụy, ngày 05 tháng 9 năm 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hải An", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bùi Quang Ngân", text, StringComparison.Ordinal);
        var cell = w.Find("Nơi nhận:").Ancestors<TableCell>().Single();
        Assert.Equal(["Nơi nhận:", "- Ban Dân vận Thành ủy;", "- Sở Nội vụ thành phố;", "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT, VH-XH."],
            cell.Elements<Paragraph>().Select(WordInspector.Text));
        var signature = cell.Parent!.Elements<TableCell>().Last().Elements<Paragraph>().Select(WordInspector.Text);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Hoa"], signature);
    }

    [Fact]
    public void Write_Sample_RecipientsFromTheDecisionWithoutItsOwnAddressees()
    {
        using var w = new WordInspector(ReportSamples.Report);
        var cell = w.Find("Nơi nhận:").Ancestors<TableCell>().Single();
        var lines = cell.Elements<Paragraph>().Select(WordInspector.Text).ToList();
        Assert.Equal("- TTĐU, TT HĐND phường;", lines[1]);
        Assert.DoesNotContain(lines, l => l.Contains("Như Điều", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("- Lưu", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Sample_RequestedUnitsResultsApartUnderTheirHeading()
    {
        using var w = new WordInspector(ReportSamples.Report);
        var heading = w.Find("Các cơ quan, tổ chức phối hợp");
        Assert.All(WordInspector.TextRuns(heading), r => Assert.True(w.Bold(r)));
        var text = w.AllText();
        var apart = text.IndexOf("Các cơ quan, tổ chức phối hợp\nTheo đề nghị", StringComparison.Ordinal);
        var figures = text.IndexOf("II. ĐÁNH GIÁ CHUNG", StringComparison.Ordinal);
        var bxdd = text.IndexOf("BXDD đã triển khai nhiệm vụ 1.2", StringComparison.Ordinal);
        Assert.True(apart > 0 && bxdd > apart && figures > bxdd, $"apart {apart}, BXDD {bxdd}, part II {figures}");
        Assert.Equal(1, Regex.Count(text, "BXDD đã triển khai nhiệm vụ 1.2"));
        Assert.Contains("- Ban Xây dựng Đảng đã báo cáo kết quả phối hợp (nêu tại mục Các cơ quan, tổ chức phối hợp).", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Sample_AppendixFirstColumnIsTT()
    {
        using var w = new WordInspector(ReportSamples.Report);
        var table = w.Body.Elements<Table>().Last();
        Assert.Equal("TT", WordInspector.Text(table.Elements<TableRow>().First().Elements<TableCell>().First()));
    }

    [Fact]
    public void Write_Sample_NoEnglishWordsAndEverySentenceStartsUpperCase()
    {
        using var w = new WordInspector(ReportSamples.Report);
        Assert.DoesNotMatch(EnglishWords(), w.AllText());
        foreach (var paragraph in w.Body.Descendants<Paragraph>().Select(WordInspector.Text).Where(t => t.Length > 0))
        {
            var first = paragraph.TrimStart('-', '+', ' ', '(').FirstOrDefault(char.IsLetterOrDigit);
            Assert.True(first == default || !char.IsLower(first), $"starts in lower case: \"{paragraph}\"");
        }
    }

    [GeneratedRegex(@"\b(compile|rows?|round|tasks?|units?|report|status|null|none|true|false|deadline)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();
}
