using System.Text;
using DanVan365.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Reporting;

/// <summary>What a unit writes on one template row ('\n' separates paragraphs).</summary>
public sealed record FilledRow(string Result, string Status = "", string Difficulties = "", string Proposals = "");

/// <summary>
/// Fills a unit's template the way a person in Word would (the answer cells of the table; the hidden key is left as
/// it is). Used by the demo's sample submissions and by the tests.
/// </summary>
public static class TemplateFiller
{
    /// <summary>Fills the rows whose code is a key of <paramref name="rows"/>; <paramref name="nfd"/> types the text decomposed.</summary>
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, FilledRow> rows, bool nfd = false)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>()
                .First(t => Text(t.Elements<TableRow>().First().Elements<TableCell>().First()) == TemplateWriter.CodeHeading);
            foreach (var row in table.Elements<TableRow>().Skip(1))
            {
                var cells = row.Elements<TableCell>().ToList();
                if (!rows.TryGetValue(Text(cells[0]), out var input))
                {
                    continue;
                }

                string[] values = [input.Result, input.Status, input.Difficulties, input.Proposals];
                for (var i = 0; i < values.Length; i++)
                {
                    SetCell(cells[3 + i], values[i], nfd);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Fills a year-end template's general part (<see cref="YearEndPart"/>): each row whose label starts with a key of
    /// <paramref name="answers"/> ("Ưu điểm", "Tự chấm điểm", …) gets that answer.
    /// </summary>
    public static byte[] FillReview(byte[] template, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>()
                .First(t => Text(t.Elements<TableRow>().First().Elements<TableCell>().First()) == Core.Reporting.YearEndReviews.Heading);
            foreach (var row in table.Elements<TableRow>().Skip(1))
            {
                var cells = row.Elements<TableCell>().ToList();
                var label = Text(cells[0]);
                var answer = answers.Where(a => label.StartsWith(a.Key, StringComparison.Ordinal)).OrderByDescending(a => a.Key.Length)
                    .Select(a => a.Value).FirstOrDefault();
                if (answer is not null)
                {
                    SetCell(cells[1], answer, nfd: false);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The task codes of a template's rows, in order.</summary>
    public static IReadOnlyList<string> Codes(byte[] template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var doc = WordprocessingDocument.Open(new MemoryStream(template, writable: false), false);
        var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>()
            .First(t => Text(t.Elements<TableRow>().First().Elements<TableCell>().First()) == TemplateWriter.CodeHeading);
        return [.. table.Elements<TableRow>().Skip(1).Select(r => Text(r.Elements<TableCell>().First())).Where(c => c.Length > 0)];
    }

    /// <summary>All paragraph text of a .docx body, one paragraph a line.</summary>
    public static string AllText(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(Text));
    }

    private static string Text(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    private static void SetCell(TableCell cell, string text, bool nfd)
    {
        var props = cell.TableCellProperties?.CloneNode(true);
        cell.RemoveAllChildren();
        if (props is not null)
        {
            cell.Append(props);
        }

        foreach (var paragraph in XmlSafeText.Strip(text).Split('\n'))
        {
            var value = nfd ? paragraph.Normalize(NormalizationForm.FormD) : paragraph;
            cell.Append(new Paragraph(new Run(new Text(value) { Space = SpaceProcessingModeValues.Preserve })));
        }
    }
}
