using System.Net;
using System.Net.Http.Json;

namespace DanVan365.LocalM365.Tests.Hosting;

public sealed class FaultTests
{
    [Fact]
    public async Task AfterExecution_ServerError_AnswersAfterTheWriteTookEffect()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = await fx.Client.Sites[site].Lists.PostAsync(new List { DisplayName = "Sau khi chạy" });
        using var set = await fx.Control.PostAsJsonAsync("/_emulator/faults",
            new { serverErrorEvery = 1, retryAfterSeconds = 0, afterExecution = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var noRetry = fx.CreateClient(retries: false);

        var error = await Assert.ThrowsAsync<ODataError>(() => noRetry.Sites[site].Lists[list!.Id].Items.PostAsync(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "đã tạo" } } }));

        Assert.Equal(503, error.ResponseStatusCode);
        fx.Server.SetFaults(null);
        var items = await fx.Client.Sites[site].Lists[list!.Id].Items.GetAsync(r => r.QueryParameters.Expand = ["fields"]);
        Assert.Equal("đã tạo", Assert.Single(items!.Value!).Fields!.AdditionalData["Title"]);
    }

    [Fact]
    public async Task BeforeExecution_ServerError_WriteDidNotHappen()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = await fx.Client.Sites[site].Lists.PostAsync(new List { DisplayName = "Trước khi chạy" });
        fx.Server.SetFaults(new EmulatorFaults(ServerErrorEvery: 1, RetryAfterSeconds: 0));
        var noRetry = fx.CreateClient(retries: false);

        await Assert.ThrowsAsync<ODataError>(() => noRetry.Sites[site].Lists[list!.Id].Items.PostAsync(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "không" } } }));

        fx.Server.SetFaults(null);
        var items = await fx.Client.Sites[site].Lists[list!.Id].Items.GetAsync();
        Assert.Empty(items!.Value!);
    }

    [Fact]
    public async Task ConflictEvery_PlannerWrites_EveryNthAnswers409AndOthersSucceed()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var plan = await fx.Client.Planner.Plans.PostAsync(new PlannerPlan
        {
            Title = "Xung đột",
            Container = new PlannerPlanContainer { ContainerId = fx.Tenant.WardGroupId, Type = PlannerContainerType.Group },
        });
        using var set = await fx.Control.PostAsJsonAsync("/_emulator/faults", new { conflictEvery = 2 });
        var noRetry = fx.CreateClient(retries: false);

        await noRetry.Planner.Tasks.PostAsync(new PlannerTask { PlanId = plan!.Id, Title = "một" });
        var error = await Assert.ThrowsAsync<ODataError>(()
            => noRetry.Planner.Tasks.PostAsync(new PlannerTask { PlanId = plan.Id, Title = "hai" }));
        await noRetry.Sites["root"].GetAsync(); // not a Planner write: not counted

        Assert.Equal(409, error.ResponseStatusCode);
        await noRetry.Planner.Tasks.PostAsync(new PlannerTask { PlanId = plan.Id, Title = "ba" });
        var tasks = await fx.Client.Planner.Plans[plan.Id].Tasks.GetAsync();
        Assert.Equal(["ba", "một"], tasks!.Value!.Select(t => t.Title!).Order(StringComparer.Ordinal));
    }
}
