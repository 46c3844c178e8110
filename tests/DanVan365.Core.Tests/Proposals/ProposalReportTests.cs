using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class ProposalReportTests
{
    private static readonly ReportRound Round1 = new(1, "trước ngày 15/9/2026", D(9, 14), false);
    private static readonly ReportRound Round2 = new(2, "trước ngày 20/11/2026", D(11, 19), false);
    private readonly ProposalFixture _f = new();

    [Fact]
    public void ForRound_FirstRound_ProposalsUpToItsLastDayByUnitThenId()
    {
        Proposal[] proposals =
        [
            Recorded("DX-2026-0002", "VHXH", "2.4", ProposalKind.Extend, ProposalState.Submitted, D(6, 30), proposedOn: D(3,
                2)) with { ReviewNote = "Đề nghị chấp thuận." },
            Recorded("DX-2026-0001", "VP", null, ProposalKind.Add, ProposalState.Pending, text: "Nhiệm vụ mới.", proposedOn: D(3, 2)),
            Recorded("DX-2026-0003", "VP", "1.2", ProposalKind.Remove, ProposalState.Pending, proposedOn: D(9, 15)),
        ];
        var lines = ProposalReport.ForRound(proposals, Round1, null, _f.Authority);
        Assert.Equal(["DX-2026-0001", "DX-2026-0002"], lines.Select(l => l.Id));
        Assert.Equal("Văn phòng HĐND và UBND phường", lines[0].UnitName);
        Assert.Equal("Bổ sung nhiệm vụ: Nhiệm vụ mới.", lines[0].Summary);
        Assert.Equal(("Gia hạn", "Gia hạn nhiệm vụ 2.4 đến 30/06/2026", "Đã trình", "Đề nghị chấp thuận."),
            (lines[1].Kind, lines[1].Summary, lines[1].State, lines[1].Note));
    }

    [Fact]
    public void ForRound_SecondRound_NewOnesActedOnOnesAndStillOpenOnes()
    {
        Proposal[] proposals =
        [
            Recorded("DX-2026-0001", "VP", "1.2", ProposalKind.Remove, ProposalState.Rejected, proposedOn: D(3, 2)) with { ReviewedOn = D(3,
                5) },
            Recorded("DX-2026-0002", "VP", "1.2", ProposalKind.Remove, ProposalState.Pending, proposedOn: D(3, 2)),
            Recorded("DX-2026-0003", "VP", "1.2", ProposalKind.Remove, ProposalState.Approved, proposedOn: D(3, 2))
                with { DecidedOn = D(10, 1), DecisionNote = "Đồng ý.", ClosedByDecision = "812/QĐ-UBND", ClosedOn = D(10, 20) },
            Recorded("DX-2026-0004", "VHXH", "2.4", ProposalKind.Remove, ProposalState.Withdrawn, proposedOn: D(10, 2)),
        ];
        var lines = ProposalReport.ForRound(proposals, Round2, Round1, _f.Authority);
        Assert.Equal(["DX-2026-0002", "DX-2026-0003", "DX-2026-0004"], lines.Select(l => l.Id));
        Assert.Equal("Chấp thuận (đã thực hiện theo Quyết định số 812/QĐ-UBND)", lines[1].State);
        Assert.Equal("Đồng ý.", lines[1].Note);
        Assert.Equal("Đã rút", lines[2].State);
    }

    [Fact]
    public void Summary_EachKind_VietnameseSentence()
    {
        Assert.Equal("Sửa nội dung nhiệm vụ 2.4: Nội dung mới.",
            ProposalReport.Summary(Recorded("X", "VHXH", "2.4", ProposalKind.Change, ProposalState.Pending, text: "Nội dung mới.")));
        Assert.Equal("Bãi bỏ nhiệm vụ 3.5.b", ProposalReport.Summary(Recorded("X", "VHXH", "3.5.b", ProposalKind.Remove,
            ProposalState.Pending)));
        Assert.Equal("Bổ sung nhiệm vụ: Việc mới, hoàn thành trước 01/10/2026",
            ProposalReport.Summary(Recorded("X", "VHXH", null, ProposalKind.Add, ProposalState.Pending, D(9, 30), "Việc mới")));
    }
}
