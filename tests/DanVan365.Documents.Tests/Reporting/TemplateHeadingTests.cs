using DanVan365.Core.Reporting;
using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Builders;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

/// <summary>Unit templates as the decision sees units: the committee assigns its offices and requests everyone else.</summary>
public class TemplateHeadingTests
{
    private static WordInspector Open(string unit) => new(TemplateWriter.Write(ReportSamples.Spec(unit)));

    private static IReadOnlyList<string> HeaderColumn(WordInspector w, int column) =>
        w.Body.Elements<Table>().First().Elements<TableRow>()
            .Select(r => WordInspector.Text(r.Elements<TableCell>().ElementAt(column))).ToList();

    [Fact]
    public void Write_AssignedUnit_CommitteeAboveTheUnitAndNumberWithItsAbbreviation()
    {
        using var w = Open("VHXH");
        var left = HeaderColumn(w, 0);
        Assert.Equal(["ỦY BAN NHÂN DÂN PHƯỜNG HẢI ANPHÒNG VĂN HÓA - XÃ HỘI", "Số:      /BC-VHXH"], left);
        var text = w.AllText();
        Assert.Contains("Đợt báo cáo: lần 1 trước ngày 15/9/2026.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hạn gửi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("đề nghị", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RequestedPartyBody_OwnHeadingPartyMottoAndTheCommitteesRequest()
    {
        using var w = Open("BXDD");
        var left = HeaderColumn(w, 0);
        Assert.Equal(["BAN XÂY DỰNG ĐẢNG", "Số      -BC/BXDD"], left);
        Assert.StartsWith(Nd30Blocks.PartyMotto, HeaderColumn(w, 1)[0], StringComparison.Ordinal);
        var text = w.AllText();
        Assert.DoesNotContain("ỦY BAN NHÂN DÂN PHƯỜNG", text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Hải An đề nghị Ban Xây dựng Đảng phối hợp báo cáo kết quả thực hiện các nhiệm vụ có liên " +
            "quan trong Danh mục ban hành kèm theo Quyết định số 673/QĐ-UBND ngày 12/02/2026 của Ủy ban nhân dân phường Hải An.", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RequestedFront_OwnHeadingUnderTheNationalMotto()
    {
        using var w = Open("MTTQ");
        Assert.Equal("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM PHƯỜNG", HeaderColumn(w, 0)[0]);
        Assert.StartsWith(Nd30Blocks.Motto1, HeaderColumn(w, 1)[0], StringComparison.Ordinal);
        Assert.DoesNotContain("ỦY BAN NHÂN DÂN PHƯỜNG", w.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_RequestedAndAssignedUnits_FollowTheDirectory()
    {
        Assert.False(ReportSamples.Spec("VHXH").Requested);
        Assert.True(ReportSamples.Spec("BXDD").Requested);
        Assert.True(ReportSamples.Spec("MTTQ").Requested);
        Assert.Equal("VHXH", ReportSamples.Spec("VHXH").Abbreviation);
    }

    [Fact]
    public void Write_OtherWard_CommitteeHeadingFollowsIt()
    {
        var ward = WardIdentity.From(ReportCatalogueBuilder.HaiAnDecision() with { Issuer = "Ủy ban nhân dân xã Kiến Thụy" });
        using var w = new WordInspector(TemplateWriter.Write(ReportSamples.Spec("VHXH"), ward));
        Assert.StartsWith("ỦY BAN NHÂN DÂN XÃ KIẾN THỤY", HeaderColumn(w, 0)[0], StringComparison.Ordinal);
        Assert.Contains("Kiến Thụy, ngày", w.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hải An", w.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VHXH")]
    [InlineData("BXDD")]
    public void Write_Template_NoEnglishWordsNoRepeatedDeadlineEverySentenceUpperCase(string unit)
    {
        using var w = Open(unit);
        var text = w.AllText();
        Assert.DoesNotMatch(@"\b(round|rows?|units?|tasks?|report|deadline|status)\b", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "15/9/2026"));
        // Sentences, not the table's values (a role cell says "chủ trì").
        foreach (var paragraph in w.Body.Elements<Paragraph>().Select(WordInspector.Text).Where(t => t.Length > 0))
        {
            var first = paragraph.FirstOrDefault(char.IsLetter);
            Assert.True(first == default || !char.IsLower(first), $"starts in lower case: \"{paragraph}\"");
        }
    }
}
