using DanVan365.Core.Planner;

namespace DanVan365.Core.Tests.Planner;

public class PlannerSyncPlannerTests
{
    private static readonly Dictionary<string, string> Users =
        new(StringComparer.OrdinalIgnoreCase) { ["a@x.vn"] = "u-a", ["b@x.vn"] = "u-b" };
    private static readonly Dictionary<string, string> Buckets = new() { ["Phòng Văn hóa - Xã hội"] = "b-vhxh", ["Văn phòng"] = "b-vp" };
    private static readonly DateTimeOffset Start = new(2026, 2, 11, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 2, 14, 16, 59, 59, TimeSpan.Zero);

    private static PlannerTaskSpec Spec(string code = "1.2", string unit = "VHXH", string bucket = "Phòng Văn hóa - Xã hội",
        string title = "Xây dựng kế hoạch", params string[] emails) =>
        new($"{code}|{unit}", code, unit, bucket, PlannerDesign.Title(code, title, false), Start, Due, 1, "1. Mục một", false,
            emails.Length == 0 ? ["a@x.vn"] : emails, "mô tả", ["Phối hợp: Ban Xây dựng Đảng"], []);

    private static PlannerTaskState State(PlannerTaskSpec spec, string id = "t1", string bucket = "b-vhxh", params string[] assignees) =>
        new(id, "\"et\"", bucket, spec.Title, spec.Start, spec.Due, new HashSet<int> { spec.Category },
            new HashSet<string>(assignees.Length == 0 ? ["u-a"] : assignees), 0, null);

    [Fact]
    public void Plan_NoTaskYet_CreatesAndLinks()
    {
        var spec = Spec();
        var plan = PlannerSyncPlanner.Plan([spec], [], [new("1.2|VHXH", "7", null, null, null)], Users, Buckets);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlannerChangeKind.Create, change.Kind);
        Assert.True(change.Link);
        Assert.Equal(["u-a"], change.AddAssigneeIds);
    }

    [Fact]
    public void Plan_RecordedTaskSameHash_Unchanged()
    {
        var spec = Spec();
        var plan = PlannerSyncPlanner.Plan([spec], [State(spec)], [new("1.2|VHXH", "7", null, "t1", spec.ContentHash)], Users, Buckets);
        Assert.Equal(PlannerChangeKind.Unchanged, Assert.Single(plan.Changes).Kind);
    }

    [Fact]
    public void Plan_TaskCreatedButIdNeverRecorded_RecognisedNotDuplicated()
    {
        var spec = Spec();
        var plan = PlannerSyncPlanner.Plan([spec], [State(spec, id: "lost")], [new("1.2|VHXH", "7", null, null, null)], Users, Buckets);

        var change = Assert.Single(plan.Changes);
        Assert.NotEqual(PlannerChangeKind.Create, change.Kind);
        Assert.Equal("lost", change.Existing!.Id);
        Assert.True(change.Link);
    }

    [Fact]
    public void Plan_SameCodeInAnotherUnitsBucket_NotRecognised()
    {
        var spec = Spec();
        var plan = PlannerSyncPlanner.Plan([spec], [State(spec, id: "other", bucket: "b-vp")], [], Users, Buckets);
        Assert.Equal(PlannerChangeKind.Create, Assert.Single(plan.Changes).Kind);
    }

    [Fact]
    public void Plan_PersonAddedAssignee_NeverRemovedAndNoWrite()
    {
        var spec = Spec();
        var state = State(spec, assignees: ["u-a", "u-extra"]);
        var plan = PlannerSyncPlanner.Plan([spec], [state], [new("1.2|VHXH", "7", null, "t1", spec.ContentHash)], Users, Buckets);
        Assert.Equal(PlannerChangeKind.Unchanged, Assert.Single(plan.Changes).Kind);
    }

    [Fact]
    public void Plan_NewDirectoryAssignee_AddedOnly()
    {
        var before = Spec(emails: ["a@x.vn"]);
        var spec = Spec(emails: ["a@x.vn", "b@x.vn"]);
        var plan = PlannerSyncPlanner.Plan([spec], [State(spec)], [new("1.2|VHXH", "7", null, "t1", before.ContentHash)], Users, Buckets);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlannerChangeKind.Update, change.Kind);
        Assert.Equal(["u-b"], change.AddAssigneeIds);
        Assert.True(change.TaskChanged);
    }

    [Fact]
    public void Plan_TitleChangedInDecision_UpdatesTaskAndDetails()
    {
        var old = Spec(title: "cũ");
        var spec = Spec(title: "mới");
        var plan = PlannerSyncPlanner.Plan([spec], [State(old)], [new("1.2|VHXH", "7", null, "t1", old.ContentHash)], Users, Buckets);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlannerChangeKind.Update, change.Kind);
        Assert.True(change.TaskChanged && change.DetailsChanged && change.Link);
    }

    [Fact]
    public void Plan_EntryDroppedFromDecision_ArchivedNotDeleted()
    {
        var old = Spec();
        var plan = PlannerSyncPlanner.Plan([], [State(old)], [new("1.2|VHXH", "7", null, "t1", old.ContentHash)], Users, Buckets);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlannerChangeKind.Archive, change.Kind);
        Assert.Equal("t1", change.Existing!.Id);
    }

    [Fact]
    public void Plan_UnknownPerson_ReportedAndTaskStillCreated()
    {
        var spec = Spec(emails: ["a@x.vn", "ghost@x.vn"]);
        var plan = PlannerSyncPlanner.Plan([spec], [], [], Users, Buckets);

        Assert.Equal(["ghost@x.vn"], plan.UnresolvedPeople);
        Assert.Equal(PlannerChangeKind.Create, Assert.Single(plan.Changes).Kind);
    }

    [Theory]
    [InlineData("[3.5.a] Xây dựng", "3.5.a")]
    [InlineData("[Bãi bỏ] [1.1] Phổ biến", "1.1")]
    [InlineData("Việc không mã", null)]
    [InlineData(null, null)]
    public void CodeFromTitle_Title_Code(string? title, string? code)
    {
        Assert.Equal(code, PlannerDesign.CodeFromTitle(title));
    }

    [Fact]
    public void Title_LongText_CutToPlannerLimit()
    {
        var title = PlannerDesign.Title("1.2", new string('x', 400), archived: true);
        Assert.Equal(PlannerLimits.TitleLength, title.Length);
        Assert.StartsWith("[Bãi bỏ] [1.2] ", title, StringComparison.Ordinal);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void PeopleToResolve_NoChangeRun_Empty()
    {
        var spec = Spec();
        Assert.Empty(PlannerSyncPlanner.PeopleToResolve([spec], [State(spec)], [new("1.2|VHXH", "7", null, "t1", spec.ContentHash)]));
        Assert.Equal(["a@x.vn"], PlannerSyncPlanner.PeopleToResolve([spec], [], [new("1.2|VHXH", "7", null, "t1", spec.ContentHash)]));
    }

    [Fact]
    public void Plan_UnchangedTaskAndNoUsersLookedUp_ReportsNobodyUnresolved()
    {
        var spec = Spec();
        var plan = PlannerSyncPlanner.Plan([spec], [State(spec)], [new("1.2|VHXH", "7", null, "t1", spec.ContentHash)],
            new Dictionary<string, string>(), Buckets);
        Assert.Empty(plan.UnresolvedPeople);
    }
}
