using System.Text.RegularExpressions;
using DanVan365.Core.Text;
using UglyToad.PdfPig.Content;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// Rebuilds the decision's text from the page layout, in the form the text importer reads: the paragraphs before the
/// table line by line; the table header once; every row as its code, then each cell's text on its own line in column
/// order (cells that continue on the next page joined to their row first); the footnotes taken from the page
/// bottoms as "1 text" after a separator; then the rest of the document.
/// <list type="bullet">
/// <item>Columns: the table's vertical rules when it has them, else the left edges of the header row's cells.</item>
/// <item>The header row repeated at the top of a page is dropped (same words in the same band).</item>
/// <item>A row starts where the TT column has text; a section row's title spans the table.</item>
/// <item>Footnote marks are raised, smaller digits; footnote texts are footnote-sized lines at page bottoms.</item>
/// </list>
/// </summary>
internal sealed partial class PdfTableReader
{
    private readonly List<string> _before = [];
    private readonly List<string> _after = [];
    private readonly List<string> _footnotes = [];
    private readonly List<PdfRow> _rows = [];
    private PdfColumns? _columns;
    private string _headerText = string.Empty;
    private double _headerDepth;
    private bool _tableEnded;

    /// <summary>The document as text lines.</summary>
    public IReadOnlyList<string> Read(IEnumerable<Page> pages, double bodySize)
    {
        foreach (var page in pages)
        {
            ReadPage(page, PdfLines.Lines(page, bodySize));
        }

        var lines = new List<string>(_before);
        if (_columns is not null)
        {
            lines.Add(_headerText);
            foreach (var row in _rows)
            {
                lines.AddRange(row.Emit());
            }

            if (_footnotes.Count > 0)
            {
                lines.Add("__________");
                lines.AddRange(_footnotes);
            }
        }
        else if (_footnotes.Count > 0)
        {
            lines.Add("__________");
            lines.AddRange(_footnotes);
            lines.Add(string.Empty);
        }

        lines.AddRange(_after);
        return lines;
    }

    private void ReadPage(Page page, List<PdfLine> lines)
    {
        var headerBottom = double.MaxValue;
        var footnoteTop = PdfLines.FootnoteSeparator(page) ?? double.MinValue;
        var firstOnPage = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // footnotes: below the page's separator, or small text inside the table; a plan without a table has them too
            if (line.Baseline < footnoteTop || (_columns is not null && line.IsSmall))
            {
                AddFootnote(line);
                continue;
            }

            var text = VietnameseText.Normalize(line.Text());
            if (_columns is null)
            {
                if (IsHeader(text))
                {
                    var end = HeaderEnd(lines, i);
                    _columns = PdfColumns.Find(page, lines.Skip(i).Take(end - i).ToList());
                    _headerText = string.Join(' ', _columns.CellTexts(lines.Skip(i).Take(end - i)));
                    _headerDepth = line.Baseline - lines[end - 1].Baseline;
                    headerBottom = lines[end - 1].Baseline;
                    i = end - 1;
                    continue;
                }

                _before.Add(text);
                continue;
            }

            if (_tableEnded || PartTwoRegex().IsMatch(text))
            {
                _tableEnded = true;
                _after.Add(text);
                continue;
            }

            if (IsHeader(text))
            {
                // the header row repeated at the top of a new page
                headerBottom = line.Baseline - _headerDepth - (line.BodySize * 0.5);
                continue;
            }

            if (line.Baseline >= headerBottom)
            {
                continue;
            }

            var cells = _columns.CellLines(line);
            var code = cells[0].Text;
            var continues = code.Length > 0 && _rows.Count > 0 && _rows[^1].ContinuesCode(code, line, firstOnPage);
            firstOnPage = false;
            if (continues)
            {
                // a code wrapped in the narrow TT column ("4.1" / "0")
                _rows[^1].Code += code;
                cells[0] = default;
            }
            else if (code.Length > 0 || _rows.Count == 0)
            {
                _rows.Add(new PdfRow(code));
            }

            _rows[^1].LastLine = line;

            _rows[^1].Add(cells, text);
        }
    }

    private void AddFootnote(PdfLine line)
    {
        // "¹Nghị quyết …" or "1 Nghị quyết …": the mark, a space, the text (continuation lines follow as they are)
        var text = FootnoteMarkRegex().Replace(VietnameseText.Normalize(line.Text()), "$1 ");
        if (text.Length > 0 && (_footnotes.Count > 0 || char.IsAsciiDigit(text[0])))
        {
            _footnotes.Add(text);
        }
    }

    private static bool IsHeader(string text)
    {
        var key = VietnameseText.MatchKey(text);
        return (key.StartsWith("tt ", StringComparison.Ordinal) || key.StartsWith("stt ",
            StringComparison.Ordinal)) && key.Contains("nhiệm vụ", StringComparison.Ordinal);
    }

    // The header row ends before the first line whose TT column starts with a digit (the first section or task).
    private static int HeaderEnd(List<PdfLine> lines, int start)
    {
        var left = lines[start].Left;
        var end = start + 1;
        while (end < lines.Count && !(lines[end].Left < left + 20 && char.IsAsciiDigit(lines[end].Trimmed[0])))
        {
            end++;
        }

        return end;
    }

    [GeneratedRegex(@"^(\d{1,2})(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMarkRegex();

    [GeneratedRegex(@"^II\s*\.\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex PartTwoRegex();
}

/// <summary>A table row being rebuilt: its code and its cells' lines (a row may continue on the next page).</summary>
internal sealed partial class PdfRow(string code)
{
    private readonly List<string>[] _cells = [[], [], [], [], []];
    private readonly bool[] _lastFull = new bool[5];
    private readonly List<string> _lines = [];

    public string Code { get; set; } = code;

    /// <summary>The row's last line so far.</summary>
    public PdfLine? LastLine { get; set; }

    /// <summary>
    /// True when TT-column text on the line right after the row's first line completes its code ("4.1" + "0",
    /// "4." + "10"): the row has one line so far, one line-height up on the same page or at the bottom of the page
    /// before (the first row line of this page).
    /// </summary>
    public bool ContinuesCode(string piece, PdfLine line, bool firstOnPage) =>
        _lines.Count == 1 && LastLine is { } last
        && (last.Page == line.Page ? last.Baseline - line.Baseline < line.BodySize * 1.6 : firstOnPage && last.Page + 1 == line.Page)
        && (piece.StartsWith('.') || Code.EndsWith('.') || Code.Contains('.', StringComparison.Ordinal))
        && CodeRegex().IsMatch(Code + piece);

    [GeneratedRegex(@"^\d+(\.\d+)+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();

    public void Add(PdfCellLine[] cells, string line)
    {
        for (var c = 1; c < 5; c++)
        {
            var text = cells[c].Text ?? string.Empty;
            if (text.Length == 0)
            {
                continue;
            }

            if (_lastFull[c] && _cells[c].Count > 0 && char.IsLetterOrDigit(text[0]))
            {
                _cells[c][^1] += text; // the rest of a word broken at the column's edge
            }
            else
            {
                _cells[c].Add(text);
            }

            _lastFull[c] = cells[c].Full;
        }

        var code = cells[0].Text ?? string.Empty;
        _lines.Add(code.Length > 0 && line.StartsWith(code, StringComparison.Ordinal) ? line[code.Length..].Trim() : line);
    }

    /// <summary>The code on its own line, then the cells (a section: its title as one line).</summary>
    public IEnumerable<string> Emit()
    {
        yield return Code;
        if (Code.All(char.IsAsciiDigit))
        {
            yield return CellText.Join(_lines);
            yield break;
        }

        for (var c = 1; c < 5; c++)
        {
            if (_cells[c].Count > 0)
            {
                yield return CellText.Join(_cells[c]);
            }
        }
    }
}
