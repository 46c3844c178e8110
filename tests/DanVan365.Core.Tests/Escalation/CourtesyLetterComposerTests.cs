using DanVan365.Core.Escalation;
using static DanVan365.Core.Tests.Escalation.EscalationFixture;

namespace DanVan365.Core.Tests.Escalation;

/// <summary>The courtesy letter reads as a request, never as a chase, and never rides in a digest.</summary>
public class CourtesyLetterComposerTests
{
    private static readonly Recipient Contact = Recipient.Create("mttq.head@haian.example.vn", "Hà Thị Nguyệt");

    private static readonly DateOnly Today = D(9, 11);

    private static EscalationNotification Courtesy(EscalationItem item, string unitName = "Ủy ban Mặt trận Tổ quốc Việt Nam phường") =>
        new(Contact, item, EscalationLevel.Courtesy(-3), unitName, [RecipientRole.UnitHead], Today);

    private static EscalationItem Task(string code) =>
        EscalationItem.ForAssignment(code, "Tổ chức đối thoại với Nhân dân", "MTTQ", D(9, 14));

    [Fact]
    public void Compose_TaskAndReport_RequestWordingReportIfAny()
    {
        var letter = EscalationDigestComposer.Compose(Contact,
            [Courtesy(Task("2.3")), Courtesy(Task("2.4")), Courtesy(EscalationItem.ForReport(1, D(9, 14), "MTTQ"))], Today);

        Assert.True(letter.IsCourtesy);
        Assert.Equal("[Dân vận] Đề nghị phối hợp thực hiện 2 nhiệm vụ và gửi báo cáo kết quả (nếu có)", letter.Subject);
        foreach (var body in new[] { letter.TextBody, System.Net.WebUtility.HtmlDecode(letter.HtmlBody) })
        {
            Assert.Contains("Kính gửi đồng chí Hà Thị Nguyệt,", body, StringComparison.Ordinal);
            Assert.Contains("trân trọng đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường quan tâm, phối hợp", body,
                StringComparison.Ordinal);
            Assert.Contains("(nếu có)", body, StringComparison.Ordinal);
            Assert.Contains("14/09/2026", body, StringComparison.Ordinal);
            foreach (var chase in new[] { "quá hạn", "chưa nộp", "còn 3 ngày", "mốc nhắc", "Đề nghị cập nhật tiến độ" })
            {
                Assert.DoesNotContain(chase, body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(0, letter.UpcomingCount + letter.OverdueCount + letter.ReportMissingCount);
    }

    [Fact]
    public void Compose_ReportOnly_SubjectAsksForTheReportIfAny()
    {
        var letter = EscalationDigestComposer.Compose(Contact, [Courtesy(EscalationItem.ForReport(1, D(9, 14), "MTTQ"))], Today);

        Assert.Equal("[Dân vận] Đề nghị gửi báo cáo kết quả công tác dân vận (nếu có)", letter.Subject);
    }

    [Fact]
    public void Compose_CourtesyMixedWithLadder_Refused()
    {
        var upcoming = new EscalationNotification(Contact, EscalationItem.ForAssignment("1.1", "Một", "KT", D(9, 14)),
            EscalationLevel.For(EscalationItemKind.Assignment, -3), "Phòng Kinh tế", [RecipientRole.UnitAssignees], Today);

        Assert.Throws<ArgumentException>(() => EscalationDigestComposer.Compose(Contact, [upcoming, Courtesy(Task("2.3"))], Today));
    }

    [Fact]
    public void ComposeAll_PersonWithLadderAndCourtesyItems_TwoSeparateMails()
    {
        var upcoming = new EscalationNotification(Contact, EscalationItem.ForAssignment("1.1", "Một", "KT", D(9, 14)),
            EscalationLevel.For(EscalationItemKind.Assignment, -3), "Phòng Kinh tế", [RecipientRole.UnitAssignees], Today);
        var plan = new EscalationPlan(Today, true, [upcoming, Courtesy(Task("2.3"))], []);

        var mails = EscalationDigestComposer.ComposeAll(plan);

        Assert.Equal(2, mails.Count);
        Assert.False(mails[0].IsCourtesy);
        Assert.Equal("[Dân vận] 1 nhiệm vụ sắp đến hạn", mails[0].Subject);
        Assert.True(mails[1].IsCourtesy);
    }

    [Fact]
    public void Compose_Digest_AddressesComradeAndSaysMilestone()
    {
        var overdue = new EscalationNotification(Contact, EscalationItem.ForReport(1, D(9, 10), "KT"),
            EscalationLevel.For(EscalationItemKind.Report, 1), "Phòng Kinh tế", [RecipientRole.UnitAssignees], Today);

        var digest = EscalationDigestComposer.Compose(Contact, [overdue], Today);

        Assert.Equal("[Dân vận] 1 báo cáo chưa nộp", digest.Subject);
        Assert.StartsWith("Kính gửi đồng chí Hà Thị Nguyệt,", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("mỗi nội dung chỉ được nhắc một lần ở mỗi mốc nhắc", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ở mỗi mức", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO CHƯA NỘP (1)", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h3>Báo cáo chưa nộp (1)</h3>", System.Net.WebUtility.HtmlDecode(digest.HtmlBody), StringComparison.Ordinal);
    }
}
