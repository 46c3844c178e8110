using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Text;
using DanVan365.Core.Time;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>
/// Writes the compiled BÁO CÁO (.docx) in the ND30 format (docs/report-format.md). Same model → same bytes. Every name,
/// recipient and the signature come from the model (<see cref="CompiledReport.Ward"/>, built from the decision and the
/// ward's configuration).
/// </summary>
public static class ReportWriter
{
    private const int TableSize = 24;

    /// <summary>The .docx bytes of the compiled report.</summary>
    public static byte[] Write(CompiledReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ward = report.Ward;
        var stamp = WardTime.StartOfDayUtc(report.Date);
        return Build($"Báo cáo - {report.Subject}", stamp, (_, body) =>
        {
            body.Append(Nd30Blocks.Header(
                "ỦY BAN NHÂN DÂN",
                true,
                ward.UpperName,
                "Số:      /BC-UBND",
                $"{ward.Place}, {VietnameseText.LongDate(report.Date)}"));
            body.Append(Nd30Blocks.Title("BÁO CÁO", report.Subject));
            WriteIntro(body, report);
            WriteResults(body, report);
            WritePartners(body, report);
            if (report.YearEnd is { } yearEnd)
            {
                YearEndWriter.WriteByUnit(body, yearEnd);
            }

            WriteFigures(body, report.Figures);
            if (report.YearEnd is { } lessons)
            {
                YearEndWriter.WriteLessons(body, lessons);
            }

            WriteRemarks(body, "III. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC", report.Difficulties,
                "Các đơn vị không nêu khó khăn, vướng mắc.");
            WriteRemarks(body, "IV. ĐỀ XUẤT, KIẾN NGHỊ", report.Proposals, "Các đơn vị không có đề xuất, kiến nghị.");
            WriteAdjustments(body, report.AdjustmentProposals);
            if (report.YearEnd is { } directions)
            {
                YearEndWriter.WriteDirections(body, directions);
            }

            body.Append(Body(report.Round.YearEnd
                ? $"Trên đây là báo cáo tổng kết công tác dân vận năm {Num(report.Year)} của {ward.CommitteeName}./."
                : $"Trên đây là báo cáo kết quả thực hiện nhiệm vụ công tác dân vận năm {Num(report.Year)} (lần " +
                    $"{Num(report.Round.Number)}) của {ward.CommitteeName}./."));
            body.Append(Closing(report));
            body.Append(SectionBreak(Section(landscape: false, titlePage: true, nextPage: false)));
            WriteAppendix(body, report);
            if (report.YearEnd is { } scores)
            {
                YearEndWriter.WriteScores(body, report, scores);
            }

            body.Append(Section(landscape: true, titlePage: false, nextPage: true));
        });
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteIntro(Body body, CompiledReport report)
    {
        var d = report.Decision;
        body.Append(Body(
            $"Thực hiện Quyết định số {Collapse(d.Number)} ngày {VietnameseText.PaddedDate(d.Date)} của {report.Ward.CommitteeName} " +
            $"về việc ban hành Danh mục nhiệm vụ thực hiện công tác dân vận năm {Num(report.Year)}; trên cơ sở báo cáo của các cơ " +
            $"quan, đơn vị (báo cáo {report.Round.Wording}), {report.Ward.CommitteeName} báo cáo kết quả như sau:"));
        body.Append(Body($"Số liệu tính đến ngày {VietnameseText.PaddedDate(report.CutOff)}.", italic: true));
    }

    private static void WriteResults(Body body, CompiledReport report)
    {
        body.Append(Body("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold: true));
        body.Append(Body("Kết quả thực hiện từng nhiệm vụ (chi tiết tại Phụ lục I kèm theo):", italic: true));
        foreach (var section in report.Sections)
        {
            if (section.Code.Length > 0)
            {
                body.Append(Body($"{section.Code}. {section.Title}", bold: true));
            }

            foreach (var task in section.Tasks)
            {
                body.Append(Body(Run(task.Code + ". ", BodySize, bold: true), Run(task.Title, BodySize)));
                if (task.IsHeading)
                {
                    continue;
                }

                var frame = (task.TimeFrame.Length > 0 ? task.TimeFrame : "-") + (task.Extension is { } ext ? $" ({ext})" : string.Empty);
                var leads = task.LeadUnits.Count > 0 ? string.Join("; ", task.LeadUnits) : "-";
                body.Append(Body($"- Đơn vị chủ trì: {leads}; thời gian thực hiện: {frame}; mức độ hoàn thành: {task.Status.Label}."));
                if (task.Contributions.Count == 0 && task.PartnerUnits.Count == 0)
                {
                    body.Append(Body("- Chưa có đơn vị báo cáo kết quả thực hiện.", italic: true));
                    continue;
                }

                foreach (var c in task.Contributions)
                {
                    WriteResult(body, $"- {c.UnitName} ({Said(c.Role, c.ReportedStatus)}): ", c.Result);
                }

                if (task.PartnerUnits.Count > 0)
                {
                    body.Append(Body($"- {string.Join("; ", task.PartnerUnits)} đã báo cáo kết quả phối hợp (nêu tại mục Các cơ quan, tổ " +
                        "chức phối hợp).", italic: true));
                }
            }
        }
    }

    /// <summary>"chủ trì, hoàn thành đúng hạn": the role and the unit's own status word, mid-sentence.</summary>
    private static string Said(TaskRole role, StatusCategory? status) =>
        status is { } s ? $"{role.Label()}, {Lower(s.Label())}" : role.Label();

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static void WriteResult(Body body, string label, string result)
    {
        var lines = result.Length > 0 ? result.Split('\n') : ["(không ghi kết quả)"];
        body.Append(Body(Run(label, BodySize, italic: true), Run(lines[0], BodySize)));
        foreach (var line in lines.Skip(1))
        {
            body.Append(Body(line));
        }
    }

    /// <summary>
    /// "Các cơ quan, tổ chức phối hợp": what the requested units (Party bodies, the Front, residential groups, outside
    /// organisations) reported, apart from the assigned units' results; written when the round has such units.
    /// </summary>
    private static void WritePartners(Body body, CompiledReport report)
    {
        if (report.Figures.OptionalUnits.Count == 0 && report.Partners.Count == 0)
        {
            return;
        }

        body.Append(Body("Các cơ quan, tổ chức phối hợp", bold: true));
        if (report.Partners.Count == 0)
        {
            body.Append(Body("Chưa có cơ quan, tổ chức phối hợp gửi báo cáo kết quả.", italic: true));
            return;
        }

        body.Append(Body($"Theo đề nghị của {report.Ward.CommitteeName}, các cơ quan, tổ chức sau đã gửi báo cáo kết quả phối hợp:"));
        foreach (var partner in report.Partners)
        {
            body.Append(Body($"- {partner.UnitName}:", italic: true));
            foreach (var r in partner.Results)
            {
                WriteResult(body, $"+ Nhiệm vụ {r.TaskCode} ({Said(r.Role, r.ReportedStatus)}): ", r.Result);
            }
        }
    }

    private static void WriteFigures(Body body, ReportFigures f)
    {
        body.Append(Body("II. ĐÁNH GIÁ CHUNG", bold: true));
        var categories = string.Join("; ", f.ByCategory.Select(p => $"{p.Key.Label()}: {Num(p.Value)}"));
        body.Append(Body($"1. Tổng số nhiệm vụ: {Num(f.WorkItems)}, trong đó: {categories}; nhiệm vụ thường xuyên: " +
            $"{Num(f.OngoingReported + f.OngoingNotReported)} (đã báo cáo: {Num(f.OngoingReported)}, chưa báo cáo: " +
                $"{Num(f.OngoingNotReported)})."));
        body.Append(Body(f.OnTimeRate is { } rate
            ? $"2. Tỷ lệ nhiệm vụ đúng hạn (hoàn thành đúng hạn hoặc đang thực hiện trong hạn): {Num(f.OnTime)}/{Num(f.WithDeadline)} " +
                $"nhiệm vụ có thời hạn, đạt {VietnameseText.Percent(rate)}."
            : "2. Tỷ lệ nhiệm vụ đúng hạn: không có nhiệm vụ có thời hạn."));
        var missing = f.MissingUnits.Count == 0
            ? "tất cả các đơn vị đã báo cáo."
            : $"chưa báo cáo: {Num(f.MissingUnits.Count)} đơn vị, gồm: {string.Join("; ", f.MissingUnits.Select(u => u.Name))}.";
        body.Append(Body($"3. Số đơn vị phải báo cáo: {Num(f.ExpectedUnits.Count)}; đã báo cáo: {Num(f.ReportedUnits.Count)}; {missing}"));
        if (f.OptionalUnits.Count > 0)
        {
            var optional = f.OptionalReported.Count == 0
                ? "chưa có cơ quan, tổ chức nào gửi báo cáo."
                : $"đã gửi báo cáo: {Num(f.OptionalReported.Count)}, gồm: {string.Join("; ", f.OptionalReported.Select(u => u.Name))}.";
            body.Append(Body($"4. Số cơ quan, tổ chức phối hợp được đề nghị báo cáo: {Num(f.OptionalUnits.Count)}; {optional}"));
        }
    }

    /// <summary>
    /// Each remark once, in its first wording, followed by where it came from: "- Kinh phí còn hạn chế (Phòng Văn hóa - Xã
    /// hội: nhiệm vụ 1.1, 2.3; Phòng Kinh tế, Hạ tầng và Đô thị: nhiệm vụ 2.2)."
    /// </summary>
    internal static void WriteRemarks(Body body, string title, IReadOnlyList<ReportRemark> remarks, string none,
        bool heading = true)
    {
        body.Append(heading ? Body(title, bold: true) : Body(Run(title, BodySize, bold: true, italic: true)));
        if (remarks.Count == 0)
        {
            body.Append(Body(none));
            return;
        }

        foreach (var r in remarks)
        {
            var lines = r.Text.Split('\n').Select(l => l.TrimEnd()).ToList();
            lines[^1] = lines[^1].TrimEnd('.', ';', ',', ':', ' ');
            var sources = " (" + string.Join("; ", r.Sources.Select(s => s.TaskCodes.Count == 0
                ? s.UnitName
                : $"{s.UnitName}: nhiệm vụ {string.Join(", ", s.TaskCodes)}")) + ").";
            for (var i = 0; i < lines.Count; i++)
            {
                var text = (i == 0 ? "- " : string.Empty) + lines[i];
                body.Append(i < lines.Count - 1
                    ? Body(text)
                    : Body(Run(text, BodySize), Run(sources, BodySize, italic: true)));
            }
        }
    }

    /// <summary>The round's adjustment proposals (issue 17): what, why, where it stands, the latest note.</summary>
    private static void WriteAdjustments(Body body, IReadOnlyList<Core.Proposals.ProposalReportLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Append(Body("Đề xuất điều chỉnh, bổ sung nhiệm vụ trong kỳ:", italic: true));
        foreach (var l in lines)
        {
            var note = l.Note is null ? string.Empty : $"; ý kiến: {l.Note}";
            body.Append(Body(Run($"- {l.UnitName} ({l.Id}): ", BodySize, italic: true),
                Run($"{l.Summary}. Lý do: {l.Reason}. Trạng thái: {l.State}{note}.", BodySize)));
        }
    }

    private static Table Closing(CompiledReport report)
    {
        const int left = TextWidth / 2;
        const int right = TextWidth - left;
        var table = Table([left, right], bordered: false);
        var recipients = new List<Paragraph>
        {
            Para(JustificationValues.Left, 240, 0, Run("Nơi nhận:", 24, bold: true, italic: true)),
        };
        var ward = report.Ward;
        recipients.AddRange(ward.Recipients.Select(r => Para(JustificationValues.Left, 0, 0, Run($"- {r.TrimEnd(';', '.')};", 22))));
        recipients.Add(Para(JustificationValues.Left, 0, 0, Run($"- {ward.FilingLine}.", 22)));

        // The committee issues the report: without a configured or decided capacity, its chairman signs on its behalf.
        var capacity = ward.SignerCapacity.Count > 0 ? ward.SignerCapacity : ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"];
        var signature = new List<Paragraph>();
        for (var i = 0; i < capacity.Count; i++)
        {
            signature.Add(Para(JustificationValues.Center, i == 0 ? 240 : 0, 0, Run(VietnameseText.Upper(capacity[i].Trim()), 28,
                bold: true)));
        }

        signature.Add(Para(JustificationValues.Center, 1440, 0, Run(VietnameseText.Nfc(ward.Signer.Trim()), 28, bold: true)));
        table.Append(new TableRow(Cell(left, [.. recipients]), Cell(right, [.. signature])));
        return table;
    }

    private static void WriteAppendix(Body body, CompiledReport report)
    {
        body.Append(Para(JustificationValues.Center, 0, 0, Run("Phụ lục I", 28, bold: true)));
        body.Append(Para(JustificationValues.Center, 0, 0, Run(VietnameseText.Upper(
            report.Round.YearEnd
                ? $"Kết quả thực hiện các nhiệm vụ công tác dân vận năm {Num(report.Year)} (tổng kết năm)"
                : $"Kết quả thực hiện các nhiệm vụ công tác dân vận năm {Num(report.Year)} (lần {Num(report.Round.Number)})"), 28,
            bold: true)));
        body.Append(Para(JustificationValues.Center, 0, 240, Run(
            $"(Kèm theo Báo cáo số     /BC-UBND ngày … tháng … năm … của {report.Ward.CommitteeName})", 28, italic: true)));

        int[] widths = [1000, 5703, 2600, 1700, 1900, 1100];
        var table = Table(widths, bordered: true);
        string[] headings = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Mức độ hoàn thành", "Đã báo cáo"];
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            head.Append(Cell(widths[i], Para(JustificationValues.Center, 0, 0, Run(headings[i], TableSize, bold: true))));
        }

        table.Append(head);
        foreach (var row in report.Appendix)
        {
            var isHeading = row.Lead.Length == 0 && row.Status.Length == 0 && row.TimeFrame.Length == 0;
            var lastDay = row.LastDay is { } d ? VietnameseText.PaddedDate(d) : (row.TimeFrame.Length > 0 ? row.TimeFrame : string.Empty);
            lastDay += row.Extension is { } extension ? $" ({extension})" : string.Empty;
            string[] cells = [row.Code, row.Task, row.Lead, lastDay, row.Status, isHeading ? string.Empty : (row.Reported ? "Có" : "Chưa")];
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < widths.Length; i++)
            {
                var justify = i is 1 or 2 ? JustificationValues.Left : JustificationValues.Center;
                tr.Append(Cell(widths[i], Para(justify, 40, 40, Run(cells[i], TableSize, bold: isHeading && i < 2))));
            }

            table.Append(tr);
        }

        body.Append(table);
        body.Append(Para(JustificationValues.Left, 0, 0, Run(string.Empty, TableSize)));
    }

    private static string Collapse(string text) => string.Join(' ', VietnameseText.Nfc(text).Split(' ',
        StringSplitOptions.RemoveEmptyEntries)).Replace(" /", "/", StringComparison.Ordinal);
}
