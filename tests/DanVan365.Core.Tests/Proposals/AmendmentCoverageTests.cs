using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class AmendmentCoverageTests
{
    private const string NewWording = "Ban hành kế hoạch thực hiện mô hình “Chính quyền thân thiện” năm 2026.";
    private const string NewTask = "Tuyên truyền vận động người dân tham gia chỉnh trang đô thị.";
    private readonly ProposalFixture _f = new();

    private static Proposal Ok(string id, string? task, ProposalKind kind, DateOnly? lastDay = null, string? text = null) =>
        Recorded(id, "VHXH", task, kind, ProposalState.Approved, lastDay, text) with { DecidedBy = Signer, DecidedOn = D(3, 2) };

    /// <summary>The sample re-issued as 812/QĐ-UBND: 2.4 reworded and extended to 30/06, 3.5.b dropped, a new task 2.5.</summary>
    private TaskCatalogue Amended()
    {
        var tasks = _f.Catalogue.Tasks
            .Where(t => t.Code != "3.5.b")
            .Select(t => t.Code == "2.4"
                ? t with { Title = NewWording, TimeFrame = new TimeFrame("Hoàn thành trước 01/7/2026", TimeFrameKind.Before, D(6, 30)) }
                : t)
            .ToList();
        var template = tasks.Single(t => t.Code == "2.2");
        tasks.Add(template with { Code = "2.5", Title = NewTask });
        return _f.Catalogue with { Decision = _f.Catalogue.Decision with { Number = "812/QĐ-UBND" }, Tasks = tasks };
    }

    [Fact]
    public void Covered_EachKindCarriedOut_Covered()
    {
        Proposal[] approved =
        [
            Ok("DX-2026-0001", "2.4", ProposalKind.Extend, D(6, 30)),
            Ok("DX-2026-0002", "2.4", ProposalKind.Change, text: NewWording.Normalize(System.Text.NormalizationForm.FormD)),
            Ok("DX-2026-0003", null, ProposalKind.Add, text: "  " + NewTask),
            Ok("DX-2026-0004", "3.5.b", ProposalKind.Remove),
        ];
        Assert.Equal(["DX-2026-0001", "DX-2026-0002", "DX-2026-0003", "DX-2026-0004"], AmendmentCoverage.Covered(Amended(),
            approved).Select(p => p.Id));
    }

    [Fact]
    public void Covered_NotCarriedOut_NotCovered()
    {
        Proposal[] approved =
        [
            Ok("DX-2026-0001", "2.4", ProposalKind.Extend, D(7, 31)),
            Ok("DX-2026-0002", "1.2", ProposalKind.Change, text: NewWording),
            Ok("DX-2026-0003", null, ProposalKind.Add, text: "Một nhiệm vụ khác chưa được bổ sung."),
            Ok("DX-2026-0004", "3.5.a", ProposalKind.Remove),
            Ok("DX-2026-0005", "1.2", ProposalKind.Extend, D(4, 30)),
        ];
        Assert.Empty(AmendmentCoverage.Covered(Amended(), approved));
    }

    [Fact]
    public void Covered_NotApprovedOrAlreadyClosed_NeverCovered()
    {
        Proposal[] proposals =
        [
            Ok("DX-2026-0001", "3.5.b", ProposalKind.Remove) with { State = ProposalState.Submitted },
            Ok("DX-2026-0002", "3.5.b", ProposalKind.Remove) with { State = ProposalState.Rejected },
            Ok("DX-2026-0003", "3.5.b", ProposalKind.Remove) with { ClosedByDecision = "700/QĐ-UBND" },
        ];
        Assert.Empty(AmendmentCoverage.Covered(Amended(), proposals));
    }

    [Fact]
    public void Close_Covered_MarkedDoneByTheAmendingDecision()
    {
        Proposal[] approved = [Ok("DX-2026-0004", "3.5.b", ProposalKind.Remove), Ok("DX-2026-0005", "1.2", ProposalKind.Remove)];
        var closed = Assert.Single(AmendmentCoverage.Close(Amended(), approved, _f.Workflow));
        Assert.Equal(("DX-2026-0004", "812/QĐ-UBND", D(3, 2)), (closed.Id, closed.ClosedByDecision, closed.ClosedOn!.Value));
        Assert.Equal(ProposalState.Approved, closed.State);
    }
}
