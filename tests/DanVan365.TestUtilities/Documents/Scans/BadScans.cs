using System.Collections.Concurrent;
using DanVan365.TestUtilities.Catalogue;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>A scan the reader must refuse (issue 27, "Bad input").</summary>
public enum BadScan
{
    /// <summary>A blank sheet through the photocopier (grain and specks, no print) as PNG.</summary>
    BlankPng,

    /// <summary>The same blank sheet as a one-page image-only PDF.</summary>
    BlankPdf,

    /// <summary>The decision's first page with no table (its paragraphs only, printed by Chromium), scanned, as PNG.</summary>
    NoTablePng,

    /// <summary>Every page of that table-less decision, scanned, as an image-only PDF.</summary>
    NoTablePdf,

    /// <summary>An image-only PDF of 200 pages (one small image shared by all: cheap to make, over any page limit).</summary>
    TwoHundredPages,

    /// <summary>A scanned page's PNG cut off halfway.</summary>
    TruncatedPng,

    /// <summary>Random bytes named .jpg.</summary>
    RandomJpeg,

    /// <summary>A TIFF whose header points its first directory past the end of the file.</summary>
    BrokenTiff,
}

/// <summary>The bad scans, made at test time once per run (callers get copies).</summary>
public static class BadScans
{
    /// <summary>Pages in <see cref="BadScan.TwoHundredPages"/>.</summary>
    public const int ManyPages = 200;

    private const int Dpi = 150;
    private static readonly ConcurrentDictionary<BadScan, Lazy<byte[]>> Made = new();

    /// <summary>Every bad scan.</summary>
    public static IReadOnlyList<BadScan> All { get; } = Enum.GetValues<BadScan>();

    /// <summary>The file's name (its extension says what it claims to be).</summary>
    public static string FileName(BadScan scan) => scan switch
    {
        BadScan.BlankPng => "trang-trang.png",
        BadScan.BlankPdf => "trang-trang.pdf",
        BadScan.NoTablePng => "khong-co-bang.png",
        BadScan.NoTablePdf => "khong-co-bang.pdf",
        BadScan.TwoHundredPages => "200-trang.pdf",
        BadScan.TruncatedPng => "bi-cat.png",
        BadScan.RandomJpeg => "ngau-nhien.jpg",
        BadScan.BrokenTiff => "hong-dau.tif",
        _ => throw new ArgumentOutOfRangeException(nameof(scan), scan, null),
    };

    /// <summary>The file's bytes (made on first use).</summary>
    public static byte[] Bytes(BadScan scan) => (byte[])Made.GetOrAdd(scan, s => new Lazy<byte[]>(() => Make(s))).Value.Clone();

    private static byte[] Make(BadScan scan) => scan switch
    {
        BadScan.BlankPng => ScanFiles.Png(Blank(), Dpi),
        BadScan.BlankPdf => ScanFiles.ImagePdf([Blank()]),
        BadScan.NoTablePng => ScanFiles.Png(NoTablePages()[0], Dpi),
        BadScan.NoTablePdf => ScanFiles.ImagePdf(NoTablePages()),
        BadScan.TwoHundredPages => TwoHundredPages(),
        BadScan.TruncatedPng => Bytes(BadScan.NoTablePng)[..(Bytes(BadScan.NoTablePng).Length / 2)],
        BadScan.RandomJpeg => RandomBytes(new Random(2710), 64 * 1024),
        BadScan.BrokenTiff => [(byte)'I', (byte)'I', 42, 0, 0xF0, 0xFF, 0xFF, 0x7F, .. RandomBytes(new Random(2711), 4096)],
        _ => throw new ArgumentOutOfRangeException(nameof(scan), scan, null),
    };

    private static ScanPageImage Blank()
    {
        using var sheet = new SKBitmap(new SKImageInfo(1275, 1650, SKColorType.Rgba8888, SKAlphaType.Premul));
        sheet.Erase(SKColors.White);
        ScanInk.Photocopy(sheet, new Random(2712), specksPerPage: 80, speckRadius: 2);
        return Page(sheet, 612, 792);
    }

    private static List<ScanPageImage> NoTablePages()
    {
        var pdf = DecisionCorpus.NoTable;
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var random = new Random(2713);
        var pages = new List<ScanPageImage>();
        var rendered = PageRaster.Render(pdf, Dpi);
        for (var i = 0; i < rendered.Count; i++)
        {
            using var page = ScanInk.Rgba(rendered[i]);
            rendered[i].Dispose();
            ScanInk.Photocopy(page, random, specksPerPage: 80, speckRadius: 2);
            var size = document.GetPage(i + 1);
            pages.Add(Page(page, size.Width, size.Height));
        }

        return pages;
    }

    private static byte[] TwoHundredPages()
    {
        using var sheet = new SKBitmap(new SKImageInfo(255, 330, SKColorType.Rgba8888, SKAlphaType.Premul));
        sheet.Erase(SKColors.White);
        ScanInk.Photocopy(sheet, new Random(2714), specksPerPage: 10, speckRadius: 1);
        var jpeg = Page(sheet, 612, 792).Jpeg;
        using var document = new PdfDocument();
        using var stream = new MemoryStream(jpeg, writable: false);
        using var image = XImage.FromStream(stream);
        for (var n = 0; n < ManyPages; n++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(612);
            page.Height = XUnit.FromPoint(792);
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawImage(image, 0, 0, 612, 792);
        }

        using var result = new MemoryStream();
        document.Save(result, closeStream: false);
        return result.ToArray();
    }

    private static ScanPageImage Page(SKBitmap bitmap, double widthPoints, double heightPoints)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return new ScanPageImage(jpeg.ToArray(), bitmap.Width, bitmap.Height, widthPoints, heightPoints);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
