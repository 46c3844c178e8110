using DanVan365.Core.Proposals;
using DanVan365.Core.Scoring;
using DanVan365.Core.Time;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Scoring;

/// <summary>The scoring workflow's rules against the bundled Hải An directory and decision (signer Bùi Quang Ngân).</summary>
public class ScoreReviewRulesTests
{
    public const string VpHead = "vp.truong@haian.example.vn";
    public const string VpAssignee = "tran.thi.lan@haian.example.vn";
    public const string VhxhHead = "vhxh.truong@haian.example.vn";
    public const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";
    public const string Signer = "ubnd.pct.ngan@haian.example.vn";
    public const string Chairman = "chutich@haian.example.vn";
    public const string MttqHead = "mttq.chutich@haian.example.vn";

    private static readonly DateTimeOffset Now = new(2026, 12, 10, 9, 0, 30, WardTime.Offset);

    private static readonly string[] Graded = ["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA"];

    private static ScoreReviewRules Rules(params string[] deputies) =>
        new(new ProposalAuthority(Bundled.Units, Bundled.Catalogue.Decision, new ProposalOptions { DeputyEmails = [.. deputies] }), 2026);

    private static ScoreRecord Proposed(string unit, string by, double points = 90) =>
        Rules().Propose(unit, points, "Đơn vị hoàn thành nhiệm vụ", null, by, null, Now).Records[0];

    private static ScoreRecord Appraised(string unit, string proposer, string appraiser, double points = 90) =>
        Rules().Appraise(unit, points, points == 90 ? null : "Điều chỉnh theo kết quả", appraiser, Proposed(unit, proposer), Now)
            .Records[0];

    [Fact]
    public void Propose_UnitAssignee_RecordedWithObjectIdAndMinute()
    {
        var change = Rules().Propose("VP", 92.5, "  Hoàn thành toàn bộ nhiệm vụ ", "req-1", VpAssignee, null, Now);
        Assert.True(change.IsAccepted, change.Refusal?.ToString());
        var record = Assert.Single(change.Records);
        Assert.Equal(ScoreReviewState.Proposed, record.Review.State);
        Assert.Equal((92.5, "Hoàn thành toàn bộ nhiệm vụ", VpAssignee), (record.Review.Proposed!.Points, record.Review.Proposed.Text,
            record.Review.Proposed.By));
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 9, 0, 0, WardTime.Offset), record.Review.Proposed.At);
        Assert.Equal("c664e2bc-8dc2-5dd9-ad1c-bc34ec8490a8", record.ProposedById);
        Assert.Equal(("2026|VP", "req-1"), (record.Key, record.RequestId));
    }

    [Theory]
    [InlineData("KTHTDT", VpAssignee, ScoreRuleCodes.WrongUnit, RefusalKind.Forbidden)]
    [InlineData("MTTQ", MttqHead, ScoreRuleCodes.RequestedUnit, RefusalKind.Forbidden)]
    [InlineData("XYZ", VpAssignee, ScoreRuleCodes.UnknownUnit, RefusalKind.BadInput)]
    public void Propose_WrongOrRequestedUnit_Refused(string unit, string actor, string code, RefusalKind kind)
    {
        var change = Rules().Propose(unit, 80, "Ghi chú", null, actor, null, Now);
        Assert.Equal((code, kind), (change.Refusal?.Code, change.Refusal?.Kind));
        Assert.Empty(change.Records);
    }

    [Fact]
    public void Propose_RequestedUnit_MessageSaysItIsNotScored() =>
        Assert.Equal("Đơn vị được đề nghị phối hợp không tự chấm điểm.",
            Rules().Propose("MTTQ", 80, "Ghi chú", null, MttqHead, null, Now).Refusal!.Message);

    [Theory]
    [InlineData(-1, "Ghi chú", ScoreRuleCodes.InvalidPoints)]
    [InlineData(100.5, "Ghi chú", ScoreRuleCodes.InvalidPoints)]
    [InlineData(90.25, "Ghi chú", ScoreRuleCodes.InvalidPoints)]
    [InlineData(90, " ", ScoreRuleCodes.NoteRequired)]
    public void Propose_BadInput_RefusedAsBadInput(double points, string note, string code)
    {
        var change = Rules().Propose("VP", points, note, null, VpAssignee, null, Now);
        Assert.Equal((code, RefusalKind.BadInput), (change.Refusal?.Code, change.Refusal?.Kind));
    }

    [Fact]
    public void Propose_AfterAppraisal_Refused()
    {
        var change = Rules().Propose("VP", 95, "Tự chấm lại", null, VpHead, Appraised("VP", VpAssignee, VhxhHead), Now);
        Assert.Equal((ScoreRuleCodes.IllegalTransition, RefusalKind.Conflict), (change.Refusal?.Code, change.Refusal?.Kind));
    }

    [Fact]
    public void Propose_SameRequestIdRepeated_RepeatedWithoutWrite_OtherContentRefused()
    {
        var first = Rules().Propose("VP", 90, "Ghi chú", "req-7", VpAssignee, null, Now).Records[0];
        var again = Rules().Propose("VP", 90, "Ghi chú", "req-7", VpAssignee, first, Now);
        Assert.True(again.IsRepeated);
        var other = Rules().Propose("VP", 91, "Ghi chú", "req-7", VpAssignee, first, Now);
        Assert.Equal(ScoreRuleCodes.RequestIdReused, other.Refusal?.Code);
    }

    [Fact]
    public void Appraise_ByProposer_RefusedOwnScore()
    {
        var change = Rules().Appraise("VHXH", 90, null, VhxhHead, Proposed("VHXH", VhxhHead), Now);
        Assert.Equal((ScoreRuleCodes.OwnScore, RefusalKind.Forbidden), (change.Refusal?.Code, change.Refusal?.Kind));
    }

    [Fact]
    public void Appraise_NotOfAggregatingUnit_Refused()
    {
        var change = Rules().Appraise("VP", 90, null, VpHead, Proposed("VP", VpAssignee), Now);
        Assert.Equal((ScoreRuleCodes.WrongRole, RefusalKind.Forbidden), (change.Refusal?.Code, change.Refusal?.Kind));
    }

    [Fact]
    public void Appraise_DifferentPointsWithoutReason_RefusedReasonRequired_WithReasonAccepted()
    {
        var proposed = Proposed("VP", VpAssignee, 95);
        var refused = Rules().Appraise("VP", 88, null, VhxhAssignee, proposed, Now);
        Assert.Equal((ScoreRuleCodes.ReasonRequired, RefusalKind.BadInput), (refused.Refusal?.Code, refused.Refusal?.Kind));
        Assert.Contains("88 khác điểm tự chấm 95", refused.Refusal!.Message, StringComparison.Ordinal);
        var accepted = Rules().Appraise("VP", 88, "Nhiệm vụ 2.3 hoàn thành quá hạn", VhxhAssignee, proposed, Now);
        Assert.Equal((ScoreReviewState.Appraised, 88d, VhxhAssignee), (accepted.Records[0].Review.State,
            accepted.Records[0].Review.Appraised!.Points!.Value, accepted.Records[0].Review.Appraised!.By));
    }

    [Fact]
    public void Appraise_NotProposed_Conflict() =>
        Assert.Equal(RefusalKind.Conflict, Rules().Appraise("VP", 90, null, VhxhHead, null, Now).Refusal?.Kind);

    [Fact]
    public void Approve_AllAppraisedByOthers_SignerApprovesEveryUnit()
    {
        var records = Graded.ToDictionary(u => u, u => Appraised(u, u == "VHXH" ? VhxhAssignee : Bundled.Units.Find(u)!.Head!, VhxhHead));
        var change = Rules().Approve(Graded, records, Signer, Now);
        Assert.True(change.IsAccepted, change.Refusal?.ToString());
        Assert.Equal(Graded.Length, change.Records.Count);
        Assert.All(change.Records, r => Assert.Equal((ScoreReviewState.Approved, Signer), (r.Review.State, r.Review.Approved!.By)));
    }

    [Fact]
    public void Approve_SignerWhoAppraised_RefusedNamingTheDeputy()
    {
        // The signer appraised nothing in Hải An (not of VHXH), so make the signer a deputy-appraiser case through the chairman:
        // VHXH's head is also configured as a deputy; having appraised, they may not approve.
        var records = Graded.ToDictionary(u => u, u => Appraised(u, u == "VHXH" ? VhxhAssignee : Bundled.Units.Find(u)!.Head!, VhxhHead));
        var change = Rules(VhxhHead, Chairman).Approve(Graded, records, VhxhHead, Now);
        Assert.Equal((ScoreRuleCodes.AppraiserApproves, RefusalKind.Forbidden), (change.Refusal?.Code, change.Refusal?.Kind));
        Assert.Contains("Bùi Quang Ngân", change.Refusal!.Message, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Đức Thành", change.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_DeciderWhoProposed_RefusedOwnScore_NoOtherDecider_SaysNoneConfigured()
    {
        var records = Graded.ToDictionary(u => u, u => Appraised(u, u == "VHXH" ? VhxhAssignee : Bundled.Units.Find(u)!.Head!,
            u == "VHXH" ? VhxhHead : VhxhAssignee));
        records["VP"] = Appraised("VP", VpHead, VhxhHead);
        var change = Rules(VpHead).Approve(Graded, records, VpHead, Now);
        Assert.Equal(ScoreRuleCodes.OwnScore, change.Refusal?.Code);
        Assert.Contains("Bùi Quang Ngân", change.Refusal!.Message, StringComparison.Ordinal);

        var alone = new ScoreReviewRules(new ProposalAuthority(Bundled.Units, Bundled.Catalogue.Decision,
            new ProposalOptions { SignerEmail = VpHead }), 2026).Approve(Graded, records, VpHead, Now);
        Assert.Equal(ScoreRuleCodes.OwnScore, alone.Refusal?.Code);
        Assert.Contains("chưa có người được ủy quyền", alone.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_UnitNotAppraised_ConflictNamingIt()
    {
        var records = Graded.ToDictionary(u => u, u => Appraised(u, u == "VHXH" ? VhxhAssignee : Bundled.Units.Find(u)!.Head!, VhxhHead));
        records["BQLDA"] = Proposed("BQLDA", Bundled.Units.Find("BQLDA")!.Head!);
        var change = Rules().Approve(Graded, records, Signer, Now);
        Assert.Equal((ScoreRuleCodes.NotAppraised, RefusalKind.Conflict), (change.Refusal?.Code, change.Refusal?.Kind));
        Assert.Contains(Bundled.Units.Find("BQLDA")!.Name, change.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_NotADecider_Refused() =>
        Assert.Equal(ScoreRuleCodes.WrongRole, Rules().Approve(Graded, new Dictionary<string, ScoreRecord>(), VhxhHead, Now).Refusal?.Code);
}
