using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class ProposalRowsTests
{
    private static readonly Proposal Full = Recorded("DX-2026-0001", "VHXH", "2.4", ProposalKind.Extend, ProposalState.Approved, D(6,
        30)) with
    {
        ReviewNote = "Đề nghị chấp thuận.",
        ReviewedBy = VhxhHead,
        ReviewedOn = D(3, 3),
        DecisionNote = "Đồng ý.",
        DecidedBy = Signer,
        DecidedOn = D(3, 4),
        ClosedByDecision = "812/QĐ-UBND",
        ClosedOn = D(4, 1),
        RequestId = "3f2b8c1e-0d4a-4e7b-9a51-6c2d8e9f0a17",
    };

    [Fact]
    public void ToFields_FullProposal_CanonicalValuesInSchemaColumns()
    {
        var fields = ProposalRows.ToFields(Full);
        var columns = SiteSchema.Proposals.Columns.Select(c => c.Name).Append(SiteSchema.Title).ToHashSet();
        Assert.All(fields.Keys, k => Assert.Contains(k, columns));
        Assert.Equal("DX-2026-0001 · Gia hạn 2.4 · VHXH", fields[SiteSchema.Title]);
        Assert.Equal(("Gia hạn", "Chấp thuận", "2026-06-30"), (fields["Kind"], fields["State"], fields["ProposedLastDay"]));
        Assert.Null(fields["ProposedText"]);
    }

    [Fact]
    public void TryFromFields_WhatToFieldsWrote_SameProposal()
    {
        var fields = new Dictionary<string, string?>(ProposalRows.ToFields(Full)) { ["DecidedOn"] = "2026-03-04T00:00:00Z" };
        Assert.True(ProposalRows.TryFromFields(fields, out var back, out var problem), problem);
        Assert.Equal(Full, back);
    }

    [Fact]
    public void TryFromFields_NewTaskWithCodes_Read()
    {
        var fields = new Dictionary<string, string?>(ProposalRows.ToFields(
            Recorded("DX-2026-0002", "VP", null, ProposalKind.Add, ProposalState.Pending, text: "Việc mới")))
        {
            ["Kind"] = "add",
            ["State"] = "pending",
        };
        Assert.True(ProposalRows.TryFromFields(fields, out var back, out _));
        Assert.Equal((null, ProposalKind.Add, ProposalState.Pending), (back!.TaskCode, back.Kind, back.State));
    }

    [Theory]
    [InlineData("Reason", null, "Lý do")]
    [InlineData("Kind", "Hoãn", "loại đề xuất")]
    [InlineData("State", "Đang xử lý", "trạng thái")]
    [InlineData("ReviewedOn", "3/3/2026", "Ngày xem xét")]
    public void TryFromFields_BadRow_ProblemNamesTheColumn(string column, string? value, string named)
    {
        var fields = new Dictionary<string, string?>(ProposalRows.ToFields(Full)) { [column] = value };
        Assert.False(ProposalRows.TryFromFields(fields, out var back, out var problem));
        Assert.Null(back);
        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.Contains("DX-2026-0001", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRows_OneBadRow_ReportedOthersRead()
    {
        var good = new CurrentRow("1", "DX-2026-0001", null, ProposalRows.ToFields(Full));
        var bad = new CurrentRow("2", "DX-2026-0002", null, new Dictionary<string, string?> { ["ProposalId"] = "DX-2026-0002" });
        var (proposals, problems) = ProposalRows.FromRows([good, bad]);
        Assert.Equal("DX-2026-0001", Assert.Single(proposals).Id);
        Assert.Contains("DX-2026-0002", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void ProposalsList_KeyColumn_UniqueIndexedProposalIdAndProvisioned()
    {
        var list = SiteSchema.Proposals;
        Assert.Equal(("proposals", "Đề xuất điều chỉnh", "ProposalId"), (list.Key, list.DisplayName, list.KeyColumn));
        var key = list.Column("ProposalId");
        Assert.True(key.Unique && key.Indexed);
        Assert.Contains(list, SiteSchema.All);
        Assert.Equal(ProposalCodes.KindWords, list.Column("Kind").Choices);
        Assert.Equal(ProposalCodes.StateWords, list.Column("State").Choices);
    }

    [Fact]
    public void ProposalsList_RequestIdColumn_UniqueIndexedAndWritten()
    {
        var column = SiteSchema.Proposals.Column(ProposalColumns.RequestId);
        Assert.True(column.Unique && column.Indexed);
        Assert.Equal(Full.RequestId, ProposalRows.ToFields(Full)[ProposalColumns.RequestId]);
    }
}
