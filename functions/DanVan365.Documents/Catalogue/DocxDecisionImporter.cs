using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;
using DanVan365.Core.Units;
using DanVan365.Documents.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Footnote = DanVan365.Core.Catalogue.Footnote;
using WordFootnote = DocumentFormat.OpenXml.Wordprocessing.Footnote;

namespace DanVan365.Documents.Catalogue;

/// <summary>
/// Imports a decision from Word (.docx): the catalogue is the first table whose header row reads
/// "TT | Nhiệm vụ | …" (repeated header rows are skipped). A row whose first cell is the next section number and
/// whose title spans the table (gridSpan) is a section; "1.1" is a task; "a", "b"… are sub-items of the task above.
/// Cells are [TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện]. Footnote references in a cell
/// become the task's footnote marks (numbered 1, 2, … in document order); the footnote texts come from the footnotes part.
/// Line numbers in errors count blocks in document order: each paragraph outside the table and each table row is one line.
/// </summary>
public sealed class DocxDecisionImporter : IDecisionImporter
{
    private const string SubItemLetters = "abcdđeghiklmnopqrstuvxy";

    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public TaskCatalogue Import(Stream stream, string name, UnitDirectory units)
    {
        var raw = Read(stream, name);
        try
        {
            return CatalogueAssembler.Assemble(raw, units);
        }
        catch (InvalidInputException ex) when (raw.Genre != DocumentGenre.DecisionTable)
        {
            throw ParagraphNumbers(ex);
        }
    }

    public static RawCatalogue Read(Stream stream, string name)
    {
        var path = name;
        var bytes = DecisionInput.ReadAll(stream, name);
        // A broken zip falls through to Open XML, which says "not a Word document"; limits are refused here.
        if (ZipGuard.Check(bytes, ZipLimits.Default) is { Kind: Core.Reporting.RejectionKind.ZipBomb } problem)
        {
            throw new InvalidInputException(path, 0, problem.Message);
        }

        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException
            or System.Xml.XmlException or FormatException)
        {
            throw new InvalidInputException(path, 0, "not a Word document (.docx): " + ex.Message, ex);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidInputException(path, 0, "the Word document has no body");
            var footnoteMarks = FootnoteMarks(document);
            var before = new List<NumberedLine>();
            var after = new List<NumberedLine>();
            var sections = new List<RawSection>();
            var entries = new List<RawEntry>();
            var line = 0;
            var tableSeen = false;
            var lastLine = 0;
            var handMade = new List<Footnote>();
            var prose = new List<NumberedLine>();

            foreach (var block in body.ChildElements)
            {
                if (block is Paragraph p)
                {
                    line++;
                    if (HandMadeFootnote(p) is { } note)
                    {
                        handMade.Add(note);
                        continue;
                    }

                    (tableSeen ? after : before).Add(new NumberedLine(line, ParagraphText(p, footnoteMarks, null)));
                    prose.Add(new NumberedLine(line, ParagraphText(p, footnoteMarks, null, inlineMarks: true)));
                    continue;
                }

                if (block is not Table table || tableSeen || !IsCatalogueTable(table))
                {
                    if (block is Table other)
                    {
                        line += other.Elements<TableRow>().Count();
                    }

                    continue;
                }

                tableSeen = true;
                ReadTable(path, table, footnoteMarks, ref line, sections, entries);
                lastLine = line;
            }

            if (TextExtraction.ProsePlanReader.IsPlan(prose))
            {
                // a plan: its tasks are paragraphs, or its appendix table is the catalogue (docs/architecture.md "Decisions")
                var notes = FootnoteTexts(document, footnoteMarks);
                notes.AddRange(handMade.Where(h => notes.All(f => f.Mark != h.Mark)));
                var appendix = tableSeen ? new TextExtraction.AppendixTable(sections, entries, notes, lastLine) : null;
                try
                {
                    return TextExtraction.ProsePlanReader.Read(path, prose, appendix, notes);
                }
                catch (InvalidInputException ex)
                {
                    throw ParagraphNumbers(ex);
                }
            }

            if (!tableSeen)
            {
                throw new InvalidInputException(path, 0,
                    "no catalogue table: no Word table with the header \"TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian " +
                    "thực hiện\"");
            }

            var footnotes = FootnoteTexts(document, footnoteMarks);
            footnotes.AddRange(handMade.Where(h => footnotes.All(f => f.Mark != h.Mark)));
            var decision = DecisionMetadataReader.Read(path, before, after);
            return new RawCatalogue(path, decision, sections, entries, footnotes, lastLine);
        }
    }

    private static void ReadTable(string path, Table table, Dictionary<long, string> marks, ref int line, List<RawSection> sections,
        List<RawEntry> entries)
    {
        int section = 0, task = 0, sub = -1;
        foreach (var row in table.Elements<TableRow>())
        {
            line++;
            var cells = row.Elements<TableCell>().ToList();
            var found = new List<string>();
            var texts = cells.Select(c => CellText.Join(c.Elements<Paragraph>().Select(p => ParagraphText(p, marks, found)))).ToList();
            if (texts.Count == 0 || IsHeaderRow(texts))
            {
                continue;
            }

            var code = texts[0].TrimEnd('.', ')');
            var spans = cells.Skip(1).Any(c => (c.TableCellProperties?.GridSpan?.Val?.Value ?? 1) > 1) || cells.Count == 2;
            if (code == (section + 1).ToString(CultureInfo.InvariantCulture) && spans)
            {
                section++;
                task = 0;
                sub = -1;
                sections.Add(new RawSection(code, string.Join(' ', texts.Skip(1).Where(t => t.Length > 0)), line));
                continue;
            }

            string fullCode, parent;
            string? parentCode = null;
            if (section > 0 && TaskNumber(code, section) is { } number && number > task)
            {
                // a re-issued decision may skip the numbers of removed tasks (a warning, given by the assembler)
                task = number;
                sub = -1;
                fullCode = code;
            }
            else if (task > 0 && code.Length == 1 && SubItemLetters.IndexOf(code[0], StringComparison.Ordinal) > sub)
            {
                sub = SubItemLetters.IndexOf(code[0], StringComparison.Ordinal);
                parent = string.Create(CultureInfo.InvariantCulture, $"{section}.{task}");
                parentCode = parent;
                fullCode = parent + "." + code;
            }
            else if (code.Length == 0 && texts.All(t => t.Length == 0))
            {
                continue;
            }
            else
            {
                throw new InvalidInputException(path, line,
                    $"unexpected row code \"{texts[0]}\" (expected {(section + 1).ToString(CultureInfo.InvariantCulture)}, " +
                    $"{section.ToString(CultureInfo.InvariantCulture)}.{(task + 1).ToString(CultureInfo.InvariantCulture)} or a sub-item " +
                    $"letter)");
            }

            if (texts.Count < 5)
            {
                throw new InvalidInputException(path, line,
                    $"task {fullCode}: the row has {texts.Count.ToString(CultureInfo.InvariantCulture)} cells, expected 5 (TT, Nhiệm vụ, " +
                    $"Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện)");
            }

            var time = texts[4].Length == 0 ? null : texts[4];
            entries.Add(new RawEntry(fullCode, section.ToString(CultureInfo.InvariantCulture), parentCode, texts[1], texts[2], texts[3],
                time, found, line, line, line, line));
        }
    }

    private static bool IsCatalogueTable(Table table)
    {
        var first = table.Elements<TableRow>().FirstOrDefault();
        return first is not null && IsHeaderRow(first.Elements<TableCell>().Select(c => VietnameseText.Normalize(c.InnerText)).ToList());
    }

    private static bool IsHeaderRow(List<string> texts) =>
        texts.Count >= 2
        && (texts[0].Equals("TT", StringComparison.OrdinalIgnoreCase) || texts[0].Equals("STT", StringComparison.OrdinalIgnoreCase))
        && VietnameseText.MatchKey(texts[1]).StartsWith("nhiệm vụ", StringComparison.Ordinal);

    private static int? TaskNumber(string code, int section)
    {
        var prefix = section.ToString(CultureInfo.InvariantCulture) + ".";
        return code.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(code.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }

    // A footnote typed by hand after the table: a paragraph that starts with a raised mark ("¹ Nghị quyết …").
    private static Footnote? HandMadeFootnote(Paragraph p)
    {
        var first = p.Elements<Run>().FirstOrDefault(r => r.InnerText.Trim().Length > 0);
        if (first is null || RaisedMark(first) is not { } mark)
        {
            return null;
        }

        var rest = p.Elements<Run>().SkipWhile(r => r != first).Skip(1).Select(r => r.InnerText);
        var text = CellText.Join([string.Concat(rest)]);
        return text.Length == 0 ? null : new Footnote(mark, text);
    }

    /// <summary>
    /// The digits of a run written as a footnote mark by hand: vertAlign=superscript (Word), or raised by w:position
    /// with a smaller size (LibreOffice); null for any other run.
    /// </summary>
    private static string? RaisedMark(Run run)
    {
        var props = run.RunProperties;
        if (props is null)
        {
            return null;
        }

        var superscript = props.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript;
        var raised = int.TryParse(props.Position?.Val?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var up) && up > 0
            && int.TryParse(props.FontSize?.Val?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size < 24;
        var text = string.Concat(run.Elements<Text>().Select(t => t.Text)).Trim();
        return (superscript || raised) && text.Length is 1 or 2 && text.All(char.IsAsciiDigit) ? text : null;
    }

    // A plan read from Word counts its paragraphs as lines: the message says so.
    private static InvalidInputException ParagraphNumbers(InvalidInputException ex) => ex.Line == 0 ? ex : new(ex.File, ex.Line,
        ex.Reason + " — the line number is the paragraph's number in the Word document (số dòng là số thứ tự đoạn văn trong tệp Word)", ex);

    private static string ParagraphText(Paragraph p, Dictionary<long, string> marks, List<string>? found, bool inlineMarks = false)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var element in p.Descendants())
        {
            if (element is Text && element.Parent is Run run && RaisedMark(run) is { } handMark)
            {
                if (found is not null && !found.Contains(handMark))
                {
                    found.Add(handMark);
                }

                sb.Append(inlineMarks ? handMark : string.Empty);
                continue;
            }

            switch (element)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar or Break:
                    sb.Append(' ');
                    break;
                case FootnoteReference r when inlineMarks && r.Id?.Value is { } inlineId && marks.TryGetValue(inlineId, out var inlineMark):
                    sb.Append(inlineMark);
                    break;
                case FootnoteReference r when found is not null && r.Id?.Value is { } id && marks.TryGetValue(id,
                    out var mark) && !found.Contains(mark):
                    found.Add(mark);
                    break;
            }
        }

        return sb.ToString();
    }

    // Footnote id → mark ("1", "2", …) in order of first reference in the body, as Word numbers them.
    private static Dictionary<long, string> FootnoteMarks(WordprocessingDocument document)
    {
        var marks = new Dictionary<long, string>();
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return marks;
        }

        foreach (var r in body.Descendants<FootnoteReference>())
        {
            if (r.Id?.Value is { } id && !marks.ContainsKey(id))
            {
                marks[id] = (marks.Count + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return marks;
    }

    private static List<Footnote> FootnoteTexts(WordprocessingDocument document, Dictionary<long, string> marks)
    {
        var result = new List<Footnote>();
        var part = document.MainDocumentPart?.FootnotesPart?.Footnotes;
        if (part is null)
        {
            return result;
        }

        foreach (var (id, mark) in marks.OrderBy(m => int.Parse(m.Value, CultureInfo.InvariantCulture)))
        {
            var note = part.Elements<WordFootnote>().FirstOrDefault(f => f.Id?.Value == id);
            if (note is null)
            {
                continue;
            }

            var text = CellText.Join(note.Elements<Paragraph>().Select(p => ParagraphText(p, marks, null)));
            result.Add(new Footnote(mark, text));
        }

        return result;
    }
}
