using UglyToad.PdfPig.Content;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// The five columns of the catalogue table (TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện) as
/// x boundaries. The header's first line gives each cell's left edge (cells are told apart by wide gaps); where the
/// table has vertical rules, the rule just left of each header cell is the boundary instead (centred headers).
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

    public static PdfColumns Find(Page page, IReadOnlyList<PdfLine> header)
    {
        var first = header[0];
        var size = first.Letters.Max(l => l.PointSize);
        var lefts = new List<double> { first.Letters[0].BoundingBox.Left };
        for (var i = 1; i < first.Letters.Count; i++)
        {
            if (first.Letters[i].BoundingBox.Left - first.Letters[i - 1].BoundingBox.Right > size * 0.6)
            {
                lefts.Add(first.Letters[i].BoundingBox.Left);
            }
        }

        if (lefts.Count != 5)
        {
            throw new PdfLayoutException($"the table header has {lefts.Count} cells on its first line, expected 5 (TT, Nhiệm vụ, Cơ quan " +
                $"chủ trì, Cơ quan phối hợp, Thời gian thực hiện)");
        }

        var rules = VerticalRules(page, first.Baseline);
        var starts = new double[5];
        var ruled = rules.Count > 0;
        for (var k = 0; k < 5; k++)
        {
            var floor = k == 0 ? double.MinValue : lefts[k - 1];
            var rule = rules.Where(x => x > floor && x <= lefts[k] + 0.5).DefaultIfEmpty(double.NaN).Max();
            ruled &= !double.IsNaN(rule);
            starts[k] = double.IsNaN(rule) ? lefts[k] - 1 : rule;
        }

        // the table's right edge: its last rule, or at least the text's right margin on the header's page
        var right = page.Letters.Select(l => l.BoundingBox.Right).Append(rules.DefaultIfEmpty(0).Max()).Max();
        return new PdfColumns(starts, right) { Ruled = ruled };
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
            var letters = line.Letters.Where(l => Centre(l) >= from && Centre(l) < to).ToList();
            var text = Core.Text.VietnameseText.Normalize(PdfLines.Compose(letters, line.Baseline));
            var right = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.BoundingBox.Right).DefaultIfEmpty(from).Max();
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

    private static double Centre(Letter l) => (l.BoundingBox.Left + l.BoundingBox.Right) / 2;

    // x of thin vertical strokes or filled bars that cross the header line.
    private static List<double> VerticalRules(Page page, double baseline)
    {
        var xs = new List<double>();
        foreach (var path in page.Paths)
        {
            if (path.GetBoundingRectangle() is not { } box)
            {
                continue;
            }

            if (box.Width < 2 && box.Height > 5 && box.Bottom <= baseline && box.Top >= baseline)
            {
                xs.Add((box.Left + box.Right) / 2);
            }
        }

        return xs;
    }
}

/// <summary>A cell's text on one line; <see cref="Full"/>: one word that fills the column (broken mid-word if more follows).</summary>
internal readonly record struct PdfCellLine(string Text, bool Full);

/// <summary>The page layout cannot be read as a catalogue table.</summary>
internal sealed class PdfLayoutException(string message) : Exception(message);
