using System.Globalization;
using BitMiracle.LibTiff.Classic;
using DanVan365.Core.Errors;
using SkiaSharp;
using UglyToad.PdfPig;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A scan's pages, counted and checked against the limits before any is decoded; each decoded on demand.</summary>
internal sealed record ScanSource(int Count, int Dpi, Func<int, ColourPage> Page);

/// <summary>
/// Opens a scan by its bytes (not its name): an image-only PDF rendered by pdftoppm, PNG and JPEG decoded by SkiaSharp,
/// TIFF (one page per directory) by LibTiff.NET. Pages and pixels are checked before decoding; a file that cannot be
/// decoded is bad input.
/// </summary>
internal static class ScanPages
{
    public static ScanSource Open(byte[] bytes, string name, ScanOptions options, ScanWorkFolder folder)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return Pdf(bytes, name, options, folder);
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return TiffPages(bytes, name, options);
        }

        return Skia(bytes, name, options);
    }

    private static ScanSource Pdf(byte[] bytes, string name, ScanOptions options, ScanWorkFolder folder)
    {
        int count;
        double widest;
        double tallest;
        try
        {
            using var document = PdfDocument.Open(bytes);
            count = document.NumberOfPages;
            CheckPages(count, name, options);
            var pages = Enumerable.Range(1, count).Select(document.GetPage).ToList();
            widest = pages.Max(p => p.Width);
            tallest = pages.Max(p => p.Height);
        }
        catch (Exception ex) when (ex is not InvalidInputException and not OutOfMemoryException)
        {
            throw Corrupt(name, ex.Message, ex);
        }

        CheckPixels(widest * options.RenderDpi / 72.0, tallest * options.RenderDpi / 72.0, 1, name, options);
        var input = folder.File("scan.pdf");
        File.WriteAllBytes(input, bytes);
        var dpi = options.RenderDpi.ToString(CultureInfo.InvariantCulture);
        ScanTools.Run(options.Pdftoppm, ["-r", dpi, input, folder.File("page")], "poppler-utils", name, options.Timeout);
        var files = Directory.GetFiles(folder.Path, "page-*.ppm").Order(StringComparer.Ordinal).ToList();
        if (files.Count != count)
        {
            throw Corrupt(name, string.Create(CultureInfo.InvariantCulture, $"{files.Count} of {count} pages rendered"), null);
        }

        return new ScanSource(count, options.RenderDpi, i =>
        {
            var page = PpmReader.Read(File.ReadAllBytes(files[i])) ?? throw Corrupt(name, "a rendered page is unreadable", null);
            File.Delete(files[i]);
            return page;
        });
    }

    private static ScanSource TiffPages(byte[] bytes, string name, ScanOptions options)
    {
        using var tiff = OpenTiff(bytes, name);
        var count = tiff.NumberOfDirectories();
        CheckPages(count, name, options);
        var dpi = 0;
        for (short d = 0; d < count; d++)
        {
            tiff.SetDirectory(d);
            var (w, h) = (Tag(tiff, TiffTag.IMAGEWIDTH), Tag(tiff, TiffTag.IMAGELENGTH));
            CheckPixels(w, h, d + 1, name, options);
            if (d == 0)
            {
                var x = tiff.GetField(TiffTag.XRESOLUTION);
                dpi = x is null ? EstimateDpi(w) : (int)Math.Round(x[0].ToFloat());
            }
        }

        return new ScanSource(count, dpi, i =>
        {
            using var t = OpenTiff(bytes, name);
            t.SetDirectory((short)i);
            var (w, h) = (Tag(t, TiffTag.IMAGEWIDTH), Tag(t, TiffTag.IMAGELENGTH));
            var raster = new int[w * h];
            if (!t.ReadRGBAImageOriented(w, h, raster, Orientation.TOPLEFT, false))
            {
                throw Corrupt(name, string.Create(CultureInfo.InvariantCulture, $"page {i + 1} cannot be decoded"), null);
            }

            var rgb = new byte[w * h * 3];
            for (var p = 0; p < raster.Length; p++)
            {
                rgb[p * 3] = (byte)Tiff.GetR(raster[p]);
                rgb[(p * 3) + 1] = (byte)Tiff.GetG(raster[p]);
                rgb[(p * 3) + 2] = (byte)Tiff.GetB(raster[p]);
            }

            return new ColourPage(w, h, rgb);
        });
    }

    private static Tiff OpenTiff(byte[] bytes, string name)
    {
        Tiff.SetErrorHandler(new QuietTiffErrors());
        try
        {
            return Tiff.ClientOpen(name, "r", new MemoryStream(bytes, writable: false), new TiffStream())
                ?? throw Corrupt(name, "not a readable TIFF", null);
        }
        catch (Exception ex) when (ex is not InvalidInputException and not OutOfMemoryException)
        {
            throw Corrupt(name, ex.Message, ex);
        }
    }

    private static int Tag(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { } value ? value[0].ToInt() : 0;

    private static ScanSource Skia(byte[] bytes, string name, ScanOptions options)
    {
        SKImageInfo info;
        using (var data = SKData.CreateCopy(bytes))
        using (var codec = SKCodec.Create(data))
        {
            if (codec is null)
            {
                throw Corrupt(name, "not a PNG, JPEG or TIFF image", null);
            }

            info = codec.Info;
        }

        CheckPages(1, name, options);
        CheckPixels(info.Width, info.Height, 1, name, options);
        return new ScanSource(1, EstimateDpi(info.Width), _ =>
        {
            using var data = SKData.CreateCopy(bytes);
            using var codec = SKCodec.Create(data) ?? throw Corrupt(name, "not a PNG, JPEG or TIFF image", null);
            var target = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            using var bitmap = new SKBitmap(target);
            var result = codec.GetPixels(target, bitmap.GetPixels());
            if (result is not SKCodecResult.Success)
            {
                throw Corrupt(name, "the image data is damaged (" + result + ")", null);
            }

            var rgba = bitmap.GetPixelSpan();
            var rgb = new byte[target.Width * target.Height * 3];
            for (var p = 0; p < target.Width * target.Height; p++)
            {
                var alpha = rgba[(p * 4) + 3];
                for (var c = 0; c < 3; c++)
                {
                    rgb[(p * 3) + c] = (byte)(255 - ((255 - rgba[(p * 4) + c]) * alpha / 255)); // transparent → white
                }
            }

            return new ColourPage(target.Width, target.Height, rgb);
        });
    }

    // An image carries no reliable resolution through the decoder: estimated from its width as a portrait A4 page.
    private static int EstimateDpi(int width) => Math.Max(1, (int)Math.Round(width / 8.27));

    private static void CheckPages(int count, string name, ScanOptions options)
    {
        if (count > options.MaxPages)
        {
            throw new InvalidInputException(name, 0, string.Create(CultureInfo.InvariantCulture,
                $"the scan has {count} pages; at most {options.MaxPages} are read (a decision is a few pages). Check that this is the " +
                $"decision. (Bản quét có {count} trang, quá {options.MaxPages} trang: hãy kiểm tra lại đây có phải quyết định không.)"));
        }

        if (count == 0)
        {
            throw Corrupt(name, "it has no pages", null);
        }
    }

    private static void CheckPixels(double width, double height, int page, string name, ScanOptions options)
    {
        if (width * height > options.MaxPixelsPerPage || width <= 0 || height <= 0)
        {
            throw new InvalidInputException(name, page, 0, string.Create(CultureInfo.InvariantCulture,
                $"the page is {width:0} × {height:0} pixels; at most {options.MaxPixelsPerPage} pixels a page are read: scan at " +
                $"300 dpi. (Trang quét quá lớn: hãy quét ở độ phân giải 300 dpi.)"));
        }
    }

    private static InvalidInputException Corrupt(string name, string reason, Exception? inner) => new(name, 0,
        $"the scan cannot be read ({reason}): the image is damaged or not an image; ask for the file again, or use the .docx. " +
        $"(Tệp ảnh quét bị hỏng hoặc không phải ảnh: hãy xin gửi lại tệp hoặc dùng bản .docx.)", inner);

    private sealed class QuietTiffErrors : TiffErrorHandler
    {
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
