using System.Globalization;
using System.Text;

namespace DanVan365.Core.Escalation;

/// <summary>
/// The courtesy letter to the contact of a unit the committee only requests (Party bodies, the Front, residential groups,
/// outside organisations): worded as a request ("đề nghị"), its reports welcome "nếu có", no chase and no overdue count.
/// Built by <see cref="EscalationDigestComposer.Compose"/> when every notification is a courtesy reminder; every word comes
/// from <see cref="DigestText"/>.
/// </summary>
public static class CourtesyLetterComposer
{
    private static readonly CultureInfo Vi = CultureInfo.InvariantCulture;

    /// <summary>The letter for one contact; every notification must be a courtesy reminder.</summary>
    public static EscalationDigest Compose(Recipient recipient, IEnumerable<EscalationNotification> notifications, DateOnly today,
        string subjectPrefix = "[Dân vận]")
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(notifications);
        var list = notifications
            .OrderBy(n => n.Item.Kind == EscalationItemKind.Report)
            .ThenBy(n => n.Item.LastDay)
            .ThenBy(n => n.Item.TaskCode ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(n => n.Item.Key, StringComparer.Ordinal)
            .ToList();
        if (list.Count == 0 || list.Any(n => n.Level.Kind != EscalationKind.Courtesy))
        {
            throw new ArgumentException("A courtesy letter needs courtesy reminders only.", nameof(notifications));
        }

        var tasks = list.Where(n => n.Item.Kind != EscalationItemKind.Report).ToList();
        var reports = list.Where(n => n.Item.Kind == EscalationItemKind.Report).ToList();
        var subject = MailText.HeaderSafe(
            MailText.HeaderSafe(subjectPrefix) + " " + DigestText.CourtesySubject(tasks.Count, reports.Count));
        var units = list.Select(n => n.UnitName).Distinct(StringComparer.Ordinal).ToList();
        var intro = DigestText.CourtesyIntro(units.Count == 1 ? units[0] : null);
        return new EscalationDigest(recipient, today, subject, Html(recipient, subject, intro, tasks, reports),
            Text(recipient, intro, tasks, reports), list);
    }

    private static string Html(Recipient recipient, string subject, string intro, List<EscalationNotification> tasks,
        List<EscalationNotification> reports)
    {
        var b = new StringBuilder();
        EscalationDigestComposer.Open(b, subject, recipient);
        b.Append("<p>").Append(EscalationDigestComposer.E(intro)).Append("</p>\n");
        Table(b, DigestText.CourtesyTasksHeading, tasks);
        Table(b, DigestText.CourtesyReportsHeading, reports);
        if (reports.Count > 0)
        {
            b.Append("<p>").Append(EscalationDigestComposer.E(DigestText.CourtesyReportNote)).Append("</p>\n");
        }

        b.Append("<p>").Append(EscalationDigestComposer.E(DigestText.CourtesyThanks)).Append("</p>\n");
        b.Append("<p style=\"color:#666;font-size:12px\">").Append(EscalationDigestComposer.E(DigestText.CourtesyFooter)).Append("</p>\n");
        b.Append("</body>\n</html>\n");
        return b.ToString();
    }

    private static void Table(StringBuilder b, string heading, List<EscalationNotification> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        b.Append("<h3>").Append(EscalationDigestComposer.E(heading)).Append("</h3>\n");
        b.Append("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse\">\n");
        b.Append("<tr><th>").Append(DigestText.ColumnCode).Append("</th><th>").Append(DigestText.ColumnContent)
            .Append("</th><th>").Append(DigestText.ColumnUnit).Append("</th><th>").Append(DigestText.CourtesyColumnDay)
            .Append("</th><th>").Append(DigestText.ColumnLinks).Append("</th></tr>\n");
        foreach (var n in group)
        {
            b.Append("<tr><td>").Append(EscalationDigestComposer.E(EscalationDigestComposer.Code(n.Item)))
                .Append("</td><td>").Append(EscalationDigestComposer.E(n.Item.Title))
                .Append("</td><td>").Append(EscalationDigestComposer.E(n.UnitName))
                .Append("</td><td>").Append(EscalationDigestComposer.Date(n.Item.LastDay))
                .Append("</td><td>").Append(EscalationDigestComposer.Links(n.Item))
                .Append("</td></tr>\n");
        }

        b.Append("</table>\n");
    }

    private static string Text(Recipient recipient, string intro, List<EscalationNotification> tasks, List<EscalationNotification> reports)
    {
        var b = new StringBuilder();
        b.Append(DigestText.Greeting(recipient.DisplayName)).Append("\n\n");
        b.Append(intro).Append('\n');
        foreach (var (heading, group) in new[] { (DigestText.CourtesyTasksHeading, tasks), (DigestText.CourtesyReportsHeading, reports) })
        {
            if (group.Count == 0)
            {
                continue;
            }

            b.Append('\n').Append(heading.ToUpper(Vi)).Append('\n');
            foreach (var n in group)
            {
                b.Append("- [").Append(MailText.HeaderSafe(EscalationDigestComposer.Code(n.Item))).Append("] ")
                    .Append(MailText.HeaderSafe(n.Item.Title)).Append('\n');
                b.Append("  ").Append(DigestText.ColumnUnit).Append(": ").Append(MailText.HeaderSafe(n.UnitName)).Append("; ")
                    .Append(DigestText.CourtesyColumnDay.ToLower(Vi)).Append(": ").Append(EscalationDigestComposer.Date(n.Item.LastDay))
                    .Append('\n');
                EscalationDigestComposer.TextLinks(b, n.Item);
            }
        }

        if (reports.Count > 0)
        {
            b.Append('\n').Append(DigestText.CourtesyReportNote).Append('\n');
        }

        b.Append('\n').Append(DigestText.CourtesyThanks).Append('\n');
        b.Append('\n').Append(DigestText.CourtesyFooter).Append('\n');
        return b.ToString();
    }
}
