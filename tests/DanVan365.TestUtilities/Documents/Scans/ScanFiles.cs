using System.Buffers.Binary;
using System.Text;
using BitMiracle.LibTiff.Classic;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>The file formats a scanner delivers: an image-only PDF, a PNG, a JPEG and a multi-page TIFF.</summary>
public static class ScanFiles
{
    /// <summary>A PDF of one JPEG image per page, each drawn over its whole page at the paper's size (PDFsharp), no text.</summary>
    public static byte[] ImagePdf(IReadOnlyList<ScanPageImage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var document = new PdfDocument();
        foreach (var page in pages)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(page.WidthPoints);
            pdfPage.Height = XUnit.FromPoint(page.HeightPoints);
            using var gfx = XGraphics.FromPdfPage(pdfPage);
            using var stream = new MemoryStream(page.Jpeg, writable: false);
            using var image = XImage.FromStream(stream);
            gfx.DrawImage(image, 0, 0, page.WidthPoints, page.HeightPoints);
        }

        using var result = new MemoryStream();
        document.Save(result, closeStream: false);
        return result.ToArray();
    }

    /// <summary>The page as PNG with its resolution recorded (a pHYs chunk in pixels per metre).</summary>
    public static byte[] Png(ScanPageImage page, int dpi)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var bitmap = SKBitmap.Decode(page.Jpeg);
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return WithPhys(png.ToArray(), dpi);
    }

    /// <summary>The page's JPEG with the resolution in its JFIF header (dots per inch).</summary>
    public static byte[] Jpeg(ScanPageImage page, int dpi)
    {
        ArgumentNullException.ThrowIfNull(page);
        return WithDensity(page.Jpeg, dpi);
    }

    /// <summary>Every page in one TIFF: RGB, 8 bits, Deflate, one directory per page with its resolution and page number.</summary>
    public static byte[] Tiff(IReadOnlyList<ScanPageImage> pages, int dpi)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var output = new MemoryStream();
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.ClientOpen("scan.tif", "w", output, new TiffStream()))
        {
            for (var n = 0; n < pages.Count; n++)
            {
                using var decoded = SKBitmap.Decode(pages[n].Jpeg);
                using var bitmap = ScanInk.Rgba(decoded);
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.IMAGEWIDTH, bitmap.Width);
                tiff.SetField(TiffTag.IMAGELENGTH, bitmap.Height);
                tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, 3);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.RGB);
                tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
                tiff.SetField(TiffTag.COMPRESSION, Compression.ADOBE_DEFLATE);
                tiff.SetField(TiffTag.ROWSPERSTRIP, 32);
                tiff.SetField(TiffTag.XRESOLUTION, (double)dpi);
                tiff.SetField(TiffTag.YRESOLUTION, (double)dpi);
                tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
                tiff.SetField(TiffTag.PAGENUMBER, n, pages.Count);
                var pixels = bitmap.GetPixelSpan();
                var row = new byte[bitmap.Width * 3];
                for (var y = 0; y < bitmap.Height; y++)
                {
                    for (var x = 0; x < bitmap.Width; x++)
                    {
                        var i = ((y * bitmap.Width) + x) * 4;
                        (row[3 * x], row[(3 * x) + 1], row[(3 * x) + 2]) = (pixels[i], pixels[i + 1], pixels[i + 2]);
                    }

                    if (!tiff.WriteScanline(row, y))
                    {
                        throw new InvalidOperationException($"LibTiff refused row {y} of page {n + 1}");
                    }
                }

                tiff.WriteDirectory();
            }
        }

        return output.ToArray();
    }

    /// <summary><paramref name="png"/> with a pHYs chunk after IHDR (replacing none: Skia writes none).</summary>
    public static byte[] WithPhys(byte[] png, int dpi)
    {
        ArgumentNullException.ThrowIfNull(png);
        const int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR's length, type, data and CRC
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        Encoding.ASCII.GetBytes("pHYs").CopyTo(chunk, 4);
        var perMetre = (int)Math.Round(dpi / 0.0254);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1; // unit: the metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, afterHeader), .. chunk, .. png.AsSpan(afterHeader)];
    }

    /// <summary><paramref name="jpeg"/> with its JFIF header's density set to <paramref name="dpi"/> dots per inch.</summary>
    public static byte[] WithDensity(byte[] jpeg, int dpi)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var copy = (byte[])jpeg.Clone();
        if (copy.Length > 18 && copy[2] == 0xFF && copy[3] == 0xE0 && Encoding.ASCII.GetString(copy, 6, 4) == "JFIF")
        {
            copy[13] = 1; // units: dots per inch
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(14), (ushort)dpi);
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(16), (ushort)dpi);
        }

        return copy;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
