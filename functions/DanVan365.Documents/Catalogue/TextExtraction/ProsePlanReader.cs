using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>
/// Reads a plan (Kế hoạch): a document whose header says "KẾ HOẠCH" (with "Số: N/KH-…") instead of "QUYẾT ĐỊNH". Its tasks are
/// numbered paragraphs (<see cref="ProseTasks"/>), unless it carries an appendix table ("PHỤ LỤC" with the header "TT | Nhiệm
/// vụ | …"): then the table is the catalogue and every prose task must agree with its row (lead, coordinating units, time
/// frame), else the import is refused at the first disagreement. Metadata come from the plan itself
/// (<see cref="ProsePlanMetadata"/>). Shared by the text, .docx and PDF importers.
/// </summary>
internal static class ProsePlanReader
{
    /// <summary>True when the document's heading says "KẾ HOẠCH" before any "QUYẾT ĐỊNH" (within its first 40 lines).</summary>
    public static bool IsPlan(IReadOnlyList<NumberedLine> lines)
    {
        foreach (var text in lines.Select(l => VietnameseText.Normalize(l.Text)).Where(t => t.Length > 0).Take(40))
        {
            if (text.StartsWith("QUYẾT ĐỊNH", StringComparison.Ordinal))
            {
                return false;
            }

            if (text == "KẾ HOẠCH" || (text.StartsWith("KẾ HOẠCH ", StringComparison.Ordinal) && TextPatterns.IsUpper(text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a plan from text lines (a text extraction, or rebuilt from a PDF).</summary>
    public static RawCatalogue Read(string file, IReadOnlyList<NumberedLine> lines, UnitDirectory? units)
    {
        var headerStart = new TextTableLocator(lines).FindHeader();
        if (headerStart < 0)
        {
            return Read(file, lines, null, []);
        }

        var table = TextDecisionImporter.ReadTable(file, lines, units, headerStart, untilEnd: true);
        var read = new AppendixTable(table.Sections, table.Entries, table.Footnotes, lines[table.End - 1].Number);
        return Read(file, lines.Take(headerStart).ToList(), read, []);
    }

    /// <summary>
    /// Reads a plan from its prose lines and, when it has one, its appendix table already read; <paramref name="extraFootnotes"/>
    /// are footnote texts kept outside the lines (a Word document's footnotes part).
    /// </summary>
    public static RawCatalogue Read(string file, IReadOnlyList<NumberedLine> prose, AppendixTable? table,
        IReadOnlyList<Footnote> extraFootnotes)
    {
        ArgumentNullException.ThrowIfNull(prose);
        if (table is not null)
        {
            prose = prose.Take(AppendixStart(prose)).ToList();
        }

        var footnotes = new TextFootnotes();
        var blocks = ProseBlocks.Cut(prose, footnotes);
        var notes = footnotes.All.Concat(extraFootnotes.Where(e => footnotes.All.All(f => f.Mark != e.Mark))).ToList();
        var tasks = ProseTasks.Read(file, blocks, notes.Select(f => f.Mark).ToHashSet(StringComparer.Ordinal));
        var outside = prose.Where(l => l.Number < tasks.FirstLine || l.Number > tasks.LastLine).ToList();
        var decision = ProsePlanMetadata.Read(file, tasks.Entries.Count == 0 ? prose : outside);
        if (table is not null)
        {
            Agree(file, tasks.Entries, table.Entries);
            var all = table.Footnotes.Concat(notes.Where(n => table.Footnotes.All(f => f.Mark != n.Mark))).ToList();
            return new RawCatalogue(file, decision, table.Sections, table.Entries, all, table.LastLine)
            {
                Genre = DocumentGenre.PlanAppendixTable,
            };
        }

        if (tasks.Entries.Count == 0)
        {
            var last = prose.LastOrDefault(l => l.Text.Trim().Length > 0).Number;
            throw new InvalidInputException(file, last,
                "the plan has no tasks: no numbered paragraph is followed by \"Cơ quan chủ trì: …\" or says \"giao … chủ trì … thực " +
                "hiện\", and there is no appendix table (kế hoạch không có nhiệm vụ nào)");
        }

        return new RawCatalogue(file, decision, tasks.Sections, tasks.Entries, notes, tasks.LastLine) { Genre = DocumentGenre.PlanProse };
    }

    // The "PHỤ LỤC" heading above the appendix table (else all the lines before the table are the plan's text).
    private static int AppendixStart(IReadOnlyList<NumberedLine> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (VietnameseText.Normalize(lines[i].Text).StartsWith("PHỤ LỤC", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return lines.Count;
    }

    private static void Agree(string file, List<RawEntry> prose, IReadOnlyList<RawEntry> table)
    {
        foreach (var p in prose.Where(p => p.LeadText.Length > 0))
        {
            var row = table.FirstOrDefault(t => t.Code == p.Code) ?? throw new InvalidInputException(file, p.Line,
                $"task {p.Code} of the plan's text is not in its appendix table (nhiệm vụ {p.Code} trong kế hoạch không có trong phụ lục)");
            Same(file, p.Code, "lead unit", "cơ quan chủ trì", p.LeadText, p.LeadLine, row.LeadText, row.LeadLine);
            Same(file, p.Code, "coordinating units", "cơ quan phối hợp", p.CoordinatingText, p.CoordinatingLine, row.CoordinatingText,
                row.CoordinatingLine);
            Same(file, p.Code, "time frame", "thời gian thực hiện", p.TimeText ?? string.Empty, p.TimeLine, row.TimeText ?? string.Empty,
                row.TimeLine);
        }
    }

    private static void Same(string file, string code, string what, string vi, string prose, int proseLine, string table, int tableLine)
    {
        if (VietnameseText.MatchKey(prose) != VietnameseText.MatchKey(table))
        {
            throw new InvalidInputException(file, proseLine,
                $"task {code}: the plan's text gives the {what} \"{prose}\" but its appendix table (line {tableLine}) gives \"{table}\" " +
                $"(nội dung kế hoạch và phụ lục không khớp ở {vi} của nhiệm vụ {code})");
        }
    }
}

/// <summary>A plan's appendix table as a table reader read it.</summary>
internal sealed record AppendixTable(IReadOnlyList<RawSection> Sections, IReadOnlyList<RawEntry> Entries, IReadOnlyList<Footnote> Footnotes,
    int LastLine);
