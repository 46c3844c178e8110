using DanVan365.Core.Catalogue;

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

        var stopHeight = InkPieces.Median(stops.Select(m => m.Height));
        var stopWidth = InkPieces.Median(stops.Select(m => m.Width));
        var commaHeight = InkPieces.Median(commas.Select(m => m.Height));
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

    /// <summary>Width and height of the connected ink (darker than mid-grey, 8-connected, inside the word's box) that
    /// reaches furthest right in the box; null when the box holds no ink.</summary>
    internal static (int Width, int Height)? LastMark(GreyPage image, OcrWord word)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(word);
        var pieces = InkPieces.InOcrBox(image, new PixelBox(word.Left, word.Top, word.Width, word.Height));
        if (pieces.Count == 0)
        {
            return null;
        }

        var last = pieces.MaxBy(p => p.Right);
        return (last.Right - last.Left + 1, last.Bottom - last.Top + 1);
    }
}
