namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Finds a page's skew (within ±<see cref="MaxDegrees"/>°) and turns it back. The angle is the one at which the ink,
/// projected onto the page's height, is most sharply concentrated (the long ruling lines and text lines line up): a
/// coarse search every 0.1° on a downscaled copy, then every 0.02° around the best at full size.
/// </summary>
internal static class Deskew
{
    public const double MaxDegrees = 3.0;

    /// <summary>The angle (degrees) of the page's lines: positive when they descend to the right.</summary>
    public static double FindAngle(GreyPage page, int threshold)
    {
        ArgumentNullException.ThrowIfNull(page);
        var factor = Math.Max(1, page.Width / 800);
        var small = InkPoints(page, threshold, factor);
        if (small.Count == 0)
        {
            return 0;
        }

        var coarse = Best(small, -MaxDegrees, MaxDegrees, 0.1);
        var full = InkPoints(page, threshold, 1);
        return Math.Round(Best(full, coarse - 0.1, coarse + 0.1, 0.02), 2);
    }

    /// <summary>The page turned by <paramref name="degrees"/> the other way (bilinear, white outside).</summary>
    public static GreyPage Rotate(GreyPage page, double degrees)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Math.Abs(degrees) < 0.01)
        {
            return page;
        }

        var a = degrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(a);
        var (cx, cy) = (page.Width / 2.0, page.Height / 2.0);
        var output = new byte[page.Pixels.Length];
        for (var y = 0; y < page.Height; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < page.Width; x++)
            {
                var dx = x - cx;
                var xs = cx + (dx * cos) - (dy * sin);
                var ys = cy + (dx * sin) + (dy * cos);
                output[(y * page.Width) + x] = Sample(page, xs, ys);
            }
        }

        return new GreyPage(page.Width, page.Height, output);
    }

    private static byte Sample(GreyPage page, double x, double y)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= page.Width || y0 + 1 >= page.Height)
        {
            return 255;
        }

        var fx = x - x0;
        var fy = y - y0;
        var top = (page[x0, y0] * (1 - fx)) + (page[x0 + 1, y0] * fx);
        var bottom = (page[x0, y0 + 1] * (1 - fx)) + (page[x0 + 1, y0 + 1] * fx);
        return (byte)Math.Round((top * (1 - fy)) + (bottom * fy));
    }

    // Ink pixels (block of factor × factor with any ink → one point), in the block grid's coordinates.
    private static List<(int X, int Y)> InkPoints(GreyPage page, int threshold, int factor)
    {
        var points = new List<(int, int)>();
        for (var by = 0; by < page.Height / factor; by++)
        {
            for (var bx = 0; bx < page.Width / factor; bx++)
            {
                if (AnyInk(page, bx * factor, by * factor, factor, threshold))
                {
                    points.Add((bx, by));
                }
            }
        }

        return points;
    }

    private static bool AnyInk(GreyPage page, int x, int y, int size, int threshold)
    {
        for (var j = 0; j < size; j++)
        {
            var row = (y + j) * page.Width;
            for (var i = 0; i < size; i++)
            {
                if (page.Pixels[row + x + i] < threshold)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double Best(List<(int X, int Y)> points, double from, double to, double step)
    {
        var maxY = points.Max(p => p.Y);
        var maxX = points.Max(p => p.X);
        var margin = (int)Math.Ceiling(maxX * Math.Tan(MaxDegrees * 1.2 * Math.PI / 180)) + 2;
        var bins = new int[maxY + (2 * margin) + 1];
        var best = 0.0;
        var bestScore = double.MinValue;
        for (var k = 0; from + (k * step) <= to + 1e-9; k++)
        {
            var angle = from + (k * step);
            var tan = Math.Tan(angle * Math.PI / 180);
            Array.Clear(bins);
            foreach (var (x, y) in points)
            {
                bins[(int)Math.Round(y - (x * tan)) + margin]++;
            }

            double score = 0;
            foreach (var b in bins)
            {
                score += (double)b * b;
            }

            if (score > bestScore + 1e-6 || (Math.Abs(score - bestScore) <= 1e-6 && Math.Abs(angle) < Math.Abs(best)))
            {
                bestScore = score;
                best = angle;
            }
        }

        return best;
    }
}
