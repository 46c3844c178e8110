using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class ProposalWorkflowTests
{
    private readonly ProposalFixture _f = new();

    private static void AssertRefused(ProposalOutcome outcome, string code, RefusalKind kind)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Null(outcome.Proposal);
        Assert.Equal(code, outcome.Refusal!.Code);
        Assert.Equal(kind, outcome.Refusal.Kind);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Refusal.Message));
    }

    [Fact]
    public void Propose_ExtensionByLeadUnitAssignee_PendingWithIdAndToday()
    {
        var outcome = _f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: "2026-06-30");

        Assert.True(outcome.IsAccepted, outcome.Refusal?.ToString());
        var p = outcome.Value;
        Assert.Equal("DX-2026-0001", p.Id);
        Assert.Equal(("VHXH", "2.4", ProposalKind.Extend, ProposalState.Pending), (p.UnitCode, p.TaskCode, p.Kind, p.State));
        Assert.Equal(D(6, 30), p.ProposedLastDay);
        Assert.Equal(D(3, 2), p.ProposedOn);
        Assert.Equal(VhxhAssignee, p.ProposedBy);
        Assert.Null(p.ProposedText);
    }

    [Fact]
    public void Propose_UnitHeadForCoordinatedTask_Accepted()
    {
        var outcome = _f.Propose(VpHead, "VP", "2.4", "Sửa nội dung",
            text: "Ban hành kế hoạch thực hiện mô hình “Chính quyền thân thiện” năm 2026.");
        Assert.True(outcome.IsAccepted, outcome.Refusal?.ToString());
        Assert.Equal(ProposalKind.Change, outcome.Value.Kind);
    }

    [Fact]
    public void Propose_NewTaskWithoutCode_Accepted()
    {
        var outcome = _f.Propose(KtAssignee, "KTHTDT", null, "add", text: "Tuyên truyền vận động người dân tham gia chỉnh trang đô thị.",
            lastDay: "2026-09-30");
        Assert.True(outcome.IsAccepted, outcome.Refusal?.ToString());
        Assert.Null(outcome.Value.TaskCode);
        Assert.Equal(D(9, 30), outcome.Value.ProposedLastDay);
    }

    [Fact]
    public void Propose_IdAfterExisting_NextNumberOfTheYear()
    {
        Proposal[] existing =
        [
            Recorded("DX-2026-0001", "VP", "1.2", ProposalKind.Remove, ProposalState.Pending),
            Recorded("DX-2026-0007", "VP", "1.2", ProposalKind.Remove, ProposalState.Withdrawn),
            Recorded("DX-2025-0042", "VP", "1.2", ProposalKind.Remove, ProposalState.Rejected),
        ];
        var outcome = _f.Propose(VpAssignee, "VP", "1.2", "remove", existing: existing);
        Assert.Equal("DX-2026-0008", outcome.Value.Id);
    }

    [Fact]
    public void Propose_ActorOfAnotherUnit_WrongUnit()
    {
        AssertRefused(_f.Propose(KtAssignee, "VHXH", "2.4", "extend", lastDay: "2026-06-30"), ProposalRules.WrongUnit,
            RefusalKind.Forbidden);
        AssertRefused(_f.Propose(Stranger, "VHXH", "2.4", "extend", lastDay: "2026-06-30"), ProposalRules.WrongUnit, RefusalKind.Forbidden);
        AssertRefused(_f.Propose(Signer, "VHXH", "2.4", "extend", lastDay: "2026-06-30"), ProposalRules.WrongUnit, RefusalKind.Forbidden);
    }

    [Fact]
    public void Propose_TaskNeitherLedNorCoordinated_TaskNotOfUnit()
    {
        var outcome = _f.Propose(KtAssignee, "KTHTDT", "3.5.b", "extend", lastDay: "2026-06-30");
        AssertRefused(outcome, ProposalRules.TaskNotOfUnit, RefusalKind.Forbidden);
        Assert.Contains("3.5.b", outcome.Refusal!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9.9")]
    [InlineData("3.5")]
    public void Propose_UnknownOrHeadingTask_UnknownTask(string code) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", code, "remove"), ProposalRules.UnknownTask, RefusalKind.BadInput);

    [Fact]
    public void Propose_UnknownUnit_UnknownUnit() =>
        AssertRefused(_f.Propose(VhxhAssignee, "XYZ", "2.4", "remove"), ProposalRules.UnknownUnit, RefusalKind.BadInput);

    [Fact]
    public void Propose_ExtensionEarlierThanToday_ExtensionBeforeToday()
    {
        var outcome = _f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: "2026-03-01");
        AssertRefused(outcome, ProposalRules.ExtensionBeforeToday, RefusalKind.BadInput);
        Assert.Contains("01/03/2026", outcome.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_ExtensionTodayOnAnOverdueTask_Accepted()
    {
        // 1.2's last day (14/02/2026) is past; today is a valid new last day.
        Assert.True(_f.Propose(VpAssignee, "VP", "1.2", "extend", lastDay: "2026-03-02").IsAccepted);
    }

    [Theory]
    [InlineData("2026-03-31")]
    [InlineData("2026-03-20")]
    public void Propose_ExtensionNotLaterThanLastDay_ExtensionNotLater(string day) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: day), ProposalRules.ExtensionNotLater,
            RefusalKind.BadInput);

    [Fact]
    public void Propose_ExtensionNotLaterThanApprovedExtension_ExtensionNotLater()
    {
        Proposal[] existing = [Approved("DX-2026-0001", "VHXH", "2.4", D(6, 30), D(3, 2))];
        var outcome = _f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: "2026-05-31", existing: existing);
        AssertRefused(outcome, ProposalRules.ExtensionNotLater, RefusalKind.BadInput);
        Assert.Contains("30/06/2026", outcome.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_ExtensionOfOngoingTask_NoDeadline() =>
        AssertRefused(_f.Propose(VpAssignee, "VP", "1.1", "extend", lastDay: "2026-06-30"), ProposalRules.NoDeadline, RefusalKind.BadInput);

    [Theory]
    [InlineData("postpone")]
    [InlineData("")]
    [InlineData(null)]
    public void Propose_UnknownKind_InvalidKind(string? kind) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", "2.4", kind!, lastDay: "2026-06-30"), ProposalRules.InvalidKind,
            RefusalKind.BadInput);

    [Theory]
    [InlineData("30/06/2026")]
    [InlineData("2026-02-30")]
    [InlineData("2026-6-30")]
    public void Propose_DateNotYyyyMmDd_InvalidDate(string day) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: day), ProposalRules.InvalidDate, RefusalKind.BadInput);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Propose_NoReason_ReasonRequired(string? reason) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", "2.4", "extend", lastDay: "2026-06-30", reason: reason),
            ProposalRules.ReasonRequired, RefusalKind.BadInput);

    [Fact]
    public void Propose_TextOverLimit_TextTooLong()
    {
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", "2.4", "change", text: new string('a', 4001)), ProposalRules.TextTooLong,
            RefusalKind.BadInput);
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", "2.4", "remove", reason: new string('l', 4001)), ProposalRules.TextTooLong,
            RefusalKind.BadInput);
        Assert.True(_f.Propose(VhxhAssignee, "VHXH", "2.4", "change", text: new string('a', 4000)).IsAccepted);
    }

    [Theory]
    [InlineData("extend", "2.4", null, null)]
    [InlineData("extend", null, null, "2026-06-30")]
    [InlineData("change", "2.4", null, null)]
    [InlineData("change", null, "Nội dung mới", null)]
    [InlineData("add", null, null, "2026-06-30")]
    [InlineData("remove", null, null, null)]
    public void Propose_RequiredFieldOfKindMissing_MissingField(string kind, string? task, string? text, string? lastDay) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", task, kind, text, lastDay), ProposalRules.MissingField, RefusalKind.BadInput);

    [Theory]
    [InlineData("extend", "2.4", "Nội dung mới", "2026-06-30")]
    [InlineData("change", "2.4", "Nội dung mới", "2026-06-30")]
    [InlineData("add", "2.4", "Nội dung mới", null)]
    [InlineData("remove", "2.4", "Nội dung mới", null)]
    public void Propose_FieldForeignToKind_FieldNotAllowed(string kind, string? task, string? text, string? lastDay) =>
        AssertRefused(_f.Propose(VhxhAssignee, "VHXH", task, kind, text, lastDay), ProposalRules.FieldNotAllowed, RefusalKind.BadInput);

    [Fact]
    public void Propose_TextInDecomposedForm_StoredNfc()
    {
        var decomposed = "Tuyên truyền".Normalize(System.Text.NormalizationForm.FormD);
        var outcome = _f.Propose(VhxhAssignee, "VHXH", "2.4", "change", text: decomposed);
        Assert.Equal("Tuyên truyền", outcome.Value.ProposedText);
    }
}
