using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class ProposalTransitionTests
{
    private readonly ProposalFixture _f = new();

    private static Proposal InState(ProposalState state) =>
        Recorded("DX-2026-0001", "VHXH", "2.4", ProposalKind.Extend, state, D(6, 30), proposedOn: D(2, 20));

    private static void AssertRefused(ProposalOutcome outcome, string code, RefusalKind kind)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Equal(code, outcome.Refusal!.Code);
        Assert.Equal(kind, outcome.Refusal.Kind);
    }

    [Fact]
    public void Review_AggregatingUnitHeadForwards_SubmittedWithNoteWhoAndWhen()
    {
        var p = _f.Workflow.Review(InState(ProposalState.Pending), VhxhHead.ToUpperInvariant(), forward: true, "Đề nghị chấp thuận.").Value;
        Assert.Equal(ProposalState.Submitted, p.State);
        Assert.Equal("Đề nghị chấp thuận.", p.ReviewNote);
        Assert.Equal(VhxhHead.ToUpperInvariant(), p.ReviewedBy);
        Assert.Equal(D(3, 2), p.ReviewedOn);
    }

    [Fact]
    public void Review_AggregatingUnitHeadRejects_Rejected()
    {
        var p = _f.Workflow.Review(InState(ProposalState.Pending), VhxhHead, forward: false, null).Value;
        Assert.Equal(ProposalState.Rejected, p.State);
        Assert.Null(p.DecidedBy);
    }

    [Theory]
    [InlineData(VhxhAssignee)]
    [InlineData(VpHead)]
    [InlineData(Signer)]
    [InlineData(Stranger)]
    public void Review_NotTheAggregatingUnitHead_WrongRole(string actor) =>
        AssertRefused(_f.Workflow.Review(InState(ProposalState.Pending), actor, true, null), ProposalRules.WrongRole,
            RefusalKind.Forbidden);

    [Fact]
    public void Review_AggregatingUnitFromOptions_ThatUnitsHeadReviews()
    {
        var f = new ProposalFixture(new ProposalOptions { AggregatingUnitCode = "VP" });
        Assert.True(f.Workflow.Review(InState(ProposalState.Pending), VpHead, true, null).IsAccepted);
        AssertRefused(f.Workflow.Review(InState(ProposalState.Pending), VhxhHead, true, null), ProposalRules.WrongRole,
            RefusalKind.Forbidden);
    }

    [Theory]
    [InlineData(ProposalState.Submitted)]
    [InlineData(ProposalState.Approved)]
    [InlineData(ProposalState.Rejected)]
    [InlineData(ProposalState.Withdrawn)]
    public void Review_NotPending_IllegalTransition(ProposalState state) =>
        AssertRefused(_f.Workflow.Review(InState(state), VhxhHead, true, null), ProposalRules.IllegalTransition, RefusalKind.Conflict);

    [Fact]
    public void Decide_SignerApproves_ApprovedWithWhoAndWhen()
    {
        var p = _f.Workflow.Decide(InState(ProposalState.Submitted), Signer, approve: true, "Đồng ý.").Value;
        Assert.Equal(ProposalState.Approved, p.State);
        Assert.Equal((Signer, D(3, 2), "Đồng ý."), (p.DecidedBy, p.DecidedOn!.Value, p.DecisionNote));
    }

    [Fact]
    public void Decide_ConfiguredDeputyRejects_Rejected() =>
        Assert.Equal(ProposalState.Rejected, _f.Workflow.Decide(InState(ProposalState.Submitted), Deputy, approve: false,
            "Chưa phù hợp.").Value.State);

    [Fact]
    public void Decide_SignerFromOptionsWhenDirectoryHasNone_Decides()
    {
        var f = new ProposalFixture(new ProposalOptions { SignerEmail = "pct.khac@haian.example.vn" });
        Assert.True(f.Workflow.Decide(InState(ProposalState.Submitted), "pct.khac@haian.example.vn", true, null).IsAccepted);
        AssertRefused(f.Workflow.Decide(InState(ProposalState.Submitted), Deputy, true, null), ProposalRules.WrongRole,
            RefusalKind.Forbidden);
    }

    [Theory]
    [InlineData(VhxhHead)]
    [InlineData(VhxhAssignee)]
    [InlineData(Stranger)]
    public void Decide_NotSignerOrDeputy_WrongRole(string actor) =>
        AssertRefused(_f.Workflow.Decide(InState(ProposalState.Submitted), actor, true, null), ProposalRules.WrongRole,
            RefusalKind.Forbidden);

    [Theory]
    [InlineData(ProposalState.Pending)]
    [InlineData(ProposalState.Approved)]
    [InlineData(ProposalState.Rejected)]
    [InlineData(ProposalState.Withdrawn)]
    public void Decide_NotSubmitted_IllegalTransition(ProposalState state) =>
        AssertRefused(_f.Workflow.Decide(InState(state), Signer, true, null), ProposalRules.IllegalTransition, RefusalKind.Conflict);

    [Fact]
    public void Decide_ApproveExtensionWhoseDayHasPassed_ExtensionBeforeToday()
    {
        var f = new ProposalFixture(today: D(7, 1));
        AssertRefused(f.Workflow.Decide(InState(ProposalState.Submitted), Signer, true, null), ProposalRules.ExtensionBeforeToday,
            RefusalKind.Conflict);
        Assert.True(f.Workflow.Decide(InState(ProposalState.Submitted), Signer, false, null).IsAccepted);
    }

    [Theory]
    [InlineData(ProposalState.Pending)]
    [InlineData(ProposalState.Submitted)]
    public void Withdraw_ByPersonOfTheUnitWhileWaiting_WithdrawnAndKept(ProposalState state)
    {
        var p = _f.Workflow.Withdraw(InState(state), VhxhHead).Value;
        Assert.Equal(ProposalState.Withdrawn, p.State);
        Assert.Equal((VhxhHead, D(3, 2)), (p.WithdrawnBy, p.WithdrawnOn!.Value));
        Assert.Equal("DX-2026-0001", p.Id);
    }

    [Fact]
    public void Withdraw_ByAnotherUnit_WrongUnit() =>
        AssertRefused(_f.Workflow.Withdraw(InState(ProposalState.Pending), VpHead), ProposalRules.WrongUnit, RefusalKind.Forbidden);

    [Theory]
    [InlineData(ProposalState.Approved)]
    [InlineData(ProposalState.Rejected)]
    [InlineData(ProposalState.Withdrawn)]
    public void Withdraw_AfterDecision_IllegalTransition(ProposalState state) =>
        AssertRefused(_f.Workflow.Withdraw(InState(state), VhxhAssignee), ProposalRules.IllegalTransition, RefusalKind.Conflict);

    [Fact]
    public void Close_Approved_RecordsTheAmendingDecision()
    {
        var amendment = _f.Catalogue.Decision with { Number = "812/QĐ-UBND" };
        var p = _f.Workflow.Close(InState(ProposalState.Approved), amendment).Value;
        Assert.True(p.IsClosed);
        Assert.Equal(("812/QĐ-UBND", D(3, 2)), (p.ClosedByDecision, p.ClosedOn!.Value));
        AssertRefused(_f.Workflow.Close(p, amendment), ProposalRules.IllegalTransition, RefusalKind.Conflict);
    }

    [Fact]
    public void Close_NotApproved_IllegalTransition() =>
        AssertRefused(_f.Workflow.Close(InState(ProposalState.Submitted), _f.Catalogue.Decision), ProposalRules.IllegalTransition,
            RefusalKind.Conflict);

    [Fact]
    public void FullPath_ProposeReviewDecide_EachStepByItsPerson()
    {
        var p = _f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: "2026-06-30").Value;
        AssertRefused(_f.Workflow.Decide(p, Signer, true, null), ProposalRules.IllegalTransition, RefusalKind.Conflict);
        p = _f.Workflow.Review(p, VhxhHead, true, "Trình lãnh đạo.").Value;
        p = _f.Workflow.Decide(p, Signer, true, null).Value;
        Assert.Equal(ProposalState.Approved, p.State);
    }

    [Theory]
    [InlineData("extend", ProposalKind.Extend)]
    [InlineData("Gia hạn", ProposalKind.Extend)]
    [InlineData("GIA HẠN", ProposalKind.Extend)]
    [InlineData("change", ProposalKind.Change)]
    [InlineData("Sửa nội dung", ProposalKind.Change)]
    [InlineData("add", ProposalKind.Add)]
    [InlineData("Bổ sung", ProposalKind.Add)]
    [InlineData("remove", ProposalKind.Remove)]
    [InlineData("Bãi bỏ", ProposalKind.Remove)]
    public void TryParseKind_CodeOrWord_Kind(string text, ProposalKind expected)
    {
        Assert.True(ProposalCodes.TryParseKind(text, out var kind));
        Assert.Equal(expected, kind);
        Assert.True(ProposalCodes.TryParseKind(kind.ToCode(), out var back));
        Assert.Equal(kind, back);
    }

    [Fact]
    public void StateCodes_RoundTrip_AllStates()
    {
        Assert.Equal(["Chờ xem xét", "Đã trình", "Chấp thuận", "Không chấp thuận", "Đã rút"], ProposalCodes.StateWords);
        foreach (var state in Enum.GetValues<ProposalState>())
        {
            Assert.True(ProposalCodes.TryParseState(state.ToCode(), out var a));
            Assert.True(ProposalCodes.TryParseState(state.ToWord(), out var b));
            Assert.Equal((state, state), (a, b));
        }
    }
}
