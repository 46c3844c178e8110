using System.Text;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>One visual line of a page: its letters left to right, its baseline and whether it is footnote-sized.</summary>
internal sealed class PdfLine
{
    /// <summary>The logical page (1-based).</summary>
    public required int Page { get; init; }

    /// <summary>The line's number on its page, counted from the top (1-based).</summary>
    public required int Number { get; init; }

    public required double Baseline { get; init; }

    public required IReadOnlyList<PdfGlyph> Letters { get; init; }

    public required double BodySize { get; init; }

    /// <summary>Left edge of the first visible letter.</summary>
    public double Left => Letters.First(l => !l.IsBlank).Left;

    /// <summary>Most letters are smaller than the document's body text (a footnote at the page bottom).</summary>
    public bool IsSmall => Letters.Count(l => l.PointSize < BodySize * 0.9) * 10 >= Letters.Count * 8;

    /// <summary>The line's text with no whitespace at the ends.</summary>
    public string Trimmed => Text().Trim();

    /// <summary>The line's text; raised small digits (footnote marks) are glued to the word before them.</summary>
    public string Text(Func<PdfGlyph, bool>? include = null) => PdfLines.Compose(Letters.Where(include ?? (_ => true)).ToList(), Baseline);
}

/// <summary>Groups a page's letters into visual lines (by baseline) and writes their text.</summary>
internal static class PdfLines
{
    /// <summary>The most common letter size of the document (its body text).</summary>
    public static double BodySize(IEnumerable<PdfGlyph> letters)
    {
        var size = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.PointSize * 2) / 2)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        return size > 0 ? size : 12;
    }

    /// <summary>The page's lines from top to bottom. A raised mark (within half a body size) joins the line below it.</summary>
    public static List<PdfLine> Lines(PdfPageView page, double bodySize)
    {
        ArgumentNullException.ThrowIfNull(page);
        var letters = page.Glyphs.OrderByDescending(l => l.Baseline).ToList();
        var groups = new List<List<PdfGlyph>>();
        var tolerance = bodySize * 0.45;
        foreach (var letter in letters)
        {
            if (groups.Count > 0 && groups[^1][0].Baseline - letter.Baseline < tolerance)
            {
                groups[^1].Add(letter);
            }
            else
            {
                groups.Add([letter]);
            }
        }

        return [.. groups.Where(g => g.Any(l => !l.IsBlank)).Select((g, i) => new PdfLine
        {
            Page = page.Number,
            Number = i + 1,
            Baseline = LineBaseline(g),
            Letters = [.. g.OrderBy(l => l.Left)],
            BodySize = bodySize,
        })];
    }

    /// <summary>True when the letter is a footnote mark: a digit smaller than the line's text and raised above its baseline.</summary>
    public static bool IsRaisedMark(PdfGlyph letter, double baseline, double lineSize) =>
        letter.Value.Length == 1 && char.IsAsciiDigit(letter.Value[0])
        && letter.PointSize < lineSize * 0.85
        && letter.Baseline - baseline > lineSize * 0.15;

    /// <summary>
    /// Text of letters in reading order: the PDF's own spaces, and a space where the gap between one glyph's advance
    /// and the next is wider than a sixth of the size (PDFs that position words without space glyphs).
    /// </summary>
    public static string Compose(IReadOnlyList<PdfGlyph> letters, double baseline)
    {
        var text = new StringBuilder();
        var size = letters.Count == 0 ? 0 : letters.Max(l => l.PointSize);
        PdfGlyph? previous = null;
        foreach (var letter in letters)
        {
            if (letter.IsBlank)
            {
                text.Append(' ');
                previous = null;
                continue;
            }

            if (previous is not null && !IsRaisedMark(letter, baseline, size))
            {
                var gap = letter.StartX - previous.EndX;
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
    /// the footnotes (shorter than the table's rules, and not a cell's edge: no vertical rule meets its ends), or null.
    /// </summary>
    public static double? FootnoteSeparator(PdfPageView page)
    {
        ArgumentNullException.ThrowIfNull(page);
        double? top = null;
        var verticals = page.Rules.Where(r => r.IsVertical).ToList();
        foreach (var rule in page.Rules.Where(r => !r.IsVertical && r.Top - r.Bottom < 2))
        {
            var width = rule.Right - rule.Left;
            var meetsCell = verticals.Any(v => (Math.Abs(v.X - rule.Left) < 1.5 || Math.Abs(v.X - rule.Right) < 1.5)
                && v.Bottom - 1.5 <= rule.Y && v.Top + 1.5 >= rule.Y);
            if (width > 30 && width < page.Width * 0.4 && !meetsCell)
            {
                top = Math.Max(top ?? double.MinValue, rule.Top);
            }
        }

        return top;
    }

    private static double LineBaseline(List<PdfGlyph> letters)
    {
        var size = letters.Max(l => l.PointSize);
        return letters.Where(l => l.PointSize >= size * 0.85).GroupBy(l => Math.Round(l.Baseline,
            1)).OrderByDescending(g => g.Count()).First().Key;
    }
}
