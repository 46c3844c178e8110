using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.Core.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>
/// The year-end report's own parts (docs/report-format.md "The year-end report"): results by unit, the lessons, next year's
/// directions and Phụ lục II "Kết quả chấm điểm, xếp loại"; the rest is <see cref="ReportWriter"/>'s, as for a round.
/// </summary>
internal static class YearEndWriter
{
    private const int TableSize = 24;

    /// <summary>"Kết quả thực hiện theo đơn vị": per assigned unit, its tasks by final state.</summary>
    public static void WriteByUnit(Body body, YearEndSummary summary)
    {
        body.Append(Body("Kết quả thực hiện theo đơn vị (nhiệm vụ chủ trì)", bold: true));
        foreach (var u in summary.ByUnit)
        {
            var states = string.Join("; ", u.ByCategory.Where(p => p.Value > 0).Select(p => $"{Lower(p.Key.Label())}: {Num(p.Value)}"));
            var detail = states.Length == 0 ? string.Empty : $", trong đó: {states}";
            var ongoing = u.Ongoing > 0 ? $"; thường xuyên: {Num(u.Ongoing)}" : string.Empty;
            var reported = u.Reported ? "đã gửi báo cáo tổng kết" : "chưa gửi báo cáo tổng kết";
            body.Append(Body(Run($"- {u.Unit.Name}: ", BodySize, italic: true),
                Run($"chủ trì {Num(u.Tasks)} nhiệm vụ{detail}{ongoing}; {reported}.", BodySize)));
        }
    }

    /// <summary>Ưu điểm, hạn chế, nguyên nhân from the units' general parts, each once with its units.</summary>
    public static void WriteLessons(Body body, YearEndSummary summary)
    {
        ReportWriter.WriteRemarks(body, "Ưu điểm", summary.Strengths, "Các đơn vị không nêu ưu điểm.", heading: false);
        ReportWriter.WriteRemarks(body, "Hạn chế", summary.Weaknesses, "Các đơn vị không nêu hạn chế.", heading: false);
        ReportWriter.WriteRemarks(body, "Nguyên nhân", summary.Causes, "Các đơn vị không nêu nguyên nhân.", heading: false);
    }

    /// <summary>"V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027".</summary>
    public static void WriteDirections(Body body, YearEndSummary summary) =>
        ReportWriter.WriteRemarks(body, $"V. {VietnameseText.Upper(YearEndReviews.NextYearLabel(summary.NextYear - 1))}",
            summary.Directions, "Các đơn vị chưa đề xuất phương hướng, nhiệm vụ năm sau.");

    /// <summary>Phụ lục II: the scoring table (computed, proposed, appraised, grade), saying honestly where it stands.</summary>
    public static void WriteScores(Body body, CompiledReport report, YearEndSummary summary)
    {
        body.Append(Para(JustificationValues.Center, 0, 0, Run("Phụ lục II", 28, bold: true)));
        body.Append(Para(JustificationValues.Center, 0, 0, Run(VietnameseText.Upper(
            $"Kết quả chấm điểm, xếp loại công tác dân vận năm {Num(report.Year)}"), 28, bold: true)));
        body.Append(Para(JustificationValues.Center, 0, 240, Run(
            $"(Kèm theo Báo cáo số     /BC-UBND ngày … tháng … năm … của {report.Ward.CommitteeName})", 28, italic: true)));
        var scores = summary.Scores;
        if (!scores.Available || scores.Rows.Count == 0)
        {
            body.Append(Body("Chưa có kết quả chấm điểm, xếp loại các đơn vị.", italic: true));
            return;
        }

        body.Append(Body(scores.Approved
            ? "Kết quả chấm điểm, xếp loại đã được phê duyệt."
            : "Kết quả chấm điểm, xếp loại chưa phê duyệt; số điểm và xếp loại dưới đây là tạm tính.", italic: true));
        int[] widths = [700, 4503, 1700, 1700, 1700, 3700];
        string[] headings = ["TT", "Đơn vị", "Điểm tính theo kết quả", "Điểm tự chấm", "Điểm thẩm định", "Xếp loại"];
        var table = Table(widths, bordered: true);
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            head.Append(Cell(widths[i], Para(JustificationValues.Center, 0, 0, Run(headings[i], TableSize, bold: true))));
        }

        table.Append(head);
        var number = 0;
        foreach (var row in scores.Rows)
        {
            number++;
            string[] cells = [Num(number), row.Computed.UnitName, Points(row.Computed.Points), Points(row.Review?.Proposed?.Points),
                Points(row.Review?.Appraised?.Points), Grade(row)];
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < widths.Length; i++)
            {
                var justify = i is 1 or 5 ? JustificationValues.Left : JustificationValues.Center;
                tr.Append(Cell(widths[i], Para(justify, 40, 40, Run(cells[i], TableSize))));
            }

            table.Append(tr);
        }

        body.Append(table);
        body.Append(Para(JustificationValues.Left, 0, 0, Run(string.Empty, TableSize)));
    }

    /// <summary>The grade cell: the grade of the points that count, "(chưa phê duyệt)" until approved; requested units are not
    /// graded.</summary>
    private static string Grade(ScoreBoardRow row)
    {
        if (!row.Computed.Graded || row.FinalGrade is not { } grade)
        {
            return "Không xếp loại (đơn vị phối hợp)";
        }

        var approved = row.Review?.State == ScoreReviewState.Approved;
        return approved ? grade.Label() : $"{grade.Label()} (chưa phê duyệt)";
    }

    private static string Points(double? points) => points is { } p ? YearEndReviews.FormatPoints(p) : "-";

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
