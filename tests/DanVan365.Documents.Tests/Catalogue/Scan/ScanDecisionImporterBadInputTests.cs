using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Documents.Scans;
using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Scans that cannot be a decision are refused with a clear message, and no work folder is left behind.</summary>
public sealed class ScanDecisionImporterBadInputTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_BlankPage_SaysBlank()
    {
        var ex = Refused(MadeScans.Encode(MadeImage.White(1240, 1754), SKEncodedImageFormat.Png), "trang.png");

        Assert.Contains("blank", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("trang trắng", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PageWithoutTable_SaysNoTable()
    {
        var ex = Refused(MadeScans.Encode(MadeScans.TextOnly(), SKEncodedImageFormat.Jpeg), "van-ban.jpg");

        Assert.Contains("no catalogue table", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy bảng", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoHundredPageTiff_RefusedBeforeAnyOcr()
    {
        var pages = Enumerable.Range(0, 200).Select(_ => MadeImage.White(20, 20)).ToList();

        var ex = Refused(MadeScans.Tiff(pages), "quet.tif", new ScanOptions { Tesseract = "/khong-co/tesseract" });

        Assert.Contains("200 pages", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoHundredPageImagePdf_RefusedBeforeRendering()
    {
        var builder = new PdfDocumentBuilder();
        var png = MadeScans.Encode(MadeImage.White(20, 20), SKEncodedImageFormat.Png);
        for (var i = 0; i < 200; i++)
        {
            builder.AddPage(595, 842).AddPng(png, new PdfRectangle(0, 0, 595, 842));
        }

        var ex = Refused(builder.Build(), "quet.pdf", new ScanOptions { Pdftoppm = "/khong-co/pdftoppm" });

        Assert.Contains("200 pages", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PageOverThePixelLimit_Refused()
    {
        var png = MadeScans.Encode(MadeScans.Grid(), SKEncodedImageFormat.Png);

        var ex = Refused(png, "lon.png", new ScanOptions { MaxPixelsPerPage = 100_000 });

        Assert.Contains("pixels", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ex.Page);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "hong.png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "hong.jpg")]
    public void Read_TruncatedImage_SaysDamaged(SKEncodedImageFormat format, string name)
    {
        var bytes = MadeScans.Encode(MadeScans.Grid(), format);

        var ex = Refused(bytes.AsSpan(0, bytes.Length / 2).ToArray(), name);

        Assert.Contains("damaged", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("bị hỏng", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hong.png")]
    [InlineData("hong.tif")]
    public void Read_NotAnImage_SaysDamaged(string name)
    {
        var bytes = name.EndsWith(".tif", StringComparison.Ordinal)
            ? [.. "II*\0"u8.ToArray(), .. new byte[64]]
            : "không phải ảnh"u8.ToArray();

        var ex = Refused(bytes, name);

        Assert.Contains("damaged", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TesseractMissing_NamesTheDebianPackages()
    {
        var png = MadeScans.Encode(MadeScans.Grid(), SKEncodedImageFormat.Png);

        var ex = Refused(png, "bang.png", new ScanOptions { Tesseract = "/khong-co/tesseract" });

        Assert.Contains("tesseract-ocr-vie", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("chưa cài", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OcrOverItsTimeout_SaysSoAndStopsIt()
    {
        var png = MadeScans.Encode(MadeScans.Grid(), SKEncodedImageFormat.Png);

        var ex = Refused(png, "bang.png", new ScanOptions { Timeout = TimeSpan.FromMilliseconds(1) });

        Assert.Contains("did not finish within", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("giây", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PdftoppmMissing_NamesTheDebianPackage()
    {
        var png = MadeScans.Encode(MadeScans.Grid(), SKEncodedImageFormat.Png);
        var pdf = ScanRender.ImagePdf([png], (595, 842));

        var ex = Refused(pdf, "bang.pdf", new ScanOptions { Pdftoppm = "/khong-co/pdftoppm" });

        Assert.Contains("poppler-utils", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OutOfRange_Refused()
    {
        Assert.Throws<ConfigurationException>(() => new ScanDecisionImporter(new ScanOptions { RenderDpi = 20 }));
        Assert.Throws<ConfigurationException>(() => new ScanDecisionImporter(new ScanOptions { ReviewThreshold = 120 }));
        Assert.Throws<ConfigurationException>(() => new ScanDecisionImporter(new ScanOptions { Tesseract = " " }));
    }

    private InvalidInputException Refused(byte[] bytes, string name, ScanOptions? options = null)
    {
        var importer = new ScanDecisionImporter((options ?? new ScanOptions()) with { TempFolder = _temp.Path });
        var ex = Assert.Throws<InvalidInputException>(() => importer.Read(new MemoryStream(bytes), name, null));
        Assert.Equal(name, ex.File);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
        return ex;
    }
}
