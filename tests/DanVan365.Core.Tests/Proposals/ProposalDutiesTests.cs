using DanVan365.Core.Escalation;
using DanVan365.Core.Proposals;
using DanVan365.Core.Units;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

/// <summary>Separation of duties: nobody reviews or decides their own proposal, and the reviewer does not also decide it.</summary>
public class ProposalDutiesTests
{
    private const string HeadObjectId = "5b1f0c2e-7a3d-4e8f-9b6a-1c2d3e4f5a6b";
    private const string HeadAlias = "hong.pham@haian.example.vn";

    private static Proposal Pending(string proposer) =>
        Recorded("DX-2026-0001", "VHXH", "2.4", ProposalKind.Extend, ProposalState.Pending, D(6, 30)) with { ProposedBy = proposer };

    private static Proposal Submitted(string proposer, string reviewer) => Pending(proposer) with
    {
        State = ProposalState.Submitted,
        ReviewedBy = reviewer,
        ReviewedOn = D(3, 2),
    };

    private static void AssertRefused(ProposalOutcome outcome, string code)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Equal((code, RefusalKind.Forbidden), (outcome.Refusal!.Code, outcome.Refusal.Kind));
        Assert.Contains("tách bạch nhiệm vụ", outcome.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Review_ReviewerMadeTheProposal_OwnProposal(bool forward)
    {
        var f = new ProposalFixture();
        AssertRefused(f.Workflow.Review(Pending(VhxhHead), VhxhHead.ToUpperInvariant(), forward, null), ProposalRules.OwnProposal);
        Assert.False(f.Authority.MayReview(Pending(VhxhHead), VhxhHead));
    }

    [Fact]
    public void Review_ProposedUnderAnotherAddressWithTheSameObjectId_OwnProposal()
    {
        var f = WithObjectIds();
        AssertRefused(f.Workflow.Review(Pending(HeadAlias), VhxhHead, forward: true, null), ProposalRules.OwnProposal);
    }

    [Fact]
    public void Review_AnotherPersonsProposal_Forwarded()
    {
        var f = WithObjectIds();
        Assert.Equal(ProposalState.Submitted, f.Workflow.Review(Pending(VhxhAssignee), VhxhHead, forward: true, null).Value.State);
        Assert.True(f.Authority.MayReview(Pending(VhxhAssignee), VhxhHead));
    }

    [Fact]
    public void Decide_ReviewerIsAlsoADeputy_ReviewerDecidesNamingTheSigner()
    {
        var f = new ProposalFixture(new ProposalOptions { DeputyEmails = [VhxhHead] });
        var outcome = f.Workflow.Decide(Submitted(VhxhAssignee, VhxhHead), VhxhHead, approve: true, null);
        AssertRefused(outcome, ProposalRules.ReviewerDecides);
        Assert.Contains("Bùi Quang Ngân", outcome.Refusal!.Message, StringComparison.Ordinal);
        Assert.True(f.Workflow.Decide(Submitted(VhxhAssignee, VhxhHead), Signer, approve: true, null).IsAccepted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_SignerReviewedWithADeputyConfigured_RefusedAndTheDeputyDecides(bool approve)
    {
        var f = new ProposalFixture(new ProposalOptions { SignerEmail = VhxhHead, DeputyEmails = [Deputy] });
        AssertRefused(f.Workflow.Decide(Submitted(VhxhAssignee, VhxhHead), VhxhHead, approve, null), ProposalRules.ReviewerDecides);
        Assert.Equal([Deputy], f.Authority.IndependentDeciders(Submitted(VhxhAssignee, VhxhHead)));
        var decided = f.Workflow.Decide(Submitted(VhxhAssignee, VhxhHead), Deputy, approve, null).Value;
        Assert.Equal((approve ? ProposalState.Approved : ProposalState.Rejected, Deputy), (decided.State, decided.DecidedBy));
    }

    [Fact]
    public void Decide_OnlyDeciderIsTheReviewerAndNoDeputy_RefusedAskingForADeputy()
    {
        var f = new ProposalFixture(new ProposalOptions { SignerEmail = VhxhHead });
        var outcome = f.Workflow.Decide(Submitted(VhxhAssignee, VhxhHead), VhxhHead, approve: true, null);
        AssertRefused(outcome, ProposalRules.ReviewerDecides);
        Assert.Contains("chưa có người được ủy quyền quyết định thay", outcome.Refusal!.Message, StringComparison.Ordinal);
        Assert.Empty(f.Authority.IndependentDeciders(Submitted(VhxhAssignee, VhxhHead)));
    }

    [Fact]
    public void Decide_DeciderMadeTheProposal_OwnProposal()
    {
        var f = new ProposalFixture(new ProposalOptions());
        var outcome = f.Workflow.Decide(Submitted(Signer, VhxhHead), Signer, approve: true, null);
        AssertRefused(outcome, ProposalRules.OwnProposal);
        Assert.Contains("chưa có người được ủy quyền", outcome.Refusal!.Message, StringComparison.Ordinal);
        Assert.False(f.Authority.MayDecide(Submitted(Signer, VhxhHead), Signer));
    }

    [Fact]
    public void Decide_ReviewedUnderAnotherAddressWithTheSameObjectId_ReviewerDecides()
    {
        var f = WithObjectIds(new ProposalOptions { DeputyEmails = [HeadAlias] });
        AssertRefused(f.Workflow.Decide(Submitted(VhxhAssignee, VhxhHead), HeadAlias, approve: false, null), ProposalRules.ReviewerDecides);
        Assert.True(f.Authority.MayDecide(Submitted(VhxhAssignee, VhxhHead), Signer));
    }

    [Fact]
    public void RemindersPlan_ReviewerIsAlsoADeputy_OnlyTheSignerRemindedToDecide()
    {
        var f = new ProposalFixture(new ProposalOptions { DeputyEmails = [VhxhHead] });
        var plan = ProposalReminders.Plan([Submitted(VhxhAssignee, VhxhHead)], f.Authority, WorkingCalendar.WeekdaysOnly,
            f.Options, D(3, 10), new HashSet<string>());
        Assert.Equal([Signer], plan.Reminders.Select(r => r.Recipient.Address));
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void RemindersPlan_OnlyDeciderReviewedItAndNoDeputy_NoReminderAndAProblem()
    {
        var f = new ProposalFixture(new ProposalOptions { SignerEmail = VhxhHead });
        var plan = ProposalReminders.Plan([Submitted(VhxhAssignee, VhxhHead)], f.Authority, WorkingCalendar.WeekdaysOnly,
            f.Options, D(3, 10), new HashSet<string>());
        Assert.Empty(plan.Reminders);
        Assert.Contains("DX-2026-0001", Assert.Single(plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void IsSamePerson_DifferentAddressesWithoutObjectIds_NotTheSame()
    {
        var f = new ProposalFixture();
        Assert.False(f.Authority.IsSamePerson(VhxhHead, HeadAlias));
        Assert.True(f.Authority.IsSamePerson(VhxhHead, " " + VhxhHead.ToUpperInvariant()));
        Assert.False(f.Authority.IsSamePerson(null, null));
    }

    /// <summary>The fixture's directory with the aggregating unit's head known under a second address with the same object id.</summary>
    private static ProposalFixture WithObjectIds(ProposalOptions? options = null)
    {
        var d = Directory();
        var people = d.People.Select(p => p.Email == VhxhHead ? p with { ObjectId = HeadObjectId } : p)
            .Append(new Person(HeadAlias, "Phạm Thị Hồng", null, PersonRoles.Member, null, HeadObjectId.ToUpperInvariant()))
            .ToList();
        return new ProposalFixture(options, units: new UnitDirectory(d.Units, d.Groups, d.Rules, people));
    }
}
