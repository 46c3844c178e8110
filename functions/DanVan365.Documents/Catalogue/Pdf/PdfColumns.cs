namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// The five columns of the catalogue table (TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện) as
/// x boundaries, found from the page's geometry. The header row's words, over all its lines (a header cell may wrap
/// and be centred vertically), fall into five clusters told apart by wide gaps. Where the table is ruled, the vertical
/// rule just left of each cluster is the boundary; where it is not, the column gap of the table's body rows (an x range
/// that almost no glyph crosses: only section titles span the table) just left of each cluster's text.
/// </summary>
internal sealed class PdfColumns
{
    private readonly double[] _starts;
    private double _lastRight;

    private PdfColumns(double[] starts, double right)
    {
        _starts = starts;
        _lastRight = right;
    }

    /// <summary>True when the boundaries came from the table's rules.</summary>
    public bool Ruled { get; private init; }

    /// <summary>The columns' left boundaries.</summary>
    public IReadOnlyList<double> Starts => _starts;

    public static PdfColumns Find(PdfPageView page, IReadOnlyList<PdfLine> header, IReadOnlyList<PdfLine> body)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(body);
        var top = header.Max(l => l.Letters.Max(g => g.Top));
        var bottom = header.Min(l => l.Letters.Min(g => g.Bottom));
        var rules = Distinct(page.Rules.Where(r => r.IsVertical && r.Bottom <= (top + bottom) / 2 && r.Top >= (top + bottom) / 2)
            .Select(r => r.X));
        if (rules.Count == 6)
        {
            // a fully ruled header row: its six vertical rules are the five columns' edges
            return new PdfColumns([.. rules.Take(5)], rules[5]) { Ruled = true };
        }

        var cells = HeaderCells(header);
        if (cells.Count != 5)
        {
            throw new PdfLayoutException(header[0].Page, header[0].Number, $"the table header has {cells.Count} cells, expected 5 (TT, " +
                $"Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện)");
        }

        var gaps = rules.Count > 0 ? [] : BodyGaps(body);
        var starts = new double[5];
        var ruled = rules.Count > 0;
        for (var k = 0; k < 5; k++)
        {
            var floor = k == 0 ? double.MinValue : (cells[k - 1].Left + cells[k - 1].Right) / 2;
            var rule = rules.Where(x => x > floor && x <= cells[k].Left + 0.5).DefaultIfEmpty(double.NaN).Max();
            ruled &= !double.IsNaN(rule);
            var gap = gaps.Where(g => g.Right > floor && g.Right <= cells[k].Left + 1).Select(g => g.Right)
                .DefaultIfEmpty(double.NaN).Max();
            starts[k] = !double.IsNaN(rule) ? rule : !double.IsNaN(gap) && k > 0 ? gap - 0.5 : cells[k].Left - 1;
        }

        // the table's right edge: its last rule, or at least the text's right margin on the header's page
        var right = page.Glyphs.Select(l => l.Right).Append(rules.DefaultIfEmpty(0).Max()).Max();
        return new PdfColumns(starts, right) { Ruled = ruled };
    }

    // Sorted x positions, those less than 3 pt apart (a double or overlapping stroke) taken once.
    private static List<double> Distinct(IEnumerable<double> xs)
    {
        var sorted = new List<double>();
        foreach (var x in xs.Order())
        {
            if (sorted.Count == 0 || x - sorted[^1] >= 3)
            {
                sorted.Add(x);
            }
        }

        return sorted;
    }

    // The header's words projected onto x, merged where less than about half a letter apart: one range per cell.
    private static List<(double Left, double Right)> HeaderCells(IReadOnlyList<PdfLine> header)
    {
        var glyphs = header.SelectMany(l => l.Letters).Where(g => !g.IsBlank).OrderBy(g => g.Left).ToList();
        var size = glyphs.Max(g => g.PointSize);
        var cells = new List<(double Left, double Right)>();
        foreach (var g in glyphs)
        {
            if (cells.Count > 0 && g.Left - cells[^1].Right <= size * 0.6)
            {
                cells[^1] = (cells[^1].Left, Math.Max(cells[^1].Right, g.Right));
            }
            else
            {
                cells.Add((g.Left, g.Right));
            }
        }

        return cells;
    }

    // x ranges (1 pt steps) that at most a tenth of the body's lines cross (section titles span the whole table).
    private static List<(double Left, double Right)> BodyGaps(IReadOnlyList<PdfLine> body)
    {
        var glyphs = body.SelectMany(l => l.Letters.Where(g => !g.IsBlank).Select(g => (l, g))).ToList();
        if (glyphs.Count == 0)
        {
            return [];
        }

        var from = (int)Math.Floor(glyphs.Min(x => x.g.Left));
        var to = (int)Math.Ceiling(glyphs.Max(x => x.g.Right));
        var crossing = new HashSet<PdfLine>[to - from + 1];
        foreach (var (line, g) in glyphs)
        {
            for (var x = (int)Math.Ceiling(g.Left); x < (int)Math.Floor(g.Right); x++)
            {
                (crossing[x - from] ??= []).Add(line);
            }
        }

        var limit = Math.Max(1, body.Count / 10);
        var gaps = new List<(double Left, double Right)>();
        var start = -1;
        for (var i = 0; i <= crossing.Length; i++)
        {
            var open = i < crossing.Length && (crossing[i]?.Count ?? 0) <= limit;
            if (open)
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                if (i - start >= 2)
                {
                    gaps.Add((from + start, from + i));
                }

                start = -1;
            }
        }

        return gaps;
    }

    /// <summary>The line's text in each column (empty where a column has none).</summary>
    public string[] Cells(PdfLine line) => [.. CellLines(line).Select(c => c.Text)];

    /// <summary>
    /// The line's text in each column, and whether it is one word that fills the column (a word too long for the
    /// column, which the writer broke mid-word: "15/02/202" + "6").
    /// </summary>
    public PdfCellLine[] CellLines(PdfLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var cells = new PdfCellLine[5];
        for (var c = 0; c < 5; c++)
        {
            var from = _starts[c];
            var to = c < 4 ? _starts[c + 1] : double.MaxValue;
            var letters = line.Letters.Where(l => l.Centre >= from && l.Centre < to).ToList();
            var text = Core.Text.VietnameseText.Normalize(PdfLines.Compose(letters, line.Baseline));
            var right = letters.Where(l => !l.IsBlank).Select(l => l.Right).DefaultIfEmpty(from).Max();
            if (c == 4)
            {
                _lastRight = Math.Max(_lastRight, right);
            }

            var end = c < 4 ? _starts[c + 1] : _lastRight;
            var full = text.Length > 0 && !text.Contains(' ', StringComparison.Ordinal) && right > end - (line.BodySize * 1.5);
            cells[c] = new PdfCellLine(text, full);
        }

        return cells;
    }

    /// <summary>Each column's text over several lines (the header row).</summary>
    public IEnumerable<string> CellTexts(IEnumerable<PdfLine> lines)
    {
        var cells = lines.Select(Cells).ToList();
        return Enumerable.Range(0, 5).Select(c => CellText.Join(cells.Select(l => l[c])));
    }
}

/// <summary>A cell's text on one line; <see cref="Full"/>: one word that fills the column (broken mid-word if more follows).</summary>
internal readonly record struct PdfCellLine(string Text, bool Full);

/// <summary>The page layout cannot be read as a catalogue table; names the logical page and the line on it.</summary>
internal sealed class PdfLayoutException(int page, int line, string message) : Exception(message)
{
    public int Page { get; } = page;

    public int Line { get; } = line;
}
