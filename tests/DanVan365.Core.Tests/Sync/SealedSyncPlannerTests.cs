using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

/// <summary>Issue 22: sync's content hash is a seal; an edit around the app is restored and reported, a catalogue change is not.</summary>
public class SealedSyncPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly ListDefinition List = SiteSchema.Tasks;
    private static readonly RecordSeal Seal = new(Enumerable.Repeat((byte)7, 32).ToArray());
    private static readonly RecordSeal Rotated = new(Enumerable.Repeat((byte)9, 32).ToArray(), Enumerable.Repeat((byte)7, 32).ToArray());
    private static readonly FileModifier Member = new("oid-1", "Nguyễn Văn A");

    private static DesiredRow Want(string text) =>
        new("1.1", new Dictionary<string, string?> { ["Title"] = "1.1", ["TaskText"] = text, ["LastDay"] = "2026-02-14" });

    /// <summary>A row holding <paramref name="values"/> with <paramref name="stamp"/> in its content hash column.</summary>
    private static CurrentRow Have(DesiredRow values, string? stamp) => new("7", "1.1", "\"e\"",
        new Dictionary<string, string?>(values.Fields) { ["TaskCode"] = "1.1", ["ContentHash"] = stamp, ["Archived"] = "false" })
    {
        ModifiedBy = Member,
        Modified = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
    };

    private static string SealOf(DesiredRow row, RecordSeal seal) => seal.Seal(List.Key, row.Key, row.Fields);

    [Fact]
    public void Plan_SealedRowUnchanged_NoWrites()
    {
        var want = Want("a");

        var plan = SyncPlanner.Plan(List, [want], [Have(want, SealOf(want, Seal))], Today, Seal);

        Assert.Empty(plan.Writes);
        Assert.Empty(plan.Interventions);
    }

    [Fact]
    public void Plan_EditedUnderTheSeal_RestoredAndReported()
    {
        var want = Want("a");
        var edited = Have(Want("Sửa tay"), SealOf(want, Seal));

        var plan = SyncPlanner.Plan(List, [want], [edited], Today, Seal);

        var change = Assert.Single(plan.Writes);
        Assert.Equal("a", change.Fields["TaskText"]);
        Assert.False(change.Fields.ContainsKey("ContentHash"));
        var intervention = Assert.Single(plan.Interventions);
        Assert.Equal(new Intervention("Nhiệm vụ dân vận", "1.1", "Nội dung nhiệm vụ", "Sửa tay", "a", InterventionAction.Restored,
            SyncSeals.EditedReason, Member, edited.Modified), intervention);
    }

    [Fact]
    public void Plan_CatalogueChangedUnderAValidSeal_UpdatedWithoutReport()
    {
        var before = Want("old");
        var after = Want("new");

        var plan = SyncPlanner.Plan(List, [after], [Have(before, SealOf(before, Seal))], Today, Seal);

        var change = Assert.Single(plan.Writes);
        Assert.Equal(("new", SealOf(after, Seal)), (change.Fields["TaskText"], change.Fields["ContentHash"]));
        Assert.Empty(plan.Interventions);
    }

    [Fact]
    public void Plan_LegacyUnkeyedHash_ResealedSilently()
    {
        var want = Want("a");

        var same = SyncPlanner.Plan(List, [want], [Have(want, SyncPlanner.ContentHash(want.Fields))], Today, Seal);
        var changed = SyncPlanner.Plan(List, [Want("new")], [Have(want, SyncPlanner.ContentHash(want.Fields))], Today, Seal);

        Assert.Equal(["ContentHash"], Assert.Single(same.Writes).ChangedFields);
        Assert.Empty(same.Interventions);
        Assert.Equal(["ContentHash", "TaskText"], Assert.Single(changed.Writes).ChangedFields);
        Assert.Empty(changed.Interventions);
    }

    [Fact]
    public void Plan_PreviousKeySeal_ResealedWithTheCurrentKeyWithoutReport()
    {
        var want = Want("a");

        var plan = SyncPlanner.Plan(List, [want], [Have(want, SealOf(want, Seal))], Today, Rotated);

        Assert.Equal(SealOf(want, Rotated), Assert.Single(plan.Writes).Fields["ContentHash"]);
        Assert.Empty(plan.Interventions);
    }

    [Fact]
    public void Plan_NoSealAndValuesDiffer_RestoredAndReported()
    {
        var plan = SyncPlanner.Plan(List, [Want("a")], [Have(Want("Sửa tay"), null)], Today, Seal);

        Assert.Single(plan.Interventions);
        Assert.Equal(SealOf(Want("a"), Seal), Assert.Single(plan.Writes).Seal);
    }

    [Fact]
    public void Rebase_AfterAConflict_WritesThePlannedSeal()
    {
        var want = Want("a");
        var plan = SyncPlanner.Plan(List, [want], [Have(Want("b"), null)], Today, Seal);

        var rebased = SyncPlanner.Rebase(Assert.Single(plan.Writes), want, Have(Want("c"), null), Today);

        Assert.Equal(SealOf(want, Seal), rebased.Fields["ContentHash"]);
    }
}
