namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A word as Tesseract's TSV gives it: its image in the list, its place, its box in the padded image, its
/// confidence and its text.</summary>
internal sealed record OcrWord(int Image, int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height,
    double Confidence, string Text);

/// <summary>
/// A full stop OCR reads as a comma: after a raised footnote mark the LSTM loses the line's baseline and reads "sở¹." as
/// "sở!,". The decision tells them apart by shape: a comma's mark hangs below the line and is about twice as high as a
/// stop's. The last mark of every word ending in a letter and "." or "," is measured on the image (the rightmost connected
/// ink in the word's box); when the stops and the commas so read are told apart by height (each at least
/// <see cref="Calibration"/> times, the commas' median at least 1.5 times the stops'), a word ending in "," whose mark is
/// stop-sized (nearer the stops' median height than the commas' by two to one, no higher than 1.5 times its own width, no
/// wider than 1.5 stops) ends with a stop. The word keeps
/// at most <see cref="ScanPiece.DisagreementConfidence"/>: a mended reading is reviewed.
/// </summary>
internal static class OcrStops
{
    /// <summary>How many stops and commas must be measured before any comma is judged.</summary>
    public const int Calibration = 3;

    /// <summary>The words, those whose closing comma is a stop's mark ending with a stop.</summary>
    public static List<OcrWord> Mend(List<OcrWord> words, IReadOnlyList<GreyPage> images)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(images);
        var marks = new Dictionary<int, (int Width, int Height)>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Text.Length > 0 && w.Text[^1] is '.' or ',' && w.Image >= 0 && w.Image < images.Count
                && LastMark(images[w.Image], w) is { } mark)
            {
                marks[i] = mark;
            }
        }

        var stops = Measured(words, marks, '.');
        var commas = Measured(words, marks, ',');
        if (stops.Count < Calibration || commas.Count < Calibration)
        {
            return words;
        }

        var stopHeight = Median(stops.Select(m => m.Height));
        var stopWidth = Median(stops.Select(m => m.Width));
        var commaHeight = Median(commas.Select(m => m.Height));
        if (commaHeight * 2 < stopHeight * 3)
        {
            return words;
        }

        // nearer a stop's height than a comma's by two to one, no higher than 1.5 times its width, no wider than 1.5 stops
        var highest = ((2 * stopHeight) + commaHeight) / 3;
        return [.. words.Select((w, i) => w.Text[^1] == ',' && marks.TryGetValue(i, out var m) && m.Height <= highest
            && m.Height * 2 <= m.Width * 3 && m.Width * 2 <= stopWidth * 3
            ? w with { Text = w.Text[..^1] + ".", Confidence = Math.Min(w.Confidence, ScanPiece.DisagreementConfidence) }
            : w)];
    }

    // The marks of words ending in a letter and `ending` ("biến,", "sở."): the calibration.
    private static List<(int Width, int Height)> Measured(List<OcrWord> words, Dictionary<int, (int Width, int Height)> marks,
        char ending) =>
        [.. marks.Where(m => words[m.Key].Text is var t && t.Length > 1 && t[^1] == ending && char.IsLetter(t[^2]))
            .Select(m => m.Value)];

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }

    /// <summary>Width and height of the connected ink (darker than mid-grey, 8-connected, inside the word's box) that
    /// reaches furthest right in the box; null when the box holds no ink.</summary>
    internal static (int Width, int Height)? LastMark(GreyPage image, OcrWord word)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(word);
        var (x0, y0) = (Math.Max(0, word.Left - TesseractOcr.Pad), Math.Max(0, word.Top - TesseractOcr.Pad));
        var (x1, y1) = (Math.Min(image.Width, word.Left - TesseractOcr.Pad + word.Width),
            Math.Min(image.Height, word.Top - TesseractOcr.Pad + word.Height));
        bool Ink(int x, int y) => x >= x0 && y >= y0 && x < x1 && y < y1 && image[x, y] < 128;
        for (var x = x1 - 1; x >= x0; x--)
        {
            for (var y = y0; y < y1; y++)
            {
                if (Ink(x, y))
                {
                    return Extent(x, y, Ink);
                }
            }
        }

        return null;
    }

    private static (int Width, int Height) Extent(int x, int y, Func<int, int, bool> ink)
    {
        var seen = new HashSet<(int, int)> { (x, y) };
        var stack = new Stack<(int X, int Y)>([(x, y)]);
        var (left, top, right, bottom) = (x, y, x, y);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            (left, top, right, bottom) = (Math.Min(left, p.X), Math.Min(top, p.Y), Math.Max(right, p.X), Math.Max(bottom, p.Y));
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (ink(p.X + dx, p.Y + dy) && seen.Add((p.X + dx, p.Y + dy)))
                    {
                        stack.Push((p.X + dx, p.Y + dy));
                    }
                }
            }
        }

        return (right - left + 1, bottom - top + 1);
    }
}
