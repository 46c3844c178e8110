using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

public class StateRowTests
{
    [Fact]
    public void Fields_ThenFrom_RoundTripsKeyAndValueExactly()
    {
        var row = new StateRow("planner.planId", "  plan-1 ");
        var read = StateRow.From(new CurrentRow("7", row.Key, "\"1\"", row.Fields()));

        Assert.Equal(row, read);
        Assert.Equal([SiteSchema.Title, StateColumns.Value], row.Fields().Keys);
    }

    [Fact]
    public void Desired_PlannedCreate_WritesKeyColumnTitleAndValue()
    {
        var plan = SyncPlanner.Plan(SiteSchema.State, [new StateRow("delta:library", "token").Desired()], [],
            new DateOnly(2026, 3, 1));

        var create = Assert.Single(plan.Changes);
        Assert.Equal(ChangeKind.Create, create.Kind);
        Assert.Equal("delta:library", create.Fields[StateColumns.Key]);
        Assert.Equal("delta:library", create.Fields[SiteSchema.Title]);
        Assert.Equal("token", create.Fields[StateColumns.Value]);
    }

    [Fact]
    public void From_KeyColumnMissing_TakesTheRowsKey()
    {
        var row = StateRow.From(new CurrentRow("7", "ward.lease", null, new Dictionary<string, string?>()));

        Assert.Equal(new StateRow("ward.lease", null), row);
    }
}
