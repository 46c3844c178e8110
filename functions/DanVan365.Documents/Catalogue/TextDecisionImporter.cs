using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue;

/// <summary>
/// Imports a decision from a text extraction (the format of qd-673-2026-hai-an.txt). Nothing depends on where the
/// page breaks fall. How the table is read:
/// <list type="number">
/// <item>The table starts at its header row ("TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện",
/// however broken over lines); the header's words are learnt there, and every later repetition (a new page) is
/// removed and marks a page break. The table ends at part "II."; a file that ends first is cut off.</item>
/// <item>A footnote block (a wide blank or "____" separator line, then "1 text…") runs to the next page header; its
/// texts become the footnotes and marks glued to words ("cơ sở1.") are taken off and recorded.</item>
/// <item>Rows start at the next expected code only: section N+1 (followed by upper-case title), task N.(k+1), or
/// the next sub-item letter (a, b, …) — so a title line such as "2021 - 2030." never starts a row.</item>
/// <item>A row's lines come in column order (title, lead, coordinating, time). The time frame is the longest tail
/// that the time-frame grammar accepts; the rest is split, at line boundaries, into title | lead | coordinating so
/// that the lead and the coordinating cell resolve through the unit directory (shortest title, then longest lead).
/// A piece of a row that continues after a page break is tried at the end, then before the time frame, then
/// earlier (a cell split over a page).</item>
/// <item>A row with no units and no time frame that has sub-items is a heading.</item>
/// </list>
/// </summary>
public sealed partial class TextDecisionImporter : IDecisionImporter
{
    private const string SubItemLetters = "abcdđeghiklmnopqrstuvxy";

    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public TaskCatalogue Import(string path, UnitDirectory units) => CatalogueAssembler.Assemble(Read(path, units), units);

    /// <summary>Reads the file into a raw catalogue (cells as written, not yet resolved).</summary>
    public static RawCatalogue Read(string path, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var raw = DecisionInput.ReadTextLines(path);
        var lines = raw.Select((t, i) => new NumberedLine(i + 1, t)).ToList();
        return new Reader(path, lines, units).Read();
    }

    private sealed class Row
    {
        public required string Kind { get; init; } // "section" | "task" | "sub"

        public required string Code { get; init; }

        public required string Section { get; init; }

        public string? Parent { get; init; }

        public int Line { get; init; }

        public List<List<NumberedLine>> Fragments { get; } = [[]];

        public IEnumerable<NumberedLine> AllLines => Fragments.SelectMany(f => f);
    }

    private sealed class Reader(string file, List<NumberedLine> lines, UnitDirectory units)
    {
        private readonly Dictionary<string, bool> _resolves = new(StringComparer.Ordinal);
        private readonly List<Footnote> _footnotes = [];
        private readonly List<int> _footnoteLines = [];
        private List<string> _headerWords = [];
        private HashSet<string>? _unitStartWords;

        public RawCatalogue Read()
        {
            var headerStart = FindHeader();
            if (headerStart < 0)
            {
                throw new InvalidInputException(file, 0, "no catalogue table: the header row \"TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\" was not found");
            }

            var bodyStart = headerStart;
            while (bodyStart < lines.Count && !StartsWithDigit(lines[bodyStart].Text))
            {
                bodyStart++;
            }

            _headerWords = lines.Skip(headerStart).Take(bodyStart - headerStart).SelectMany(l => Words(l.Text)).ToList();
            var tableEnd = lines.FindIndex(bodyStart, l => PartTwoRegex().IsMatch(VietnameseText.Normalize(l.Text)));
            var cutOff = tableEnd < 0;
            if (cutOff)
            {
                tableEnd = lines.Count;
            }

            var rows = Segment(bodyStart, tableEnd);
            if (rows.Count == 0)
            {
                throw new InvalidInputException(file, lines[headerStart].Number, "no catalogue table: the header row is not followed by any section or task");
            }

            if (cutOff)
            {
                var lastLine = lines.LastOrDefault(l => l.Text.Trim().Length > 0).Number;
                throw new InvalidInputException(file, lastLine, $"the file ends inside the catalogue table (last entry read: {rows[^1].Code}); it looks cut off — part \"II. TỔ CHỨC THỰC HIỆN\" never comes");
            }

            var marks = _footnotes.Select(f => f.Mark).ToHashSet(StringComparer.Ordinal);
            var sections = new List<RawSection>();
            var entries = new List<RawEntry>();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                var found = new List<string>();
                foreach (var fragment in row.Fragments)
                {
                    for (var k = 0; k < fragment.Count; k++)
                    {
                        fragment[k] = fragment[k] with { Text = CellText.StripFootnoteMarks(VietnameseText.Normalize(fragment[k].Text), marks, found) };
                    }
                }

                if (row.Kind == "section")
                {
                    var title = CellText.Join(row.AllLines.Select(l => l.Text));
                    if (title.Length == 0)
                    {
                        throw new InvalidInputException(file, row.Line, $"section {row.Code} has no title");
                    }

                    sections.Add(new RawSection(row.Code, title, row.Line));
                    continue;
                }

                var hasChildren = r + 1 < rows.Count && rows[r + 1].Kind == "sub" && rows[r + 1].Parent == row.Code;
                entries.Add(SplitRow(row, hasChildren, found));
            }

            var decision = DecisionMetadataReader.Read(file, lines.Take(headerStart).ToList(), lines.Skip(tableEnd).ToList());
            return new RawCatalogue(file, decision, sections, entries, _footnotes, lines[tableEnd - 1].Number);
        }

        private int FindHeader()
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var words = Words(lines[i].Text);
                if (words.Count == 0 || (words[0] != "tt" && words[0] != "stt"))
                {
                    continue;
                }

                var next = lines.Skip(i).Take(6).SelectMany(l => Words(l.Text)).Take(4).ToList();
                if (next.Count >= 3 && next[1] == "nhiệm" && next[2] == "vụ")
                {
                    return i;
                }
            }

            return -1;
        }

        // Index after a repeated page header starting at i, or -1.
        private int HeaderEndAt(int i, int end)
        {
            var k = 0;
            var j = i;
            while (j < end && k < _headerWords.Count)
            {
                var words = Words(lines[j].Text);
                if (words.Count == 0)
                {
                    if (k == 0)
                    {
                        return -1;
                    }

                    j++;
                    continue;
                }

                if (k + words.Count > _headerWords.Count || !words.SequenceEqual(_headerWords.Skip(k).Take(words.Count)))
                {
                    return -1;
                }

                k += words.Count;
                j++;
            }

            return k == _headerWords.Count ? j : -1;
        }

        private List<Row> Segment(int start, int end)
        {
            var rows = new List<Row>();
            Row? current = null;
            int section = 0, task = 0, sub = -1;
            var footnoteMode = false;
            for (var i = start; i < end; i++)
            {
                var line = lines[i];
                var text = VietnameseText.Normalize(line.Text);
                var headerEnd = HeaderEndAt(i, end);
                if (headerEnd > 0)
                {
                    footnoteMode = false;
                    if (current is not null && current.Fragments[^1].Count > 0)
                    {
                        current.Fragments.Add([]);
                    }

                    i = headerEnd - 1;
                    continue;
                }

                if (text.Length == 0)
                {
                    if (line.Text.Length >= 10 && current is not null)
                    {
                        footnoteMode = true;
                    }

                    continue;
                }

                if (SeparatorRegex().IsMatch(text))
                {
                    footnoteMode = true;
                    continue;
                }

                if (footnoteMode)
                {
                    if (AddFootnoteLine(line.Number, text))
                    {
                        continue;
                    }

                    footnoteMode = false;
                }

                // Is this the start of the next row?
                var m = CodeRegex().Match(text);
                Row? next = null;
                if (m.Success)
                {
                    var code = m.Groups["code"].Value;
                    var rest = m.Groups["rest"].Value;
                    if (code == (section + 1).ToString(CultureInfo.InvariantCulture) && (rest.Length > 0 ? IsUpper(rest) : NextIsUpper(i + 1, end)))
                    {
                        section++;
                        task = 0;
                        sub = -1;
                        next = new Row { Kind = "section", Code = code, Section = code, Line = line.Number };
                    }
                    else if (section > 0 && code == string.Create(CultureInfo.InvariantCulture, $"{section}.{task + 1}"))
                    {
                        task++;
                        sub = -1;
                        next = new Row { Kind = "task", Code = code, Section = section.ToString(CultureInfo.InvariantCulture), Line = line.Number };
                    }
                    else if (task > 0 && sub + 1 < SubItemLetters.Length && code == SubItemLetters[sub + 1].ToString() && (rest.Length == 0 || m.Groups["sep"].Success))
                    {
                        sub++;
                        var parent = string.Create(CultureInfo.InvariantCulture, $"{section}.{task}");
                        next = new Row { Kind = "sub", Code = parent + "." + code, Section = section.ToString(CultureInfo.InvariantCulture), Parent = parent, Line = line.Number };
                    }

                    if (next is not null)
                    {
                        rows.Add(next);
                        current = next;
                        if (rest.Length > 0)
                        {
                            current.Fragments[^1].Add(new NumberedLine(line.Number, rest));
                        }

                        continue;
                    }
                }

                if (LoneCodeRegex().IsMatch(text))
                {
                    var lone = text.TrimEnd('.');
                    var first = rows.FirstOrDefault(r => r.Code == lone);
                    var expected = string.Create(CultureInfo.InvariantCulture, $"{section}.{task + 1}");
                    throw new InvalidInputException(file, line.Number, first is not null
                        ? $"duplicate task code {lone} (first at line {first.Line.ToString(CultureInfo.InvariantCulture)})"
                        : $"task code {lone} is out of sequence (expected {expected} or section {(section + 1).ToString(CultureInfo.InvariantCulture)})");
                }

                if (current is null)
                {
                    if (ColumnNumbersRegex().IsMatch(text))
                    {
                        continue;
                    }

                    throw new InvalidInputException(file, line.Number, $"unexpected text before the first section of the table: \"{Shorten(text)}\" (expected section \"1\")");
                }

                current.Fragments[^1].Add(line with { Text = text });
            }

            foreach (var row in rows)
            {
                row.Fragments.RemoveAll(f => f.Count == 0);
            }

            return rows;
        }

        private bool AddFootnoteLine(int lineNumber, string text)
        {
            var m = FootnoteStartRegex().Match(text);
            if (m.Success)
            {
                var mark = m.Groups["mark"].Value;
                if (_footnotes.All(f => f.Mark != mark))
                {
                    _footnotes.Add(new Footnote(mark, m.Groups["text"].Value));
                    _footnoteLines.Add(lineNumber);
                    return true;
                }
            }

            if (_footnotes.Count == 0)
            {
                return false;
            }

            var last = _footnotes[^1];
            _footnotes[^1] = last with { Text = CellText.Join([last.Text, text]) };
            return true;
        }

        private RawEntry SplitRow(Row row, bool hasChildren, List<string> footnotes)
        {
            var all = row.AllLines.ToList();
            if (all.Count == 0)
            {
                throw new InvalidInputException(file, row.Line, $"task {row.Code} is empty");
            }

            Failure? firstFailure = null;
            Split? best = null;
            foreach (var candidate in Arrangements(row))
            {
                var result = TrySplit(candidate);
                if (result.Entry is { } split)
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
                return new RawEntry(row.Code, row.Section, row.Parent, best.Title, best.Lead, best.Coordinating, best.Time, footnotes, row.Line, best.LeadLine, best.CoordinatingLine, best.TimeLine);
            }

            if (hasChildren && firstFailure?.Kind == FailureKind.NoTimeFrame)
            {
                return new RawEntry(row.Code, row.Section, row.Parent, CellText.Join(all.Select(l => l.Text)), string.Empty, string.Empty, null, footnotes, row.Line, row.Line, row.Line, row.Line);
            }

            var f = firstFailure!;
            throw f.Kind switch
            {
                FailureKind.NoTimeFrame => new InvalidInputException(file, row.Line, $"task {row.Code} has no time frame (its last lines \"{Shorten(CellText.Join(all.TakeLast(3).Select(l => l.Text)))}\" are not a time frame)"),
                FailureKind.BadTimeFrame => new InvalidInputException(file, f.Line, $"task {row.Code}: {f.Message}"),
                _ => new InvalidInputException(file, f.Line, $"task {row.Code}: {f.Message}"),
            };
        }

        // The row's lines in reading order; when the row continues after a page break, also with the continuation
        // moved before the time frame and then before each earlier line (a cell split over the page).
        private static IEnumerable<List<NumberedLine>> Arrangements(Row row)
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

        private (Split? Entry, Failure? Failure) TrySplit(List<NumberedLine> rowLines)
        {
            // 1. the time frame: the longest tail of whole lines the grammar accepts, else a tail starting mid-line.
            var n = rowLines.Count;
            int timeStart = -1;
            Failure? invalid = null;
            for (var k = 1; k <= Math.Min(8, n - 1); k++)
            {
                var parse = TimeFrameParser.TryParse(CellText.Join(rowLines.Skip(n - k).Select(l => l.Text)));
                if (parse.Status == TimeFrameParseStatus.Ok)
                {
                    timeStart = n - k;
                }
                else if (parse.Status == TimeFrameParseStatus.Invalid && invalid is null)
                {
                    invalid = new Failure(FailureKind.BadTimeFrame, rowLines[n - k].Number, $"impossible time frame \"{CellText.Join(rowLines.Skip(n - k).Select(l => l.Text))}\": {parse.Error}");
                }
            }

            var body = rowLines;
            if (timeStart < 0)
            {
                for (var li = n - 1; li >= Math.Max(0, n - 3) && timeStart < 0; li--)
                {
                    var words = rowLines[li].Text.Split(' ');
                    for (var w = 1; w < words.Length; w++)
                    {
                        var tail = CellText.Join(rowLines.Skip(li + 1).Select(l => l.Text).Prepend(string.Join(' ', words.Skip(w))));
                        if (TimeFrameParser.TryParse(tail).Status == TimeFrameParseStatus.Ok)
                        {
                            body = [.. rowLines.Take(li), rowLines[li] with { Text = string.Join(' ', words.Take(w)) }, rowLines[li] with { Text = string.Join(' ', words.Skip(w)) }, .. rowLines.Skip(li + 1)];
                            timeStart = li + 1;
                            break;
                        }
                    }
                }
            }

            if (timeStart < 0)
            {
                return (null, invalid ?? new Failure(FailureKind.NoTimeFrame, rowLines[^1].Number, "no time frame"));
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
                    if (LooksLikeUnitLine(rest, i) is { } suspect)
                    {
                        return (null, suspect);
                    }

                    return (new Split(title, lead, coordinating, time, rest[i].Number, j < m ? rest[j].Number : rest[i].Number, timeLine, i), null);
                }
            }

            return (null, Diagnose(rest));
        }

        // A title whose last line is short, starts like a unit name and is close to one is almost certainly a lead
        // cell that did not resolve (e.g. a misspelt unit) — reading it as title text would assign the task to the
        // wrong unit silently, so it is an error instead.
        private Failure? LooksLikeUnitLine(List<NumberedLine> rest, int titleLines)
        {
            if (titleLines < 2)
            {
                return null;
            }

            var last = rest[titleLines - 1].Text;
            var longest = rest.Take(titleLines).Max(l => l.Text.Length);
            var first = Words(last).FirstOrDefault() ?? string.Empty;
            if (last.Length == 0 || !char.IsUpper(last[0]) || last.Length * 10 > longest * 6 || !UnitStartWords().Contains(first))
            {
                return null;
            }

            var (name, distance) = units.ClosestName(last);
            return distance * 2 <= Math.Max(6, last.Length)
                ? new Failure(FailureKind.Units, rest[titleLines - 1].Number, $"lead unit phrase \"{last}\" is not in the unit directory (closest: \"{name}\")")
                : null;
        }

        private HashSet<string> UnitStartWords() =>
            _unitStartWords ??= units.KnownNames().Select(n => Words(n.Name).FirstOrDefault()).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // Explains why no split resolves: names the phrase that does not resolve and the closest directory name.
        private Failure Diagnose(List<NumberedLine> rest)
        {
            var m = rest.Count;
            if (m < 2)
            {
                return new Failure(FailureKind.Units, rest.Count > 0 ? rest[0].Number : 0, "no lead unit: the row has only a title and a time frame");
            }

            // a resolving lead followed by a coordinating cell that does not resolve
            for (var i = 1; i < m; i++)
            {
                for (var j = m - 1; j > i; j--)
                {
                    var lead = CellText.Join(rest.Skip(i).Take(j - i).Select(l => l.Text));
                    if (Resolves(lead))
                    {
                        var r = units.Resolve(CellText.Join(rest.Skip(j).Select(l => l.Text)));
                        return new Failure(FailureKind.Units, rest[j].Number, $"coordinating unit phrase \"{r.Unresolved}\" is not in the unit directory (closest: \"{r.ClosestAlias}\")");
                    }
                }
            }

            // otherwise the lead: guess it starts at the last line that begins like a unit name
            var starts = units.KnownNames().Select(n => Words(n.Name).FirstOrDefault()).Where(w => w is not null).ToHashSet(StringComparer.Ordinal);
            var at = Enumerable.Range(1, m - 1).LastOrDefault(k => starts.Contains(Words(rest[k].Text).FirstOrDefault() ?? string.Empty) && char.IsUpper(rest[k].Text[0]));
            at = at == 0 ? m - 1 : at;
            var phrase = CellText.Join(rest.Skip(at).Select(l => l.Text));
            var res = units.Resolve(phrase);
            return new Failure(FailureKind.Units, rest[at].Number, $"unit phrase \"{res.Unresolved ?? phrase}\" is not in the unit directory (closest: \"{res.ClosestAlias}\")");
        }

        private bool Resolves(string phrase)
        {
            if (!_resolves.TryGetValue(phrase, out var ok))
            {
                ok = units.CanResolve(phrase);
                _resolves[phrase] = ok;
            }

            return ok;
        }

        private bool NextIsUpper(int from, int end)
        {
            for (var k = from; k < end; k++)
            {
                var t = VietnameseText.Normalize(lines[k].Text);
                if (t.Length > 0)
                {
                    return IsUpper(t);
                }
            }

            return false;
        }
    }

    private sealed record Split(string Title, string Lead, string Coordinating, string Time, int LeadLine, int CoordinatingLine, int TimeLine, int TitleLines);

    private enum FailureKind
    {
        NoTimeFrame,
        BadTimeFrame,
        Units,
    }

    private sealed record Failure(FailureKind Kind, int Line, string Message);

    private static bool IsUpper(string s) => s.Any(char.IsLetter) && s == s.ToUpper(CultureInfo.InvariantCulture);

    private static bool StartsWithDigit(string s)
    {
        var t = s.TrimStart();
        return t.Length > 0 && char.IsAsciiDigit(t[0]);
    }

    private static List<string> Words(string text) =>
        VietnameseText.Normalize(text).ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";

    [GeneratedRegex(@"^(?<code>\d+(?:\.\d+)*|[a-zđ])(?<sep>[\.\)])?(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^\d+\.\d+(?:\.\d+)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex LoneCodeRegex();

    [GeneratedRegex(@"^II\s*\.\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex PartTwoRegex();

    [GeneratedRegex(@"^[_\-–—\.]{5,}$", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^(?<mark>\d{1,2})\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteStartRegex();

    [GeneratedRegex(@"^(\(\d+\)\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnNumbersRegex();
}
