using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;
using static DanVan365.Documents.Catalogue.TextExtraction.TextPatterns;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>
/// Splits a row's lines into its cells. The lines come in column order (title, lead, coordinating, time). The time
/// frame is the longest tail that the time-frame grammar accepts; the rest is split, at line boundaries, into
/// title | lead | coordinating so that the lead and the coordinating cell resolve through the unit directory
/// (shortest title, then longest lead). A piece of a row that continues after a page break is tried at the end,
/// then before the time frame, then earlier (a cell split over a page). A row with no units and no time frame that
/// has sub-items is a heading. Without a directory (<c>units</c> null: `danvan365 init` reading a new ward's decision) a
/// cell "resolves" when it reads as names of bodies (<see cref="UnitPhraseShape"/>).
/// </summary>
internal sealed class TextCellSplitter(string file, UnitDirectory? units)
{
    private readonly Dictionary<string, bool> _resolves = new(StringComparer.Ordinal);
    private readonly TextRowDiagnosis _diagnosis = new(units);

    public RawEntry SplitRow(TextRow row, bool hasChildren, List<string> footnotes)
    {
        var all = row.AllLines.ToList();
        if (all.Count == 0)
        {
            throw new InvalidInputException(file, row.Line, $"task {row.Code} is empty");
        }

        SplitFailure? firstFailure = null;
        CellSplit? best = null;
        foreach (var candidate in Arrangements(row))
        {
            var result = TrySplit(candidate);
            if (result.Split is { } split)
            {
                // across arrangements of a row cut by a page break, the shortest title wins (as within one)
                if (best is null || split.TitleLines < best.TitleLines)
                {
                    best = split;
                }
            }
            else
            {
                firstFailure ??= result.Failure;
            }
        }

        if (best is not null && (row.Fragments.Count > 1 || firstFailure is null))
        {
            return new RawEntry(row.Code, row.Section, row.Parent, best.Title, best.Lead, best.Coordinating, best.Time, footnotes, row.Line,
                best.LeadLine, best.CoordinatingLine, best.TimeLine);
        }

        if (hasChildren && firstFailure?.Kind == SplitFailureKind.NoTimeFrame)
        {
            return new RawEntry(row.Code, row.Section, row.Parent, CellText.Join(all.Select(l => l.Text)), string.Empty, string.Empty, null,
                footnotes, row.Line, row.Line, row.Line, row.Line);
        }

        var f = firstFailure!;
        throw f.Kind switch
        {
            SplitFailureKind.NoTimeFrame => new InvalidInputException(file, row.Line,
                $"task {row.Code} has no time frame (its last lines \"{Shorten(CellText.Join(all.TakeLast(3).Select(l => l.Text)))}\" " +
                $"are not a time frame)"),
            _ => new InvalidInputException(file, f.Line, $"task {row.Code}: {f.Message}"),
        };
    }

    // The row's lines in reading order; when the row continues after a page break, also with the continuation
    // moved before the time frame and then before each earlier line (a cell split over the page).
    private static IEnumerable<List<NumberedLine>> Arrangements(TextRow row)
    {
        var all = row.AllLines.ToList();
        yield return all;
        if (row.Fragments.Count < 2)
        {
            yield break;
        }

        var first = row.Fragments[0];
        var rest = row.Fragments.Skip(1).SelectMany(f => f).ToList();
        for (var p = first.Count - 1; p >= 1; p--)
        {
            var arranged = new List<NumberedLine>(first.Take(p));
            arranged.AddRange(rest);
            arranged.AddRange(first.Skip(p));
            yield return arranged;
        }
    }

    private (CellSplit? Split, SplitFailure? Failure) TrySplit(List<NumberedLine> rowLines)
    {
        // 1. the time frame: the longest tail of whole lines the grammar accepts, else a tail starting mid-line.
        var n = rowLines.Count;
        int timeStart = -1;
        SplitFailure? invalid = null;
        for (var k = 1; k <= Math.Min(8, n - 1); k++)
        {
            var parse = TimeFrameParser.TryParse(CellText.Join(rowLines.Skip(n - k).Select(l => l.Text)));
            if (parse.Status == TimeFrameParseStatus.Ok)
            {
                timeStart = n - k;
            }
            else if (parse.Status == TimeFrameParseStatus.Invalid && invalid is null)
            {
                var text = CellText.Join(rowLines.Skip(n - k).Select(l => l.Text));
                invalid = new SplitFailure(SplitFailureKind.BadTimeFrame, rowLines[n - k].Number,
                    $"impossible time frame \"{text}\": {parse.Error}");
            }
        }

        var body = rowLines;
        if (timeStart < 0)
        {
            (body, timeStart) = TimeTailMidLine(rowLines);
        }

        if (timeStart < 0)
        {
            return (null, invalid ?? new SplitFailure(SplitFailureKind.NoTimeFrame, rowLines[^1].Number, "no time frame"));
        }

        var time = CellText.Join(body.Skip(timeStart).Select(l => l.Text));
        var timeLine = body[timeStart].Number;
        var rest = body.Take(timeStart).ToList();
        var m = rest.Count;

        // 2. title | lead | coordinating at line boundaries: shortest title, then longest lead.
        for (var i = 1; i < m; i++)
        {
            for (var j = m; j > i; j--)
            {
                var lead = CellText.Join(rest.Skip(i).Take(j - i).Select(l => l.Text));
                if (!Resolves(lead))
                {
                    continue;
                }

                var coordinating = CellText.Join(rest.Skip(j).Select(l => l.Text));
                if (coordinating.Length > 0 && !Resolves(coordinating))
                {
                    continue;
                }

                var title = CellText.Join(rest.Take(i).Select(l => l.Text));
                if (_diagnosis.LooksLikeUnitLine(rest, i) is { } suspect)
                {
                    return (null, suspect);
                }

                return (new CellSplit(title, lead, coordinating, time, rest[i].Number, j < m ? rest[j].Number : rest[i].Number, timeLine,
                    i), null);
            }
        }

        return (null, _diagnosis.Diagnose(rest, Resolves));
    }

    // A time frame that starts mid-line in one of the last three lines: the line is cut in two.
    private static (List<NumberedLine> Body, int TimeStart) TimeTailMidLine(List<NumberedLine> rowLines)
    {
        var n = rowLines.Count;
        for (var li = n - 1; li >= Math.Max(0, n - 3); li--)
        {
            var words = rowLines[li].Text.Split(' ');
            for (var w = 1; w < words.Length; w++)
            {
                var tail = CellText.Join(rowLines.Skip(li + 1).Select(l => l.Text).Prepend(string.Join(' ', words.Skip(w))));
                if (TimeFrameParser.TryParse(tail).Status == TimeFrameParseStatus.Ok)
                {
                    List<NumberedLine> body =
                    [
                        .. rowLines.Take(li),
                        rowLines[li] with { Text = string.Join(' ', words.Take(w)) },
                        rowLines[li] with { Text = string.Join(' ', words.Skip(w)) },
                        .. rowLines.Skip(li + 1),
                    ];
                    return (body, li + 1);
                }
            }
        }

        return (rowLines, -1);
    }

    private bool Resolves(string phrase)
    {
        if (!_resolves.TryGetValue(phrase, out var ok))
        {
            ok = units?.CanResolve(phrase) ?? UnitPhraseShape.LooksLikeUnits(phrase, PhraseRules.Default);
            _resolves[phrase] = ok;
        }

        return ok;
    }
}

/// <summary>A row split into cells; <see cref="TitleLines"/> counts the title's lines (fewer is preferred).</summary>
internal sealed record CellSplit(string Title, string Lead, string Coordinating, string Time, int LeadLine, int CoordinatingLine,
    int TimeLine, int TitleLines);
