using System.Globalization;
using System.Net;
using System.Text;

namespace DanVan365.Core.Escalation;

/// <summary>One e-mail: a recipient's digest for one day.</summary>
/// <param name="Recipient">To (display name already header-safe).</param>
/// <param name="Today">The day (ICT).</param>
/// <param name="Subject">Header-safe subject, e.g. "[Dân vận] 2 sắp đến hạn, 1 quá hạn, 1 chưa báo cáo".</param>
/// <param name="HtmlBody">HTML body (all catalogue and user text encoded; links http/https only).</param>
/// <param name="TextBody">Plain-text alternative.</param>
/// <param name="Notifications">What the digest carries (record each one's idempotency key).</param>
public sealed record EscalationDigest(
    Recipient Recipient,
    DateOnly Today,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyList<EscalationNotification> Notifications)
{
    /// <summary>Idempotency keys of the notifications in this digest.</summary>
    public IReadOnlyList<string> IdempotencyKeys => [.. Notifications.Select(n => n.IdempotencyKey)];

    public int UpcomingCount => Notifications.Count(n => n.Level.Kind == EscalationKind.Upcoming);

    public int OverdueCount => Notifications.Count(n => n.Level.Kind == EscalationKind.Overdue);

    public int ReportMissingCount => Notifications.Count(n => n.Level.Kind == EscalationKind.ReportMissing);
}

/// <summary>Builds the Vietnamese daily digest per recipient (HTML + plain text) from a plan.</summary>
public static class EscalationDigestComposer
{
    private static readonly CultureInfo Vi = CultureInfo.InvariantCulture;

    private static readonly EscalationKind[] GroupOrder = [EscalationKind.Upcoming, EscalationKind.Overdue, EscalationKind.ReportMissing,
        EscalationKind.ProposalReview, EscalationKind.ProposalDecision, EscalationKind.Intervention];

    /// <summary>Group heading, lower case as used in subjects: "sắp đến hạn", "quá hạn", "chưa báo cáo".</summary>
    public static string GroupLabel(EscalationKind kind) => kind switch
    {
        EscalationKind.Upcoming => "sắp đến hạn",
        EscalationKind.Overdue => "quá hạn",
        EscalationKind.ReportMissing => "chưa báo cáo",
        EscalationKind.ProposalReview => "đề xuất chờ xem xét",
        EscalationKind.ProposalDecision => "đề xuất chờ quyết định",
        EscalationKind.Intervention => "can thiệp ngoài hệ thống",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind."),
    };

    /// <summary>"còn 3 ngày", "hạn cuối hôm nay", "quá hạn 2 ngày".</summary>
    public static string DaysText(int daysPastLastDay) => daysPastLastDay switch
    {
        < 0 => string.Create(Vi, $"còn {-daysPastLastDay} ngày"),
        0 => "hạn cuối hôm nay",
        _ => string.Create(Vi, $"quá hạn {daysPastLastDay} ngày"),
    };

    /// <summary>Subject: prefix + counts of the non-empty groups, e.g. "[Dân vận] 2 sắp đến hạn, 1 quá hạn, 1 chưa báo cáo".
    /// Header-safe.</summary>
    public static string Subject(IEnumerable<EscalationNotification> notifications, string subjectPrefix = "[Dân vận]")
    {
        var list = notifications.ToList();
        var parts = GroupOrder
            .Select(k => (Kind: k, Count: list.Count(n => n.Level.Kind == k)))
            .Where(p => p.Count > 0)
            .Select(p => string.Create(Vi, $"{p.Count} {GroupLabel(p.Kind)}"));
        return MailText.HeaderSafe(MailText.HeaderSafe(subjectPrefix) + " " + string.Join(", ", parts));
    }

    /// <summary>One digest per recipient in the plan (recipient order), nothing on a day off.</summary>
    public static IReadOnlyList<EscalationDigest> ComposeAll(EscalationPlan plan, string subjectPrefix = "[Dân vận]")
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.ByRecipient().Select(g => Compose(g.First().Recipient, g, plan.Today, subjectPrefix))];
    }

    /// <summary>The digest for one recipient.</summary>
    public static EscalationDigest Compose(Recipient recipient, IEnumerable<EscalationNotification> notifications, DateOnly today,
        string subjectPrefix = "[Dân vận]")
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(notifications);
        var list = notifications
            .OrderBy(n => Array.IndexOf(GroupOrder, n.Level.Kind))
            .ThenBy(n => n.Item.LastDay)
            .ThenBy(n => n.Item.TaskCode ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(n => n.Item.Key, StringComparer.Ordinal)
            .ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A digest needs at least one notification.", nameof(notifications));
        }

        var subject = Subject(list, subjectPrefix);
        return new EscalationDigest(recipient, today, subject, Html(recipient, list, today, subject), Text(recipient, list, today), list);
    }

    private static string Code(EscalationItem item) =>
        item.ProposalId ?? item.TaskCode ?? (item.Round is { } r ? string.Create(Vi, $"Lần {r}") : string.Empty);

    /// <summary>The "Thời hạn" cell: days left / overdue, or for a proposal "chờ 6 ngày làm việc".</summary>
    private static string When(EscalationNotification n) => n.Item.WaitingWorkingDays is { } waited
        ? string.Create(Vi, $"chờ {waited} ngày làm việc")
        : DaysText(n.DaysPastLastDay);

    /// <summary>The date column's heading: the last day, or for proposals the day the wait began.</summary>
    private static string DateHeading(EscalationKind kind) =>
        kind is EscalationKind.ProposalReview or EscalationKind.ProposalDecision ? "Chờ từ ngày" : "Hạn cuối";

    private static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", Vi) ?? string.Empty;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Html(Recipient recipient, List<EscalationNotification> list, DateOnly today, string subject)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>").Append(E(subject))
            .Append("</title></head>\n");
        b.Append("<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">\n");
        b.Append("<p>Kính gửi ").Append(E(recipient.DisplayName)).Append(",</p>\n");
        b.Append("<p>Hệ thống DanVan365 tổng hợp các nhiệm vụ công tác dân vận cần lưu ý ngày ").Append(Date(today)).Append(":</p>\n");
        foreach (var kind in GroupOrder)
        {
            var group = list.Where(n => n.Level.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            var heading = GroupLabel(kind);
            b.Append("<h3>").Append(E(char.ToUpper(heading[0],
                Vi) + heading[1..])).Append(" (").Append(group.Count.ToString(Vi)).Append(")</h3>\n");
            if (kind == EscalationKind.Intervention)
            {
                // Each edit is one sentence (who, when, which list, row and column, found → restored, what was done).
                b.Append("<ul>\n");
                foreach (var n in group)
                {
                    b.Append("<li>").Append(E(n.Item.Title)).Append("</li>\n");
                }

                b.Append("</ul>\n");
                continue;
            }

            b.Append("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse\">\n");
            b.Append("<tr><th>Mã</th><th>Nhiệm vụ</th><th>Đơn vị</th><th>").Append(DateHeading(kind))
                .Append("</th><th>Thời hạn</th><th>Liên kết</th></tr>\n");
            foreach (var n in group)
            {
                b.Append("<tr><td>").Append(E(Code(n.Item)))
                    .Append("</td><td>").Append(E(n.Item.Title))
                    .Append("</td><td>").Append(E(n.UnitName))
                    .Append("</td><td>").Append(Date(n.Item.LastDay))
                    .Append("</td><td>").Append(E(When(n)))
                    .Append("</td><td>").Append(Links(n.Item))
                    .Append("</td></tr>\n");
            }

            b.Append("</table>\n");
        }

        b.Append("<p style=\"color:#666;font-size:12px\">Thư tự động của DanVan365: mỗi nội dung chỉ được nhắc một lần ở mỗi mức. ")
            .Append("Vui lòng cập nhật tiến độ trong Planner hoặc nộp báo cáo; không trả lời thư này.</p>\n");
        b.Append("</body>\n</html>\n");
        return b.ToString();
    }

    private static string Links(EscalationItem item)
    {
        var links = new List<string>();
        if (MailText.SafeLink(item.PlannerTaskUrl) is { } planner)
        {
            links.Add("<a href=\"" + E(planner.AbsoluteUri) + "\">Planner</a>");
        }

        if (MailText.SafeLink(item.ListItemUrl) is { } listItem)
        {
            links.Add("<a href=\"" + E(listItem.AbsoluteUri) + "\">Danh sách</a>");
        }

        return links.Count == 0 ? "—" : string.Join(" · ", links);
    }

    private static string Text(Recipient recipient, List<EscalationNotification> list, DateOnly today)
    {
        var b = new StringBuilder();
        b.Append("Kính gửi ").Append(recipient.DisplayName).Append(",\n\n");
        b.Append("Hệ thống DanVan365 tổng hợp các nhiệm vụ công tác dân vận cần lưu ý ngày ").Append(Date(today)).Append(":\n");
        foreach (var kind in GroupOrder)
        {
            var group = list.Where(n => n.Level.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            b.Append('\n').Append(GroupLabel(kind).ToUpper(Vi)).Append(" (").Append(group.Count.ToString(Vi)).Append(")\n");
            if (kind == EscalationKind.Intervention)
            {
                foreach (var n in group)
                {
                    b.Append("- ").Append(MailText.HeaderSafe(n.Item.Title)).Append('\n');
                }

                continue;
            }

            foreach (var n in group)
            {
                b.Append("- [").Append(MailText.HeaderSafe(Code(n.Item))).Append("] ").Append(MailText.HeaderSafe(n.Item.Title))
                    .Append('\n');
                b.Append("  Đơn vị: ").Append(MailText.HeaderSafe(n.UnitName))
                    .Append("; ").Append(DateHeading(kind).ToLower(Vi)).Append(": ").Append(Date(n.Item.LastDay))
                    .Append(" (").Append(When(n)).Append(")\n");
                if (MailText.SafeLink(n.Item.PlannerTaskUrl) is { } planner)
                {
                    b.Append("  Planner: ").Append(planner.AbsoluteUri).Append('\n');
                }

                if (MailText.SafeLink(n.Item.ListItemUrl) is { } listItem)
                {
                    b.Append("  Danh sách: ").Append(listItem.AbsoluteUri).Append('\n');
                }
            }
        }

        b.Append("\nThư tự động của DanVan365: mỗi nội dung chỉ được nhắc một lần ở mỗi mức. ")
            .Append("Vui lòng cập nhật tiến độ trong Planner hoặc nộp báo cáo; không trả lời thư này.\n");
        return b.ToString();
    }
}
