using DanVan365.Core.Planner;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

public class ColumnOwnershipTests
{
    private static readonly ListDefinition Assignments = SiteSchema.Assignments;

    [Fact]
    public void Schema_ProgressColumns_OwnedByPlanner()
    {
        Assert.Equal(ColumnOwner.Planner, Assignments.OwnerOf(AssignmentColumns.PercentComplete));
        Assert.Equal(ColumnOwner.Planner, Assignments.OwnerOf(AssignmentColumns.CompletedOn));
        Assert.Equal(ColumnOwner.Planner, Assignments.OwnerOf(AssignmentColumns.Status));
        Assert.Equal(ColumnOwner.People, Assignments.OwnerOf(AssignmentColumns.Notes));
        Assert.Equal(ColumnOwner.Sync, Assignments.OwnerOf(AssignmentColumns.LastDay));
        Assert.Equal(ColumnOwner.Sync, Assignments.OwnerOf(SiteSchema.Title));
    }

    [Theory]
    [InlineData(AssignmentColumns.Notes, ColumnOwner.People)]
    [InlineData(AssignmentColumns.PercentComplete, ColumnOwner.Planner)]
    [InlineData(AssignmentColumns.Status, ColumnOwner.Planner)]
    public void EnsureWritable_SyncWritesForeignColumn_Refused(string column, ColumnOwner owner)
    {
        var error = Assert.Throws<ColumnOwnershipException>(() => ColumnOwnership.EnsureWritable(Assignments, ColumnOwner.Sync, [column]));

        Assert.Equal(column, error.Column);
        Assert.Equal(owner, error.Owner);
        Assert.Equal(ColumnOwner.Sync, error.Writer);
    }

    [Theory]
    [InlineData(AssignmentColumns.LastDay)]
    [InlineData(AssignmentColumns.Notes)]
    [InlineData(SiteSchema.Title)]
    public void EnsureWritable_PlannerWritesForeignColumn_Refused(string column)
    {
        Assert.Throws<ColumnOwnershipException>(() => ColumnOwnership.EnsureWritable(Assignments, ColumnOwner.Planner, [column]));
    }

    [Theory]
    [InlineData(AssignmentColumns.LastDay)]
    [InlineData(AssignmentColumns.CompletedOn)]
    [InlineData(AssignmentColumns.PlannerTaskId)]
    public void EnsureWritable_PeopleWriteForeignColumn_Refused(string column)
    {
        Assert.Throws<ColumnOwnershipException>(() => ColumnOwnership.EnsureWritable(Assignments, ColumnOwner.People, [column]));
    }

    [Fact]
    public void EnsureWritable_EachOwnerWritesOwnColumns_Accepted()
    {
        ColumnOwnership.EnsureWritable(Assignments, ColumnOwner.Sync,
            [SiteSchema.Title, AssignmentColumns.LastDay, AssignmentColumns.TaskText]);
        ColumnOwnership.EnsureWritable(Assignments, ColumnOwner.Planner,
            [AssignmentColumns.PercentComplete, AssignmentColumns.CompletedOn, AssignmentColumns.Status, AssignmentColumns.PlannerTaskId]);
        ColumnOwnership.EnsureWritable(Assignments, ColumnOwner.People, [AssignmentColumns.Notes]);
    }

    [Fact]
    public void EnsureWritable_UnknownColumn_RefusedForEveryWriter()
    {
        foreach (var writer in new[] { ColumnOwner.Sync, ColumnOwner.People, ColumnOwner.Planner })
        {
            var error = Assert.Throws<ColumnOwnershipException>(() => ColumnOwnership.EnsureWritable(Assignments, writer, ["Bogus"]));
            Assert.Null(error.Owner);
        }
    }

    [Fact]
    public void SyncPlannerPlan_DesiredHoldsPlannerColumn_Refused()
    {
        var bad = new DesiredRow("1.1|VHXH", new Dictionary<string, string?> { [AssignmentColumns.PercentComplete] = "100" });

        Assert.Throws<ColumnOwnershipException>(() => SyncPlanner.Plan(Assignments, [bad], [], new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void PullProgress_WritesOnlyPlannerOwnedColumns()
    {
        var row = new CurrentRow("1", "3.1|VHXH", null, new Dictionary<string, string?>
        {
            [AssignmentColumns.TaskCode] = "3.1",
            [AssignmentColumns.UnitCode] = "VHXH",
            [AssignmentColumns.LastDay] = "2026-02-14",
        });
        var task = new PlannerTaskState("T1", "e", "b", "t", null, null, new HashSet<int>(), new HashSet<string>(), 100,
            new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));

        var fields = PlannerSync.ProgressFields(row, task, new DateOnly(2026, 3, 1));

        Assert.NotEmpty(fields);
        Assert.All(fields.Keys, k => Assert.Equal(ColumnOwner.Planner, Assignments.OwnerOf(k)));
    }
}
