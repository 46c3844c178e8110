using System.Text;
using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// The tone mark over a circumflex ("â", "ê", "ô" bare or with the acute, grave, hook or tilde), told by the image.
/// Tesseract reads a serif print's hook as an acute ("thẩm quyền" read "thấm quyền", "đẩy" read "đấy") and adds a grave
/// to a bare circumflex ("đông người" read "đồng người") although the page shows otherwise. For every such letter read,
/// the ink entirely above its body (the largest connected ink centred in the letter's box) is measured twice: over the
/// whole zone above the body (a grid of <see cref="ZoneColumns"/> × <see cref="ZoneRows"/> ink fractions, from 0.3 of the
/// body's width left of it to 0.6 right of it and 1.2 of its height above it) and, when that ink is two pieces (the
/// circumflex, the widest, and the mark, at least 3 pixels each way), over the mark's own box (3 × 3). The decision's
/// own letters OCR had no runner-up for (<see cref="OcrGlyph.Sure"/>) give each kind's mean (at least
/// <see cref="Calibration"/> letters). A letter whose runner-up (same vowel, another mark) is nearer that kind's mean
/// than its own by <see cref="Margin"/> to one takes the runner-up: between two marks, by the mark's shape when it
/// stands apart; otherwise by the zone. The word keeps at most <see cref="ScanPiece.DisagreementConfidence"/>. Only the
/// LSTM's own runner-ups are chosen, and only by the image.
/// </summary>
internal static class OcrCircumflexMarks
{
    /// <summary>The letters judged: the three circumflex vowels bare and under the four tone marks above (small letters;
    /// the dot below is not judged).</summary>
    public const string Letters = "âấầẩẫêếềểễôốồổỗ";

    /// <summary>How many of a kind's sure letters must be measured before that kind is compared.</summary>
    public const int Calibration = 3;

    /// <summary>How much nearer the runner-up's kind must be (its distance times this under the letter's own).</summary>
    public const double Margin = 1.5;

    /// <summary>Columns of the zone above the body.</summary>
    public const int ZoneColumns = 10;

    /// <summary>Rows of the zone above the body.</summary>
    public const int ZoneRows = 8;

    /// <summary>The words, with each circumflex letter the image shows otherwise than read taking its runner-up.</summary>
    public static List<OcrWord> Mend(List<OcrWord> words, IReadOnlyList<GreyPage> images, IReadOnlyList<OcrGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(words);
        var measured = OcrGlyph.On(glyphs, images).Select(x => (x.Glyph, Ink: Measure(x.Image, x.Glyph)))
            .Where(m => m.Ink is not null).Select(m => (m.Glyph, Ink: m.Ink!)).ToList();
        var sure = measured.Where(m => m.Glyph.Sure).ToList();
        var zones = Means(sure.Select(m => (Mark(m.Glyph.Letter), m.Ink.Zone)));
        var shapes = Means(sure.Where(m => m.Ink.Mark is not null).Select(m => (Mark(m.Glyph.Letter), m.Ink.Mark!)));
        var taken = new List<(OcrGlyph, char)>();
        foreach (var (glyph, ink) in measured)
        {
            var own = Mark(glyph.Letter);
            var runnerUp = glyph.Others.Where(o => o.Value > 0 && Vowel(o.Key) == Vowel(glyph.Letter) && Mark(o.Key) != own)
                .OrderByDescending(o => o.Value).Select(o => (char?)o.Key).FirstOrDefault();
            if (runnerUp is not { } letter)
            {
                continue;
            }

            var other = Mark(letter);
            var (means, features) = own != 0 && other != 0 && ink.Mark is not null && shapes.ContainsKey(own) && shapes.ContainsKey(other)
                ? (shapes, ink.Mark) : (zones, ink.Zone);
            if (means.TryGetValue(own, out var ownMean) && means.TryGetValue(other, out var otherMean)
                && Distance(features, otherMean) * Margin < Distance(features, ownMean))
            {
                taken.Add((glyph, letter));
            }
        }

        return OcrGlyph.Take(words, taken, Letters);
    }

    /// <summary>What stands above a letter's body: the zone's ink fractions and, when it is two pieces, the mark's (the
    /// narrower piece) over its own box.</summary>
    internal sealed record AboveInk(double[] Zone, double[]? Mark);

    /// <summary>The ink above the letter's body (see <see cref="OcrCircumflexMarks"/>); null when no body is found.</summary>
    internal static AboveInk? Measure(GreyPage image, OcrGlyph glyph)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(glyph);
        var area = InkPieces.OcrBoxInImage(image, glyph.Word);
        var (pieces, labels) = InkPieces.Labelled(image, area);
        var (from, to) = glyph.Columns;
        var body = pieces.Select((p, i) => (p, i))
            .Where(x => (x.p.Left + x.p.Right) / 2.0 >= from && (x.p.Left + x.p.Right) / 2.0 <= to
                && (x.p.Bottom - x.p.Top + 1) * 4 >= area.Height)
            .OrderByDescending(x => (x.p.Right - x.p.Left + 1) * (x.p.Bottom - x.p.Top + 1)).Select(x => (int?)x.i).FirstOrDefault();
        if (body is not { } b)
        {
            return null;
        }

        var (left, top, right, bottom) = pieces[b];
        var (width, height) = (right - left + 1, bottom - top + 1);
        var (x0, x1) = (left - (0.3 * width), right + (0.6 * width));
        var above = pieces.Select((p, i) => (p, i))
            .Where(x => x.p.Bottom < top && (x.p.Left + x.p.Right) / 2.0 >= x0 && (x.p.Left + x.p.Right) / 2.0 <= x1)
            .ToList();
        var chosen = above.Select(x => x.i).ToHashSet();
        var zone = Grid(area, labels, chosen, x0, top - (1.2 * height), x1 - x0 + 1, 1.2 * height, ZoneColumns, ZoneRows);
        double[]? mark = null;
        if (above.Count == 2 && above.OrderBy(x => x.p.Right - x.p.Left).First() is var (p, i)
            && Math.Min(p.Right - p.Left, p.Bottom - p.Top) + 1 >= 3)
        {
            mark = Grid(area, labels, [i], p.Left, p.Top, p.Right - p.Left + 1, p.Bottom - p.Top + 1, 3, 3);
        }

        return new AboveInk(zone, mark);
    }

    // The fraction of each cell's pixels that belong to the chosen pieces, over a box cut in columns × rows (pixels
    // outside the labelled area count as blank).
    private static double[] Grid(PixelBox area, int[] labels, HashSet<int> chosen, double x, double y, double width,
        double height, int columns, int rows)
    {
        var result = new double[columns * rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var (cx0, cx1) = ((int)Math.Floor(x + (c * width / columns)), (int)Math.Floor(x + ((c + 1) * width / columns)));
                var (cy0, cy1) = ((int)Math.Floor(y + (r * height / rows)), (int)Math.Floor(y + ((r + 1) * height / rows)));
                var (ink, all) = (0, 0);
                for (var py = cy0; py < cy1; py++)
                {
                    for (var px = cx0; px < cx1; px++)
                    {
                        all++;
                        var inside = px >= area.X && py >= area.Y && px < area.X + area.Width && py < area.Y + area.Height;
                        ink += inside && chosen.Contains(labels[((py - area.Y) * area.Width) + px - area.X]) ? 1 : 0;
                    }
                }

                result[(r * columns) + c] = all == 0 ? 0 : ink / (double)all;
            }
        }

        return result;
    }

    // Each kind's mean over at least Calibration measures.
    private static Dictionary<char, double[]> Means(IEnumerable<(char Kind, double[] Features)> measures) =>
        measures.GroupBy(m => m.Kind).Where(g => g.Count() >= Calibration)
            .ToDictionary(g => g.Key, g => Enumerable.Range(0, g.First().Features.Length)
                .Select(i => g.Average(m => m.Features[i])).ToArray());

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    // The letter's mark above the circumflex as its combining character, 0 for none.
    internal static char Mark(char letter) =>
        letter.ToString().Normalize(NormalizationForm.FormD).Skip(1).FirstOrDefault(c => c != '\u0302');

    // The letter's vowel with its circumflex ("â", "ê", "ô"), or 0.
    private static char Vowel(char letter) =>
        Letters.Contains(letter, StringComparison.Ordinal) ? letter.ToString().Normalize(NormalizationForm.FormD)[0] : '\0';
}
