using System.Text.Json;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.M365.Tests.Contracts.ContractShapes;

namespace DanVan365.M365.Tests.Contracts;

/// <summary>
/// Planner as the adapter uses it (plannergroup-list-plans.md, plannerplan-get.md, planner-post-plans.md,
/// plannerplan-list-buckets.md, planner-post-buckets.md, plannerplan-list-tasks.md, planner-post-tasks.md,
/// plannertask-update.md, plannertaskdetails-get.md, plannertaskdetails-update.md): documented example responses through
/// the adapter's parsing; the local Graph's answer to the documented example request has the documented shape.
/// </summary>
public class PlannerContractTests
{
    private static readonly string[] Maps = ["assignments", "references", "checklist"];

    [Fact]
    public async Task PlanCreateGetAndGroupPlans_DocumentedExamples_ParseAndLocalAnswersHaveTheShape()
    {
        var made = await DeserializeAsync(Example("planner-post-plans.response.json"),
            PlannerPlan.CreateFromDiscriminatorValue);
        var got = await DeserializeAsync(Example("plannerplan-get.response.json"),
            PlannerPlan.CreateFromDiscriminatorValue);
        var listed = await DeserializeAsync(Example("plannergroup-list-plans.response.json"),
            PlannerPlanCollectionResponse.CreateFromDiscriminatorValue);
        Assert.Equal("xqQg5FS2LkCp935s-FIFm2QAFkHM", made!.Id);
        Assert.Equal("ebf3b108-5234-4e22-b93d-656d7dae5874", got!.Container!.ContainerId);
        Assert.Equal(PlannerContainerType.Group, got.Container.Type);
        Assert.Equal("title-value", Assert.Single(listed!.Value!).Title);
        await using var ward = await WardHarness.StartAsync();

        var plan = await CreatePlanAsync(ward);
        var (getStatus, getBody, _) = await SendAsync(ward, HttpMethod.Get, $"planner/plans/{plan.GetProperty("id").GetString()}");
        var (listStatus, listBody, _) = await SendAsync(ward, HttpMethod.Get, $"groups/{ward.Server.Tenant.WardGroupId}/planner/plans");

        // "owner" is in the list example only: it is not a v1.0 plannerPlan property (resources/plannerplan.md), so not required.
        AssertSameShape(ExampleJson("planner-post-plans.response.json"), plan);
        Assert.Equal(200, getStatus);
        AssertSameShape(ExampleJson("plannerplan-get.response.json"), getBody);
        Assert.Equal(200, listStatus);
        AssertSameShape(ExampleJson("plannergroup-list-plans.response.json"), listBody, absent: ["owner"]);
    }

    [Fact]
    public async Task Buckets_DocumentedExamples_ParseAndLocalAnswersHaveTheShape()
    {
        var buckets = await DeserializeAsync(Example("plannerplan-list-buckets.response.json"),
            PlannerBucketCollectionResponse.CreateFromDiscriminatorValue);
        var bucket = Assert.Single(buckets!.Value!);
        Assert.Equal("To do", bucket.Name);
        Assert.Equal("W/\"JzEtQnVja2V0QEBAQEBAQEBAQEBAQEBARCc=\"", bucket.AdditionalData["@odata.etag"]);
        await using var ward = await WardHarness.StartAsync();
        var planId = (await CreatePlanAsync(ward)).GetProperty("id").GetString()!;

        var (status, made, _) = await SendAsync(ward, HttpMethod.Post, "planner/buckets",
            Example("planner-post-buckets.request.json").Replace("xqQg5FS2LkCp935s-FIFm2QAFkHM", planId, StringComparison.Ordinal));
        var (listStatus, listed, _) = await SendAsync(ward, HttpMethod.Get, $"planner/plans/{planId}/buckets");

        Assert.Equal(201, status);
        AssertSameShape(ExampleJson("planner-post-buckets.response.json"), made);
        Assert.Equal(200, listStatus);
        AssertSameShape(ExampleJson("plannerplan-list-buckets.response.json"), listed);
    }

    [Fact]
    public async Task Tasks_DocumentedExamples_AdapterReadsStateAndLocalAnswersHaveTheShape()
    {
        var listed = await DeserializeAsync(Example("plannerplan-list-tasks.response.json"),
            PlannerTaskCollectionResponse.CreateFromDiscriminatorValue);
        var state = GraphPlannerTasks.ToState(Assert.Single(listed!.Value!));
        Assert.Equal("01gzSlKkIUSUl6DF_EilrmQAKDhh", state.Id);
        Assert.Equal("gcrYAaAkgU2EQUvpkNNXLGQAGTtu", state.BucketId);
        Assert.Equal(["fbab97d0-4932-4511-b675-204639209557"], state.AssigneeIds);
        var updated = GraphPlannerTasks.ToState((await DeserializeAsync(Example("plannertask-update.response.json"),
            PlannerTask.CreateFromDiscriminatorValue))!);
        Assert.Equal([3, 5, 6], updated.Categories.Order());
        Assert.Equal(3, updated.AssigneeIds.Count);
        await using var ward = await WardHarness.StartAsync();
        var (planId, bucketId, userId) = await PlanBucketAndUserAsync(ward);

        var (status, made, _) = await SendAsync(ward, HttpMethod.Post, "planner/tasks", TaskRequest(planId, bucketId, userId));
        var taskId = made.GetProperty("id").GetString()!;
        var (listStatus, tasks, _) = await SendAsync(ward, HttpMethod.Get, $"planner/plans/{planId}/tasks");
        var etag = tasks.GetProperty("value")[0].GetProperty("@odata.etag").GetString()!;
        var (patchStatus, patched, _) = await SendAsync(ward, HttpMethod.Patch, $"planner/tasks/{taskId}",
            Example("plannertask-update.request.json").Replace("fbab97d0-4932-4511-b675-204639209557", userId, StringComparison.Ordinal),
            ("If-Match", etag), ("Prefer", "return=representation"));

        Assert.Equal(201, status);
        AssertSameShape(ExampleJson("planner-post-tasks.response.json"), made, Maps);
        Assert.Equal(200, listStatus);
        // assigneePriority is an order hint Planner sets when people order their own tasks; a new task has none yet.
        AssertSameShape(ExampleJson("plannerplan-list-tasks.response.json"), tasks, Maps, absent: ["assigneePriority"]);
        Assert.Equal(200, patchStatus);
        AssertSameShape(ExampleJson("plannertask-update.response.json"), patched, [.. Maps, "appliedCategories"],
            absent: ["assigneePriority"]);
    }

    [Fact]
    public async Task TaskDetails_DocumentedExamples_ParseAndLocalAnswersHaveTheShape()
    {
        var details = await DeserializeAsync(Example("plannertaskdetails-get.response.json"),
            PlannerTaskDetails.CreateFromDiscriminatorValue);
        Assert.Equal("Task details properties:\nchecklist:Sub items\nreferences:Related links", details!.Description);
        Assert.Single(details.References!.AdditionalData);
        await using var ward = await WardHarness.StartAsync();
        var (planId, bucketId, userId) = await PlanBucketAndUserAsync(ward);
        var (_, task, _) = await SendAsync(ward, HttpMethod.Post, "planner/tasks", TaskRequest(planId, bucketId, userId));
        var taskId = task.GetProperty("id").GetString()!;
        // The state plannertaskdetails-get.md shows (the documented update changes it): a description, a reference, a checklist item.
        await SendAsync(ward, HttpMethod.Patch, $"planner/tasks/{taskId}/details", """
            {"description":"Task details properties:\nchecklist:Sub items\nreferences:Related links",
             "references":{"https%3A//developer%2Emicrosoft%2Ecom/en-us/graph/graph-explorer":
               {"@odata.type":"microsoft.graph.plannerExternalReference","alias":"Graph Explorer","type":"Other"}},
             "checklist":{"d280ed1a-9f6b-4f9c-a962-fb4d00dc50ff":
               {"@odata.type":"microsoft.graph.plannerChecklistItem","title":"Try reading task details","isChecked":false}}}
            """, ("If-Match", await DetailsETagAsync(ward, taskId)));

        var (updateStatus, updated, _) = await SendAsync(ward, HttpMethod.Patch, $"planner/tasks/{taskId}/details",
            Example("plannertaskdetails-update.request.json"), ("If-Match", await DetailsETagAsync(ward, taskId)),
            ("Prefer", "return=representation"));
        var (getStatus, got, _) = await SendAsync(ward, HttpMethod.Get, $"planner/tasks/{taskId}/details");

        Assert.Equal(200, updateStatus);
        AssertSameShape(ExampleJson("plannertaskdetails-update.response.json"), updated, Maps);
        Assert.Equal(200, getStatus);
        AssertSameShape(ExampleJson("plannertaskdetails-get.response.json"), got, Maps);
        Assert.Equal(2, got.GetProperty("references").EnumerateObject().Count());
    }

    private static async Task<JsonElement> CreatePlanAsync(WardHarness ward)
    {
        var request = Example("planner-post-plans.request.json")
            .Replace("ebf3b108-5234-4e22-b93d-656d7dae5874", ward.Server.Tenant.WardGroupId, StringComparison.Ordinal);
        var (status, plan, _) = await SendAsync(ward, HttpMethod.Post, "planner/plans", request);
        Assert.Equal(201, status);
        return plan;
    }

    private static async Task<(string PlanId, string BucketId, string UserId)> PlanBucketAndUserAsync(WardHarness ward)
    {
        var planId = (await CreatePlanAsync(ward)).GetProperty("id").GetString()!;
        var (_, bucket, _) = await SendAsync(ward, HttpMethod.Post, "planner/buckets",
            Example("planner-post-buckets.request.json").Replace("xqQg5FS2LkCp935s-FIFm2QAFkHM", planId, StringComparison.Ordinal));
        var (_, user, _) = await SendAsync(ward, HttpMethod.Get, "users/vp.chuyenvien1@haian.example.vn");
        return (planId, bucket.GetProperty("id").GetString()!, user.GetProperty("id").GetString()!);
    }

    private static string TaskRequest(string planId, string bucketId, string userId) => Example("planner-post-tasks.request.json")
        .Replace("xqQg5FS2LkCp935s-FIFm2QAFkHM", planId, StringComparison.Ordinal)
        .Replace("hsOf2dhOJkqyYYZEtdzDe2QAIUCR", bucketId, StringComparison.Ordinal)
        .Replace("fbab97d0-4932-4511-b675-204639209557", userId, StringComparison.Ordinal);

    private static async Task<string> DetailsETagAsync(WardHarness ward, string taskId)
    {
        var (_, details, _) = await SendAsync(ward, HttpMethod.Get, $"planner/tasks/{taskId}/details");
        return details.GetProperty("@odata.etag").GetString()!;
    }
}
