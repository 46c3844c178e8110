using System.Text;
using DanVan365.Documents.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

/// <summary>A cell's content as a person would type it: paragraphs, optionally Word list items.</summary>
internal sealed record CellInput(IReadOnlyList<string> Paragraphs, bool AsListItems = false)
{
    public static implicit operator CellInput(string text) => new(text.Split('\n'));
}

/// <summary>Fills a template like a unit would in Word: edits the table cells with Open XML.</summary>
internal static class TemplateFiller
{
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, CellInput[]> rows, bool nfd = false,
        Action<WordprocessingDocument>? also = null)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>()
                .First(t => WordInspector.Text(t.Elements<TableRow>().First().Elements<TableCell>().First()) == TemplateWriter.CodeHeading);
            foreach (var row in table.Elements<TableRow>().Skip(1))
            {
                var cells = row.Elements<TableCell>().ToList();
                var code = WordInspector.Text(cells[0]);
                if (!rows.TryGetValue(code, out var inputs))
                {
                    continue;
                }

                for (var i = 0; i < inputs.Length && i < 4; i++)
                {
                    SetCell(cells[3 + i], inputs[i], nfd);
                }
            }

            if (rows.Values.SelectMany(r => r).Any(c => c.AsListItems))
            {
                EnsureBulletList(doc.MainDocumentPart!);
            }

            also?.Invoke(doc);
        }

        return stream.ToArray();
    }

    /// <summary>Numbering definition 1: a bullet list, as Word adds when a person presses the bullet button.</summary>
    private static void EnsureBulletList(MainDocumentPart main)
    {
        if (main.NumberingDefinitionsPart is not null)
        {
            return;
        }

        // Word defines the style it uses for list items; an undefined style makes LibreOffice drop the table.
        main.StyleDefinitionsPart!.Styles!.Append(new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "720" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "ListParagraph",
        });

        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
    }

    public static void SetCell(TableCell cell, CellInput input, bool nfd)
    {
        var props = cell.TableCellProperties?.CloneNode(true);
        cell.RemoveAllChildren();
        if (props is not null)
        {
            cell.Append(props);
        }

        foreach (var text in input.Paragraphs)
        {
            var value = nfd ? text.Normalize(NormalizationForm.FormD) : text;
            var pPr = new ParagraphProperties();
            if (input.AsListItems)
            {
                pPr.Append(new ParagraphStyleId { Val = "ListParagraph" }, new NumberingProperties(new NumberingLevelReference { Val = 0 },
                    new NumberingId { Val = 1 }));
            }

            cell.Append(new Paragraph(pPr, new Run(new Text(value) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
        }

        if (input.Paragraphs.Count == 0)
        {
            cell.Append(new Paragraph());
        }
    }

    /// <summary>Replaces the text of the code cell of the row with <paramref name="code"/>.</summary>
    public static byte[] ChangeCode(byte[] template, string code, string newCode) => Edit(template, doc =>
    {
        var cell = doc.MainDocumentPart!.Document!.Body!.Descendants<TableCell>().First(c => WordInspector.Text(c) == code);
        SetCell(cell, newCode, nfd: false);
    });

    public static byte[] Edit(byte[] docx, Action<WordprocessingDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            edit(doc);
        }

        return stream.ToArray();
    }
}
