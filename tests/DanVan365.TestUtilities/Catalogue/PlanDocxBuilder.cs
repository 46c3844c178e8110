using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>
/// Writes a plan given as a text fixture into Word, the way a clerk types it: one paragraph per paragraph of the text (a line
/// that starts with a lower-case letter, not a sub-item "a)", continues the paragraph above: the fixture wraps only there),
/// the footnote block ("____" then "1 text…" up to a blank line) into Word's footnotes part, referenced where the text glues
/// the mark to a word ("cơ sở1.").
/// </summary>
public static partial class PlanDocxBuilder
{
    /// <summary>The plan's text as .docx bytes.</summary>
    public static byte[] FromText(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var (paragraphs, footnotes) = Paragraphs(lines);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in paragraphs)
            {
                body.Append(Paragraph(text, footnotes, referenced));
            }

            main.Document = new Document(body);
            if (footnotes.Count > 0)
            {
                var part = main.AddNewPart<FootnotesPart>();
                var notes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark())))
                    {
                        Type = FootnoteEndnoteValues.ContinuationSeparator,
                        Id = 0
                    });
                foreach (var (mark, text) in footnotes)
                {
                    notes.Append(new Footnote(new Paragraph(
                        new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                            new FootnoteReferenceMark()),
                        TextRun(" " + text)))
                    { Id = int.Parse(mark, CultureInfo.InvariantCulture) });
                }

                part.Footnotes = notes;
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The paragraphs a clerk would type for these lines (footnote blocks left out).</summary>
    public static IReadOnlyList<string> ParagraphsOf(IReadOnlyList<string> lines) => Paragraphs(lines).Paragraphs;

    private static (List<string> Paragraphs, Dictionary<string, string> Footnotes) Paragraphs(IReadOnlyList<string> lines)
    {
        var paragraphs = new List<string>();
        var footnotes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? mark = null;
        var inFootnotes = false;
        var broken = true;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                inFootnotes = false;
                broken = true;
                continue;
            }

            if (line.StartsWith("_____", StringComparison.Ordinal))
            {
                inFootnotes = true;
                continue;
            }

            if (inFootnotes)
            {
                var m = FootnoteStartRegex().Match(line);
                if (m.Success)
                {
                    mark = m.Groups[1].Value;
                    footnotes[mark] = m.Groups[2].Value;
                }
                else if (mark is not null)
                {
                    footnotes[mark] += " " + line;
                }

                continue;
            }

            if (!broken && paragraphs.Count > 0 && char.IsLower(line[0]) && !SubItemRegex().IsMatch(line))
            {
                paragraphs[^1] += " " + line;
            }
            else
            {
                paragraphs.Add(line);
            }

            broken = false;
        }

        return (paragraphs, footnotes);
    }

    private static Paragraph Paragraph(string text, Dictionary<string, string> footnotes, HashSet<string> referenced)
    {
        foreach (var mark in footnotes.Keys.Where(k => !referenced.Contains(k)))
        {
            var m = Regex.Match(text, @"(?<=\p{L})" + mark + @"(?=[\.,;:])", RegexOptions.CultureInvariant);
            if (m.Success)
            {
                referenced.Add(mark);
                return new Paragraph(TextRun(text[..m.Index]),
                    new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new FootnoteReference { Id = int.Parse(mark, CultureInfo.InvariantCulture) }),
                    TextRun(text[(m.Index + m.Length)..]));
            }
        }

        return new Paragraph(TextRun(text));
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    [GeneratedRegex(@"^(\d{1,2})\s+(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteStartRegex();

    [GeneratedRegex(@"^[a-zđ]\) ", RegexOptions.CultureInvariant)]
    private static partial Regex SubItemRegex();
}
