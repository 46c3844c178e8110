using SkiaSharp;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>
/// The ruling lines of a clean (unrotated) page image, found as long runs of dark pixels: how the corpus knows, in
/// pixels, which cell a stamp covers. Not the reader's grid finder (that is the product's); just enough for test data.
/// </summary>
public static class TableRules
{
    /// <summary>The y of each horizontal rule at least <paramref name="minLength"/> pixels long, top to bottom.</summary>
    public static IReadOnlyList<int> Horizontal(SKBitmap page, int minLength)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dark = DarkMask(page);
        var hits = new List<int>();
        for (var y = 0; y < page.Height; y++)
        {
            var run = 0;
            var longest = 0;
            for (var x = 0; x < page.Width; x++)
            {
                run = dark[(y * page.Width) + x] ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            if (longest >= minLength)
            {
                hits.Add(y);
            }
        }

        return Centres(hits);
    }

    /// <summary>The x of each vertical rule at least <paramref name="minLength"/> pixels long, left to right.</summary>
    public static IReadOnlyList<int> Vertical(SKBitmap page, int minLength)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dark = DarkMask(page);
        var hits = new List<int>();
        for (var x = 0; x < page.Width; x++)
        {
            var run = 0;
            var longest = 0;
            for (var y = 0; y < page.Height; y++)
            {
                run = dark[(y * page.Width) + x] ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            if (longest >= minLength)
            {
                hits.Add(x);
            }
        }

        return Centres(hits);
    }

    /// <summary>For each pixel of an RGBA page (<see cref="ScanInk.Rgba"/>), row by row: dark enough to be print.</summary>
    public static bool[] DarkMask(SKBitmap page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var pixels = page.GetPixelSpan();
        var dark = new bool[page.Width * page.Height];
        for (var i = 0; i < dark.Length; i++)
        {
            dark[i] = pixels[4 * i] + pixels[(4 * i) + 1] + pixels[(4 * i) + 2] < 3 * 128;
        }

        return dark;
    }

    private static List<int> Centres(List<int> hits)
    {
        var centres = new List<int>();
        var start = 0;
        for (var i = 1; i <= hits.Count; i++)
        {
            if (i == hits.Count || hits[i] > hits[i - 1] + 1)
            {
                centres.Add((hits[start] + hits[i - 1]) / 2);
                start = i;
            }
        }

        return centres;
    }
}
