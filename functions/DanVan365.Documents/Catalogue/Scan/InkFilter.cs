namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Turns a colour page grey, first whitening coloured ink (the red stamp, a blue signature): printed text and ruling
/// lines are black or grey, so a pixel whose channels differ by more than <see cref="ChromaLimit"/> is ink of a colour and
/// is dropped, and so is faded coloured ink (a light pixel tinted by more than <see cref="FadedChromaLimit"/>: a
/// photocopied stamp, a rim). Where the stamp lies over black text the text stays dark (little colour is left there).
/// </summary>
internal static class InkFilter
{
    /// <summary>Largest difference between a pixel's strongest and weakest channel still read as black/grey ink.</summary>
    public const int ChromaLimit = 60;

    /// <summary>Smallest channel difference of a light pixel read as faded coloured ink (a photocopied stamp's pink or
    /// brownish strokes, its anti-aliased rim).</summary>
    public const int FadedChromaLimit = 28;

    /// <summary>Darkest faded-ink pixel whitened: darker is black text under the stamp, which stays.</summary>
    public const int FadedMinGrey = 130;

    public static GreyPage ToGrey(ColourPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rgb = page.Rgb;
        var grey = new byte[page.Width * page.Height];
        for (var p = 0; p < grey.Length; p++)
        {
            int r = rgb[p * 3], g = rgb[(p * 3) + 1], b = rgb[(p * 3) + 2];
            var chroma = Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));
            var value = ((r * 299) + (g * 587) + (b * 114)) / 1000;
            grey[p] = chroma > ChromaLimit || (chroma > FadedChromaLimit && value >= FadedMinGrey) ? (byte)255 : (byte)value;
        }

        return new GreyPage(page.Width, page.Height, grey);
    }

    /// <summary>Otsu's threshold: grey values below it are ink.</summary>
    public static int OtsuThreshold(GreyPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var histogram = new long[256];
        foreach (var v in page.Pixels)
        {
            histogram[v]++;
        }

        long total = page.Pixels.Length;
        double sum = 0;
        for (var i = 0; i < 256; i++)
        {
            sum += i * (double)histogram[i];
        }

        double sumBelow = 0;
        long below = 0;
        var best = 0.0;
        var threshold = 128;
        for (var t = 0; t < 256; t++)
        {
            below += histogram[t];
            if (below == 0)
            {
                continue;
            }

            var above = total - below;
            if (above == 0)
            {
                break;
            }

            sumBelow += t * (double)histogram[t];
            var meanBelow = sumBelow / below;
            var meanAbove = (sum - sumBelow) / above;
            var between = (double)below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
            {
                best = between;
                threshold = t + 1;
            }
        }

        // a page of almost only paper: keep ink dark (a light page's Otsu split would cut the paper's own grain)
        return Math.Min(threshold, 200);
    }

    /// <summary>The page as ink (true) and paper (false) at <paramref name="threshold"/>.</summary>
    public static bool[] Binarise(GreyPage page, int threshold)
    {
        ArgumentNullException.ThrowIfNull(page);
        var ink = new bool[page.Pixels.Length];
        for (var p = 0; p < ink.Length; p++)
        {
            ink[p] = page.Pixels[p] < threshold;
        }

        return ink;
    }
}
