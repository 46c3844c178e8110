using System.Globalization;
using System.Net;
using System.Text;

namespace DanVan365.Core.Escalation;

/// <summary>One e-mail: a recipient's digest for one day.</summary>
/// <param name="Recipient">To (display name already header-safe).</param>
/// <param name="Today">The day (ICT).</param>
/// <param name="Subject">Header-safe subject, e.g. "[Dân vận] 2 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn, 1 báo cáo chưa nộp".</param>
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

    /// <summary>True for the courtesy letter to a requested unit's contact (<see cref="CourtesyLetterComposer"/>).</summary>
    public bool IsCourtesy => Notifications.Count > 0 && Notifications.All(n => n.Level.Kind == EscalationKind.Courtesy);
}

/// <summary>
/// Builds the Vietnamese daily digest per recipient (HTML + plain text) from a plan; the courtesy reminders to a requested
/// unit's contact go in a letter of their own (<see cref="CourtesyLetterComposer"/>), never among the ladder's items. Every
/// word comes from <see cref="DigestText"/>.
/// </summary>
public static class EscalationDigestComposer
{
    private static readonly CultureInfo Vi = CultureInfo.InvariantCulture;

    private static readonly EscalationKind[] GroupOrder = [EscalationKind.Upcoming, EscalationKind.Overdue, EscalationKind.ReportMissing,
        EscalationKind.ProposalReview, EscalationKind.ProposalDecision, EscalationKind.ScoreProposal, EscalationKind.ScoreAppraisal,
        EscalationKind.ScoreApproval, EscalationKind.Intervention];

    /// <summary>What a group holds, lower case (<see cref="DigestText.GroupLabel"/>).</summary>
    public static string GroupLabel(EscalationKind kind) => DigestText.GroupLabel(kind);

    /// <summary>"còn 3 ngày", "hạn cuối hôm nay", "quá hạn 2 ngày" (<see cref="DigestText.DaysText"/>).</summary>
    public static string DaysText(int daysPastLastDay) => DigestText.DaysText(daysPastLastDay);

    /// <summary>Subject: prefix + counts of the non-empty groups naming what is counted, e.g. "[Dân vận] 2 nhiệm vụ sắp đến hạn,
    /// 1 nhiệm vụ quá hạn, 1 báo cáo chưa nộp". Header-safe.</summary>
    public static string Subject(IEnumerable<EscalationNotification> notifications, string subjectPrefix = "[Dân vận]")
    {
        var list = notifications.ToList();
        var parts = GroupOrder
            .Select(k => (Kind: k, Count: list.Count(n => n.Level.Kind == k)))
            .Where(p => p.Count > 0)
            .Select(p => DigestText.Count(p.Kind, p.Count));
        return MailText.HeaderSafe(MailText.HeaderSafe(subjectPrefix) + " " + string.Join(", ", parts));
    }

    /// <summary>One digest per recipient in the plan (recipient order), plus one courtesy letter per contact of a requested unit;
    /// nothing on a day off.</summary>
    public static IReadOnlyList<EscalationDigest> ComposeAll(EscalationPlan plan, string subjectPrefix = "[Dân vận]")
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.ByRecipient().SelectMany(g => g.GroupBy(n => n.Level.Kind == EscalationKind.Courtesy)
            .OrderBy(part => part.Key)
            .Select(part => Compose(part.First().Recipient, part, plan.Today, subjectPrefix)))];
    }

    /// <summary>The digest for one recipient, or the courtesy letter when every notification is a courtesy reminder; the two are
    /// never mixed in one mail.</summary>
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

        var courtesy = list.Count(n => n.Level.Kind == EscalationKind.Courtesy);
        if (courtesy == list.Count)
        {
            return CourtesyLetterComposer.Compose(recipient, list, today, subjectPrefix);
        }

        if (courtesy > 0)
        {
            throw new ArgumentException("A courtesy reminder is a letter of its own, never part of a digest.", nameof(notifications));
        }

        var subject = Subject(list, subjectPrefix);
        return new EscalationDigest(recipient, today, subject, Html(recipient, list, today, subject), Text(recipient, list, today), list);
    }

    /// <summary>The code cell: a proposal's id, a task's code, or a round ("Lần 1").</summary>
    internal static string Code(EscalationItem item) =>
        item.ProposalId ?? item.ScoreCode ?? item.TaskCode ?? (item.Round is { } r ? DigestText.RoundCode(r) : string.Empty);

    /// <summary>The "Thời hạn" cell: days left / overdue, or for a proposal "chờ 6 ngày làm việc".</summary>
    private static string When(EscalationNotification n) => n.Item.WaitingWorkingDays is { } waited
        ? DigestText.Waiting(waited)
        : n.Item.ScoreCode is not null ? DigestText.ScoringOpen(n.DaysPastLastDay) : DaysText(n.DaysPastLastDay);

    /// <summary>The date column's heading: the last day, or for proposals the day the wait began.</summary>
    private static string DateHeading(EscalationKind kind) => kind switch
    {
        EscalationKind.ProposalReview or EscalationKind.ProposalDecision => DigestText.ColumnWaitingSince,
        EscalationKind.ScoreProposal or EscalationKind.ScoreAppraisal or EscalationKind.ScoreApproval => DigestText.ColumnScoringOpens,
        _ => DigestText.ColumnLastDay,
    };

    internal static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", Vi) ?? string.Empty;

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>The HTML document around a body.</summary>
    internal static void Open(StringBuilder b, string subject, Recipient recipient)
    {
        b.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>").Append(E(subject))
            .Append("</title></head>\n");
        b.Append("<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">\n");
        b.Append("<p>").Append(E(DigestText.Greeting(recipient.DisplayName))).Append("</p>\n");
    }

    private static string Html(Recipient recipient, List<EscalationNotification> list, DateOnly today, string subject)
    {
        var b = new StringBuilder();
        Open(b, subject, recipient);
        b.Append("<p>").Append(E(DigestText.DigestIntro(Date(today)))).Append("</p>\n");
        foreach (var kind in GroupOrder)
        {
            var group = list.Where(n => n.Level.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            b.Append("<h3>").Append(E(DigestText.GroupHeading(kind))).Append(" (").Append(group.Count.ToString(Vi)).Append(")</h3>\n");
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
            b.Append("<tr><th>").Append(DigestText.ColumnCode).Append("</th><th>").Append(DigestText.ColumnContent)
                .Append("</th><th>").Append(DigestText.ColumnUnit).Append("</th><th>").Append(DateHeading(kind))
                .Append("</th><th>").Append(DigestText.ColumnWhen).Append("</th><th>").Append(DigestText.ColumnLinks)
                .Append("</th></tr>\n");
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

        b.Append("<p style=\"color:#666;font-size:12px\">").Append(E(DigestText.DigestFooter)).Append("</p>\n");
        b.Append("</body>\n</html>\n");
        return b.ToString();
    }

    /// <summary>The links cell: Planner and the list item, http/https only; "—" when none.</summary>
    internal static string Links(EscalationItem item)
    {
        var links = new List<string>();
        if (MailText.SafeLink(item.PlannerTaskUrl) is { } planner)
        {
            links.Add("<a href=\"" + E(planner.AbsoluteUri) + "\">" + DigestText.LinkPlanner + "</a>");
        }

        if (MailText.SafeLink(item.ListItemUrl) is { } listItem)
        {
            links.Add("<a href=\"" + E(listItem.AbsoluteUri) + "\">" + DigestText.LinkList + "</a>");
        }

        return links.Count == 0 ? "—" : string.Join(" · ", links);
    }

    /// <summary>The plain-text lines of an item's links.</summary>
    internal static void TextLinks(StringBuilder b, EscalationItem item)
    {
        if (MailText.SafeLink(item.PlannerTaskUrl) is { } planner)
        {
            b.Append("  ").Append(DigestText.LinkPlanner).Append(": ").Append(planner.AbsoluteUri).Append('\n');
        }

        if (MailText.SafeLink(item.ListItemUrl) is { } listItem)
        {
            b.Append("  ").Append(DigestText.LinkList).Append(": ").Append(listItem.AbsoluteUri).Append('\n');
        }
    }

    private static string Text(Recipient recipient, List<EscalationNotification> list, DateOnly today)
    {
        var b = new StringBuilder();
        b.Append(DigestText.Greeting(recipient.DisplayName)).Append("\n\n");
        b.Append(DigestText.DigestIntro(Date(today))).Append('\n');
        foreach (var kind in GroupOrder)
        {
            var group = list.Where(n => n.Level.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            b.Append('\n').Append(DigestText.GroupHeading(kind).ToUpper(Vi)).Append(" (").Append(group.Count.ToString(Vi)).Append(")\n");
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
                b.Append("  ").Append(DigestText.ColumnUnit).Append(": ").Append(MailText.HeaderSafe(n.UnitName))
                    .Append("; ").Append(DateHeading(kind).ToLower(Vi)).Append(": ").Append(Date(n.Item.LastDay))
                    .Append(" (").Append(When(n)).Append(")\n");
                TextLinks(b, n.Item);
            }
        }

        b.Append('\n').Append(DigestText.DigestFooter).Append('\n');
        return b.ToString();
    }
}
