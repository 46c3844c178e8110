using BitMiracle.LibTiff.Classic;
using SkiaSharp;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>A grey image made in memory: 0 black … 255 white, row by row.</summary>
public sealed record MadeImage(int Width, int Height, byte[] Grey)
{
    /// <summary>A white image.</summary>
    public static MadeImage White(int width, int height) => new(width, height, Enumerable.Repeat((byte)255, width * height).ToArray());

    /// <summary>Fills a rectangle with <paramref name="value"/> (clipped).</summary>
    public MadeImage Fill(int x, int y, int width, int height, byte value = 0)
    {
        for (var j = Math.Max(0, y); j < Math.Min(Height, y + height); j++)
        {
            for (var i = Math.Max(0, x); i < Math.Min(Width, x + width); i++)
            {
                Grey[(j * Width) + i] = value;
            }
        }

        return this;
    }
}

/// <summary>
/// Small images made for the scan reader's unit tests: a ruled five-column table (header, a section row with merged
/// cells, task rows with word-like blocks), pages without a table, and their encodings (PNG, JPEG, multi-page TIFF).
/// </summary>
public static class MadeScans
{
    /// <summary>The table's column edges (left border, four inner rules, right border).</summary>
    public static IReadOnlyList<int> ColumnEdges { get; } = [100, 170, 640, 800, 960, 1140];

    /// <summary>The table's horizontal rules: header, section row, two task rows.</summary>
    public static IReadOnlyList<int> RowRules { get; } = [100, 170, 230, 400, 560];

    /// <summary>A 1240 × 1000 page with the ruled table; row 2 (the section row) has only the TT rule inside.</summary>
    public static MadeImage Grid()
    {
        var image = MadeImage.White(1240, 1000);
        foreach (var y in RowRules)
        {
            image.Fill(ColumnEdges[0], y, ColumnEdges[^1] - ColumnEdges[0] + 3, 3);
        }

        for (var r = 0; r + 1 < RowRules.Count; r++)
        {
            for (var c = 0; c < ColumnEdges.Count; c++)
            {
                var inner = c > 0 && c < ColumnEdges.Count - 1;
                if (r == 1 && inner && c > 1)
                {
                    continue; // the section row: one cell across Nhiệm vụ … Thời gian
                }

                image.Fill(ColumnEdges[c], RowRules[r], 3, RowRules[r + 1] - RowRules[r] + 3);
            }

            // word-like blocks in the row's cells
            for (var x = ColumnEdges[1] + 15; x < ColumnEdges[2] - 40; x += 45)
            {
                image.Fill(x, RowRules[r] + 20, 30, 22);
            }
        }

        return image;
    }

    /// <summary>A page of word-like blocks in lines and no ruling lines at all.</summary>
    public static MadeImage TextOnly()
    {
        var image = MadeImage.White(1240, 1000);
        for (var y = 120; y < 800; y += 50)
        {
            for (var x = 100; x < 1100; x += 48)
            {
                image.Fill(x, y, 34, 24);
            }
        }

        return image;
    }

    /// <summary>The image as RGB (grey in each channel) with a rectangle painted in <paramref name="colour"/>.</summary>
    public static byte[] Rgb(MadeImage image, (int X, int Y, int Width, int Height) box, SKColor colour)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rgb = new byte[image.Width * image.Height * 3];
        for (var p = 0; p < image.Grey.Length; p++)
        {
            rgb[p * 3] = rgb[(p * 3) + 1] = rgb[(p * 3) + 2] = image.Grey[p];
        }

        for (var y = box.Y; y < box.Y + box.Height; y++)
        {
            for (var x = box.X; x < box.X + box.Width; x++)
            {
                var p = ((y * image.Width) + x) * 3;
                (rgb[p], rgb[p + 1], rgb[p + 2]) = (colour.Red, colour.Green, colour.Blue);
            }
        }

        return rgb;
    }

    /// <summary>The image encoded by SkiaSharp (PNG or JPEG).</summary>
    public static byte[] Encode(MadeImage image, SKEncodedImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(image);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(image.Grey, 0, bitmap.GetPixels(), image.Grey.Length);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG or JPEG decoded to grey (SkiaSharp).</summary>
    public static MadeImage Decode(byte[] encoded)
    {
        using var colour = SKBitmap.Decode(encoded);
        using var grey = colour.Copy(SKColorType.Gray8);
        var pixels = new byte[colour.Width * colour.Height];
        System.Runtime.InteropServices.Marshal.Copy(grey.GetPixels(), pixels, 0, pixels.Length);
        return new MadeImage(colour.Width, colour.Height, pixels);
    }

    /// <summary>A multi-page grey TIFF (LibTiff.NET), one page per image.</summary>
    public static byte[] Tiff(IReadOnlyList<MadeImage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var stream = new MemoryStream();
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.ClientOpen("made.tif", "w", stream, new TiffStream()))
        {
            for (var n = 0; n < pages.Count; n++)
            {
                var page = pages[n];
                tiff.SetField(TiffTag.IMAGEWIDTH, page.Width);
                tiff.SetField(TiffTag.IMAGELENGTH, page.Height);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
                tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
                tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
                tiff.SetField(TiffTag.ROWSPERSTRIP, page.Height);
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, n, pages.Count);
                for (var y = 0; y < page.Height; y++)
                {
                    tiff.WriteScanline(page.Grey.AsSpan(y * page.Width, page.Width).ToArray(), y);
                }

                tiff.WriteDirectory();
            }

            tiff.Flush();
        }

        return stream.ToArray();
    }
}
