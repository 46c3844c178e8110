namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// The "i" under a tone mark, told by what stands above it on the image. Tesseract reads "chi tiêu" as "chỉ tiêu" (the
/// words it knows best) although the dot of the "i" is plain on the page. Above the stem, an "i" or "ị" has its dot and
/// "ì", "í", "ỉ", "ĩ" a mark about twice as high and wide. What stands above every "i" read is measured (the ink
/// entirely above the stem: the thinnest connected ink at least twice as high as wide centred in the letter's box); the
/// decision's own dots and marks, from the letters OCR had no runner-up for (under 10 %), set the two sizes (each
/// measured at least <see cref="Calibration"/> times, the marks at least 1.5 times as high). An "i" whose runner-up is of the other kind
/// takes that runner-up when what stands above it is of that kind's size (nearer it than the other by two to one in
/// height and width); the word keeps at most <see cref="ScanPiece.DisagreementConfidence"/>. Only the LSTM's own
/// runner-ups are chosen, and only by the image.
/// </summary>
internal static class OcrTittles
{
    /// <summary>The letters measured: "i" with its dot, above the dot below, and under the four marks above.</summary>
    public const string Letters = "iịìíỉĩ";

    private const string Dotted = "iị";

    /// <summary>How many dots and marks must be measured before any letter is judged.</summary>
    public const int Calibration = 3;

    /// <summary>The words, with each "i" the image shows otherwise than read taking its runner-up.</summary>
    public static List<OcrWord> Mend(List<OcrWord> words, IReadOnlyList<GreyPage> images, IReadOnlyList<OcrGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(words);
        var measured = OcrGlyph.On(glyphs, images).Select(x => (x.Glyph, Top: Above(x.Image, x.Glyph)))
            .Where(m => m.Top is not null).Select(m => (m.Glyph, Top: m.Top!.Value)).ToList();
        var sure = measured.Where(m => m.Glyph.Sure).ToList();
        var dots = sure.Where(m => Dotted.Contains(m.Glyph.Letter, StringComparison.Ordinal)).Select(m => m.Top).ToList();
        var marks = sure.Where(m => !Dotted.Contains(m.Glyph.Letter, StringComparison.Ordinal)).Select(m => m.Top).ToList();
        if (dots.Count < Calibration || marks.Count < Calibration)
        {
            return words;
        }

        var dot = (Width: InkPieces.Median(dots.Select(d => d.Width)), Height: InkPieces.Median(dots.Select(d => d.Height)));
        var mark = (Width: InkPieces.Median(marks.Select(d => d.Width)), Height: InkPieces.Median(marks.Select(d => d.Height)));
        if (mark.Height * 2 < dot.Height * 3)
        {
            return words;
        }

        var taken = new List<(OcrGlyph, char)>();
        foreach (var (glyph, top) in measured)
        {
            var dotted = Dotted.Contains(glyph.Letter, StringComparison.Ordinal);
            var dotSized = top.Height * 3 <= (2 * dot.Height) + mark.Height && top.Width * 3 <= (2 * dot.Width) + mark.Width;
            var markSized = top.Height * 3 >= dot.Height + (2 * mark.Height) && top.Width * 3 >= dot.Width + (2 * mark.Width);
            var wanted = glyph.Others.Where(o => o.Value > 0 && Dotted.Contains(o.Key, StringComparison.Ordinal) != dotted)
                .OrderByDescending(o => o.Value).Select(o => (char?)o.Key).FirstOrDefault();
            if (wanted is { } letter && (dotted ? markSized : dotSized))
            {
                taken.Add((glyph, letter));
            }
        }

        return OcrGlyph.Take(words, taken, Letters);
    }

    /// <summary>Width and height of the ink entirely above the letter's stem (the thinnest connected ink, darker than
    /// mid-grey, at least twice as high as wide, whose centre lies in the letter's box) and over it; null when there is no
    /// stem or nothing above it.</summary>
    internal static (int Width, int Height)? Above(GreyPage image, OcrGlyph glyph)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(glyph);
        var parts = InkPieces.InOcrBox(image, glyph.Word);
        var (from, to) = glyph.Columns;
        // the stem: the thinnest piece at least twice as high as wide centred in the letter's box (the box OCR gives is
        // loose and may take in half of the letter before it)
        var stem = parts.Where(c => (c.Left + c.Right) / 2 >= from && (c.Left + c.Right) / 2 <= to
                && c.Bottom - c.Top + 1 >= 2 * (c.Right - c.Left + 1))
            .OrderByDescending(c => (c.Bottom - c.Top + 1) / (double)(c.Right - c.Left + 1))
            .Cast<(int Left, int Top, int Right, int Bottom)?>().FirstOrDefault();
        if (stem is not { } s)
        {
            return null;
        }

        var reach = s.Right - s.Left + 1;
        var above = parts.Where(c => c.Bottom < s.Top && c.Right >= s.Left - reach && c.Left <= s.Right + reach).ToList();
        return above.Count == 0 ? null
            : (above.Max(c => c.Right) - above.Min(c => c.Left) + 1, above.Max(c => c.Bottom) - above.Min(c => c.Top) + 1);
    }
}
