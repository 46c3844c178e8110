using DanVan365.Core.Reporting;
using DanVan365.Documents.Reporting;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

public class TemplateWriterTests
{
    [Fact]
    public void Write_Vhxh_OneRowPerTaskWithRoleAndEmptyAnswerCells()
    {
        var spec = ReportSamples.Spec("VHXH");
        using var w = new WordInspector(TemplateWriter.Write(spec));
        var table = w.Body.Descendants<Table>().Single(t => WordInspector.Text(t.Elements<TableRow>().First())
            .StartsWith(TemplateWriter.CodeHeading, StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(
            ["Mã nhiệm vụ", "Nhiệm vụ", "Vai trò", "Kết quả thực hiện", "Mức độ hoàn thành", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
            rows[0].Elements<TableCell>().Select(WordInspector.Text));
        Assert.Equal(spec.Rows.Count, rows.Count - 1);
        for (var i = 0; i < spec.Rows.Count; i++)
        {
            var cells = rows[i + 1].Elements<TableCell>().Select(WordInspector.Text).ToList();
            Assert.Equal([spec.Rows[i].Code, spec.Rows[i].Task, spec.Rows[i].Role.Label(), "", "", "", ""], cells);
        }

        Assert.Contains("phối hợp", rows.Select(r => WordInspector.Text(r.Elements<TableCell>().ElementAt(2))));
        Assert.Contains("chủ trì", rows.Select(r => WordInspector.Text(r.Elements<TableCell>().ElementAt(2))));
    }

    [Fact]
    public void Write_Vhxh_NamesUnitAndRound()
    {
        using var w = new WordInspector(TemplateWriter.Write(ReportSamples.Spec("VHXH")));
        var text = w.AllText();
        Assert.Contains("PHÒNG VĂN HÓA - XÃ HỘI", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị báo cáo: Phòng Văn hóa - Xã hội.", text, StringComparison.Ordinal);
        Assert.Contains("(lần 1)", text, StringComparison.Ordinal);
        Assert.Contains("trước ngày 15/9/2026", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành đúng hạn; Hoàn thành quá hạn; Đang thực hiện trong hạn; Đang thực hiện quá hạn", text,
            StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN", text, StringComparison.Ordinal);
        Assert.Equal("Mau-bao-cao-Dot-1-VHXH.docx", TemplateWriter.FileName(ReportSamples.Spec("VHXH")));
    }

    [Fact]
    public void Write_Spec_KeyInCustomXmlAndPropertiesNotInVisibleText()
    {
        var spec = ReportSamples.Spec("KTHTDT");
        using var w = new WordInspector(TemplateWriter.Write(spec));
        var part = Assert.Single(w.Main.CustomXmlParts);
        using var reader = new StreamReader(part.GetStream());
        var xml = reader.ReadToEnd();
        Assert.Contains("<unit>KTHTDT</unit>", xml, StringComparison.Ordinal);
        Assert.Contains($"<catalogueVersion>{spec.CatalogueVersion}</catalogueVersion>", xml, StringComparison.Ordinal);
        var props =
            w.Document.CustomFilePropertiesPart!.Properties!.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal("KTHTDT", props[TemplateWriter.UnitProperty]);
        Assert.Equal("1", props[TemplateWriter.RoundProperty]);
        Assert.Equal(spec.CatalogueVersion, props[TemplateWriter.VersionProperty]);
        Assert.DoesNotContain(spec.CatalogueVersion, w.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Spec_Nd30PageFontsAndNumbering()
    {
        using var w = new WordInspector(TemplateWriter.Write(ReportSamples.Spec()));
        var sections = w.Sections();
        Assert.Equal(11906u, sections[0].GetFirstChild<PageSize>()!.Width!.Value);
        Assert.NotNull(sections[0].GetFirstChild<TitlePage>());
        Assert.Equal(PageOrientationValues.Landscape, sections[^1].GetFirstChild<PageSize>()!.Orient!.Value);
        Assert.All(w.Body.Descendants<Run>(), r => Assert.Equal(("Times New Roman", "Times New Roman"), w.Fonts(r)));
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(w.Document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Write_SameSpec_ByteIdentical()
    {
        Assert.Equal(TemplateWriter.Write(ReportSamples.Spec()), TemplateWriter.Write(ReportSamples.Spec()));
        Assert.NotEqual(TemplateWriter.Write(ReportSamples.Spec("VP")), TemplateWriter.Write(ReportSamples.Spec()));
    }
}
