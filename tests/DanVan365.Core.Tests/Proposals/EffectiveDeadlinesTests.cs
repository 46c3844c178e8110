using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class EffectiveDeadlinesTests
{
    private readonly ProposalFixture _f = new();

    private EffectiveDeadline Of(IEnumerable<Proposal> proposals, string key) =>
        EffectiveDeadlines.ByAssignment(_f.Catalogue, proposals)[key];

    [Fact]
    public void Compute_NoProposals_EveryAssignmentKeepsTheDecisionsDay()
    {
        var all = EffectiveDeadlines.Compute(_f.Catalogue, []);
        Assert.Equal(_f.Catalogue.WorkItems.Sum(t => t.Lead.Units.Count), all.Count);
        Assert.All(all, d => Assert.Equal(d.DecisionLastDay, d.EffectiveLastDay));
        Assert.All(all, d => Assert.False(d.IsExtended));
        Assert.Null(Of([], "1.1|VP").EffectiveLastDay);
        Assert.Equal(D(3, 31), Of([], "2.4|VHXH").EffectiveLastDay);
    }

    [Fact]
    public void Compute_ApprovedExtensionOfALeadUnit_OnlyThatAssignmentMoves()
    {
        Proposal[] approved = [Approved("DX-2026-0001", "VP", "1.2", D(4, 30), D(3, 2))];
        var vp = Of(approved, "1.2|VP");
        Assert.Equal((D(2, 14), D(4, 30)), (vp.DecisionLastDay!.Value, vp.EffectiveLastDay!.Value));
        Assert.Equal("DX-2026-0001", vp.Extension!.Id);
        Assert.Equal(D(2, 14), Of(approved, "1.2|VHXH").EffectiveLastDay);
    }

    [Fact]
    public void Compute_ApprovedExtensionOfACoordinatingUnit_EveryLeadAssignmentMoves()
    {
        Proposal[] approved = [Approved("DX-2026-0001", "BXDD", "1.2", D(4, 30), D(3, 2))];
        Assert.All(EffectiveDeadlines.Compute(_f.Catalogue, approved).Where(d => d.TaskCode == "1.2"),
            d => Assert.Equal(D(4, 30), d.EffectiveLastDay));
    }

    [Theory]
    [InlineData(ProposalState.Pending)]
    [InlineData(ProposalState.Submitted)]
    [InlineData(ProposalState.Rejected)]
    [InlineData(ProposalState.Withdrawn)]
    public void Compute_ExtensionNotApproved_Ignored(ProposalState state)
    {
        Proposal[] proposals = [Recorded("DX-2026-0001", "VHXH", "2.4", ProposalKind.Extend, state, D(6, 30))];
        Assert.Equal(D(3, 31), Of(proposals, "2.4|VHXH").EffectiveLastDay);
    }

    [Fact]
    public void Compute_ClosedByAmendment_DecisionDayGovernsAgain()
    {
        var closed = Approved("DX-2026-0001", "VHXH", "2.4", D(6, 30), D(3, 2)) with { ClosedByDecision = "812/QĐ-UBND" };
        Assert.Equal(D(3, 31), Of([closed], "2.4|VHXH").EffectiveLastDay);
    }

    [Fact]
    public void Compute_DecisionDayAlreadyLater_Ignored()
    {
        Proposal[] approved = [Approved("DX-2026-0001", "VHXH", "2.4", D(3, 15), D(3, 2))];
        Assert.False(Of(approved, "2.4|VHXH").IsExtended);
    }

    [Fact]
    public void Compute_TwoApprovedExtensions_LatestDecidedWins()
    {
        Proposal[] approved =
        [
            Approved("DX-2026-0003", "VHXH", "2.4", D(9, 30), D(3, 5)),
            Approved("DX-2026-0001", "VHXH", "2.4", D(6, 30), D(4, 1)),
        ];
        Assert.Equal(D(6, 30), Of(approved, "2.4|VHXH").EffectiveLastDay);
    }

    [Fact]
    public void CurrentLastDay_CoordinatingUnit_LatestOfTheLeadAssignments()
    {
        Proposal[] approved = [Approved("DX-2026-0001", "VP", "1.2", D(4, 30), D(3, 2))];
        Assert.Equal(D(4, 30), EffectiveDeadlines.CurrentLastDay(_f.Catalogue, approved, "1.2", "BXDD"));
        Assert.Equal(D(2, 14), EffectiveDeadlines.CurrentLastDay(_f.Catalogue, approved, "1.2", "KTHTDT"));
    }

    [Fact]
    public void ExtensionPhrase_Extended_DateAndDecidersCapacityAndName()
    {
        var d = Of([Approved("DX-2026-0001", "VHXH", "2.4", D(6, 30), D(3, 2))], "2.4|VHXH");
        Assert.Equal("gia hạn đến 30/06/2026 theo ý kiến của Phó Chủ tịch Ủy ban nhân dân phường Bùi Quang Ngân",
            EffectiveDeadlines.ExtensionPhrase(d, _f.Authority));
        Assert.Equal("31/03/2026 (gia hạn đến 30/06/2026 theo ý kiến của Phó Chủ tịch Ủy ban nhân dân phường Bùi Quang Ngân)",
            EffectiveDeadlines.DeadlineText(d, _f.Authority));
    }

    [Fact]
    public void ExtensionPhrase_DecidedByDeputy_DeputysCapacity()
    {
        var approved = Approved("DX-2026-0001", "VHXH", "2.4", D(6, 30), D(3, 2)) with { DecidedBy = Deputy };
        Assert.Equal("gia hạn đến 30/06/2026 theo ý kiến của Chủ tịch Ủy ban nhân dân phường Lê Văn Chủ",
            EffectiveDeadlines.ExtensionPhrase(Of([approved], "2.4|VHXH"), _f.Authority));
    }

    [Fact]
    public void ExtensionPhrase_NotExtended_NullAndDecisionDayOnly()
    {
        var d = Of([], "2.4|VHXH");
        Assert.Null(EffectiveDeadlines.ExtensionPhrase(d, _f.Authority));
        Assert.Equal("31/03/2026", EffectiveDeadlines.DeadlineText(d, _f.Authority));
    }
}
