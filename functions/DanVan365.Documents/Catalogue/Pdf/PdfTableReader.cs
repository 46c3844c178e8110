using System.Text.RegularExpressions;
using DanVan365.Core.Text;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// Rebuilds the decision's text from the pages' geometry, in the form the text importer reads: the paragraphs before
/// the table line by line; the table header once; every row as its code, then each cell's text on its own line in
/// column order (cells that continue on the next page joined to their row first); the footnotes taken from the page
/// bottoms as "1 text" after a separator; then the rest of the document. Every line carries the page and line it
/// starts on, so that errors can point into the PDF.
/// <list type="bullet">
/// <item>The header row is found by its "TT … Nhiệm vụ" line and spans, as a band, from the rule above it to the rule
/// below it (wrapped, vertically centred cells reach above and below that line); unruled, from the lines just above
/// it that sit right of the TT and Nhiệm vụ cells down to the first row.</item>
/// <item>Columns: see <see cref="PdfColumns"/> (rules when ruled, the body's column gaps when not).</item>
/// <item>The header band repeated on later pages (or in the middle of the table) is dropped.</item>
/// <item>A row starts where the TT column has text; a section row's title spans the table.</item>
/// <item>Footnote marks are raised, smaller digits; footnote texts are lines below a short separator, or
/// footnote-sized lines.</item>
/// </list>
/// </summary>
internal sealed partial class PdfTableReader
{
    private readonly List<PdfTextLine> _before = [];
    private readonly List<PdfTextLine> _after = [];
    private readonly List<PdfTextLine> _footnotes = [];
    private readonly List<PdfLine> _table = [];
    private readonly List<PdfRow> _rows = [];
    private bool _tableEnded;
    private double _headerDepth;
    private PdfLine? _lastFootnote;
    private bool _lastFootnoteEndsPage;

    /// <summary>The document as text lines, each with where it starts.</summary>
    public IReadOnlyList<PdfTextLine> Read(IReadOnlyList<PdfPageView> pages, double bodySize)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var lines = pages.Select(p => PdfLines.Lines(p, bodySize)).ToList();
        var (headerPage, band) = FindHeader(pages, lines, bodySize);
        if (band is null)
        {
            return WithoutTable(pages, lines);
        }

        var (start, end) = band.Value;
        _headerDepth = lines[headerPage].Skip(start).Take(end - start).First(IsHeader).Baseline - lines[headerPage][end - 1].Baseline;
        for (var p = 0; p < pages.Count; p++)
        {
            var all = lines[p].Count;
            var beforeUntil = p < headerPage ? all : p == headerPage ? start : 0;
            Classify(pages[p], lines[p], beforeUntil, p < headerPage ? all : p == headerPage ? end : 0, bodySize);
        }

        var header = lines[headerPage].Skip(start).Take(end - start).ToList();
        var columns = PdfColumns.Find(pages[headerPage], header, _table);
        BuildRows(columns);
        var result = new List<PdfTextLine>(_before) { PdfTextLine.At(string.Join(' ', columns.CellTexts(header)), header[0]) };
        result.AddRange(_rows.SelectMany(r => r.Emit()));
        if (_footnotes.Count > 0)
        {
            result.Add(_footnotes[0] with { Text = "__________" });
            result.AddRange(_footnotes);
        }

        result.AddRange(_after);
        return result;
    }

    // A document without a task table (a plan written as prose): its lines in order, the footnotes below each page's
    // separator gathered after a "____" line at the end, so the plan keeps its footnotes.
    private List<PdfTextLine> WithoutTable(IReadOnlyList<PdfPageView> pages, List<List<PdfLine>> lines)
    {
        var text = new List<PdfTextLine>();
        for (var p = 0; p < pages.Count; p++)
        {
            var footnoteTop = PdfLines.FootnoteSeparator(pages[p]) ?? double.MinValue;
            foreach (var line in lines[p])
            {
                if (line.Baseline < footnoteTop)
                {
                    AddFootnote(line);
                }
                else
                {
                    text.Add(PdfTextLine.At(VietnameseText.Normalize(line.Text()), line));
                }
            }
        }

        if (_footnotes.Count > 0)
        {
            text.Add(_footnotes[0] with { Text = "__________" });
            text.AddRange(_footnotes);
            text.Add(_footnotes[^1] with { Text = string.Empty });
        }

        return text;
    }

    private static (int Page, (int Start, int End)? Band) FindHeader(IReadOnlyList<PdfPageView> pages, List<List<PdfLine>> lines,
        double bodySize)
    {
        for (var p = 0; p < pages.Count; p++)
        {
            for (var i = 0; i < lines[p].Count; i++)
            {
                if (IsHeader(lines[p][i]))
                {
                    return (p, PdfHeaderBand.Find(pages[p], lines[p], i, bodySize));
                }
            }
        }

        return (-1, null);
    }

    // Sorts a page's lines into text before the table (up to `beforeUntil`), the header band (up to `tableFrom`), table
    // lines, footnotes and text after the table; drops header bands repeated on the page.
    private void Classify(PdfPageView page, List<PdfLine> lines, int beforeUntil, int tableFrom, double bodySize)
    {
        var footnoteTop = PdfLines.FootnoteSeparator(page) ?? double.MinValue;
        var repeated = new HashSet<int>();
        for (var i = tableFrom; i < lines.Count && !_tableEnded; i++)
        {
            if (IsHeader(lines[i]))
            {
                var (start, end) = PdfHeaderBand.Find(page, lines, i, bodySize, _headerDepth);
                repeated.UnionWith(Enumerable.Range(start, end - start));
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = VietnameseText.Normalize(line.Text());
            if (i < beforeUntil)
            {
                _before.Add(PdfTextLine.At(text, line));
            }
            else if (i < tableFrom || repeated.Contains(i))
            {
                continue;
            }
            else if (line.Baseline < footnoteTop || line.IsSmall)
            {
                AddFootnote(line);
                _lastFootnote = line;
                _lastFootnoteEndsPage = i == lines.Count - 1;
            }
            else if (_tableEnded && (StartsWithMark(line) || ContinuesFootnote(line, i)))
            {
                AddFootnote(line); // footnote texts written as paragraphs after the table, each starting with its raised mark
                _lastFootnote = line;
                _lastFootnoteEndsPage = i == lines.Count - 1;
            }
            else if (_tableEnded || PartTwoRegex().IsMatch(text))
            {
                _tableEnded = true;
                _after.Add(PdfTextLine.At(text, line));
            }
            else
            {
                _table.Add(line);
            }
        }
    }

    private void BuildRows(PdfColumns columns)
    {
        var page = -1;
        foreach (var line in _table)
        {
            var firstOnPage = line.Page != page;
            page = line.Page;
            var cells = columns.CellLines(line);
            var code = cells[0].Text;
            if (code.Length > 0 && _rows.Count > 0 && _rows[^1].ContinuesCode(code, line, firstOnPage))
            {
                // a code wrapped in the narrow TT column ("4.1" / "0")
                _rows[^1].Code += code;
                cells[0] = default;
            }
            else if (code.Length > 0 || _rows.Count == 0)
            {
                _rows.Add(new PdfRow(code, line));
            }

            _rows[^1].LastLine = line;
            _rows[^1].Add(cells, VietnameseText.Normalize(line.Text()), line);
        }
    }

    private static bool StartsWithMark(PdfLine line)
    {
        var first = line.Letters.First(g => !g.IsBlank);
        return PdfLines.IsRaisedMark(first, line.Baseline, line.Letters.Max(g => g.PointSize));
    }

    // The next line of a footnote paragraph after the table: same page, one line-height below it; or, when the paragraph
    // ran to the end of its page without ending a sentence, the first line of the next page (a footnote continued).
    private bool ContinuesFootnote(PdfLine line, int indexOnPage) => _lastFootnote is { } last
        && (last.Page == line.Page
            ? last.Baseline - line.Baseline < line.BodySize * 1.6
            : _lastFootnoteEndsPage && indexOnPage == 0 && last.Page + 1 == line.Page
                && _footnotes.Count > 0 && !_footnotes[^1].Text.TrimEnd().EndsWith('.') && !_footnotes[^1].Text.TrimEnd().EndsWith('…'));

    private void AddFootnote(PdfLine line)
    {
        // "¹Nghị quyết …" or "1 Nghị quyết …": the mark, a space, the text (continuation lines follow as they are)
        var text = FootnoteMarkRegex().Replace(VietnameseText.Normalize(line.Text()), "$1 ");
        if (text.Length > 0 && (_footnotes.Count > 0 || char.IsAsciiDigit(text[0])))
        {
            _footnotes.Add(PdfTextLine.At(text, line));
        }
    }

    private static bool IsHeader(PdfLine line)
    {
        var key = VietnameseText.MatchKey(VietnameseText.Normalize(line.Text()));
        return (key.StartsWith("tt ", StringComparison.Ordinal) || key.StartsWith("stt ",
            StringComparison.Ordinal)) && key.Contains("nhiệm vụ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(\d{1,2})(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMarkRegex();

    [GeneratedRegex(@"^II\s*\.\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex PartTwoRegex();
}
