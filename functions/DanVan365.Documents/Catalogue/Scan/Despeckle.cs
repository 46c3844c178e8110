namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Removes specks (toner dust, a dirty glass): connected bits of ink of at most <c>maxArea</c> pixels become paper. The
/// limit is well under a full stop or a tone mark's dot (about 25 pixels at 300 dpi), so no letter loses a part.
/// </summary>
internal static class Despeckle
{
    /// <summary>The largest speck removed at <paramref name="dpi"/>: 12 pixels at 300 dpi, scaled by area.</summary>
    public static int MaxArea(int dpi) => Math.Max(2, (int)(12.0 * dpi * dpi / (300.0 * 300.0)));

    public static GreyPage Clean(GreyPage page, int threshold, int maxArea)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (w, h) = (page.Width, page.Height);
        var pixels = (byte[])page.Pixels.Clone();
        var seen = new bool[pixels.Length];
        var component = new List<int>();
        var stack = new Stack<int>();
        for (var start = 0; start < pixels.Length; start++)
        {
            if (seen[start] || pixels[start] >= threshold)
            {
                continue;
            }

            component.Clear();
            stack.Push(start);
            seen[start] = true;
            var large = false;
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                if (!large)
                {
                    component.Add(p);
                    large = component.Count > maxArea;
                }

                var (x, y) = (p % w, p / w);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                        {
                            continue;
                        }

                        var n = (ny * w) + nx;
                        if (!seen[n] && pixels[n] < threshold)
                        {
                            seen[n] = true;
                            stack.Push(n);
                        }
                    }
                }
            }

            if (!large)
            {
                foreach (var p in component)
                {
                    pixels[p] = 255;
                }
            }
        }

        return new GreyPage(w, h, pixels);
    }
}
