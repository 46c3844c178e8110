using BitMiracle.LibTiff.Classic;
using DanVan365.Core.Catalogue;
using DanVan365.TestUtilities.Documents.Scans;
using SkiaSharp;
using UglyToad.PdfPig;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Each bad scan is bad in the way it claims (issue 27, "Bad input"), so a refusal test on it means something.</summary>
public class BadScansTests
{
    [Theory]
    [InlineData(BadScan.BlankPng)]
    [InlineData(BadScan.BlankPdf)]
    public void Blank_Page_DecodesWithNoPrint(BadScan bad)
    {
        using var page = Decode(bad);
        var dark = Dark(page);

        Assert.True(dark < page.Width * page.Height * 0.002, $"{dark} dark pixels on the blank page");
        Assert.True(dark > 0, "the blank page has not been through the photocopier (no specks)");
    }

    [Theory]
    [InlineData(BadScan.NoTablePng)]
    [InlineData(BadScan.NoTablePdf)]
    public void NoTable_FirstPage_PrintButNoRules(BadScan bad)
    {
        using var page = Decode(bad);

        Assert.True(Dark(page) > page.Width * page.Height * 0.01, "the page has no print");
        Assert.Empty(TableRules.Horizontal(page, page.Width / 2));
        Assert.Empty(TableRules.Vertical(page, page.Height / 20));
    }

    [Fact]
    public void TwoHundredPages_ImagePdf_ManyPagesCheaply()
    {
        var bytes = BadScans.Bytes(BadScan.TwoHundredPages);
        using var document = PdfDocument.Open(bytes);

        Assert.Equal(BadScans.ManyPages, document.NumberOfPages);
        Assert.Empty(document.GetPage(BadScans.ManyPages).Letters);
        Assert.Single(document.GetPage(BadScans.ManyPages).GetImages());
        Assert.True(bytes.Length < 1024 * 1024, $"{bytes.Length} bytes");
    }

    [Fact]
    public void TruncatedPng_PngSignature_DoesNotDecodeWhole()
    {
        var bytes = BadScans.Bytes(BadScan.TruncatedPng);
        using var stream = new MemoryStream(bytes);
        using var codec = SKCodec.Create(stream);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.NotNull(codec);
        using var bitmap = new SKBitmap(codec.Info);
        Assert.NotEqual(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
    }

    [Fact]
    public void RandomJpeg_NamedJpg_DoesNotDecode()
    {
        using var stream = new MemoryStream(BadScans.Bytes(BadScan.RandomJpeg));

        Assert.EndsWith(".jpg", BadScans.FileName(BadScan.RandomJpeg), StringComparison.Ordinal);
        using var codec = SKCodec.Create(stream);
        Assert.Null(codec);
    }

    [Fact]
    public void BrokenTiff_LittleEndianMagic_DoesNotOpen()
    {
        var bytes = BadScans.Bytes(BadScan.BrokenTiff);
        using var stream = new MemoryStream(bytes);

        Assert.Equal("II*\0", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using var tiff = Tiff.ClientOpen("hong-dau.tif", "r", stream, new TiffStream());
        Assert.Null(tiff);
    }

    private static SKBitmap Decode(BadScan bad)
    {
        var bytes = BadScans.Bytes(bad);
        if (BadScans.FileName(bad).EndsWith(".pdf", StringComparison.Ordinal))
        {
            return ScanPixels.PdfPage(bytes, 1);
        }

        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        return ScanInk.Rgba(bitmap);
    }

    private static int Dark(SKBitmap page) => ScanPixels.Count(page, new PixelBox(0, 0, page.Width, page.Height),
        (r, g, b) => r + g + b < 3 * 128);
}
