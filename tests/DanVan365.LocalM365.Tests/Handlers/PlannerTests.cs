using Microsoft.Kiota.Abstractions.Serialization;

namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class PlannerTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public PlannerTests(LocalGraphFixture fx) => _fx = fx;

    private GraphServiceClient Client => _fx.Client;

    [Fact]
    public async Task CreatePlan_GroupContainerByUrl_IsListedForGroup()
    {
        var plan = await NewPlanAsync();
        Assert.Equal(_fx.Tenant.WardGroupId, plan.Container!.ContainerId);
        var plans = await Client.Groups[_fx.Tenant.WardGroupId].Planner.Plans.GetAsync();
        Assert.Contains(plans!.Value!, p => p.Id == plan.Id);
    }

    [Fact]
    public async Task CreatePlan_ContainerId_Works()
    {
        var plan = await Client.Planner.Plans.PostAsync(new PlannerPlan
        {
            Title = "Theo id",
            Container = new PlannerPlanContainer { ContainerId = _fx.Tenant.WardGroupId, Type = PlannerContainerType.Group },
        });
        Assert.Equal(_fx.Tenant.WardGroupId, plan!.Container!.ContainerId);
    }

    [Fact]
    public async Task PatchPlanDetails_CategoryDescriptions_AreSavedWithNewETag()
    {
        var plan = await NewPlanAsync();
        var details = await Client.Planner.Plans[plan.Id].Details.GetAsync();
        var etag = (string)details!.AdditionalData["@odata.etag"];
        await Client.Planner.Plans[plan.Id].Details.PatchAsync(
            new PlannerPlanDetails
            {
                CategoryDescriptions = new PlannerCategoryDescriptions
                {
                    Category1 = "I. Tuyên truyền",
                    Category2 = "II. Dân chủ"
                }
            },
            rc => rc.Headers.Add("If-Match", etag));
        var after = await Client.Planner.Plans[plan.Id].Details.GetAsync();
        Assert.Equal("I. Tuyên truyền", after!.CategoryDescriptions!.Category1);
        Assert.Equal("II. Dân chủ", after.CategoryDescriptions.Category2);
        Assert.NotEqual(etag, after.AdditionalData["@odata.etag"]);
    }

    [Fact]
    public async Task CreateTask_WithBucketAndAssignees_ListedPagedInPlan()
    {
        var plan = await NewPlanAsync();
        var bucket = await Client.Planner.Buckets.PostAsync(new PlannerBucket { Name = "VHXH", PlanId = plan.Id, OrderHint = " !" });
        var buckets = await Client.Planner.Plans[plan.Id].Buckets.GetAsync();
        Assert.Contains(buckets!.Value!, b => b.Id == bucket!.Id);

        var user = await Client.Users["vhxh.truong@haian.example.vn"].GetAsync();
        for (var i = 1; i <= 5; i++)
        {
            await Client.Planner.Tasks.PostAsync(new PlannerTask
            {
                PlanId = plan.Id,
                BucketId = bucket!.Id,
                Title = "Nhiệm vụ " + i,
                DueDateTime = new DateTimeOffset(2026, 9, 14, 0, 0, 0, TimeSpan.FromHours(7)),
                Assignments = Assign(user!.Id!),
                AppliedCategories =
                    new PlannerAppliedCategories { AdditionalData = new Dictionary<string, object> { ["category1"] = true } },
            });
        }

        var first = await Client.Planner.Plans[plan.Id].Tasks.GetAsync(rc => rc.QueryParameters.Top = 2);
        Assert.NotNull(first!.OdataNextLink);
        var titles = new List<string>();
        await PageIterator<PlannerTask, PlannerTaskCollectionResponse>.CreatePageIterator(Client, first, t =>
        {
            titles.Add(t.Title!);
            Assert.True(t.Assignments!.AdditionalData.ContainsKey(user!.Id!));
            return true;
        }).IterateAsync();
        Assert.Equal(5, titles.Count);
    }

    [Fact]
    public async Task PatchTask_PreferRepresentation_ReturnsObject_ElseNoContent()
    {
        var task = await NewTaskAsync();
        var etag = (string)task.AdditionalData["@odata.etag"];
        var returned = await Client.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { PercentComplete = 50 }, rc =>
        {
            rc.Headers.Add("If-Match", etag);
            rc.Headers.Add("Prefer", "return=representation");
        });
        Assert.Equal(50, returned!.PercentComplete);
        var etag2 = (string)returned.AdditionalData["@odata.etag"];
        Assert.NotEqual(etag, etag2);

        var none = await Client.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { PercentComplete = 100 },
            rc => rc.Headers.Add("If-Match", etag2));
        Assert.Null(none);
        var done = await Client.Planner.Tasks[task.Id].GetAsync();
        Assert.NotNull(done!.CompletedDateTime);
    }

    [Fact]
    public async Task PatchTask_StaleOrMissingIfMatch_Throws412()
    {
        var task = await NewTaskAsync();
        var etag = (string)task.AdditionalData["@odata.etag"];
        await Client.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { Title = "mới" }, rc => rc.Headers.Add("If-Match", etag));

        var stale = await Assert.ThrowsAsync<ODataError>(() => Client.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { Title = "cũ" },
            rc => rc.Headers.Add("If-Match", etag)));
        Assert.Equal(412, stale.ResponseStatusCode);
        var missing = await Assert.ThrowsAsync<ODataError>(() => Client.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { Title = "x" }));
        Assert.Equal(412, missing.ResponseStatusCode);
        var delete = await Assert.ThrowsAsync<ODataError>(() => Client.Planner.Tasks[task.Id].DeleteAsync(rc => rc.Headers.Add("If-Match",
            etag)));
        Assert.Equal(412, delete.ResponseStatusCode);
    }

    [Fact]
    public async Task TaskDetails_SeparateETag_ChecklistAndReferencesSaved()
    {
        var task = await NewTaskAsync();
        var details = await Client.Planner.Tasks[task.Id].Details.GetAsync();
        var detailsTag = (string)details!.AdditionalData["@odata.etag"];
        Assert.NotEqual(task.AdditionalData["@odata.etag"], detailsTag);

        await Client.Planner.Tasks[task.Id].Details.PatchAsync(new PlannerTaskDetails
        {
            Description = "Căn cứ Quyết định 673/QĐ-UBND",
            Checklist =
                new PlannerChecklistItems
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["c1"] = new PlannerChecklistItem
                        {
                            Title =
                "Nộp báo cáo đợt 1",
                            IsChecked = false
                        }
                    }
                },
            References =
                new PlannerExternalReferences
                {
                    AdditionalData =
                new Dictionary<string, object>
                {
                    ["https%3A//haian%2Esharepoint%2Ecom/qd"] = new PlannerExternalReference
                    {
                        Alias =
                "QĐ 673",
                        Type = "Other"
                    }
                }
                },
        }, rc => rc.Headers.Add("If-Match", detailsTag));

        var after = await Client.Planner.Tasks[task.Id].Details.GetAsync();
        Assert.Equal("Căn cứ Quyết định 673/QĐ-UBND", after!.Description);
        var item = Assert.IsType<UntypedObject>(after.Checklist!.AdditionalData["c1"]).GetValue();
        Assert.Equal("Nộp báo cáo đợt 1", Assert.IsType<UntypedString>(item["title"]).GetValue());
        Assert.Single(after.References!.AdditionalData);
        var refreshed = await Client.Planner.Tasks[task.Id].GetAsync();
        Assert.Equal(1, refreshed!.ChecklistItemCount);
        Assert.True(refreshed.HasDescription);
    }

    [Fact]
    public async Task CreateTask_21Assignees_Throws403MaximumAssignees()
    {
        var plan = await NewPlanAsync();
        var assignments = new PlannerAssignments { AdditionalData = new Dictionary<string, object>() };
        for (var i = 0; i < 21; i++)
        {
            assignments.AdditionalData[Guid.NewGuid().ToString()] = new PlannerAssignment { OrderHint = " !" };
        }

        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Planner.Tasks.PostAsync(new PlannerTask { PlanId = plan.Id, Title = "Quá nhiều", Assignments = assignments }));
        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("MaximumAssigneesInTasks", error.Error!.Code);
    }

    [Fact]
    public async Task PatchTaskDetails_21ChecklistItems_Throws403()
    {
        var task = await NewTaskAsync();
        var details = await Client.Planner.Tasks[task.Id].Details.GetAsync();
        var items = new PlannerChecklistItems { AdditionalData = new Dictionary<string, object>() };
        for (var i = 0; i < 21; i++)
        {
            items.AdditionalData["i" + i] = new PlannerChecklistItem { Title = "Mục " + i };
        }

        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Planner.Tasks[task.Id].Details.PatchAsync(new PlannerTaskDetails { Checklist = items },
            rc => rc.Headers.Add("If-Match", (string)details!.AdditionalData["@odata.etag"])));
        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("MaximumChecklistItemsOnTask", error.Error!.Code);
    }

    [Fact]
    public async Task DeleteTask_CurrentETag_RemovesIt()
    {
        var task = await NewTaskAsync();
        await Client.Planner.Tasks[task.Id].DeleteAsync(rc => rc.Headers.Add("If-Match", (string)task.AdditionalData["@odata.etag"]));
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Planner.Tasks[task.Id].GetAsync());
        Assert.Equal(404, error.ResponseStatusCode);
    }

    private static PlannerAssignments Assign(string userId) => new()
    {
        AdditionalData = new Dictionary<string, object> { [userId] = new PlannerAssignment { OrderHint = " !" } },
    };

    private async Task<PlannerPlan> NewPlanAsync() =>
        (await Client.Planner.Plans.PostAsync(new PlannerPlan
        {
            Title = "Dân vận 2026",
            Container = new PlannerPlanContainer { Url = "https://graph.microsoft.com/v1.0/groups/" + _fx.Tenant.WardGroupId },
        }))!;

    private async Task<PlannerTask> NewTaskAsync()
    {
        var plan = await NewPlanAsync();
        return (await Client.Planner.Tasks.PostAsync(new PlannerTask { PlanId = plan.Id, Title = "Một nhiệm vụ" }))!;
    }
}
