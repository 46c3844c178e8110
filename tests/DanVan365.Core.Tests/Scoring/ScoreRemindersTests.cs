using DanVan365.Core.Escalation;
using DanVan365.Core.Proposals;
using DanVan365.Core.Scoring;
using DanVan365.Core.Time;
using DanVan365.TestUtilities;
using static DanVan365.Core.Tests.Scoring.ScoreReviewRulesTests;

namespace DanVan365.Core.Tests.Scoring;

/// <summary>The scoring's reminders in the digest: who is told what, from Scoring:OpensOn, once the table is complete.</summary>
public class ScoreRemindersTests
{
    private static readonly string[] Graded = ["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA"];

    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, WardTime.Offset);

    private static readonly ScoreReviewRules Rules =
        new(new ProposalAuthority(Bundled.Units, Bundled.Catalogue.Decision, new ProposalOptions()), 2026);

    private static List<ScoreBoardRow> Rows(IReadOnlyDictionary<string, ScoreRecord> records) =>
    [
        .. Graded.Select(u => new ScoreBoardRow(new UnitScore(u, Bundled.Units.Find(u)!.Name, true, 80, ScoreGrade.Good, []),
            records.GetValueOrDefault(u)?.Review, 80, ScoreGrade.Good)),
        new ScoreBoardRow(new UnitScore("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", false, null, null, []), null, null, null),
    ];

    private static ScoreReminderPlan Plan(IReadOnlyDictionary<string, ScoreRecord> records, DateOnly today, string? opensOn = null) =>
        ScoreReminders.Plan(2026, Rows(records), records, Rules, new ScoringOptions { OpensOn = opensOn }, WorkingCalendar.WeekdaysOnly,
            today);

    private static ScoreRecord Proposed(string unit, string by) => Rules.Propose(unit, 90, "Ghi chú", null, by, null, At).Records[0];

    [Fact]
    public void Plan_BeforeFirstDecember_Nothing() =>
        Assert.Empty(Plan(new Dictionary<string, ScoreRecord>(), new DateOnly(2026, 11, 30)).Notifications);

    [Fact]
    public void Plan_OpensOnConfigured_FromThatDay()
    {
        Assert.Empty(Plan(new Dictionary<string, ScoreRecord>(), new DateOnly(2026, 11, 19), "11-20").Notifications);
        Assert.NotEmpty(Plan(new Dictionary<string, ScoreRecord>(), new DateOnly(2026, 11, 20), "11-20").Notifications);
    }

    [Fact]
    public void Plan_NothingProposed_EveryGradedUnitsPeopleToldOnce_RequestedUnitNot()
    {
        var plan = Plan(new Dictionary<string, ScoreRecord>(), new DateOnly(2026, 12, 1));
        Assert.All(plan.Notifications, n => Assert.Equal(EscalationKind.ScoreProposal, n.Level.Kind));
        Assert.Equal(Graded.Order(StringComparer.Ordinal),
            plan.Notifications.Select(n => n.Item.UnitCode).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(plan.Notifications, n => n.Recipient.Address == VpHead && n.Roles[0] == RecipientRole.UnitHead);
        Assert.Contains(plan.Notifications, n => n.Recipient.Address == VpAssignee && n.Roles[0] == RecipientRole.UnitAssignees);
        var vp = plan.Notifications.First(n => n.Recipient.Address == VpHead);
        Assert.Equal("vp.truong@haian.example.vn|CD:2026|VP|score-propose0", vp.IdempotencyKey);
        Assert.Equal("Đơn vị tự chấm điểm kết quả thực hiện công tác dân vận năm 2026, kèm giải trình", vp.Item.Title);
    }

    [Fact]
    public void Plan_Proposed_AggregatingUnitPeopleButNotTheProposerToAppraise()
    {
        var records = new Dictionary<string, ScoreRecord> { ["VP"] = Proposed("VP", VpAssignee), ["VHXH"] = Proposed("VHXH", VhxhHead) };
        var plan = Plan(records, new DateOnly(2026, 12, 2));
        var appraise = plan.Notifications.Where(n => n.Level.Kind == EscalationKind.ScoreAppraisal).ToList();
        Assert.Contains(appraise, n => n.Item.UnitCode == "VP" && n.Recipient.Address == VhxhHead);
        Assert.DoesNotContain(appraise, n => n.Item.UnitCode == "VHXH" && n.Recipient.Address == VhxhHead);
        Assert.Contains(appraise, n => n.Item.UnitCode == "VHXH" && n.Recipient.Address == VhxhAssignee);
        Assert.DoesNotContain(plan.Notifications, n => n.Item.UnitCode == "VP" && n.Level.Kind == EscalationKind.ScoreProposal);
        Assert.DoesNotContain(plan.Notifications, n => n.Level.Kind == EscalationKind.ScoreApproval);
    }

    [Fact]
    public void Plan_AllAppraised_SignerToldToApprove_DigestReadsAsAClerkWrites()
    {
        var records = Graded.ToDictionary(u => u, u => Rules.Appraise(u, 90, null, u == "VHXH" ? VhxhAssignee : VhxhHead,
            Proposed(u, u == "VHXH" ? VhxhHead : Bundled.Units.Find(u)!.Head!), At).Records[0]);
        var plan = Plan(records, new DateOnly(2026, 12, 7));
        var approve = Assert.Single(plan.Notifications);
        Assert.Equal((EscalationKind.ScoreApproval, Signer), (approve.Level.Kind, approve.Recipient.Address));

        var digest = EscalationDigestComposer.Compose(approve.Recipient, plan.Notifications, new DateOnly(2026, 12, 7));
        Assert.Equal("[Dân vận] 1 bảng điểm chờ phê duyệt", digest.Subject);
        Assert.Contains("Phê duyệt bảng điểm công tác dân vận năm 2026 (6 đơn vị đã được thẩm định)", digest.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("ngày bắt đầu chấm điểm: 01/12/2026 (đã mở 6 ngày)", digest.TextBody, StringComparison.Ordinal);
        var lines = digest.TextBody.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Plan_Approved_NothingMore()
    {
        var records = Graded.ToDictionary(u => u, u => Rules.Appraise(u, 90, null, u == "VHXH" ? VhxhAssignee : VhxhHead,
            Proposed(u, u == "VHXH" ? VhxhHead : Bundled.Units.Find(u)!.Head!), At).Records[0]);
        var approved = Rules.Approve(Graded, records, Signer, At).Records.ToDictionary(r => r.Review.UnitCode, r => r);
        Assert.Empty(Plan(approved, new DateOnly(2026, 12, 8)).Notifications);
    }
}
