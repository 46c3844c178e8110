using DanVan365.Core.Catalogue;
using SkiaSharp;
using UglyToad.PdfPig;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Measurements of scanned page images for the corpus's trait tests (colours, rules).</summary>
internal static class ScanPixels
{
    /// <summary>The image of page <paramref name="page"/> (1-based) of an image-only PDF, decoded as RGBA.</summary>
    public static SKBitmap PdfPage(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPage(page).GetImages());
        using var decoded = SKBitmap.Decode(image.RawMemory.ToArray());
        Assert.True(decoded is not null, $"page {page}'s image does not decode");
        return TestUtilities.Documents.Scans.ScanInk.Rgba(decoded);
    }

    /// <summary>Stamp-pad red: strongly red, little green or blue.</summary>
    public static bool Red(byte r, byte g, byte b) => r > 150 && r - g > 70 && r - b > 60;

    /// <summary>Pen blue: clearly more blue than red and green.</summary>
    public static bool Blue(byte r, byte g, byte b) => b > r + 40 && b > g + 30;

    /// <summary>How many pixels inside <paramref name="box"/> (clipped to the page) satisfy <paramref name="colour"/>.</summary>
    public static int Count(SKBitmap page, PixelBox box, Func<byte, byte, byte, bool> colour)
    {
        var pixels = page.GetPixelSpan();
        var count = 0;
        for (var y = Math.Max(0, box.Y); y < Math.Min(page.Height, box.Y + box.Height); y++)
        {
            for (var x = Math.Max(0, box.X); x < Math.Min(page.Width, box.X + box.Width); x++)
            {
                var i = ((y * page.Width) + x) * 4;
                count += colour(pixels[i], pixels[i + 1], pixels[i + 2]) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The mean and standard deviation of the grey level (the mean of the three channels) inside the box.</summary>
    public static (double Mean, double Deviation) Paper(SKBitmap page, PixelBox box)
    {
        var pixels = page.GetPixelSpan();
        var levels = new List<double>();
        for (var y = box.Y; y < box.Y + box.Height; y++)
        {
            for (var x = box.X; x < box.X + box.Width; x++)
            {
                var i = ((y * page.Width) + x) * 4;
                levels.Add((pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3.0);
            }
        }

        var mean = levels.Average();
        return (mean, Math.Sqrt(levels.Average(l => (l - mean) * (l - mean))));
    }

    /// <summary>
    /// The angle in degrees (clockwise positive) of the first long horizontal rule below <paramref name="fromY"/>: at two
    /// places a fraction of the width apart, the centre of the first band where a 40-pixel run of the row (or the next)
    /// is nearly all dark (specks and letters are never that wide).
    /// </summary>
    public static double TopRuleDegrees(SKBitmap page, int fromY, double leftFraction = 0.15, double rightFraction = 0.85)
    {
        var (x1, x2) = ((int)(page.Width * leftFraction), (int)(page.Width * rightFraction));
        var (y1, y2) = (RuleCentre(page, x1, fromY), RuleCentre(page, x2, fromY));
        return Math.Atan2(y2 - y1, x2 - x1) * 180 / Math.PI;
    }

    private static double RuleCentre(SKBitmap page, int x, int fromY)
    {
        var first = -1;
        for (var y = fromY; y < page.Height - 1; y++)
        {
            var onRule = DarkShare(page, x, y) >= 0.8;
            if (onRule && first < 0)
            {
                first = y;
            }
            else if (!onRule && first >= 0)
            {
                return (first + y - 1) / 2.0;
            }
        }

        Assert.Fail($"no horizontal rule below y {fromY} at x {x}");
        return 0;
    }

    private static double DarkShare(SKBitmap page, int x, int y)
    {
        var pixels = page.GetPixelSpan();
        var dark = 0;
        for (var dx = -20; dx < 20; dx++)
        {
            // A thin rule turned a little falls between two rows: a column counts as dark when either row is.
            var i = ((y * page.Width) + x + dx) * 4;
            var j = i + (page.Width * 4);
            dark += Math.Min(pixels[i] + pixels[i + 1] + pixels[i + 2], pixels[j] + pixels[j + 1] + pixels[j + 2]) < 3 * 140 ? 1 : 0;
        }

        return dark / 40.0;
    }
}
