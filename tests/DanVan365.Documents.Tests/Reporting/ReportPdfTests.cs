using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities.Documents;
using UglyToad.PdfPig;

namespace DanVan365.Documents.Tests.Reporting;

public class ReportPdfTests
{
    // The header sits 1 cm from the top edge and the body starts at 2 cm: "top" is the first 1.6 cm (≈ 45 pt).
    private const double TopBand = 45;

    [Fact]
    public void ConvertToPdf_Sample_PageTwoNumberedAtTopCentrePageOneNot()
    {
        var pdf = LibreOffice.Convert(ReportSamples.Report, "pdf", "bao-cao.docx");
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, $"expected at least 2 pages, got {document.NumberOfPages}");

        var page1 = document.GetPage(1);
        var top1 = page1.GetWords().Where(w => w.BoundingBox.Bottom > page1.Height - TopBand).ToList();
        Assert.True(top1.Count == 0, "page 1 has text at the top: " + string.Join(' ', top1.Select(w => w.Text)));

        var page2 = document.GetPage(2);
        var top2 = page2.GetWords().Where(w => w.BoundingBox.Bottom > page2.Height - TopBand).ToList();
        var number = Assert.Single(top2);
        Assert.Equal("2", number.Text);
        Assert.InRange(number.BoundingBox.Centroid.X, (page2.Width / 2) - 30, (page2.Width / 2) + 30);

        var text = string.Join(' ', document.GetPages().Select(p => p.Text));
        Assert.Contains("BÁO", page1.Text, StringComparison.Ordinal);
        Assert.Contains("Phụ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertToPdf_Sample_LastPageLandscapeAppendixNumbered()
    {
        var pdf = LibreOffice.Convert(ReportSamples.Report, "pdf", "bao-cao.docx");
        using var document = PdfDocument.Open(pdf);
        var last = document.GetPage(document.NumberOfPages);
        Assert.True(last.Width > last.Height, "the appendix section should be landscape");
        var top = last.GetWords().Where(w => w.BoundingBox.Bottom > last.Height - TopBand).Select(w => w.Text).ToList();
        Assert.Equal([document.NumberOfPages.ToString(System.Globalization.CultureInfo.InvariantCulture)], top);
    }

    [Fact]
    public void ConvertToPdf_Template_OpensInLibreOffice()
    {
        var pdf = LibreOffice.Convert(TemplateWriter.Write(ReportSamples.Spec()), "pdf", "mau.docx");
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        Assert.Contains("3.5.a", string.Join(' ', document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }
}
