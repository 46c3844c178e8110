using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class AmendmentDraftBuilderTests
{
    private readonly ProposalFixture _f = new();

    private static Proposal Ok(string id, string unit, string? task, ProposalKind kind, DateOnly? lastDay = null, string? text = null) =>
        Recorded(id, unit, task, kind, ProposalState.Approved, lastDay, text) with { DecidedBy = Signer, DecidedOn = D(3, 10) };

    [Fact]
    public void Build_ExtensionAndChangeOfOneTask_OneRowWithBothChanges()
    {
        var draft = AmendmentDraftBuilder.Build(_f.Catalogue,
            [Ok("DX-2026-0002", "VHXH", "2.4", ProposalKind.Change, text: "Nội dung mới."), Ok("DX-2026-0001", "VHXH", "2.4",
                ProposalKind.Extend, D(6, 30))],
            _f.Authority);
        var row = Assert.Single(draft.Rows);
        Assert.Equal("2.4", row.Number);
        Assert.Equal(("Quý I/2026", "Hoàn thành trước 1/7/2026"), (row.TimeFrame.Old, row.TimeFrame.New));
        Assert.Equal("Nội dung mới.", row.Task.New);
        Assert.False(row.Lead.IsChanged);
        Assert.Equal(["DX-2026-0001", "DX-2026-0002"], row.ProposalIds);
        Assert.False(row.IsRemoved || row.IsAdded);
        Assert.Equal("673/QĐ-UBND", draft.Amends.Number);
    }

    [Fact]
    public void Build_RemoveAndAdd_RemovedRowInCatalogueOrderAddedRowsLast()
    {
        var draft = AmendmentDraftBuilder.Build(_f.Catalogue,
        [
            Ok("DX-2026-0003", "KTHTDT", null, ProposalKind.Add, text: "Việc mới thứ nhất."),
            Ok("DX-2026-0004", "VP", null, ProposalKind.Add, text: "Việc mới thứ hai."),
            Ok("DX-2026-0001", "VHXH", "3.5.b", ProposalKind.Remove),
            Ok("DX-2026-0002", "VP", "1.2", ProposalKind.Remove),
        ], _f.Authority);
        Assert.Equal(["1.2", "3.5.b", "Bổ sung 1", "Bổ sung 2"], draft.Rows.Select(r => r.Number));
        Assert.True(draft.Rows[0].IsRemoved);
        Assert.Null(draft.Rows[0].TimeFrame.New);
        Assert.True(draft.Rows[2].IsAdded);
        Assert.Equal(("Việc mới thứ nhất.", "Phòng Kinh tế, Hạ tầng và Đô thị"), (draft.Rows[2].Task.New, draft.Rows[2].Lead.New));
    }

    [Fact]
    public void Build_NotApprovedOrClosed_Left()
    {
        var draft = AmendmentDraftBuilder.Build(_f.Catalogue,
        [
            Ok("DX-2026-0001", "VHXH", "3.5.b", ProposalKind.Remove) with { State = ProposalState.Submitted },
            Ok("DX-2026-0002", "VHXH", "3.5.b", ProposalKind.Remove) with { ClosedByDecision = "812/QĐ-UBND" },
        ], _f.Authority);
        Assert.Empty(draft.Rows);
    }
}
