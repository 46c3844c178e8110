using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>
/// Planner's per-task limits (docs repo: api-reference/v1.0/resources/planner-overview.md, "Common Planner error
/// conditions", "403 Forbidden": MaximumAssigneesInTasks, MaximumChecklistItemsOnTask, MaximumReferencesOnTask), which the
/// local Graph enforces: the write goes without what is over, the limit is reported once, and the run does not fail.
/// </summary>
public sealed class PlannerLimitsTests
{
    [Fact]
    public async Task SyncAll_PeopleFilledTheAssigneesOfAChangedTask_ReportsTheLimitOnceAndDoesNotFail()
    {
        await using var ward = await WardHarness.StartAsync();
        using (var first = ward.NewSession())
        {
            await first.SyncAllAsync(CatalogueReissue.Original, Units);
        }

        // People took one of the directory's assignees off task 1.1 and filled it to Planner's limit with others.
        using var person = ward.NewSession();
        var key = PlannerDesign.Tasks(CatalogueReissue.Original, Units, new PlannerLinks(_ => null, null)).First(s => s.TaskCode == "1.1")
            .AssignmentKey;
        var taskId = (await PlannerPeople.AssignmentRowAsync(person, key)).Fields[AssignmentColumns.PlannerTaskId]!;
        var task = (await person.Connection.Client.Planner.Tasks[taskId].GetAsync())!;
        var assigned = task.Assignments!.AdditionalData.Keys.ToList();
        Assert.NotEmpty(assigned);
        var edit = new Dictionary<string, object> { [assigned[0]] = null! };
        for (var i = 0; i < PlannerLimits.Assignees - assigned.Count + 1; i++)
        {
            edit[Guid.NewGuid().ToString()] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };
        }

        var assignments = new PlannerAssignments { AdditionalData = edit };
        await PlannerPeople.PatchTaskAsync(person, taskId, new PlannerTask { Assignments = assignments });

        // The re-issued decision changes 1.1's title: sync writes the task again and would add the assignee back (21).
        var reissued = CatalogueReissue.Reissued();
        using var second = ward.NewSession();
        var (lists, planner) = await second.SyncAllAsync(reissued, Units);

        Assert.True(lists.Succeeded);
        Assert.Empty(planner.Failures);
        var hit = Assert.Single(planner.Limits);
        Assert.Equal((key, taskId, PlannerLimitHit.Assignees), (hit.AssignmentKey, hit.TaskId, hit.Code));
        Assert.Contains("tối đa 20 người được giao", hit.Sentence, StringComparison.Ordinal);
        var after = (await person.Connection.Client.Planner.Tasks[taskId].GetAsync())!;
        Assert.Contains("(sửa đổi)", after.Title, StringComparison.Ordinal);
        Assert.Equal(PlannerLimits.Assignees, after.Assignments!.AdditionalData.Count);

        // The next run neither tries the same over-limit write nor reports it again.
        using var third = ward.NewSession();
        var (_, again) = await third.SyncAllAsync(reissued, Units);
        Assert.Empty(again.Limits);
        Assert.Empty(again.Failures);
        Assert.Equal(0, again.Applied?.Writes ?? 0);
    }

    [Fact]
    public async Task UpdateDetailsAsync_ChecklistFullWithPeoplesItems_WritesTheRestAndRecordsTheLimit()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);
        var specs = PlannerDesign.Tasks(Catalogue, Units, new PlannerLinks(_ => null, null));
        var spec = specs.First(s => s.Checklist.Count > 0) with { Description = "Mô tả mới" };
        var taskId = (await PlannerPeople.AssignmentRowAsync(session, spec.AssignmentKey)).Fields[AssignmentColumns.PlannerTaskId]!;
        var details = (await session.Connection.Client.Planner.Tasks[taskId].Details.GetAsync())!;
        // A person took sync's items off and filled the checklist with their own up to the limit.
        var edit = details.Checklist!.AdditionalData.Keys.ToDictionary(k => k, _ => (object)null!);
        for (var i = 0; i < PlannerLimits.ChecklistItems; i++)
        {
            edit["own" + i] = new PlannerChecklistItem { OdataType = "microsoft.graph.plannerChecklistItem", Title = "Việc riêng " + i };
        }

        await session.Connection.Client.Planner.Tasks[taskId].Details.PatchAsync(
            new PlannerTaskDetails { Checklist = new PlannerChecklistItems { AdditionalData = edit } },
            r => r.Headers.Add("If-Match", (string)details.AdditionalData["@odata.etag"]));
        var limits = new List<PlannerLimitHit>();

        var failures = await session.Planner.Details.UpdateDetailsAsync([(spec.AssignmentKey, taskId, spec)], CancellationToken.None,
            limits);

        Assert.Empty(failures);
        Assert.Equal([new PlannerLimitHit(spec.AssignmentKey, taskId, PlannerLimitHit.ChecklistItems)], limits);
        var after = (await session.Connection.Client.Planner.Tasks[taskId].Details.GetAsync())!;
        Assert.Equal("Mô tả mới", after.Description);
        Assert.Equal(PlannerLimits.ChecklistItems, after.Checklist!.AdditionalData.Count);
        Assert.All(after.Checklist.AdditionalData.Keys, k => Assert.StartsWith("own", k, StringComparison.Ordinal));
    }
}
