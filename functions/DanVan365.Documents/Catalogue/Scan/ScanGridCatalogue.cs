using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A table row as the grid gave it: its code and code line, whether it is a section row, and its four cells
/// (title, lead, coordinating, time) with the lines they were laid out on (0: empty).</summary>
internal sealed record ScanRow(string Code, int Line, bool IsSection, IReadOnlyList<string> Cells, IReadOnlyList<int> Lines);

/// <summary>
/// The catalogue from the grid itself, when the text importer refuses a row that OCR misread (a unit's name the
/// directory does not know, a time frame with a wrong letter): the grid knows each cell's column, so the row is kept as
/// read and its cell flagged for review instead of the whole scan being refused. Codes and sections follow the table's
/// numbering (a section "1", tasks "1.1", sub-items "a" under the task before; a code that cannot come next is
/// read as the next one and its TT cell flagged); the decision's metadata is read by
/// <see cref="DecisionMetadataReader"/> from the same lines as always.
/// </summary>
internal static partial class ScanGridCatalogue
{
    public static RawCatalogue Build(string file, IReadOnlyList<NumberedLine> lines, int header, int footnoteStart, int after,
        IReadOnlyList<ScanRow> rows, ISet<ScanRow> renumbered)
    {
        ArgumentNullException.ThrowIfNull(renumbered);
        var footnotes = Footnotes(lines, footnoteStart, after);
        var marks = footnotes.Select(f => f.Mark).ToHashSet(StringComparer.Ordinal);
        var sections = new List<RawSection>();
        var entries = new List<RawEntry>();
        var (section, number, task) = (0, 0, string.Empty);
        foreach (var row in rows)
        {
            var code = row.Code.TrimEnd('.');
            if (row.IsSection || (code.All(char.IsAsciiDigit) && code.Length > 0))
            {
                section++;
                number = 0;
                code = Renumbered(row, code, Inv(section), renumbered);
                sections.Add(new RawSection(code, row.Cells[0], row.Line));
                continue;
            }

            var found = new List<string>();
            var cells = row.Cells.Select(c => CellText.StripFootnoteMarks(c, marks, found)).ToList();
            var letter = SubItemRegex().IsMatch(code) && task.Length > 0;
            if (!letter)
            {
                // the TT column counts on: a code OCR misread ("2.0" for "2.6", "Ờ") is the next one, its cell flagged
                var m = TaskCodeRegex().Match(code);
                var next = m.Success && m.Groups[1].Value == Inv(section) && int.Parse(m.Groups[2].Value, Culture) > number
                    ? int.Parse(m.Groups[2].Value, Culture) : number + 1;
                code = Renumbered(row, code, Inv(section) + "." + Inv(next), renumbered);
                (number, task) = (next, code);
            }

            var fullCode = letter ? task + "." + code : code;
            entries.Add(new RawEntry(fullCode, Inv(section), letter ? task : null, cells[0], cells[1], cells[2],
                cells[3].Length > 0 ? cells[3] : null, found, row.Line, Line(row, 1), Line(row, 2), Line(row, 3)));
        }

        if (entries.Count == 0)
        {
            throw new InvalidInputException(file, lines[header].Number, "no catalogue table: the header row is not followed by any task");
        }

        var decision = DecisionMetadataReader.Read(file, [.. lines.Take(header)], [.. lines.Skip(after)], unnumbered: true);
        return new RawCatalogue(file, decision, sections, entries, footnotes, lines[Math.Max(0, after - 1)].Number);
    }

    private static System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.InvariantCulture;

    private static string Inv(int n) => n.ToString(Culture);

    private static string Renumbered(ScanRow row, string read, string expected, ISet<ScanRow> renumbered)
    {
        if (!string.Equals(read, expected, StringComparison.Ordinal))
        {
            renumbered.Add(row);
        }

        return expected;
    }

    private static int Line(ScanRow row, int cell) => row.Lines[cell] > 0 ? row.Lines[cell] : row.Line;

    // "1 text" starts footnote 1; the lines after it continue it.
    private static List<Footnote> Footnotes(IReadOnlyList<NumberedLine> lines, int start, int end)
    {
        var footnotes = new List<Footnote>();
        if (start < 0)
        {
            return footnotes;
        }

        for (var i = start + 1; i < end; i++)
        {
            var m = FootnoteRegex().Match(lines[i].Text);
            var next = (footnotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (m.Success && (footnotes.Count == 0 || m.Groups[1].Value == next))
            {
                footnotes.Add(new Footnote(m.Groups[1].Value, m.Groups[2].Value.Trim()));
            }
            else if (footnotes.Count > 0)
            {
                footnotes[^1] = footnotes[^1] with { Text = CellText.Join([footnotes[^1].Text, lines[i].Text]) };
            }
        }

        return footnotes;
    }

    [GeneratedRegex(@"^(\d{1,2})\s+(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteRegex();

    [GeneratedRegex(@"^(\d+)\.(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TaskCodeRegex();

    [GeneratedRegex(@"^[a-zđ]$", RegexOptions.CultureInvariant)]
    private static partial Regex SubItemRegex();
}
