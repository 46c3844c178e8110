using System.Globalization;

namespace DanVan365.Core.Escalation;

/// <summary>
/// Every word of the reminder mails (the daily digest and the courtesy letter), in Vietnamese administrative wording: the
/// composers (<see cref="EscalationDigestComposer"/>, <see cref="CourtesyLetterComposer"/>) only arrange them.
/// </summary>
public static class DigestText
{
    private static readonly CultureInfo Vi = CultureInfo.InvariantCulture;

    /// <summary>"Kính gửi đồng chí {name},".</summary>
    public static string Greeting(string name) => $"Kính gửi đồng chí {name},";

    /// <summary>The digest's first sentence.</summary>
    public static string DigestIntro(string day) => $"Hệ thống DanVan365 xin thông báo các nội dung công tác dân vận cần lưu ý ngày {day}:";

    /// <summary>The digest's closing sentences.</summary>
    public const string DigestFooter = "Đây là thư tự động của hệ thống DanVan365; mỗi nội dung chỉ được nhắc một lần ở mỗi mốc nhắc. "
        + "Đề nghị cập nhật tiến độ trong Planner hoặc nộp báo cáo theo quy định. Xin không trả lời thư này.";

    /// <summary>What a group holds, lower case as in the subject and the CLI: "nhiệm vụ sắp đến hạn", "báo cáo chưa nộp".</summary>
    public static string GroupLabel(EscalationKind kind) => kind switch
    {
        EscalationKind.Upcoming => "nhiệm vụ sắp đến hạn",
        EscalationKind.Overdue => "nhiệm vụ quá hạn",
        EscalationKind.ReportMissing => "báo cáo chưa nộp",
        EscalationKind.ProposalReview => "đề xuất chờ xem xét",
        EscalationKind.ProposalDecision => "đề xuất chờ quyết định",
        EscalationKind.Intervention => "can thiệp ngoài hệ thống",
        EscalationKind.Courtesy => "đề nghị phối hợp",
        EscalationKind.ScoreProposal => "điểm chưa tự chấm",
        EscalationKind.ScoreAppraisal => "điểm tự chấm chờ thẩm định",
        EscalationKind.ScoreApproval => "bảng điểm chờ phê duyệt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind."),
    };

    /// <summary>A group's heading in the body: the label with a capital letter.</summary>
    public static string GroupHeading(EscalationKind kind) => Capitalise(GroupLabel(kind));

    /// <summary>A count as the subject names it: "2 nhiệm vụ sắp đến hạn", "1 báo cáo chưa nộp",
    /// "1 lượt can thiệp ngoài hệ thống".</summary>
    public static string Count(EscalationKind kind, int count) => kind switch
    {
        EscalationKind.Intervention => string.Create(Vi, $"{count} lượt can thiệp ngoài hệ thống"),
        EscalationKind.Courtesy => string.Create(Vi, $"{count} nội dung đề nghị phối hợp"),
        EscalationKind.ScoreProposal => string.Create(Vi, $"{count} đơn vị chưa tự chấm điểm"),
        _ => string.Create(Vi, $"{count} {GroupLabel(kind)}"),
    };

    /// <summary>"còn 3 ngày", "hạn cuối hôm nay", "quá hạn 2 ngày".</summary>
    public static string DaysText(int daysPastLastDay) => daysPastLastDay switch
    {
        < 0 => string.Create(Vi, $"còn {-daysPastLastDay} ngày"),
        0 => "hạn cuối hôm nay",
        _ => string.Create(Vi, $"quá hạn {daysPastLastDay} ngày"),
    };

    /// <summary>"chờ 6 ngày làm việc" (a proposal's wait).</summary>
    public static string Waiting(int workingDays) => string.Create(Vi, $"chờ {workingDays} ngày làm việc");

    /// <summary>"mở từ hôm nay", "đã mở 5 ngày" (how long a step of the scoring has been open).</summary>
    public static string ScoringOpen(int days) => days <= 0 ? "mở từ hôm nay" : string.Create(Vi, $"đã mở {days} ngày");

    /// <summary>The date column's heading for the scoring's steps.</summary>
    public const string ColumnScoringOpens = "Ngày bắt đầu chấm điểm";

    /// <summary>What a unit that has not proposed its score is asked (the digest's content cell).</summary>
    public static string ScoreProposeTitle(int year) => string.Create(Vi,
        $"Đơn vị tự chấm điểm kết quả thực hiện công tác dân vận năm {year}, kèm giải trình");

    /// <summary>What Phòng Văn hóa - Xã hội is asked about a proposed score.</summary>
    public static string ScoreAppraiseTitle(string points) => $"Thẩm định điểm tự chấm ({points} điểm) của đơn vị";

    /// <summary>What the deciders are asked once every graded unit is appraised.</summary>
    public static string ScoreApproveTitle(int year, int units) => string.Create(Vi,
        $"Phê duyệt bảng điểm công tác dân vận năm {year} ({units} đơn vị đã được thẩm định)");

    /// <summary>The unit cell of the approval item.</summary>
    public const string ScoreTableUnits = "Các đơn vị được giao nhiệm vụ";

    /// <summary>The code cell of a round report: "Lần 1".</summary>
    public static string RoundCode(int round) => string.Create(Vi, $"Lần {round}");

    /// <summary>
    /// What a round report item is called after its code ("[Lần 1] Báo cáo kết quả thực hiện công tác dân vận"): the code
    /// already names the round, so the title does not repeat it.
    /// </summary>
    public const string DecisionRoundReportTitle = "Báo cáo kết quả thực hiện công tác dân vận";

    /// <summary>The title of a round's report item: a decision round's <see cref="DecisionRoundReportTitle"/>, an ad hoc
    /// round's "Báo cáo đột xuất: {its title}"; the year-end round's "Báo cáo tổng kết công tác dân vận năm 2026".</summary>
    public static string ReportTitle(Reporting.ReportRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.YearEnd ? string.Create(Vi, $"Báo cáo tổng kết công tác dân vận năm {round.LastDay.Year}")
            : round.AdHoc ? "Báo cáo đột xuất: " + round.Title : DecisionRoundReportTitle;
    }

    public const string ColumnCode = "Mã";

    public const string ColumnContent = "Nội dung";

    public const string ColumnUnit = "Đơn vị";

    public const string ColumnLastDay = "Hạn cuối";

    public const string ColumnWaitingSince = "Chờ từ ngày";

    public const string ColumnWhen = "Thời hạn";

    public const string ColumnLinks = "Liên kết";

    public const string LinkPlanner = "Planner";

    public const string LinkList = "Danh sách";

    /// <summary>The courtesy letter's subject (after the prefix): what the committee asks, reports always "nếu có".</summary>
    public static string CourtesySubject(int tasks, int reports) => (tasks, reports) switch
    {
        ( > 0, > 0) => string.Create(Vi, $"Đề nghị phối hợp thực hiện {tasks} nhiệm vụ và gửi báo cáo kết quả (nếu có)"),
        ( > 0, _) => string.Create(Vi, $"Đề nghị phối hợp thực hiện {tasks} nhiệm vụ công tác dân vận"),
        _ => "Đề nghị gửi báo cáo kết quả công tác dân vận (nếu có)",
    };

    /// <summary>The courtesy letter's first sentence, naming the unit when the letter is about one unit only.</summary>
    public static string CourtesyIntro(string? unitName) =>
        $"Ủy ban nhân dân phường trân trọng đề nghị {unitName ?? "các cơ quan, tổ chức có tên dưới đây"} quan tâm, phối hợp thực hiện "
        + "các nội dung công tác dân vận sau:";

    /// <summary>The heading of the tasks the unit is asked to help with.</summary>
    public const string CourtesyTasksHeading = "Nhiệm vụ đề nghị phối hợp thực hiện";

    /// <summary>The heading of the round reports the unit may send.</summary>
    public const string CourtesyReportsHeading = "Báo cáo kết quả thực hiện (nếu có)";

    /// <summary>The date column of the courtesy letter.</summary>
    public const string CourtesyColumnDay = "Thời hạn";

    /// <summary>Said when the letter mentions a round report: welcome, not required.</summary>
    public const string CourtesyReportNote = "Kết quả thực hiện của đơn vị (nếu có) xin gửi về Ủy ban nhân dân phường chậm nhất vào ngày "
        + "nêu trên, theo mẫu trong thư viện Báo cáo dân vận, để tổng hợp chung.";

    public const string CourtesyThanks = "Trân trọng cảm ơn sự phối hợp của quý cơ quan, tổ chức.";

    public const string CourtesyFooter =
        "Đây là thư tự động của hệ thống DanVan365, gửi một lần cho mỗi nội dung. Xin không trả lời thư này.";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Vi) + text[1..];
}
