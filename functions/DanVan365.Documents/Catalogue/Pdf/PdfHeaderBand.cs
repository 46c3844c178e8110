namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// The lines of the table's header row around its "TT … Nhiệm vụ" line (the anchor). A ruled table: every line between
/// the horizontal rule above the anchor and the one below it. An unruled one: the lines just above the anchor that sit
/// right of its first two cells (a wrapped cell centred vertically), then down to the first line whose TT column starts
/// with a digit (the first section or task); a repeated header reaches as far below its anchor as the first one did.
/// </summary>
internal static class PdfHeaderBand
{
    /// <summary>The band as line indices [Start, End); <paramref name="depth"/>: how far the first header reached below its
    /// anchor.</summary>
    public static (int Start, int End) Find(PdfPageView page, IReadOnlyList<PdfLine> lines, int anchor, double bodySize,
        double? depth = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(lines);
        var line = lines[anchor];
        var left = line.Left;
        var across = page.Rules.Where(r => !r.IsVertical && r.Left <= left + 2 && r.Right > left + 10).Select(r => r.Y).ToList();
        var above = across.Where(y => y > line.Baseline).DefaultIfEmpty(double.NaN).Min();
        var below = across.Where(y => y < line.Baseline).DefaultIfEmpty(double.NaN).Max();
        if (!double.IsNaN(above) && !double.IsNaN(below) && above - below < bodySize * 12)
        {
            var start = anchor;
            while (start > 0 && lines[start - 1].Baseline < above)
            {
                start--;
            }

            var end = anchor + 1;
            while (end < lines.Count && lines[end].Baseline > below)
            {
                end++;
            }

            return (start, end);
        }

        if (depth is { } reach)
        {
            var end = anchor + 1;
            while (end < lines.Count && lines[end].Baseline >= line.Baseline - reach - (bodySize * 0.5))
            {
                end++;
            }

            return (Above(lines, anchor, bodySize), end);
        }

        return (Above(lines, anchor, bodySize), Below(lines, anchor));
    }

    // Lines right above the anchor, no more than a line and a half apart, that start right of the anchor's second cell.
    private static int Above(IReadOnlyList<PdfLine> lines, int anchor, double bodySize)
    {
        var glyphs = lines[anchor].Letters.Where(g => !g.IsBlank).ToList();
        var second = glyphs.Skip(1).Where((g, i) => g.Left - glyphs[i].Right > g.PointSize * 0.6).Skip(1).Select(g => g.Left)
            .DefaultIfEmpty(double.MaxValue).First();
        var start = anchor;
        while (start > 0 && lines[start - 1].Baseline - lines[start].Baseline < bodySize * 1.8 && lines[start - 1].Left >= second - 1)
        {
            start--;
        }

        return start;
    }

    // The header row ends before the first line whose TT column starts with a digit (the first section or task).
    private static int Below(IReadOnlyList<PdfLine> lines, int anchor)
    {
        var left = lines[anchor].Left;
        var end = anchor + 1;
        while (end < lines.Count && !(lines[end].Left < left + 20 && char.IsAsciiDigit(lines[end].Trimmed[0])))
        {
            end++;
        }

        return end;
    }
}
