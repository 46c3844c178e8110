using System.Globalization;
using DanVan365.Core.NextYear;
using DanVan365.Core.Reporting;
using DanVan365.Core.Text;
using DanVan365.Core.Time;
using DanVan365.Documents.Proposals;
using DanVan365.Documents.Reporting;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.NextYear;

/// <summary>
/// Writes next year's draft annex (.docx; docs/architecture.md "Next year's draft") so that the decision importer reads it
/// back (<c>danvan365 catalogue FILE</c>) into the draft's entries: "DỰ THẢO", the ND30 header, "DANH MỤC" and the title
/// of next year ("Các nhiệm vụ thực hiện công tác dân vận năm 2027 …", this year's annex title with the year moved), an
/// empty "Ban hành kèm theo Quyết định số …" line for the committee to fill, and the line naming this year's decision,
/// which the importer reads as the number and date (a draft has none of its own); then "I. DANH MỤC CÁC NHIỆM VỤ" and the
/// decision's table (TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện) plus "Lý do đưa vào dự thảo",
/// sections spanning the table, sub-items by their letter; the legal-basis footnotes typed under the table with raised
/// marks (this year's marks kept); then "II. TỔ CHỨC THỰC HIỆN" with the reporting rounds moved to next year. Times New
/// Roman, A4 landscape, as the amendment draft (<see cref="AmendmentDraftWriter"/>, whose blocks it shares); the same draft
/// gives the same bytes.
/// </summary>
public static class NextYearDraftWriter
{
    /// <summary>The decision's columns plus the reason column.</summary>
    public static readonly IReadOnlyList<string> Headings = [.. AnnexBlocks.DecisionHeadings, "Lý do đưa vào dự thảo"];

    private const int Size = AnnexBlocks.TableSize;
    private static readonly int[] Widths = [900, 5000, 2200, 2200, 1600, LandscapeTextWidth - 11900];

    /// <summary>The title of the draft's document ("Dự thảo danh mục nhiệm vụ công tác dân vận năm 2027").</summary>
    public static string DocumentTitle(NextYearDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return $"Dự thảo danh mục nhiệm vụ công tác dân vận năm {Year(draft.Year)}";
    }

    /// <summary>The .docx bytes of <paramref name="draft"/> for the ward <paramref name="ward"/>.</summary>
    public static byte[] Write(NextYearDraft draft, WardIdentity? ward = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ward ??= WardIdentity.From(draft.From);
        var from = draft.From;
        return Build(DocumentTitle(draft), WardTime.StartOfDayUtc(draft.AsOf), (_, body) =>
        {
            body.Append(AnnexBlocks.Opening(ward.UpperName,
                $"Các nhiệm vụ thực hiện công tác dân vận năm {Year(draft.Year)} của cơ quan hành chính nhà nước, chính quyền các cấp "
                + $"trên địa bàn {ward.Kind} {ward.Name}",
                [
                    $"(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày … tháng … năm {Year(draft.Year)} của {ward.CommitteeName})",
                    $"(Dự thảo xây dựng từ Danh mục ban hành kèm theo Quyết định số {Clean(from.Number)} ngày "
                    + $"{VietnameseText.PaddedDate(from.Date)} của {ward.CommitteeName}; tình hình thực hiện nhiệm vụ đến ngày "
                    + $"{VietnameseText.PaddedDate(draft.AsOf)})",
                ]));
            body.Append(Para(JustificationValues.Left, 0, 120, Run("I. DANH MỤC CÁC NHIỆM VỤ:", BodySize, bold: true)));
            body.Append(AnnexTable(draft));
            foreach (var note in draft.Footnotes)
            {
                body.Append(Para(JustificationValues.Both, 60, 0, Raised(note.Mark), Run(" " + Clean(note.Text), 20)));
            }

            foreach (var paragraph in Organisation(draft, ward))
            {
                body.Append(paragraph);
            }

            body.Append(Para(JustificationValues.Left, 120, 0, Run(
                $"Ghi chú: dự thảo giữ số thứ tự của danh mục năm {Year(from.Date.Year)} để đối chiếu; thời gian thực hiện đã chuyển sang "
                + $"năm {Year(draft.Year)}; cột “Lý do đưa vào dự thảo” ghi căn cứ đưa từng nhiệm vụ vào dự thảo.", Size, italic: true)));
            body.Append(Section(landscape: true, titlePage: true, nextPage: false));
        });
    }

    private static Table AnnexTable(NextYearDraft draft)
    {
        var table = Table(Widths, bordered: true);
        table.Append(AnnexBlocks.HeaderRow(Widths, Headings));
        foreach (var section in draft.Sections)
        {
            var title = Cell(Widths[1..].Sum(), Para(JustificationValues.Left, 40, 40, Run(Clean(section.Title), Size, bold: true)));
            title.TableCellProperties!.Append(new GridSpan { Val = Widths.Length - 1 });
            table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                Cell(Widths[0], Para(JustificationValues.Center, 40, 40, Run(section.Code, Size, bold: true))), title));
            foreach (var row in draft.Rows.Where(r => r.Section == section.Code))
            {
                table.Append(Row(row));
            }
        }

        return table;
    }

    private static TableRow Row(NextYearRow row)
    {
        var title = Para(JustificationValues.Both, 40, 40, Run(Clean(row.Title), Size, bold: row.IsHeading));
        foreach (var mark in row.Footnotes)
        {
            title.Append(Raised(mark));
        }

        return new TableRow(new TableRowProperties(new CantSplit()),
            Cell(Widths[0], Para(JustificationValues.Center, 40, 40, Run(row.Number, Size, bold: row.IsHeading))),
            Cell(Widths[1], title),
            Cell(Widths[2], Para(JustificationValues.Left, 40, 40, Run(Clean(row.Lead), Size))),
            Cell(Widths[3], Para(JustificationValues.Left, 40, 40, Run(Clean(row.Coordinating), Size))),
            Cell(Widths[4], Para(JustificationValues.Center, 40, 40, Run(Clean(row.TimeFrame ?? string.Empty), Size))),
            Cell(Widths[5], [.. row.Notes.Select(n => Para(JustificationValues.Left, 40, 40, Run(Clean(n), Size)))]));
    }

    // Part II as the decision writes it, with the rounds moved to next year: the importer reads the rounds and the aggregating
    // unit from it.
    private static IEnumerable<Paragraph> Organisation(NextYearDraft draft, WardIdentity ward)
    {
        if (draft.ReportingRounds.Count == 0 && draft.AggregatingUnitName.Length == 0)
        {
            yield break;
        }

        var committee = $"Ủy ban nhân dân {ward.Kind}".TrimEnd();
        var via = draft.AggregatingUnitName.Length == 0 ? string.Empty : $" (qua {Clean(draft.AggregatingUnitName)} tổng hợp)";
        yield return Para(JustificationValues.Left, 240, 0, Run("II. TỔ CHỨC THỰC HIỆN", BodySize, bold: true));
        if (draft.ReportingRounds.Count > 0)
        {
            yield return Body(
                "1. Căn cứ các nhiệm vụ trong danh mục này, yêu cầu các cơ quan, đơn vị triển khai thực hiện từng nhiệm vụ được phân "
                + $"công; báo cáo kết quả thực hiện về {committee}{via} {string.Join(", ", draft.ReportingRounds.Select(Clean))} và "
                + "báo cáo đột xuất (khi cần thiết theo yêu cầu).");
        }

        if (draft.AggregatingUnitName.Length > 0)
        {
            var unit = Clean(draft.AggregatingUnitName);
            yield return Body($"2. Giao {unit} tổng hợp, đôn đốc, theo dõi việc thực hiện các nhiệm vụ trong danh mục ban hành kèm "
                + "theo Quyết định này.");
            yield return Body("3. Trong quá trình triển khai thực hiện, các cơ quan, đơn vị đề xuất các nội dung cần thiết phải điều "
                + $"chỉnh, bổ sung để phù hợp theo tình hình thực tế, báo cáo {committee} (qua {unit}) để xem xét, quyết định./.");
        }
    }

    // A footnote mark as typed by hand: the digits raised (vertAlign superscript), which the importer reads as a mark.
    private static Run Raised(string mark)
    {
        var run = WordKit.Run(Clean(mark), Size);
        var props = run.RunProperties!;
        // Schema order of w:rPr: … w:sz, w:szCs, … w:vertAlign … w:lang.
        props.InsertBefore(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }, props.GetFirstChild<Languages>());
        return run;
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string text) => XmlText.Clean(text);
}
