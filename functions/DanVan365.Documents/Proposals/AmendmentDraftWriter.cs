using System.Globalization;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Text;
using DanVan365.Core.Time;
using DanVan365.Documents.Reporting;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Proposals;

/// <summary>
/// Writes the draft annex of an amending decision (.docx) for Phòng Văn hóa - Xã hội to submit: the ND30 header, "DANH
/// MỤC" and the reference to the decision it amends, then the decision's table layout (TT, Nhiệm vụ, Cơ quan chủ trì,
/// Cơ quan phối hợp, Thời gian thực hiện) plus "Nội dung điều chỉnh". Changes are marked: what is dropped or replaced is
/// struck through; what is new or replacing is bold and underlined. Times New Roman throughout, A4 landscape; the same
/// draft and date give the same bytes. All text is cleaned of characters XML 1.0 cannot store.
/// </summary>
public static class AmendmentDraftWriter
{
    /// <summary>The decision's columns plus the change column.</summary>
    public static readonly IReadOnlyList<string> Headings = [.. AnnexBlocks.DecisionHeadings, "Nội dung điều chỉnh"];

    private const int TableSize = AnnexBlocks.TableSize;
    private static readonly int[] Widths = [900, 5000, 2200, 2200, 1600, LandscapeTextWidth - 11900];

    /// <summary>The .docx bytes of <paramref name="draft"/>, dated <paramref name="date"/> (the ward's date of drafting).</summary>
    public static byte[] Write(AmendmentDraft draft, DateOnly date, WardIdentity? ward = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ward ??= WardIdentity.From(draft.Amends);
        var year = draft.Amends.Date.Year.ToString(CultureInfo.InvariantCulture);
        return Build($"Dự thảo danh mục điều chỉnh, bổ sung - Quyết định số {Clean(draft.Amends.Number)}", WardTime.StartOfDayUtc(date), (_,
            body) =>
        {
            body.Append(AnnexBlocks.Opening(ward.UpperName,
                $"Điều chỉnh, bổ sung các nhiệm vụ thực hiện công tác dân vận năm {year} của cơ quan hành chính nhà nước, "
                + $"chính quyền các cấp trên địa bàn {ward.Kind} {ward.Name}",
                [
                    $"(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày … tháng … năm … của {ward.CommitteeName})",
                    $"(Điều chỉnh, bổ sung Danh mục ban hành kèm theo Quyết định số {Clean(draft.Amends.Number)} ngày "
                    + $"{VietnameseText.PaddedDate(draft.Amends.Date)} của {ward.CommitteeName})",
                ]));
            body.Append(AnnexTable(draft));
            body.Append(Para(JustificationValues.Left, 120, 0, Run(
                "Ghi chú: nội dung gạch ngang là nội dung được thay thế hoặc bãi bỏ; nội dung in đậm, gạch chân là nội dung điều chỉnh, " +
                    "bổ sung.",
                TableSize, italic: true)));
            body.Append(Section(landscape: true, titlePage: true, nextPage: false));
        });
    }

    private static Table AnnexTable(AmendmentDraft draft)
    {
        var table = Table(Widths, bordered: true);
        table.Append(AnnexBlocks.HeaderRow(Widths, Headings));
        foreach (var row in draft.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            tr.Append(Cell(Widths[0], Para(JustificationValues.Center, 40, 40, Marked(row.Number,
                row.IsRemoved ? Mark.Struck : Mark.None))));
            tr.Append(Cell(Widths[1], Paragraphs(row.Task, JustificationValues.Both)));
            tr.Append(Cell(Widths[2], Paragraphs(row.Lead, JustificationValues.Left)));
            tr.Append(Cell(Widths[3], Paragraphs(row.Coordinating, JustificationValues.Left)));
            tr.Append(Cell(Widths[4], Paragraphs(row.TimeFrame, JustificationValues.Center)));
            tr.Append(Cell(Widths[5], [.. row.Changes.Select(c => Para(JustificationValues.Left, 40, 40, Marked(c, Mark.None)))]));
            table.Append(tr);
        }

        return table;
    }

    private enum Mark
    {
        None,
        Struck,
        New,
    }

    /// <summary>Unchanged: one plain paragraph. Changed: the old text struck through, then the new text marked.</summary>
    private static Paragraph[] Paragraphs(DraftCell cell, JustificationValues justify)
    {
        if (!cell.IsChanged)
        {
            return [Para(justify, 40, 40, Marked(cell.Old ?? string.Empty, Mark.None))];
        }

        var list = new List<Paragraph>();
        if (!string.IsNullOrEmpty(cell.Old))
        {
            list.Add(Para(justify, 40, 40, Marked(cell.Old, Mark.Struck)));
        }

        if (!string.IsNullOrEmpty(cell.New))
        {
            list.Add(Para(justify, 40, 40, Marked(cell.New, Mark.New)));
        }

        return [.. list];
    }

    private static Run Marked(string text, Mark mark)
    {
        var run = WordKit.Run(Clean(text), TableSize, bold: mark == Mark.New);
        var props = run.RunProperties!;
        if (mark == Mark.Struck)
        {
            props.InsertBefore(new Strike(), props.GetFirstChild<FontSize>());
        }
        else if (mark == Mark.New)
        {
            // Schema order of w:rPr: … w:strike … w:sz, w:szCs, w:highlight, w:u … w:lang.
            props.InsertBefore(new Underline { Val = UnderlineValues.Single }, props.GetFirstChild<Languages>());
        }

        return run;
    }

    private static string Clean(string text) => XmlText.Clean(text);
}
