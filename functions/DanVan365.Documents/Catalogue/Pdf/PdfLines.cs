using System.Text;
using UglyToad.PdfPig.Content;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>One visual line of a page: its letters left to right, its baseline and whether it is footnote-sized.</summary>
internal sealed class PdfLine
{
    public required int Page { get; init; }

    public required double Baseline { get; init; }

    public required IReadOnlyList<Letter> Letters { get; init; }

    public required double BodySize { get; init; }

    /// <summary>Left edge of the first visible letter.</summary>
    public double Left => Letters.First(l => !string.IsNullOrWhiteSpace(l.Value)).BoundingBox.Left;

    /// <summary>Most letters are smaller than the document's body text (a footnote at the page bottom).</summary>
    public bool IsSmall => Letters.Count(l => l.PointSize < BodySize * 0.9) * 10 >= Letters.Count * 8;

    /// <summary>The line's text with no whitespace at the ends.</summary>
    public string Trimmed => Text().Trim();

    /// <summary>The line's text; raised small digits (footnote marks) are glued to the word before them.</summary>
    public string Text(Func<Letter, bool>? include = null) => PdfLines.Compose(Letters.Where(include ?? (_ => true)).ToList(), Baseline);
}

/// <summary>Groups a page's letters into visual lines (by baseline) and writes their text.</summary>
internal static class PdfLines
{
    /// <summary>The most common letter size of the document (its body text).</summary>
    public static double BodySize(IEnumerable<Letter> letters)
    {
        var size = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.PointSize * 2) / 2)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        return size > 0 ? size : 12;
    }

    /// <summary>The page's lines from top to bottom. A raised mark (within half a body size) joins the line below it.</summary>
    public static List<PdfLine> Lines(Page page, double bodySize)
    {
        var letters = page.Letters.OrderByDescending(l => l.StartBaseLine.Y).ToList();
        var groups = new List<List<Letter>>();
        var tolerance = bodySize * 0.45;
        foreach (var letter in letters)
        {
            if (groups.Count > 0 && groups[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y < tolerance)
            {
                groups[^1].Add(letter);
            }
            else
            {
                groups.Add([letter]);
            }
        }

        return [.. groups.Where(g => g.Any(l => !string.IsNullOrWhiteSpace(l.Value))).Select(g => new PdfLine
        {
            Page = page.Number,
            Baseline = LineBaseline(g),
            Letters = [.. g.OrderBy(l => l.BoundingBox.Left)],
            BodySize = bodySize,
        })];
    }

    /// <summary>True when the letter is a footnote mark: a digit smaller than the line's text and raised above its baseline.</summary>
    public static bool IsRaisedMark(Letter letter, double baseline, double lineSize) =>
        letter.Value.Length == 1 && char.IsAsciiDigit(letter.Value[0])
        && letter.PointSize < lineSize * 0.85
        && letter.StartBaseLine.Y - baseline > lineSize * 0.15;

    /// <summary>
    /// Text of letters in reading order: the PDF's own spaces, and a space where the gap between one glyph's advance
    /// and the next is wider than a sixth of the size (PDFs that position words without space glyphs).
    /// </summary>
    public static string Compose(IReadOnlyList<Letter> letters, double baseline)
    {
        var text = new StringBuilder();
        var size = letters.Count == 0 ? 0 : letters.Max(l => l.PointSize);
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                text.Append(' ');
                previous = null;
                continue;
            }

            if (previous is not null && !IsRaisedMark(letter, baseline, size))
            {
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (gap > Math.Min(letter.PointSize, previous.PointSize) / 6)
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return text.ToString();
    }

    /// <summary>
    /// The top of the page's footnote area: the short horizontal separator line that Word and LibreOffice draw above
    /// the footnotes (a table's rules are much longer), or null when the page has none.
    /// </summary>
    public static double? FootnoteSeparator(Page page)
    {
        double? top = null;
        foreach (var path in page.Paths)
        {
            if (path.GetBoundingRectangle() is { } box && box.Height < 2 && box.Width > 30 && box.Width < page.Width * 0.4)
            {
                top = Math.Max(top ?? double.MinValue, box.Top);
            }
        }

        return top;
    }

    private static double LineBaseline(List<Letter> letters)
    {
        var size = letters.Max(l => l.PointSize);
        return letters.Where(l => l.PointSize >= size * 0.85).GroupBy(l => Math.Round(l.StartBaseLine.Y,
            1)).OrderByDescending(g => g.Count()).First().Key;
    }
}
