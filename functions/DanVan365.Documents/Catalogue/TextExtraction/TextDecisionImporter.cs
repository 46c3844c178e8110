using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue.TextExtraction;

namespace DanVan365.Documents.Catalogue;

/// <summary>
/// Imports a decision from a text extraction (the format of qd-673-2026-hai-an.txt). Nothing depends on where the
/// page breaks fall. The table is located by <see cref="TextTableLocator"/> (header row, repeated page headers, part
/// "II." as its end: a file that ends first is cut off), cut into rows by <see cref="TextRowSegmenter"/>, footnote
/// blocks collected by <see cref="TextFootnotes"/> (marks glued to words, "cơ sở1.", taken off and recorded), and
/// each row split into cells by <see cref="TextCellSplitter"/>, which explains a row it cannot split through
/// <see cref="TextRowDiagnosis"/>. A plan ("KẾ HOẠCH" in the heading) goes to <see cref="ProsePlanReader"/> instead.
/// </summary>
public sealed class TextDecisionImporter : IDecisionImporter
{
    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public TaskCatalogue Import(Stream stream, string name, UnitDirectory units) =>
        CatalogueAssembler.Assemble(Read(stream, name, units), units);

    /// <summary>Reads the stream into a raw catalogue (cells as written, not yet resolved).</summary>
    public static RawCatalogue Read(Stream stream, string name, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var raw = DecisionInput.ReadTextLines(stream, name);
        return Read(name, raw.Select((t, i) => new NumberedLine(i + 1, t)).ToList(), units);
    }

    /// <summary>
    /// Reads the stream without a unit directory (`danvan365 init`): a cell is a lead or coordinating cell when it reads
    /// as names of bodies (<see cref="Core.Units.Proposal.UnitPhraseShape"/>).
    /// </summary>
    public static RawCatalogue ReadWithoutDirectory(Stream stream, string name)
    {
        var raw = DecisionInput.ReadTextLines(stream, name);
        return Read(name, raw.Select((t, i) => new NumberedLine(i + 1, t)).ToList(), null);
    }

    /// <summary>Reads lines already extracted (from a text file, or rebuilt from a PDF's page layout); null
    /// <paramref name="units"/>: without a directory.</summary>
    internal static RawCatalogue Read(string file, IReadOnlyList<NumberedLine> lines, UnitDirectory? units) =>
        Read(file, lines, units, unnumbered: false);

    /// <summary>As <see cref="Read(string, IReadOnlyList{NumberedLine}, UnitDirectory?)"/>; with <paramref name="unnumbered"/>
    /// (the scan reader) a table without the annex line above it is read with a decision without number or date, which
    /// the assembly refuses (<see cref="DecisionMetadataReader"/>).</summary>
    internal static RawCatalogue Read(string file, IReadOnlyList<NumberedLine> lines, UnitDirectory? units, bool unnumbered)
    {
        if (ProsePlanReader.IsPlan(lines))
        {
            return ProsePlanReader.Read(file, lines, units);
        }

        var locator = new TextTableLocator(lines);
        var headerStart = locator.FindHeader();
        if (headerStart < 0)
        {
            throw new InvalidInputException(file, 0,
                "no catalogue table: the header row \"TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\" was not " +
                "found");
        }

        var table = ReadTable(file, lines, units, headerStart, untilEnd: false);
        var decision = DecisionMetadataReader.Read(file, lines.Take(headerStart).ToList(), lines.Skip(table.End).ToList(), unnumbered);
        return new RawCatalogue(file, decision, table.Sections, table.Entries, table.Footnotes, lines[table.End - 1].Number);
    }

    /// <summary>
    /// Reads the table whose header starts at <paramref name="headerStart"/>: up to part "II." or, with
    /// <paramref name="untilEnd"/> (a plan's appendix), to the end of the lines.
    /// </summary>
    internal static TextTable ReadTable(string file, IReadOnlyList<NumberedLine> lines, UnitDirectory? units, int headerStart,
        bool untilEnd)
    {
        var locator = new TextTableLocator(lines);
        var bodyStart = locator.BodyStart(headerStart);
        var headerWords = locator.HeaderWords(headerStart, bodyStart);
        var tableEnd = untilEnd ? -1 : locator.TableEnd(bodyStart);
        var cutOff = tableEnd < 0 && !untilEnd;
        if (tableEnd < 0)
        {
            tableEnd = lines.Count;
        }

        var footnotes = new TextFootnotes();
        var rows = new TextRowSegmenter(file, lines, locator, headerWords, footnotes).Segment(bodyStart, tableEnd);
        if (rows.Count == 0)
        {
            throw new InvalidInputException(file, lines[headerStart].Number,
                "no catalogue table: the header row is not followed by any section or task");
        }

        if (cutOff)
        {
            var lastLine = lines.LastOrDefault(l => l.Text.Trim().Length > 0).Number;
            throw new InvalidInputException(file, lastLine,
                $"the file ends inside the catalogue table (last entry read: {rows[^1].Code}); it looks cut off — part \"II. TỔ CHỨC " +
                $"THỰC HIỆN\" never comes");
        }

        var marks = footnotes.All.Select(f => f.Mark).ToHashSet(StringComparer.Ordinal);
        var splitter = new TextCellSplitter(file, units);
        var sections = new List<RawSection>();
        var entries = new List<RawEntry>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var found = TextFootnotes.StripMarks(row, marks);
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
            entries.Add(splitter.SplitRow(row, hasChildren, found));
        }

        return new TextTable(sections, entries, footnotes.All, tableEnd);
    }
}

/// <summary>A table as read: its sections, entries, footnotes and the index of the line after it.</summary>
internal sealed record TextTable(List<RawSection> Sections, List<RawEntry> Entries, IReadOnlyList<Footnote> Footnotes, int End);
