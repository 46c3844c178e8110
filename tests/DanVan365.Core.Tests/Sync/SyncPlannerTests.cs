using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

public class SyncPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly ListDefinition List = SiteSchema.Tasks;

    private static DesiredRow Want(string key, string text, string? lastDay = "2026-02-14") =>
        new(key, new Dictionary<string, string?> { ["Title"] = key, ["TaskText"] = text, ["LastDay"] = lastDay });

    private static CurrentRow Have(string id, DesiredRow row, bool archived = false, string? hash = "auto",
        Dictionary<string, string?>? extra = null)
    {
        var fields = new Dictionary<string, string?>(row.Fields)
        {
            ["TaskCode"] = row.Key,
            ["ContentHash"] = hash == "auto" ? SyncPlanner.ContentHash(row.Fields) : hash,
            ["Archived"] = archived ? "true" : "false",
        };
        foreach (var (k, v) in extra ?? [])
        {
            fields[k] = v;
        }

        return new CurrentRow(id, row.Key, "\"e-" + id + "\"", fields);
    }

    [Fact]
    public void Plan_EmptyList_CreatesEveryRowWithKeyHashAndNotArchived()
    {
        var plan = SyncPlanner.Plan(List, [Want("1.1", "a"), Want("1.2", "b")], [], Today);

        Assert.Equal(2, plan.Count(ChangeKind.Create));
        var create = plan.Changes[0];
        Assert.Equal("1.1", create.Fields["TaskCode"]);
        Assert.Equal("false", create.Fields["Archived"]);
        Assert.Equal(SyncPlanner.ContentHash(Want("1.1", "a").Fields), create.Fields["ContentHash"]);
        Assert.Equal("created=2 updated=0 archived=0 unchanged=0", plan.ToString());
    }

    [Fact]
    public void Plan_SameContent_IsUnchangedWithoutWrites()
    {
        var want = Want("1.1", "a");
        var plan = SyncPlanner.Plan(List, [want], [Have("7", want)], Today);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeKind.Unchanged, change.Kind);
        Assert.Empty(plan.Writes);
    }

    [Fact]
    public void Plan_ChangedText_UpdatesOnlyChangedFieldsAndHash()
    {
        var before = Want("1.1", "old");
        var after = Want("1.1", "new");
        var plan = SyncPlanner.Plan(List, [after], [Have("7", before)], Today);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal(["ContentHash", "TaskText"], change.ChangedFields);
        Assert.Equal("new", change.Fields["TaskText"]);
        Assert.Equal("7", change.ItemId);
        Assert.Equal("\"e-7\"", change.ETag);
    }

    [Fact]
    public void Plan_PeopleOwnedColumnsDiffer_NeverWritten()
    {
        var want = Want("1.1", "a");
        var have = Have("7", Want("1.1", "b"), extra: new() { ["Notes"] = "ghi chú của cán bộ" });
        var plan = SyncPlanner.Plan(List, [want], [have], Today);

        Assert.DoesNotContain("Notes", Assert.Single(plan.Changes).Fields.Keys);
    }

    [Fact]
    public void Plan_DesiredContainsPeopleOwnedColumn_Throws()
    {
        var bad = new DesiredRow("1.1", new Dictionary<string, string?> { ["Notes"] = "x" });
        Assert.Throws<ColumnOwnershipException>(() => SyncPlanner.Plan(List, [bad], [], Today));
    }

    [Fact]
    public void Plan_RowNoLongerInDecision_ArchivedWithDateNotDeleted()
    {
        var plan = SyncPlanner.Plan(List, [], [Have("7", Want("9.9", "gone"))], Today);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeKind.Archive, change.Kind);
        Assert.Equal("true", change.Fields["Archived"]);
        Assert.Equal("2026-03-01", change.Fields["ArchivedOn"]);
    }

    [Fact]
    public void Plan_AlreadyArchived_StaysUnchanged()
    {
        var plan = SyncPlanner.Plan(List, [], [Have("7", Want("9.9", "gone"), archived: true)], Today);
        Assert.Equal(ChangeKind.Unchanged, Assert.Single(plan.Changes).Kind);
    }

    [Fact]
    public void Plan_ArchivedRowBackInDecision_Restored()
    {
        var want = Want("1.1", "a");
        var plan = SyncPlanner.Plan(List, [want], [Have("7", want, archived: true)], Today);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal("false", change.Fields["Archived"]);
        Assert.True(change.Fields.ContainsKey("ArchivedOn"));
        Assert.Null(change.Fields["ArchivedOn"]);
    }

    [Fact]
    public void Plan_MissingHashButSameValues_WritesOnlyHash()
    {
        var want = Want("1.1", "a");
        var plan = SyncPlanner.Plan(List, [want], [Have("7", want, hash: null)], Today);

        Assert.Equal(["ContentHash"], Assert.Single(plan.Changes).ChangedFields);
    }

    [Fact]
    public void Plan_NfdKeyInList_MatchesNfcDesiredKey()
    {
        var want = Want("Đ.1", "a");
        var have = Have("7", want) with { Key = "Đ.1".Normalize(System.Text.NormalizationForm.FormD) };
        var plan = SyncPlanner.Plan(List, [want], [have], Today);

        Assert.Equal(ChangeKind.Unchanged, Assert.Single(plan.Changes).Kind);
    }

    [Fact]
    public void Plan_DuplicateDesiredKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => SyncPlanner.Plan(List, [Want("1.1", "a"), Want("1.1", "b")], [], Today));
    }

    [Fact]
    public void Rebase_FreshRowAlreadyHasDesiredValues_Unchanged()
    {
        var want = Want("1.1", "new");
        var stale = SyncPlanner.Plan(List, [want], [Have("7", Want("1.1", "old"))], Today).Changes[0];
        var fresh = Have("7", want) with { ETag = "\"e-8\"" };

        var rebased = SyncPlanner.Rebase(stale, want, fresh, Today);
        Assert.Equal(ChangeKind.Unchanged, rebased.Kind);
    }

    [Fact]
    public void Rebase_PersonEditedMeanwhile_KeepsTheirColumnsAndTakesNewETag()
    {
        var want = Want("1.1", "new");
        var stale = SyncPlanner.Plan(List, [want], [Have("7", Want("1.1", "old"))], Today).Changes[0];
        var fresh = Have("7", Want("1.1", "old"), extra: new() { ["Notes"] = "đã sửa" }) with { ETag = "\"e-9\"" };

        var rebased = SyncPlanner.Rebase(stale, want, fresh, Today);
        Assert.Equal(ChangeKind.Update, rebased.Kind);
        Assert.Equal("\"e-9\"", rebased.ETag);
        Assert.DoesNotContain("Notes", rebased.Fields.Keys);
        Assert.Equal("new", rebased.Fields["TaskText"]);
    }

    [Fact]
    public void ContentHash_OrderOfFields_DoesNotMatter()
    {
        var a = new Dictionary<string, string?> { ["A"] = "1", ["B"] = null };
        var b = new Dictionary<string, string?> { ["B"] = null, ["A"] = "1" };
        Assert.Equal(SyncPlanner.ContentHash(a), SyncPlanner.ContentHash(b));
        Assert.NotEqual(SyncPlanner.ContentHash(a), SyncPlanner.ContentHash(new Dictionary<string, string?> { ["A"] = "1", ["B"] = "" }));
    }
}
