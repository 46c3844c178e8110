using System.Text.RegularExpressions;

namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>A table row being rebuilt: its code and its cells' lines (a row may continue on the next page).</summary>
internal sealed partial class PdfRow(string code, PdfLine first)
{
    private readonly List<string>[] _cells = [[], [], [], [], []];
    private readonly PdfLine?[] _cellStarts = new PdfLine?[5];
    private readonly bool[] _lastFull = new bool[5];
    private readonly List<string> _lines = [];

    public string Code { get; set; } = code;

    /// <summary>The row's first line (where errors about the row point).</summary>
    public PdfLine First { get; } = first;

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

    public void Add(PdfCellLine[] cells, string line, PdfLine at)
    {
        for (var c = 1; c < 5; c++)
        {
            var text = cells[c].Text ?? string.Empty;
            if (text.Length == 0)
            {
                continue;
            }

            if (_lastFull[c] && _cells[c].Count > 0 && char.IsLetterOrDigit(text[0]) && !TwoSyllables(_cells[c][^1], text))
            {
                _cells[c][^1] += text; // the rest of a word broken at the column's edge
            }
            else
            {
                _cells[c].Add(text);
                _cellStarts[c] ??= at;
            }

            _lastFull[c] = cells[c].Full;
        }

        var code = cells[0].Text ?? string.Empty;
        _lines.Add(code.Length > 0 && line.StartsWith(code, StringComparison.Ordinal) ? line[code.Length..].Trim() : line);
    }

    // "Thường" / "xuyên": two whole syllables each with a vowel (a wrap at a space), not "Thườ" / "ng" (a word broken mid-way).
    private static bool TwoSyllables(string before, string after)
    {
        var last = before[(before.LastIndexOf(' ') + 1)..];
        var first = after.Split(' ')[0];
        return last.All(char.IsLetter) && first.All(char.IsLetter) && HasVowel(last) && HasVowel(first);
    }

    private static bool HasVowel(string word) =>
        Core.Text.VietnameseText.MatchKey(word).Normalize(System.Text.NormalizationForm.FormD).Any(ch => "aeiouy".Contains(ch,
            StringComparison.Ordinal));

    /// <summary>The code on its own line, then the cells (a section: its title as one line), each with the line it starts on.</summary>
    public IEnumerable<PdfTextLine> Emit()
    {
        yield return PdfTextLine.At(Code, First);
        if (Code.All(char.IsAsciiDigit))
        {
            yield return PdfTextLine.At(CellText.Join(_lines), First);
            yield break;
        }

        for (var c = 1; c < 5; c++)
        {
            if (_cells[c].Count > 0)
            {
                yield return PdfTextLine.At(CellText.Join(_cells[c]), _cellStarts[c] ?? First);
            }
        }
    }
}

/// <summary>A rebuilt text line and where it starts in the PDF: the logical page and the line on that page.</summary>
internal readonly record struct PdfTextLine(string Text, int Page, int Line)
{
    public static PdfTextLine At(string text, PdfLine line) => new(text, line.Page, line.Number);
}
