using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordFootnote = DocumentFormat.OpenXml.Wordprocessing.Footnote;

namespace DanVan365.Documents.Catalogue.Copies;

/// <summary>
/// Writes a decision as read (a <see cref="RawCatalogue"/>) as a Word document that <see cref="DocxDecisionImporter"/> reads
/// back to the same entries (`danvan365 catalogue FILE --out COPY.docx`, docs/architecture.md "Scanned decisions"): the
/// issuer, the signature block, the annex line with number and date, the five-column table with its section rows and
/// footnote references, the footnotes, and part II's rounds sentence. For a scan, the cells OCR read below the threshold
/// are shaded yellow so the clerk checks them against the paper; the clerk corrects the text in Word, and importing the
/// .docx is importing the reviewed copy (it carries no OCR reading).
/// </summary>
public static class DecisionDocxCopy
{
    /// <summary>The shading of a cell to review (yellow).</summary>
    public const string ReviewFill = "FFFF00";

    private static readonly string[] Header = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
    private static readonly int[] Widths = [700, 4200, 1900, 1900, 1400];
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Writes the copy to <paramref name="output"/>; a plan (its tasks in prose) is refused: write a .json copy.</summary>
    public static void Write(RawCatalogue raw, Stream output)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(output);
        if (raw.Genre != DocumentGenre.DecisionTable)
        {
            throw new InvalidInputException(raw.File, 0,
                "a plan cannot be written as a Word copy: write a .json copy instead " +
                "(kế hoạch không ghi được thành bản sao .docx: hãy dùng .json)");
        }

        var low = (raw.Scan?.NeedsReview ?? []).ToList();
        var marks = raw.Footnotes.Select(f => f.Mark).ToList();
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        foreach (var text in Front(raw.Decision))
        {
            body.Append(Paragraph(text));
        }

        body.Append(Table(raw, low, marks));
        foreach (var text in Closing(raw.Decision))
        {
            body.Append(Paragraph(text));
        }

        if (low.Count > 0)
        {
            body.Append(Paragraph(
                $"Ghi chú: {low.Count.ToString(CultureInfo.InvariantCulture)} ô tô màu vàng được đọc từ bản quét với độ tin cậy thấp; " +
                "hãy đối chiếu với bản giấy, sửa nếu cần, " +
                "rồi nhập tệp này thay cho bản quét."));
        }

        main.Document = new Document(body);
        if (raw.Footnotes.Count > 0)
        {
            var part = main.AddNewPart<FootnotesPart>();
            var notes = new Footnotes(
                new WordFootnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new WordFootnote(new Paragraph(new Run(new ContinuationSeparatorMark())))
                {
                    Type = FootnoteEndnoteValues.ContinuationSeparator,
                    Id = 0,
                });
            for (var i = 0; i < raw.Footnotes.Count; i++)
            {
                notes.Append(new WordFootnote(new Paragraph(
                    new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new FootnoteReferenceMark()),
                    TextRun(" " + raw.Footnotes[i].Text)))
                {
                    Id = i + 1,
                });
            }

            part.Footnotes = notes;
        }

        main.Document.Save();
    }

    private static IEnumerable<string> Front(RawDecision d)
    {
        if (d.Issuer.Length > 0)
        {
            yield return d.Issuer.ToUpper(Vietnamese);
        }

        yield return "QUYẾT ĐỊNH";
        if (d.Recipients.Count > 0)
        {
            yield return "Nơi nhận:";
            for (var i = 0; i < d.Recipients.Count; i++)
            {
                yield return "- " + d.Recipients[i] + (i == d.Recipients.Count - 1 ? "." : ";");
            }
        }

        foreach (var line in d.SignerCapacity)
        {
            yield return line;
        }

        if (d.Signer.Length > 0)
        {
            yield return d.Signer;
        }

        yield return "DANH MỤC";
        yield return $"(Ban hành kèm theo Quyết định số {d.Number} ngày {d.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} " +
            $"của {d.Issuer})";
        yield return "I. DANH MỤC CÁC NHIỆM VỤ:";
    }

    private static IEnumerable<string> Closing(RawDecision d)
    {
        yield return "II. TỔ CHỨC THỰC HIỆN";
        if (d.ReportingRounds.Count == 0 && d.AggregatingPhrase is null)
        {
            yield break;
        }

        var via = d.AggregatingPhrase is null ? string.Empty : $" (qua {d.AggregatingPhrase} tổng hợp)";
        var rounds = string.Join(", ", d.ReportingRounds.Select(r => r.Text));
        yield return $"1. Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân{via} {rounds}.".Replace(" .", ".",
            StringComparison.Ordinal);
    }

    private static Table Table(RawCatalogue raw, List<ScannedCell> low, List<string> marks)
    {
        var line = BorderValues.Single;
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Widths.Sum().ToString(CultureInfo.InvariantCulture) },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    new TopBorder { Val = line, Size = 4 }, new LeftBorder { Val = line, Size = 4 },
                    new BottomBorder { Val = line, Size = 4 }, new RightBorder { Val = line, Size = 4 },
                    new InsideHorizontalBorder { Val = line, Size = 4 }, new InsideVerticalBorder { Val = line, Size = 4 })),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(Header.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h))))));
        table.Append(header);
        var sectionsLeft = new Queue<RawSection>(raw.Sections);
        foreach (var e in raw.Entries)
        {
            while (sectionsLeft.Count > 0 && sectionsLeft.Peek().Code == e.Section)
            {
                var s = sectionsLeft.Dequeue();
                var title = Cell(s.Title, Flagged(low, s.Code, ScannedColumn.Title));
                title.PrependChild(new TableCellProperties(new GridSpan { Val = 4 }));
                table.Append(new TableRow(Cell(s.Code, Flagged(low, s.Code, ScannedColumn.Number)), title));
            }

            // a sub-item shows its letter ("a"), as the decision writes it; a code OCR misread is shown whole
            var shown = e.Parent is not null && e.Code.StartsWith(e.Parent + ".", StringComparison.Ordinal)
                ? e.Code[(e.Parent.Length + 1)..]
                : e.Code;
            var titleCell = Cell(e.Title, Flagged(low, e.Code, ScannedColumn.Title));
            var paragraph = titleCell.GetFirstChild<Paragraph>()!;
            foreach (var mark in e.Footnotes)
            {
                var id = marks.IndexOf(mark) + 1;
                if (id > 0)
                {
                    paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new FootnoteReference { Id = id }));
                }
            }

            table.Append(new TableRow(
                Cell(shown, Flagged(low, e.Code, ScannedColumn.Number)),
                titleCell,
                Cell(e.LeadText, Flagged(low, e.Code, ScannedColumn.Lead)),
                Cell(e.CoordinatingText, Flagged(low, e.Code, ScannedColumn.Coordinating)),
                Cell(e.TimeText ?? string.Empty, Flagged(low, e.Code, ScannedColumn.Time))));
        }

        return table;
    }

    private static bool Flagged(List<ScannedCell> low, string row, ScannedColumn column) =>
        low.Exists(c => c.Row == row && c.Column == column);

    private static TableCell Cell(string text, bool flagged)
    {
        var cell = new TableCell(new Paragraph(TextRun(text)));
        if (flagged)
        {
            cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = ReviewFill }));
        }

        return cell;
    }

    private static Paragraph Paragraph(string text) => new(TextRun(text));

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
