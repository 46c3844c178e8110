using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Integrity;

/// <summary>Issue 22: Phân công's "Hạn sau gia hạn" is the proposals' and sealed; a forged one is restored and reported.</summary>
public class ExtensionSealsTests
{
    private const string Key = "1.2|VP";
    private static readonly RecordSeal Seal = new(Enumerable.Repeat((byte)3, 32).ToArray());
    private static readonly DateOnly DecisionDay = new(2026, 2, 14);
    private static readonly DateOnly Extended = new(2026, 4, 30);

    private static CurrentRow Row(IReadOnlyDictionary<string, string?>? extension = null) => new("9", Key, "\"e\"",
        new Dictionary<string, string?>(extension ?? new Dictionary<string, string?>())
        {
            [AssignmentColumns.TaskCode] = "1.2",
            [AssignmentColumns.UnitCode] = "VP",
            [AssignmentColumns.LastDay] = "2026-02-14",
            [SiteSchema.Archived] = "false",
        })
    {
        ModifiedBy = new FileModifier("oid-2", "Trần Thị B"),
    };

    private static IReadOnlyDictionary<string, EffectiveDeadline> Deadlines(DateOnly? extended) =>
        new Dictionary<string, EffectiveDeadline>(StringComparer.Ordinal)
        {
            [Key] = new("1.2", "VP", DecisionDay, extended ?? DecisionDay, extended is null ? null : Proposal()),
        };

    private static Proposal Proposal() => new("DX-2026-0001", "VP", "1.2", ProposalKind.Extend, null, Extended, "Lý do", "a@x.vn",
        new DateOnly(2026, 2, 20), ProposalState.Approved);

    [Fact]
    public void Check_NeverExtendedRow_Valid()
    {
        Assert.Equal(SealCheck.Valid, ExtensionSeals.Check(Row(), Seal));
        Assert.False(ExtensionSeals.NeedRepair([Row()], Seal));
    }

    [Fact]
    public void Check_SealedExtension_ValidAndNothingToRepair()
    {
        var row = Row(ExtensionSeals.Fields(Seal, Key, Extended));

        Assert.Equal(SealCheck.Valid, ExtensionSeals.Check(row, Seal));
        Assert.Empty(ExtensionSeals.Plan([row], Deadlines(Extended), Seal).Patches);
    }

    [Fact]
    public void Plan_DateTypedWithoutApprovedExtension_ClearedAndReported()
    {
        var row = Row(AssignmentRow.ExtensionFields(new DateOnly(2026, 12, 31)));

        var repair = ExtensionSeals.Plan([row], Deadlines(null), Seal);

        var patch = Assert.Single(repair.Patches);
        Assert.Null(patch.Fields[AssignmentColumns.ExtendedLastDay]);
        Assert.Null(patch.Fields[SiteSchema.Seal]);
        var intervention = Assert.Single(repair.Interventions);
        Assert.Equal(("Hạn sau gia hạn", "2026-12-31", (string?)null, "oid-2"),
            (intervention.Column, intervention.Found, intervention.Restored, intervention.By?.UserId));
    }

    [Fact]
    public void Plan_SealedDateMovedByHand_RestoredToTheApprovedDayAndReported()
    {
        var forged = new Dictionary<string, string?>(ExtensionSeals.Fields(Seal, Key, Extended))
        {
            [AssignmentColumns.ExtendedLastDay] = "2026-12-31",
        };

        var repair = ExtensionSeals.Plan([Row(forged)], Deadlines(Extended), Seal);

        Assert.Equal("2026-04-30", Assert.Single(repair.Patches).Fields[AssignmentColumns.ExtendedLastDay]);
        Assert.Equal("2026-04-30", Assert.Single(repair.Interventions).Restored);
    }

    [Fact]
    public void Plan_ValidSealButProposalDecidedSince_WrittenWithoutReport()
    {
        var repair = ExtensionSeals.Plan([Row()], Deadlines(Extended), Seal);

        Assert.Single(repair.Patches);
        Assert.Empty(repair.Interventions);
    }

    [Fact]
    public void Plan_LegacyUnsealedDateThatTheProposalsGive_ResealedSilently()
    {
        var repair = ExtensionSeals.Plan([Row(AssignmentRow.ExtensionFields(Extended))], Deadlines(Extended), Seal);

        Assert.Equal(ExtensionSeals.Fields(Seal, Key, Extended)[SiteSchema.Seal], Assert.Single(repair.Patches).Fields[SiteSchema.Seal]);
        Assert.Empty(repair.Interventions);
    }
}
