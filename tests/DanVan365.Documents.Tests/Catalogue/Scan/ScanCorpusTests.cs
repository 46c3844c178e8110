using System.Buffers.Binary;
using System.Text;
using BitMiracle.LibTiff.Classic;
using DanVan365.Core.Catalogue;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents.Scans;
using SkiaSharp;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>
/// Each file of the scan corpus has what it claims (issue 27), measured on the file itself: no text layer, the
/// resolution, the turn, red ink over the recorded cell and the signature, blue ink in the signature, the page count and a
/// format that decodes. A reading benchmark on these files then means something.
/// </summary>
public class ScanCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<int> SourcePages = new(() => PageCount(DecisionForms.RuledPdf));

    [Theory]
    [InlineData(ScanProfile.Clean300)]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    [InlineData(ScanProfile.Chromium300)]
    public void ImagePdf_EveryPage_OneImageAndNoText(ScanProfile profile)
    {
        using var document = PdfDocument.Open(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf));

        Assert.Equal(profile == ScanProfile.Chromium300 ? PageCount(DecisionCorpus.Bytes(CorpusPdf.ChromiumHtml)) : SourcePages.Value,
            document.NumberOfPages);
        Assert.All(document.GetPages(), page =>
        {
            Assert.Empty(page.Letters);
            Assert.Single(page.GetImages());
        });
    }

    [Theory]
    [InlineData(ScanProfile.Clean300, 300)]
    [InlineData(ScanProfile.Photocopy300, 300)]
    [InlineData(ScanProfile.Rotated150, 150)]
    [InlineData(ScanProfile.Chromium300, 300)]
    public void ImagePdf_ImageOverPage_HasTheScansDpi(ScanProfile profile, int dpi)
    {
        using var document = PdfDocument.Open(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf));

        Assert.All(document.GetPages(), page =>
        {
            var image = Assert.Single(page.GetImages());
            Assert.InRange(image.WidthInSamples / (page.Width / 72), dpi * 0.99, dpi * 1.01);
            Assert.InRange(image.HeightInSamples / (page.Height / 72), dpi * 0.99, dpi * 1.01);
            Assert.InRange(image.BoundingBox.Width, page.Width - 1, page.Width + 1);
        });
        Assert.Equal(dpi, ScanCorpus.Get(profile).Dpi);
    }

    [Theory]
    [InlineData(ScanProfile.Rotated150, 1.0)]
    [InlineData(ScanProfile.Photocopy300, 0.0)]
    [InlineData(ScanProfile.Clean300, 0.0)]
    [InlineData(ScanProfile.Chromium300, 0.0)]
    public void ImagePdf_TableTopRule_SlopesByTheTurn(ScanProfile profile, double degrees)
    {
        // Page 2 starts with the table's repeated header: its top rule is the first long dark line on the page.
        using var page = ScanPixels.PdfPage(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf), 2);

        var measured = ScanPixels.TopRuleDegrees(page, fromY: page.Height / 50);

        output.WriteLine($"{profile}: top rule at {measured:0.000}°");
        Assert.InRange(measured, degrees - 0.15, degrees + 0.15);
    }

    [Theory]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    [InlineData(ScanProfile.Chromium300)]
    public void ImagePdf_StampedCell_RedInkOverTheRecordedCell(ScanProfile profile)
    {
        var scan = ScanCorpus.Get(profile);
        var stamped = scan.StampedCell!;
        using var page = ScanPixels.PdfPage(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf), stamped.Page);

        var red = ScanPixels.Count(page, stamped.Cell, ScanPixels.Red);
        var area = stamped.Cell.Width * stamped.Cell.Height;

        Assert.Equal((ScanCorpus.StampedRow, ScanCorpus.StampedColumn), (stamped.Row, stamped.Column));
        var stamps = ScanPixels.Count(page, stamped.Stamp, ScanPixels.Red);
        Assert.True(red > area * 0.01 && red > stamps / 2, $"{red} red pixels in a cell of {area} (the stamp has {stamps})");
        var centre = (X: stamped.Stamp.X + (stamped.Stamp.Width / 2), Y: stamped.Stamp.Y + (stamped.Stamp.Height / 2));
        Assert.True(Inside(new PixelBox(centre.X, centre.Y, 1, 1), stamped.Cell), $"stamp {stamped.Stamp} not centred in {stamped.Cell}");
        var everywhere = ScanPixels.Count(page, new PixelBox(0, 0, page.Width, page.Height), ScanPixels.Red);
        Assert.True(everywhere - stamps < area * 0.002, $"{everywhere - stamps} red pixels away from the stamp");
    }

    [Theory]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    [InlineData(ScanProfile.Chromium300)]
    public void ImagePdf_SignatureBlock_BlueStrokeUnderRedStampNearTheSignersName(ScanProfile profile)
    {
        var scan = ScanCorpus.Get(profile);
        var (signature, seal, name) = (scan.Signature!, scan.SignatureStamp!, scan.SignerName!);
        using var page = ScanPixels.PdfPage(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf), signature.Page);

        var blue = ScanPixels.Count(page, signature.Box, ScanPixels.Blue);
        var red = ScanPixels.Count(page, seal.Box, ScanPixels.Red);

        Assert.Equal(signature.Page, seal.Page);
        Assert.True(blue > signature.Box.Width * 2, $"{blue} blue pixels in the signature's box {signature.Box}");
        Assert.True(red > seal.Box.Width * seal.Box.Height * 0.05, $"{red} red pixels in the stamp's box {seal.Box}");
        Assert.True(Overlap(seal.Box, signature.Box) && Overlap(signature.Box, name.Box), "the ink is not over the signature block");
    }

    [Fact]
    public void ImagePdf_CleanScan_NoInkAnywhere()
    {
        var scan = ScanCorpus.Get(ScanProfile.Clean300);
        using var page = ScanPixels.PdfPage(ScanCorpus.Bytes(ScanProfile.Clean300, ScanFormat.ImagePdf), 1);

        Assert.Null(scan.StampedCell);
        Assert.Equal(0, ScanPixels.Count(page, new PixelBox(0, 0, page.Width, page.Height), ScanPixels.Red));
        Assert.Equal(0, ScanPixels.Count(page, new PixelBox(0, 0, page.Width, page.Height), ScanPixels.Blue));
    }

    [Theory]
    [InlineData(ScanProfile.Clean300, false)]
    [InlineData(ScanProfile.Photocopy300, true)]
    [InlineData(ScanProfile.Rotated150, true)]
    [InlineData(ScanProfile.Chromium300, true)]
    public void ImagePdf_PaperInTheMargin_GreyAndGrainyOnlyOnPhotocopies(ScanProfile profile, bool photocopy)
    {
        using var page = ScanPixels.PdfPage(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf), 2);

        // The left margin, a third of the way down: paper only (no print, no ink).
        var (mean, deviation) = ScanPixels.Paper(page, new PixelBox(page.Width / 100, page.Height / 3, page.Width / 40, page.Height / 10));

        output.WriteLine($"{profile}: paper {mean:0.0} ± {deviation:0.0}");
        if (photocopy)
        {
            Assert.InRange(mean, 225, 245);
            Assert.InRange(deviation, 3, 12);
        }
        else
        {
            Assert.True(mean > 253 && deviation < 1, $"clean paper reads {mean:0.0} ± {deviation:0.0}");
        }
    }

    [Theory]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    public void PngAndJpeg_StampedPage_DecodeWithTheirResolution(ScanProfile profile)
    {
        var scan = ScanCorpus.Get(profile);
        var png = ScanCorpus.Bytes(profile, ScanFormat.Png);
        var jpeg = ScanCorpus.Bytes(profile, ScanFormat.Jpeg);

        foreach (var bytes in new[] { png, jpeg })
        {
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.NotNull(bitmap);
            var page = scan.Pages[ScanCorpus.SinglePage(scan) - 1];
            Assert.Equal((page.Width, page.Height), (bitmap.Width, bitmap.Height));
            using var rgba = ScanInk.Rgba(bitmap);
            Assert.True(ScanPixels.Count(rgba, scan.StampedCell!.Cell, ScanPixels.Red) > 0, "the stamp is not on the single page");
        }

        var phys = IndexOf(png, "pHYs");
        Assert.True(phys > 0, "the PNG has no pHYs chunk");
        Assert.Equal(Math.Round(scan.Dpi / 0.0254), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(phys + 4)));
        Assert.Equal(1, png[phys + 12]);
        Assert.Equal("JFIF", Encoding.ASCII.GetString(jpeg, 6, 4));
        Assert.Equal((1, scan.Dpi), (jpeg[13], (int)BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(14))));
    }

    [Fact]
    public void Tiff_Rotated150_OneDirectoryPerPageWithResolution()
    {
        var scan = ScanCorpus.Get(ScanProfile.Rotated150);
        using var stream = new MemoryStream(ScanCorpus.Bytes(ScanProfile.Rotated150, ScanFormat.Tiff));
        using var tiff = Tiff.ClientOpen("scan.tif", "r", stream, new TiffStream());

        Assert.NotNull(tiff);
        Assert.Equal(SourcePages.Value, tiff.NumberOfDirectories());
        for (short n = 0; n < SourcePages.Value; n++)
        {
            Assert.True(tiff.SetDirectory(n));
            Assert.Equal(scan.Pages[n].Width, tiff.GetField(TiffTag.IMAGEWIDTH)[0].ToInt());
            Assert.Equal(scan.Pages[n].Height, tiff.GetField(TiffTag.IMAGELENGTH)[0].ToInt());
            Assert.Equal(150, tiff.GetField(TiffTag.XRESOLUTION)[0].ToDouble(), precision: 3);
            Assert.Equal(n, tiff.GetField(TiffTag.PAGENUMBER)[0].ToInt());
        }

        var stampPage = (short)(scan.StampedCell!.Page - 1);
        Assert.True(tiff.SetDirectory(stampPage));
        var raster = new int[scan.Pages[stampPage].Width * scan.Pages[stampPage].Height];
        Assert.True(tiff.ReadRGBAImageOriented(scan.Pages[stampPage].Width, scan.Pages[stampPage].Height, raster, Orientation.TOPLEFT));
        var cell = scan.StampedCell.Cell;
        var red = 0;
        for (var y = cell.Y; y < cell.Y + cell.Height; y++)
        {
            for (var x = cell.X; x < cell.X + cell.Width; x++)
            {
                var p = raster[(y * scan.Pages[stampPage].Width) + x];
                red += ScanPixels.Red((byte)Tiff.GetR(p), (byte)Tiff.GetG(p), (byte)Tiff.GetB(p)) ? 1 : 0;
            }
        }

        Assert.True(red > cell.Width * cell.Height * 0.01, $"{red} red pixels in the stamped cell of the TIFF");
    }

    private static bool Inside(PixelBox inner, PixelBox outer) =>
        inner.X >= outer.X && inner.Y >= outer.Y && inner.X + inner.Width <= outer.X + outer.Width
        && inner.Y + inner.Height <= outer.Y + outer.Height;

    private static bool Overlap(PixelBox a, PixelBox b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static int IndexOf(byte[] bytes, string ascii) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii));
}
