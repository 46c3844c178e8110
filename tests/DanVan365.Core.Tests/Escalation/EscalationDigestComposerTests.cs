using System.Net;
using DanVan365.Core.Escalation;
using static DanVan365.Core.Tests.Escalation.EscalationFixture;

namespace DanVan365.Core.Tests.Escalation;

public class EscalationDigestComposerTests
{
    private static readonly Recipient To = Recipient.Create("kt.a1@haian.example.vn", "Trần Thị B");

    private static EscalationNotification N(EscalationItem item, int offset, DateOnly today, Recipient? to = null,
        string unitName = "Phòng Kinh tế") =>
        new(to ?? To, item, EscalationLevel.For(item.Kind, offset), unitName, [RecipientRole.UnitAssignees], today);

    private static EscalationItem Task(string code, string title, DateOnly lastDay,
        string? planner = "https://tasks.office.com/haian/Task/1",
        string? list = "https://haian.sharepoint.com/Lists/PhanCong/DispForm.aspx?ID=1&x=2") =>
        EscalationItem.ForAssignment(code, title, "KT", lastDay, plannerTaskUrl: planner, listItemUrl: list);

    [Fact]
    public void Compose_MixedLevels_SubjectCountsEachGroup()
    {
        var today = D(9, 15);
        var digest = EscalationDigestComposer.Compose(To,
        [
            N(Task("1.1", "Một", D(9, 18)), -3, today),
            N(Task("1.2", "Hai", D(9, 16)), -1, today),
            N(Task("1.3", "Ba", D(9, 14)), 1, today),
            N(EscalationItem.ForReport(1, D(9, 14), "KT"), 1, today),
        ], today);
        Assert.Equal("[Dân vận] 2 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn, 1 báo cáo chưa nộp", digest.Subject);
        Assert.Equal((2, 1, 1), (digest.UpcomingCount, digest.OverdueCount, digest.ReportMissingCount));
        Assert.Equal(4, digest.IdempotencyKeys.Count);
    }

    [Fact]
    public void Compose_RoundReports_NameTheRoundOnceAndAnAdHocRoundByItsTitle()
    {
        var today = D(9, 15);
        var decisionRound = new DanVan365.Core.Reporting.ReportRound(1, "lần 1 trước ngày 15/9/2026", D(9, 14), AdHoc: false);
        var adHoc = new DanVan365.Core.Reporting.ReportRound(3, "Báo cáo tình hình bầu cử", D(9, 14), AdHoc: true);
        var items = DanVan365.Core.Escalation.EscalationItems.FromReports([], [decisionRound, adHoc], ["KT"]);

        var digest = EscalationDigestComposer.Compose(To, [.. items.Select(i => N(i, 1, today))], today);

        Assert.Contains("[Lần 1] Báo cáo kết quả thực hiện công tác dân vận\n", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("dân vận, lần 1", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("[Lần 3] Báo cáo đột xuất: Báo cáo tình hình bầu cử", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OnlyOverdue_SubjectOmitsEmptyGroups()
    {
        var today = D(4, 1);
        var digest = EscalationDigestComposer.Compose(To, [N(Task("1.2", "Hai", D(3, 31)), 1, today)], today);
        Assert.Equal("[Dân vận] 1 nhiệm vụ quá hạn", digest.Subject);
    }

    [Fact]
    public void Compose_ScriptInTitle_ArrivesAsText()
    {
        var today = D(3, 24);
        var digest = EscalationDigestComposer.Compose(To,
            [N(Task("1.1", "Tuyên truyền <script>alert('x')</script> & \"vận động\"", D(3, 31)), -7, today, unitName: "<b>Phòng</b>")],
                today);
        Assert.DoesNotContain("<script>", digest.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;vận động&quot;", digest.HtmlBody,
            StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("<b>Phòng</b>"), digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<b>Phòng</b>", WebUtility.HtmlDecode(digest.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HeaderInjectionInDisplayNameAndPrefix_Neutralised()
    {
        var evil = Recipient.Create("kt.a1@haian.example.vn", "B\r\nBcc: attacker@evil.example\r\n\r\n<script>x</script>");
        var today = D(3, 24);
        var digest = EscalationDigestComposer.Compose(evil, [N(Task("1.1", "Một", D(3, 31)), -7, today, evil)], today,
            "[Dân vận]\r\nBcc: a@evil.example");
        foreach (var header in new[] { digest.Subject, digest.Recipient.DisplayName })
        {
            Assert.DoesNotContain('\r', header);
            Assert.DoesNotContain('\n', header);
            Assert.All(header, c => Assert.False(char.IsControl(c)));
        }

        Assert.Equal("[Dân vận] Bcc: a@evil.example 1 nhiệm vụ sắp đến hạn", digest.Subject);
        Assert.Contains(WebUtility.HtmlEncode("Kính gửi đồng chí B Bcc: attacker@evil.example <script>x</script>,"), digest.HtmlBody,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", digest.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Links_HttpsKeptAndEncodedOtherSchemesDropped()
    {
        var today = D(3, 24);
        var digest = EscalationDigestComposer.Compose(To,
        [
            N(Task("1.1", "Một", D(3, 31)), -7, today),
            N(Task("1.2", "Hai", D(3, 31), planner: "javascript:alert(1)", list: "data:text/html,<script>x</script>"), -7, today),
        ], today);
        Assert.Contains("<a href=\"https://tasks.office.com/haian/Task/1\">Planner</a>", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("DispForm.aspx?ID=1&amp;x=2\">Danh sách</a>", digest.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", digest.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", digest.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", digest.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_Item_ShowsCodeUnitDateAndDays()
    {
        var today = D(4, 3);
        var digest = EscalationDigestComposer.Compose(To,
        [
            N(Task("3.5.a", "Ba", D(3, 31)), 3, today),
            N(Task("1.1", "Một", D(4, 3)), -1, today),
            N(EscalationItem.ForReport(2, D(4, 10), "KT"), -7, today),
        ], today);
        // WebUtility.HtmlEncode writes Latin-1 letters (ò, á, …) as numeric references; compare the decoded text.
        var html = WebUtility.HtmlDecode(digest.HtmlBody);
        Assert.Contains("<td>3.5.a</td><td>Ba</td><td>Phòng Kinh tế</td><td>31/03/2026</td><td>quá hạn 3 ngày</td>", html,
            StringComparison.Ordinal);
        Assert.Contains("hạn cuối hôm nay", html, StringComparison.Ordinal);
        Assert.Contains("<td>Lần 2</td>", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("còn 7 ngày", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- [3.5.a] Ba\n  Đơn vị: Phòng Kinh tế; hạn cuối: 31/03/2026 (quá hạn 3 ngày)", digest.TextBody,
            StringComparison.Ordinal);
        var upcoming = html.IndexOf("<h3>Nhiệm vụ sắp đến hạn (1)</h3>", StringComparison.Ordinal);
        var overdue = html.IndexOf("<h3>Nhiệm vụ quá hạn (1)</h3>", StringComparison.Ordinal);
        var report = html.IndexOf("<h3>Báo cáo chưa nộp (1)</h3>", StringComparison.Ordinal);
        Assert.True(upcoming >= 0 && upcoming < overdue && overdue < report, $"{upcoming} {overdue} {report}");
    }

    [Fact]
    public void ComposeAll_PlanForSeveralPeople_OneDigestEach()
    {
        var plan = EscalationPolicy.Plan(
            [EscalationItem.ForAssignment("1.1", "Một", "KT", D(3, 31)), EscalationItem.ForAssignment("1.2", "Hai", "KT", D(3, 31))],
            Directory(), Calendar, Options(), D(4, 1), new HashSet<string>());
        var digests = EscalationDigestComposer.ComposeAll(plan);
        Assert.Equal(3, digests.Count);
        Assert.All(digests, d => Assert.Equal("[Dân vận] 2 nhiệm vụ quá hạn", d.Subject));
    }

    [Fact]
    public void NotificationLogEntry_ClaimThenSend_PendingThenSent()
    {
        var today = D(3, 24);
        var digest = EscalationDigestComposer.Compose(To, [N(Task("1.1", "Một", D(3, 31)), -7, today)], today);
        var at = new DateTimeOffset(2026, 3, 24, 8, 0, 0, TimeSpan.FromHours(7));
        var entry = Assert.Single(NotificationLogEntry.Claim(digest, at));
        Assert.Equal("kt.a1@haian.example.vn|PC:1.1|KT|upcoming-7", entry.IdempotencyKey);
        Assert.Equal(NotificationLogState.Pending, entry.State);
        Assert.True(entry.IsStale(at.AddHours(2), TimeSpan.FromHours(1)));
        var sent = entry.MarkSent(at.AddSeconds(3));
        Assert.Equal(NotificationLogState.Sent, sent.State);
        Assert.False(sent.IsStale(at.AddDays(1), TimeSpan.FromHours(1)));
    }
}
