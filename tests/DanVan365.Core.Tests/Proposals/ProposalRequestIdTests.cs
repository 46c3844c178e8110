using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

/// <summary>A client request id makes a repeated propose give back the recorded proposal instead of a second one.</summary>
public class ProposalRequestIdTests
{
    private const string RequestId = "0e6f3c1a-5b2d-4c8e-9f7a-2b3c4d5e6f70";
    private const string Reason = "Cần thêm thời gian do chờ hướng dẫn của thành phố.";
    private readonly ProposalFixture _f = new();

    private ProposalOutcome Propose(string actor, string lastDay, IReadOnlyList<Proposal> existing, string? requestId = RequestId) =>
        _f.Workflow.Propose(new ProposalRequest("VHXH", "2.4", "extend", null, lastDay, Reason, requestId), actor, existing);

    [Fact]
    public void Propose_NewRequestId_AcceptedCarryingIt()
    {
        var outcome = Propose(VhxhAssignee, "2026-06-30", [], " " + RequestId + " ");
        Assert.False(outcome.IsRepeated);
        Assert.Equal(("DX-2026-0001", RequestId), (outcome.Value.Id, outcome.Value.RequestId));
    }

    [Fact]
    public void Propose_SameRequestIdSamePersonSameContent_RepeatedRecordedProposal()
    {
        var first = Propose(VhxhAssignee, "2026-06-30", []).Value with { State = ProposalState.Submitted };
        var again = Propose(VhxhAssignee.ToUpperInvariant(), "2026-06-30", [first]);
        Assert.True(again.IsAccepted && again.IsRepeated);
        Assert.Same(first, again.Value);
    }

    [Fact]
    public void Propose_SameRequestIdOtherContent_RequestIdReused()
    {
        var first = Propose(VhxhAssignee, "2026-06-30", []).Value;
        var again = Propose(VhxhAssignee, "2026-07-31", [first]);
        Assert.Equal((ProposalRules.RequestIdReused, RefusalKind.Conflict), (again.Refusal!.Code, again.Refusal.Kind));
        Assert.Contains(first.Id, again.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_SameRequestIdOtherPerson_RequestIdReused()
    {
        var first = Propose(VhxhAssignee, "2026-06-30", []).Value;
        Assert.Equal(ProposalRules.RequestIdReused, Propose(VhxhHead, "2026-06-30", [first]).Refusal!.Code);
    }

    [Fact]
    public void Propose_NoRequestId_SecondProposalFiled()
    {
        var first = Propose(VhxhAssignee, "2026-06-30", [], requestId: null).Value;
        var second = Propose(VhxhAssignee, "2026-06-30", [first], requestId: null);
        Assert.Equal(("DX-2026-0002", null), (second.Value.Id, second.Value.RequestId));
        Assert.False(second.IsRepeated);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("mã yêu cầu")]
    [InlineData("a/b")]
    public void Propose_MalformedRequestId_InvalidRequestId(string requestId)
    {
        var refusal = Propose(VhxhAssignee, "2026-06-30", [], requestId).Refusal!;
        Assert.Equal((ProposalRules.InvalidRequestId, RefusalKind.BadInput), (refusal.Code, refusal.Kind));
    }

    [Fact]
    public void Propose_RequestIdOfOneHundredAndOneCharacters_InvalidRequestId() =>
        Assert.Equal(ProposalRules.InvalidRequestId, Propose(VhxhAssignee, "2026-06-30", [], new string('a', 101)).Refusal!.Code);
}
