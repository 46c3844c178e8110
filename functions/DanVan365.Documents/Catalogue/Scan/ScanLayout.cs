using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Lays what OCR read out as the lines <see cref="PdfDecisionImporter"/> rebuilds from a digital PDF, and reads them with
/// the same <see cref="TextDecisionImporter"/>: the text before the table line by line; the header once (repeated
/// headers on later pages dropped); each row as its code, then each non-empty cell on its own line (a section: its
/// title); a row at the top of a page with an empty TT cell continues the row before; the footnotes after a
/// "__________" line; then the rest. Errors point at page:line (the line on the page, counted over what was read), and
/// every cell is kept with its page, row code, column, box and confidence (<see cref="ScanReading"/>).
/// </summary>
internal sealed partial class ScanLayout(string name, IReadOnlyList<ScanPiece> pieces)
{
    private readonly List<(string Text, int Page)> _lines = [];
    private readonly List<ScanPiece[]> _sources = [];
    private readonly Dictionary<ScanPiece, int> _rowOfCell = [];
    private readonly List<(int First, int Last, string Code)> _rows = [];
    private readonly List<ScanRow> _gridRows = [];
    private readonly HashSet<ScanPiece> _refused = [];
    private readonly Dictionary<(string Code, ScannedColumn Column), string> _mended = [];
    private readonly Dictionary<string, string> _mendedLines = new(StringComparer.Ordinal);
    private int _header;
    private int _footnotes = -1;
    private int _after;

    public RawCatalogue Read(UnitDirectory? units, double threshold, int pages, int dpi)
    {
        Lay();
        var numbered = _lines.Select((l, i) => new NumberedLine(i + 1, l.Text)).ToList();
        RawCatalogue raw;
        try
        {
            try
            {
                raw = TextDecisionImporter.Read(name, numbered, units, unnumbered: true);
            }
            catch (InvalidInputException ex) when (ex.Page is null && ex.File == name && ex.Line > _header + 1 && ex.Line <= _after)
            {
                // a cell OCR misread (a unit's name, a time frame): the grid's own cells instead, the cell flagged
                _refused.UnionWith(_sources[ex.Line - 1].Length > 0 ? _sources[ex.Line - 1] : RowAt(ex.Line));
                var renumbered = new HashSet<ScanRow>();
                raw = ScanGridCatalogue.Build(name, numbered, _header, _footnotes, _after, _gridRows, renumbered);
                _refused.UnionWith(renumbered.SelectMany(r => _sources[r.Line - 1]));
            }
        }
        catch (InvalidInputException ex) when (ex.Page is null && ex.File == name && ex.Line > 0 && ex.Line <= _lines.Count)
        {
            var (page, onPage) = Place(ex.Line);
            throw new InvalidInputException(name, page, onPage, ex.Reason, ex);
        }

        raw = units is null ? raw : MendCells(raw, units);
        raw = AttachMarks(raw);
        raw = AgreeTitles(raw);
        raw = raw with { Decision = ScanMetadataMend.Mend(raw.Decision, units, _mendedLines) };
        return raw with { Scan = new ScanReading(Cells(raw), threshold, pages, dpi) };
    }

    // A footnote no entry carries whose mark OCR misread in a title (ScanFootnoteMarks): attached, the title flagged.
    private RawCatalogue AttachMarks(RawCatalogue raw)
    {
        foreach (var footnote in raw.Footnotes.Where(f => !raw.Entries.Any(e => e.Footnotes.Contains(f.Mark))).ToList())
        {
            if (ScanFootnoteMarks.Find([.. raw.Entries.Select(e => e.Title)], footnote.Mark) is not var (index, title))
            {
                continue;
            }

            _mended[(raw.Entries[index].Code, ScannedColumn.Title)] = title;
            raw = raw with
            {
                Entries = [.. raw.Entries.Select((e, i) => i != index ? e
                    : e with { Title = title, Footnotes = [.. e.Footnotes, footnote.Mark] })],
            };
        }

        return raw;
    }

    // Titles made to agree with the decision's own spelling of the same words (ScanSpellingConsensus); each changed
    // title is flagged for review and shows the changed text.
    private RawCatalogue AgreeTitles(RawCatalogue raw)
    {
        var titles = raw.Entries.Select(e => e.Title).Concat(raw.Sections.Select(s => s.Title)).ToList();
        var changed = ScanSpellingConsensus.Correct(titles);
        if (changed.Count == 0)
        {
            return raw;
        }

        var n = raw.Entries.Count;
        foreach (var (index, title) in changed)
        {
            _mended[(index < n ? raw.Entries[index].Code : raw.Sections[index - n].Code, ScannedColumn.Title)] = title;
        }

        return raw with
        {
            Entries = [.. raw.Entries.Select((e, i) => changed.TryGetValue(i, out var t) ? e with { Title = t } : e)],
            Sections = [.. raw.Sections.Select((s, i) => changed.TryGetValue(n + i, out var t) ? s with { Title = t } : s)],
        };
    }

    // A time cell OCR read with a stray mark ("Quý I/⁄2026") or a quarter's "I" read as "1": without the marks a time
    // frame cannot hold (anything but letters, digits, spaces and / . , -), "/" read twice as one, the quarter's numeral
    // in Roman letters, if that is understood; null otherwise.
    internal static string? MendTime(string text)
    {
        if (TimeFrameParser.TryParse(text).Status == TimeFrameParseStatus.Ok)
        {
            return null;
        }

        var mended = SlashesRegex().Replace(StrayMarkRegex().Replace(text, string.Empty), "/");
        mended = QuarterRegex().Replace(mended, m => m.Groups[1].Value
            + m.Groups[2].Value.Replace('1', 'I').Replace('l', 'I').Replace('v', 'V') + "/");
        return TimeFrameParser.TryParse(mended).Status == TimeFrameParseStatus.Ok ? VietnameseText.Normalize(mended) : null;
    }

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}\s/.,-]", RegexOptions.CultureInvariant)]
    private static partial Regex StrayMarkRegex();

    [GeneratedRegex(@"\s*/[\s/]*", RegexOptions.CultureInvariant)]
    private static partial Regex SlashesRegex();

    // A quarter's Roman numeral read with "1" or "l" for "I" ("Quý 1/2026", "Quý 1V/2026").
    [GeneratedRegex(@"^(Quý\s+)([1lIVv]{1,3})/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuarterRegex();

    // Lead, coordinating and time cells OCR misread, mended from the directory's words (OcrPhraseRepair, a name spelt as
    // the decision's other cells spell it; ScanUnitNameCase, a name's capitals misread) and the time frames' grammar;
    // each mended cell is flagged for review and shows the mended text.
    private RawCatalogue MendCells(RawCatalogue raw, UnitDirectory units)
    {
        var cells = raw.Entries.SelectMany(e => new[] { e.LeadText, e.CoordinatingText }).ToList();
        var written = OcrPhraseRepair.WrittenNames(units, cells);
        var repaired = cells.Select(cell => OcrPhraseRepair.Repair(units, cell, written)).ToList();
        var recased = ScanUnitNameCase.Mend(units, [.. cells.Select((cell, i) => repaired[i] ?? cell)], written);
        var entries = raw.Entries.Select((e, i) =>
        {
            var lead = recased[2 * i] ?? repaired[2 * i];
            var coordinating = recased[(2 * i) + 1] ?? repaired[(2 * i) + 1];
            var time = e.TimeText is null ? null : MendTime(e.TimeText);
            foreach (var (column, text) in new[] { (ScannedColumn.Lead, lead), (ScannedColumn.Coordinating, coordinating),
                (ScannedColumn.Time, time) })
            {
                if (text is not null)
                {
                    _mended[(e.Code, column)] = text;
                }
            }

            return e with
            {
                LeadText = lead ?? e.LeadText,
                CoordinatingText = coordinating ?? e.CoordinatingText,
                TimeText = time ?? e.TimeText,
            };
        }).ToList();
        return _mended.Count == 0 ? raw : raw with { Entries = entries };
    }

    /// <summary>Where a laid-out line (1-based) came from: the page, and the line on it counted over what was read.</summary>
    public (int Page, int Line) Place(int line)
    {
        var page = _lines[line - 1].Page;
        return (page, _lines.Take(line).Count(l => l.Page == page));
    }

    /// <summary>How many lines were laid out.</summary>
    public int LineCount => _lines.Count;

    private void Lay()
    {
        AddRegions(PieceKind.Before);
        var cells = pieces.Where(p => p.Kind == PieceKind.Cell).GroupBy(p => p.Row).OrderBy(g => g.Key).ToList();
        var header = cells.Count > 0 ? cells[0].ToList() : [];
        _header = _lines.Count;
        Add(string.Join(' ', header.Select(c => c.Text).Where(t => t.Length > 0)), header.FirstOrDefault()?.Page ?? 1);
        var rows = new List<List<ScanPiece>>();
        var lastPage = header.FirstOrDefault()?.Page ?? 0;
        foreach (var row in cells.Skip(1))
        {
            var list = row.OrderBy(c => c.Cell!.FirstColumn).ToList();
            var firstOnPage = list[0].Page != lastPage;
            lastPage = list[0].Page;
            if ((firstOnPage && IsHeader(list)) || IsRepeatedHeader(list))
            {
                continue; // the header repeated on a later page
            }

            if (list[0].Text.Length == 0 && rows.Count > 0)
            {
                rows[^1].AddRange(list); // an empty TT cell: the row before, continued (from the page before)
            }
            else
            {
                rows.Add(list);
            }
        }

        foreach (var row in rows)
        {
            Emit(row);
        }

        var footnotes = pieces.Where(p => p.Kind == PieceKind.Footnote).SelectMany(p => p.Lines.Select(l => (l, p.Page))).ToList();
        if (footnotes.Count > 0)
        {
            _footnotes = _lines.Count;
            Add("__________", footnotes[0].Page);
            foreach (var (line, page) in footnotes)
            {
                Add(FootnoteMarkRegex().Replace(VietnameseText.Normalize(line.Text), "$1 "), page);
            }
        }

        _after = _lines.Count;
        AddRegions(PieceKind.After);
    }

    // A row: its code, then its cells' text by column (a section row or an all-digit code: the title as one line).
    private void Emit(List<ScanPiece> row)
    {
        var first = _lines.Count + 1;
        var code = row[0].Text;
        Add(code, row[0].Page, row[0]);
        var byColumn = row.Where(c => c.Cell!.FirstColumn > 0).GroupBy(c => c.Cell!.FirstColumn).OrderBy(g => g.Key).ToList();
        if (code.All(char.IsAsciiDigit))
        {
            var title = OcrText.Join(byColumn.SelectMany(g => g).SelectMany(Lines));
            Add(title, row[0].Page, [.. byColumn.SelectMany(g => g)]);
            _gridRows.Add(new ScanRow(code, first, true, [title, string.Empty, string.Empty, string.Empty], [first + 1, 0, 0, 0]));
        }
        else
        {
            var texts = new string[4];
            var lines = new int[4];
            foreach (var column in byColumn)
            {
                var text = OcrText.Join(column.SelectMany(Lines));
                if (text.Length > 0 && column.Key is >= 1 and <= 4)
                {
                    Add(text, column.First(c => c.Text.Length > 0).Page, [.. column]);
                    (texts[column.Key - 1], lines[column.Key - 1]) = (text, _lines.Count);
                }
            }

            _gridRows.Add(new ScanRow(code, first, false, [.. texts.Select(t => t ?? string.Empty)], lines));
        }

        foreach (var cell in row)
        {
            _rowOfCell[cell] = _rows.Count;
        }

        _rows.Add((first, _lines.Count, code));
    }

    private static IEnumerable<(OcrLine, int)> Lines(ScanPiece cell) => cell.Lines.Select(l => (l, cell.Image?.Width ?? 0));

    private void AddRegions(PieceKind kind)
    {
        foreach (var piece in pieces.Where(p => p.Kind == kind))
        {
            foreach (var line in piece.Lines)
            {
                Add(VietnameseText.Normalize(line.Text), piece.Page);
            }
        }
    }

    private void Add(string text, int page, params ScanPiece[] sources)
    {
        _lines.Add((text, page));
        _sources.Add(sources);
    }

    // The cells of the row that the line belongs to.
    private IEnumerable<ScanPiece> RowAt(int line)
    {
        var row = _rows.FindIndex(r => line >= r.First && line <= r.Last);
        return row < 0 ? [] : _rowOfCell.Where(c => c.Value == row).Select(c => c.Key);
    }

    private static bool IsHeader(List<ScanPiece> row)
    {
        var key = VietnameseText.MatchKey(string.Join(' ', row.Select(c => c.Text)));
        return key.StartsWith("tt", StringComparison.Ordinal) || key.StartsWith("stt", StringComparison.Ordinal)
            || key.Contains("nhiệm vụ", StringComparison.Ordinal);
    }

    // The header in the middle of the table (a table continued under a repeated header): TT, then "Nhiệm vụ".
    private static bool IsRepeatedHeader(List<ScanPiece> row) =>
        VietnameseText.MatchKey(row[0].Text) is "tt" or "stt" && row.Count > 1
        && VietnameseText.MatchKey(row[1].Text).Contains("nhiệm vụ", StringComparison.Ordinal);

    // Every cell (the header's left out) and every line of text outside the table, with the row code the importer gave.
    private List<ScannedCell> Cells(RawCatalogue raw)
    {
        var codes = new string[_rows.Count];
        for (var r = 0; r < _rows.Count; r++)
        {
            var (first, last, code) = _rows[r];
            codes[r] = raw.Entries.FirstOrDefault(e => e.Line >= first && e.Line <= last)?.Code
                ?? raw.Sections.FirstOrDefault(s => s.Line >= first && s.Line <= last)?.Code ?? code;
        }

        var result = new List<ScannedCell>();
        foreach (var piece in pieces)
        {
            if (piece.Kind == PieceKind.Cell && _rowOfCell.TryGetValue(piece, out var row))
            {
                var confidence = _refused.Contains(piece) ? 0 : piece.Confidence;
                var column = Column(piece.Cell!);
                var text = piece.Text;
                if (_mended.TryGetValue((codes[row], column), out var mended))
                {
                    (text, confidence) = (mended, Math.Min(confidence, ScanPiece.DisagreementConfidence));
                }

                result.Add(new ScannedCell(piece.Page, codes[row], column, piece.Box, text, confidence));
            }
            else if (piece.Kind != PieceKind.Cell)
            {
                result.AddRange(piece.Lines.Select(l => TextCell(piece, l, raw)));
            }
        }

        return result;
    }

    // A line outside the table; a footnote line whose mark no entry carries has confidence 0, a mended signature line at
    // most the disagreement confidence (and its mended text).
    private ScannedCell TextCell(ScanPiece piece, OcrLine line, RawCatalogue raw)
    {
        var text = VietnameseText.Normalize(line.Text);
        var confidence = piece.Kind == PieceKind.Footnote && Unattached(line.Text, raw) ? Math.Min(line.Confidence, 0) : line.Confidence;
        if (_mendedLines.TryGetValue(text, out var mended))
        {
            (text, confidence) = (mended, Math.Min(confidence, ScanPiece.DisagreementConfidence));
        }

        return new ScannedCell(piece.Page, string.Empty, ScannedColumn.Text,
            new PixelBox(piece.Box.X + line.Box.X, piece.Box.Y + line.Box.Y, line.Box.Width, line.Box.Height), text, confidence);
    }

    // A footnote's first line whose mark no entry carries: the mark was lost or misread in its cell.
    private static bool Unattached(string text, RawCatalogue raw)
    {
        var m = FootnoteMarkRegex().Match(VietnameseText.Normalize(text));
        var mark = m.Success ? m.Groups[1].Value : text.Split(' ')[0];
        return raw.Footnotes.Any(f => f.Mark == mark) && !raw.Entries.Any(e => e.Footnotes.Contains(mark));
    }

    private static ScannedColumn Column(GridCell cell) => cell.FirstColumn switch
    {
        0 => ScannedColumn.Number,
        1 => ScannedColumn.Title,
        2 => ScannedColumn.Lead,
        3 => ScannedColumn.Coordinating,
        _ => ScannedColumn.Time,
    };

    [GeneratedRegex(@"^(\d{1,2})(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMarkRegex();
}
