using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// Turns PdfPig's pages into the reader's own upright pages. PdfPig already applies a page's /Rotate; text that is
/// still drawn rotated (its glyphs' baselines run up, down or right to left) turns the whole sheet so that most text
/// reads left to right. A landscape sheet holding two pages side by side (2-up printing: an empty gutter down the
/// middle that no glyph or rule crosses) becomes two logical pages, left then right, scaled up to a page's size.
/// </summary>
internal static class PdfPageNormaliser
{
    /// <summary>The document's logical pages, numbered from 1 in reading order.</summary>
    public static List<PdfPageView> Normalise(IEnumerable<Page> pages)
    {
        var views = new List<PdfPageView>();
        foreach (var page in pages)
        {
            var upright = Upright(page);
            foreach (var (glyphs, rules, width, height) in SplitTwoUp(upright))
            {
                views.Add(new PdfPageView(views.Count + 1, page.Number, width, height, glyphs, rules));
            }
        }

        return views;
    }

    /// <summary>The sheet turned so that most of its text reads left to right (a quarter turn at a time).</summary>
    public static (List<PdfGlyph> Glyphs, List<PdfRule> Rules, double Width, double Height) Upright(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var quarter = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(Quarter).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var turn = new Turn(quarter, page.Width, page.Height);
        var glyphs = page.Letters.Select(l => Glyph(l, turn)).ToList();
        var rules = new List<PdfRule>();
        foreach (var path in page.Paths.Where(p => !p.IsClipping))
        {
            foreach (var subpath in path)
            {
                AddRules(path, subpath, turn, rules);
            }
        }

        return (glyphs, rules, turn.Width, turn.Height);
    }

    // The direction of a letter's baseline in quarter turns counter-clockwise (0: left to right).
    private static int Quarter(Letter l)
    {
        var dx = l.EndBaseLine.X - l.StartBaseLine.X;
        var dy = l.EndBaseLine.Y - l.StartBaseLine.Y;
        if (Math.Abs(dx) + Math.Abs(dy) < 1e-6)
        {
            return l.TextOrientation switch
            {
                TextOrientation.Rotate90 => 1,
                TextOrientation.Rotate180 => 2,
                TextOrientation.Rotate270 => 3,
                _ => 0,
            };
        }

        var angle = Math.Atan2(dy, dx) * 2 / Math.PI;
        return (((int)Math.Round(angle) % 4) + 4) % 4;
    }

    private static PdfGlyph Glyph(Letter l, Turn turn)
    {
        var box = l.BoundingBox;
        var (left, bottom, right, top) = turn.Box(box.BottomLeft, box.BottomRight, box.TopLeft, box.TopRight);
        var start = turn.Apply(l.StartBaseLine);
        var end = turn.Apply(l.EndBaseLine);
        return new PdfGlyph(l.Value, left, right, bottom, top, start.X, end.X, start.Y, l.PointSize);
    }

    private static void AddRules(PdfPath path, PdfSubpath subpath, Turn turn, List<PdfRule> rules)
    {
        if (subpath.GetBoundingRectangle() is not { } bounds)
        {
            return;
        }

        var (left, bottom, right, top) = turn.Box(bounds.BottomLeft, bounds.BottomRight, bounds.TopLeft, bounds.TopRight);
        var width = right - left;
        var height = top - bottom;
        if (Math.Min(width, height) < 2 && Math.Max(width, height) > 5)
        {
            rules.Add(new PdfRule(left, bottom, right, top)); // a thin bar or a single stroke
            return;
        }

        if (!path.IsStroked || Math.Min(width, height) < 2)
        {
            return;
        }

        if (subpath.IsDrawnAsRectangle)
        {
            rules.Add(new PdfRule(left, bottom, left, top));
            rules.Add(new PdfRule(right, bottom, right, top));
            rules.Add(new PdfRule(left, bottom, right, bottom));
            rules.Add(new PdfRule(left, top, right, top));
            return;
        }

        foreach (var line in subpath.Commands.OfType<PdfSubpath.Line>())
        {
            var (l, b, r, t) = turn.Box(line.From, line.To, line.From, line.To);
            if (Math.Min(r - l, t - b) < 1 && Math.Max(r - l, t - b) > 5)
            {
                rules.Add(new PdfRule(l, b, r, t));
            }
        }
    }

    // A landscape sheet with an empty gutter near its middle: two pages printed side by side.
    private static IEnumerable<(List<PdfGlyph>, List<PdfRule>, double, double)> SplitTwoUp(
        (List<PdfGlyph> Glyphs, List<PdfRule> Rules, double Width, double Height) sheet)
    {
        var (glyphs, rules, width, height) = sheet;
        var gutter = width > height * 1.2 ? Gutter(glyphs, rules, width) : null;
        if (gutter is not { } split)
        {
            yield return sheet;
            yield break;
        }

        var scale = width / height; // each half scaled up to the size of a page (2-up printing shrinks by about this much)
        yield return (Scale(glyphs.Where(g => g.Centre < split), 0, scale), Scale(rules.Where(r => r.Right < split), 0, scale),
            split * scale, height * scale);
        yield return (Scale(glyphs.Where(g => g.Centre >= split), split, scale), Scale(rules.Where(r => r.Left >= split), split, scale),
            (width - split) * scale, height * scale);
    }

    // The middle of the widest band in the sheet's central fifth that nothing crosses, when it is wide enough.
    private static double? Gutter(List<PdfGlyph> glyphs, List<PdfRule> rules, double width)
    {
        var visible = glyphs.Where(g => !g.IsBlank).ToList();
        if (visible.Count == 0)
        {
            return null;
        }

        var from = (int)(width * 0.4);
        var to = (int)(width * 0.6);
        var used = new bool[to - from + 1];
        foreach (var (left, right) in visible.Select(g => (g.Left, g.Right)).Concat(rules.Select(r => (r.Left, r.Right))))
        {
            for (var x = Math.Max(from, (int)Math.Floor(left)); x <= Math.Min(to, (int)Math.Ceiling(right)); x++)
            {
                used[x - from] = true;
            }
        }

        var (bestStart, bestLength, start) = (0, 0, -1);
        for (var i = 0; i <= used.Length; i++)
        {
            if (i < used.Length && !used[i])
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }

            start = -1;
        }

        var split = from + bestStart + (bestLength / 2.0);
        var onLeft = visible.Count(g => g.Centre < split);
        var bothSides = onLeft * 5 >= visible.Count && (visible.Count - onLeft) * 5 >= visible.Count;
        return bestLength >= width * 0.04 && bothSides ? split : null;
    }

    private static List<PdfGlyph> Scale(IEnumerable<PdfGlyph> glyphs, double dx, double k) => [.. glyphs.Select(g => g with
    {
        Left = (g.Left - dx) * k,
        Right = (g.Right - dx) * k,
        Bottom = g.Bottom * k,
        Top = g.Top * k,
        StartX = (g.StartX - dx) * k,
        EndX = (g.EndX - dx) * k,
        Baseline = g.Baseline * k,
        PointSize = g.PointSize * k,
    })];

    private static List<PdfRule> Scale(IEnumerable<PdfRule> rules, double dx, double k) =>
        [.. rules.Select(r => new PdfRule((r.Left - dx) * k, r.Bottom * k, (r.Right - dx) * k, r.Top * k))];

    // A turn by quarter turns clockwise (undoing text drawn counter-clockwise), then a shift back onto the page.
    private readonly record struct Turn(int Quarter, double PageWidth, double PageHeight)
    {
        public double Width => Quarter % 2 == 0 ? PageWidth : PageHeight;

        public double Height => Quarter % 2 == 0 ? PageHeight : PageWidth;

        public PdfPoint Apply(PdfPoint p) => Quarter switch
        {
            1 => new PdfPoint(p.Y, PageWidth - p.X),
            2 => new PdfPoint(PageWidth - p.X, PageHeight - p.Y),
            3 => new PdfPoint(PageHeight - p.Y, p.X),
            _ => p,
        };

        public (double Left, double Bottom, double Right, double Top) Box(PdfPoint a, PdfPoint b, PdfPoint c, PdfPoint d)
        {
            PdfPoint[] points = [Apply(a), Apply(b), Apply(c), Apply(d)];
            return (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
        }
    }
}
