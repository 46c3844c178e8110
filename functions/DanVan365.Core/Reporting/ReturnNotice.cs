using System.Globalization;
using System.Net;
using System.Text;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Reporting;

/// <summary>
/// The mail that tells a unit its submission was returned for additions (issue 23): to each of its people, "Kính gửi đồng chí
/// …", the round, the reason, who returned it and where to complete it. Sent through the escalation's mail port as a digest
/// with no notifications (it is not a rung of the ladder). Pure.
/// </summary>
public static class ReturnNotice
{
    /// <summary>The mail to <paramref name="recipient"/>.</summary>
    /// <param name="recipient">A head or an assignee of the unit.</param>
    /// <param name="value">The return.</param>
    /// <param name="unitName">The unit's full name.</param>
    /// <param name="round">The round (its number, title and last day).</param>
    /// <param name="returnedByUnit">The name of the unit that returned it (the aggregating unit).</param>
    /// <param name="formUrl">The report form's page, else the unit's rows in the list; null when unknown.</param>
    /// <param name="subjectPrefix">The ward's subject prefix, e.g. "[Dân vận]".</param>
    public static EscalationDigest Compose(Recipient recipient, SubmissionReturn value, string unitName, ReportRound round,
        string returnedByUnit, string? formUrl, string subjectPrefix)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(round);
        var roundText = RoundText(round);
        var subject = MailText.HeaderSafe($"{MailText.HeaderSafe(subjectPrefix)} Đề nghị bổ sung báo cáo {roundText}");
        var link = MailText.SafeLink(formUrl);
        var lines = new List<string>
        {
            $"Kính gửi đồng chí {recipient.DisplayName},",
            $"{returnedByUnit} trả lại báo cáo {roundText} của {unitName} và đề nghị đơn vị bổ sung.",
            $"Lý do: {value.Reason}",
            $"Người trả lại: {value.ReturnedBy}, lúc {value.ReturnedAt.ToOffset(Time.WardTime.Offset).ToString("HH:mm 'ngày' dd/MM/yyyy",
                CultureInfo.InvariantCulture)}.",
            "Đề nghị đơn vị hoàn thiện và gửi lại báo cáo trước ngày "
                + round.LastDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) +
                (round.LastDay < Time.WardTime.ToWardDate(value.ReturnedAt) ? " (đợt đã quá hạn: đề nghị gửi lại sớm nhất)." : "."),
        };
        if (link is not null)
        {
            lines.Add($"Biểu mẫu báo cáo: {link.AbsoluteUri}");
        }

        var text = string.Join("\n", lines) + "\n";
        var html = new StringBuilder("<html><body>");
        foreach (var line in lines.Take(lines.Count - (link is null ? 0 : 1)))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">Mở biểu mẫu báo cáo</a></p>");
        }

        html.Append("</body></html>");
        return new EscalationDigest(recipient, Time.WardTime.ToWardDate(value.ReturnedAt), subject, html.ToString(), text, []);
    }

    /// <summary>"lần 1 (hạn 14/09/2026)": the round as a clerk names it, never the decision's whole round title.</summary>
    public static string RoundText(ReportRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var deadline = round.LastDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return round.AdHoc
            ? $"đột xuất “{MailText.HeaderSafe(round.Title)}” (hạn {deadline})"
            : string.Create(CultureInfo.InvariantCulture, $"lần {round.Number} (hạn {deadline})");
    }
}
