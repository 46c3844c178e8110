using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A ruling line: <see cref="Start"/>–<see cref="End"/> across it (its thickness), <see cref="From"/>–<see cref="To"/>
/// along it.</summary>
internal readonly record struct Rule(int Start, int End, int From, int To)
{
    public int Length => To - From + 1;

    public int Middle => (Start + End) / 2;
}

/// <summary>One cell of a table row: the columns it spans (0 TT … 4 time) and its inside, within the rules.</summary>
internal sealed record GridCell(int FirstColumn, int LastColumn, PixelBox Box);

/// <summary>One table row between two horizontal rules.</summary>
internal sealed record GridRow(int Top, int Bottom, IReadOnlyList<GridCell> Cells)
{
    /// <summary>Merged cells: the TT cell and one cell across the other four columns (a section's title).</summary>
    public bool IsMerged => Cells.Count == 2 && Cells[0].LastColumn == 0 && Cells[1].FirstColumn == 1 && Cells[1].LastColumn == 4;
}

/// <summary>The catalogue table on one page: its rows (top to bottom), its extent, and the footnote separator's place
/// below it (a short rule at the left; null when there is none).</summary>
internal sealed record PageGrid(IReadOnlyList<GridRow> Rows, int Top, int Bottom, int Left, int Right, int? Separator);

/// <summary>
/// Finds the catalogue table's grid on a deskewed page from its ruling lines: horizontal rules are long runs of ink
/// (at least <see cref="MinRuleShare"/> of the page's width, small gaps bridged), the vertical rules of each row are
/// columns of ink across the whole row. The five columns are those of the page's rows with the most rules; a row with
/// fewer rules has merged cells (a section row).
/// </summary>
internal static class TableGrid
{
    /// <summary>Shortest table rule, as a share of the page's width.</summary>
    public const double MinRuleShare = 0.35;

    public static PageGrid? Find(GreyPage page, int threshold, int dpi)
    {
        ArgumentNullException.ThrowIfNull(page);
        var ink = InkFilter.Binarise(page, threshold);
        var gap = Math.Max(2, dpi / 100);
        var horizontal = HorizontalRules(page, ink, gap);
        var table = horizontal.Where(r => r.Length >= page.Width * MinRuleShare).ToList();
        if (table.Count < 2)
        {
            return null;
        }

        var left = table.Min(r => r.From);
        var right = table.Max(r => r.To);
        var rows = new List<(Rule Top, Rule Bottom, List<Rule> Verticals)>();
        for (var i = 0; i + 1 < table.Count; i++)
        {
            var verticals = VerticalRules(page, ink, table[i], table[i + 1], left, right, gap);
            if (verticals.Count >= 2)
            {
                rows.Add((table[i], table[i + 1], verticals));
            }
        }

        var edges = ColumnEdges(rows.Select(r => r.Verticals).ToList(), dpi);
        if (edges is null)
        {
            return null;
        }

        var gridRows = new List<GridRow>();
        // a cell is cut a pixel inside its rules per 150 dpi: a first line set against the rule keeps its tone marks
        var margin = Math.Max(1, dpi / 150);
        foreach (var (top, bottom, verticals) in rows)
        {
            var cells = new List<GridCell>();
            for (var v = 0; v + 1 < verticals.Count; v++)
            {
                var first = Nearest(edges, verticals[v].Middle);
                var last = Nearest(edges, verticals[v + 1].Middle) - 1;
                if (last < first)
                {
                    continue;
                }

                var x0 = verticals[v].End + 1 + margin;
                var x1 = verticals[v + 1].Start - 1 - margin;
                var y0 = top.End + 1 + margin;
                var y1 = bottom.Start - 1 - margin;
                if (x1 > x0 && y1 > y0)
                {
                    cells.Add(new GridCell(first, last, new PixelBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1)));
                }
            }

            if (cells.Count > 0 && cells[0].FirstColumn == 0 && cells[^1].LastColumn == 4)
            {
                gridRows.Add(new GridRow(top.Middle, bottom.Middle, cells));
            }
        }

        if (gridRows.Count == 0)
        {
            return null;
        }

        var tableBottom = gridRows[^1].Bottom;
        // the separator is often printed grey (a browser's <hr>): looked for in grey too when it is not in black
        var separator = Separator(page, horizontal, tableBottom, left, gap, dpi)
            ?? Separator(page, HorizontalRules(page, InkFilter.Binarise(page, ScanReader.PaperLevel(threshold)), gap), tableBottom,
                left, gap, dpi);
        return new PageGrid(gridRows, gridRows[0].Top, tableBottom, left, right, separator);
    }

    // The footnote separator: the first short thin rule below the table, starting at its left.
    private static int? Separator(GreyPage page, List<Rule> horizontal, int tableBottom, int left, int gap, int dpi)
    {
        var separator = horizontal.FirstOrDefault(r => r.Start > tableBottom + gap && r.Length < page.Width * MinRuleShare
            && r.Length >= page.Width * 0.05 && r.From < left + (page.Width * 0.05) && r.End - r.Start < dpi / 30);
        return separator == default ? null : separator.Middle;
    }

    // Rows of the page with a run of ink (gaps up to `gap` bridged, the rows above and below counted too, for what
    // deskewing left) at least 5% of the page wide, grouped into rules.
    internal static List<Rule> HorizontalRules(GreyPage page, bool[] ink, int gap)
    {
        var rules = new List<Rule>();
        Rule? open = null;
        var minimum = (int)(page.Width * 0.05);
        for (var y = 0; y < page.Height; y++)
        {
            var (from, to) = LongestRun(page.Width, x => Ink(ink, page, x, y) || Ink(ink, page, x, y - 1) || Ink(ink, page, x, y + 1), gap);
            var thin = to - from + 1 >= minimum && RowRun(page, ink, y, from, to) >= (to - from + 1) * 0.5;
            if (thin && open is { } o && y - o.End <= 1 + 1)
            {
                open = new Rule(o.Start, y, Math.Min(o.From, from), Math.Max(o.To, to));
            }
            else if (thin)
            {
                if (open is { } done)
                {
                    rules.Add(done);
                }

                open = new Rule(y, y, from, to);
            }
        }

        if (open is { } last)
        {
            rules.Add(last);
        }

        // a rule is thin: drop runs thicker than a rule could be (a block of solid ink), keep the rest
        return [.. rules.Where(r => r.End - r.Start <= Math.Max(8, page.Width / 200))];
    }

    private static int RowRun(GreyPage page, bool[] ink, int y, int from, int to)
    {
        var count = 0;
        for (var x = from; x <= to; x++)
        {
            if (Ink(ink, page, x, y))
            {
                count++;
            }
        }

        return count;
    }

    // The vertical rules crossing the row between `top` and `bottom`: x positions whose column is ink over 90% of the
    // row's height (the neighbouring columns counted too), grouped.
    private static List<Rule> VerticalRules(GreyPage page, bool[] ink, Rule top, Rule bottom, int left, int right, int gap)
    {
        var y0 = top.End + 2;
        var y1 = bottom.Start - 2;
        var height = y1 - y0 + 1;
        var rules = new List<Rule>();
        if (height < gap * 3)
        {
            return rules;
        }

        var counts = new int[page.Width];
        for (var y = y0; y <= y1; y++)
        {
            var row = y * page.Width;
            for (var x = Math.Max(1, left - gap); x <= Math.Min(page.Width - 2, right + gap); x++)
            {
                if (ink[row + x - 1] || ink[row + x] || ink[row + x + 1])
                {
                    counts[x]++;
                }
            }
        }

        Rule? open = null;
        for (var x = 0; x < page.Width; x++)
        {
            if (counts[x] >= height * 0.9)
            {
                open = open is { } o ? o with { End = x } : new Rule(x, x, y0, y1);
            }
            else if (open is { } done)
            {
                rules.Add(done with { Start = done.Start + 1, End = Math.Max(done.Start + 1, done.End - 1) });
                open = null;
            }
        }

        return rules;
    }

    // The six column edges (left border, four inner rules, right border) from the rows with the most rules.
    private static List<int>? ColumnEdges(List<List<Rule>> rows, int dpi)
    {
        var full = rows.Where(r => r.Count == 6).ToList();
        if (full.Count == 0)
        {
            return null;
        }

        var tolerance = Math.Max(3, dpi / 30);
        var edges = Enumerable.Range(0, 6).Select(i => (int)full.Average(r => r[i].Middle)).ToList();
        return full.Count(r => r.Select((v, i) => Math.Abs(v.Middle - edges[i])).Max() <= tolerance) * 2 >= full.Count ? edges : null;
    }

    private static int Nearest(List<int> edges, int x)
    {
        var best = 0;
        for (var i = 1; i < edges.Count; i++)
        {
            if (Math.Abs(edges[i] - x) < Math.Abs(edges[best] - x))
            {
                best = i;
            }
        }

        return best;
    }

    private static bool Ink(bool[] ink, GreyPage page, int x, int y) =>
        y >= 0 && y < page.Height && x >= 0 && x < page.Width && ink[(y * page.Width) + x];

    private static (int From, int To) LongestRun(int width, Func<int, bool> isInk, int gap)
    {
        var (bestFrom, bestTo, from, lastInk) = (0, -1, -1, -gap - 2);
        for (var x = 0; x < width; x++)
        {
            if (!isInk(x))
            {
                continue;
            }

            if (x - lastInk > gap + 1)
            {
                from = x;
            }

            lastInk = x;
            if (x - from > bestTo - bestFrom)
            {
                (bestFrom, bestTo) = (from, x);
            }
        }

        return (bestFrom, bestTo);
    }
}
