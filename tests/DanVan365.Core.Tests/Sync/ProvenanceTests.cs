using DanVan365.Core.Sync;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Core.Tests.Sync;

/// <summary>A re-issued decision rewrites only the entries it changed; the others keep their decision number.</summary>
public class ProvenanceTests
{
    private static readonly DateOnly Today = new(2026, 6, 20);

    [Fact]
    public void Plan_ReissueAddsOneRemovesOneChangesThree_WritesOnlyThoseTaskRows()
    {
        var current = Applied(DesiredRows.ForTasks(CatalogueReissue.Original));

        var plan = SyncPlanner.Plan(SiteSchema.Tasks, DesiredRows.ForTasks(CatalogueReissue.Reissued()), current, Today);

        Assert.Equal(5, plan.Writes.Count());
        Assert.Equal(CatalogueReissue.Added, Assert.Single(plan.Changes, c => c.Kind == ChangeKind.Create).Key);
        Assert.Equal(CatalogueReissue.Removed, Assert.Single(plan.Changes, c => c.Kind == ChangeKind.Archive).Key);
        var updates = plan.Changes.Where(c => c.Kind == ChangeKind.Update).ToList();
        Assert.Equal(CatalogueReissue.Changed, updates.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(updates, u => Assert.Equal("901/QĐ-UBND", u.Fields[DesiredRows.DecisionNumber]));
    }

    [Fact]
    public void Plan_ReissueChangesTitle_UpdateNamesChangedFieldsAndNewDecision()
    {
        var current = Applied(DesiredRows.ForTasks(CatalogueReissue.Original));

        var plan = SyncPlanner.Plan(SiteSchema.Tasks, DesiredRows.ForTasks(CatalogueReissue.Reissued()), current, Today);

        var update = Assert.Single(plan.Changes, c => c.Key == "1.1");
        Assert.Equal(["ContentHash", "DecisionNumber", "TaskText", "Title"], update.ChangedFields);
    }

    [Fact]
    public void Plan_ReissueAssignments_WritesOnlyChangedAddedRemovedRows()
    {
        var current = Applied(DesiredRows.ForAssignments(CatalogueReissue.Original, Bundled.Units));

        var plan = SyncPlanner.Plan(SiteSchema.Assignments, DesiredRows.ForAssignments(CatalogueReissue.Reissued(), Bundled.Units), current,
            Today);

        // 2.2's time frame changed (one lead unit); 4.10 removed and 4.12 added (their lead units); titles 1.1 changed.
        Assert.DoesNotContain(plan.Writes, w => w.Key.Split('|')[0] is not ("1.1" or "2.2" or "2.4" or "4.10" or "4.12"));
        Assert.Contains(plan.Writes, w => w.Key.StartsWith("4.12|", StringComparison.Ordinal) && w.Kind == ChangeKind.Create);
        Assert.Contains(plan.Writes, w => w.Key.StartsWith("4.10|", StringComparison.Ordinal) && w.Kind == ChangeKind.Archive);
    }

    [Fact]
    public void Plan_SameDecisionNumberChangedOnly_WritesNothing()
    {
        var original = CatalogueReissue.Original;
        var current = Applied(DesiredRows.ForTasks(original));
        var renumbered = original with { Decision = original.Decision with { Number = "902/QĐ-UBND" } };

        var plan = SyncPlanner.Plan(SiteSchema.Tasks, DesiredRows.ForTasks(renumbered), current, Today);

        Assert.Empty(plan.Writes);
    }

    // The rows as a first sync would have written them.
    private static List<CurrentRow> Applied(IReadOnlyList<DesiredRow> desired)
    {
        var plan = SyncPlanner.Plan(desired[0].Key.Contains('|', StringComparison.Ordinal) ? SiteSchema.Assignments : SiteSchema.Tasks,
            desired, [], Today);
        return [.. plan.Changes.Select((c, i) => new CurrentRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Key, "e1",
            c.Fields))];
    }
}
