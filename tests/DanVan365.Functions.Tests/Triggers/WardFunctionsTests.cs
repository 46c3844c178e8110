using DanVan365.Core.Sync;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;
using static DanVan365.Functions.Tests.Support.HttpResults;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>Each function class called directly (fake FunctionContext, fake HttpRequest) against the local Graph.</summary>
public class WardFunctionsTests
{
    private const string Admin = "admin@haian.example.vn";

    private static async Task RunQueuedAsync(TestApp app)
    {
        var queue = (InMemoryWardJobQueue)app.Queue;
        var function = app.Get<RunWardJobFunction>();
        foreach (var message in queue.Messages.ToList())
        {
            await function.Run(message, FakeFunctionContext.ForQueue(1));
        }

        queue.Messages.Clear();
    }

    [Fact]
    public async Task SyncCatalogue_NewDecisionInLibrary_SyncsListsAndPlannerThenSkipsUnchanged()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);

        await app.Get<ScheduledFunctions>().SyncCatalogue(new Microsoft.Azure.Functions.Worker.TimerInfo(), new FakeFunctionContext());
        var queue = (InMemoryWardJobQueue)app.Queue;
        Assert.Equal(["{\"ward\":\"hai-an\",\"job\":\"SyncCatalogue\"}"], queue.Messages);
        await RunQueuedAsync(app);

        using var session = harness.NewSession();
        Assert.Equal(31, (await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Count);
        Assert.NotNull(await session.Planner.SnapshotAsync(TestApp.PlanTitle, CancellationToken.None));
        var decision = Assert.Single(await session.Library.ListAsync(SiteSchema.DecisionFolder, CancellationToken.None));
        // The sealed processed-file value starts with the content version judged (issue 22, ProcessedStamp).
        Assert.StartsWith(decision.Version + "|", decision.Fields[DanVan365.Core.Wards.DecisionIntake.StampColumn],
            StringComparison.Ordinal);

        var again = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
        Assert.False(again.Synced);
        Assert.Equal("decision unchanged", again.SkipReason);
        Assert.True(again.Requests <= 5, $"{again.Requests} requests for a no-change run");
    }

    [Fact]
    public async Task SyncCatalogue_AmendedDecisionUploaded_SyncsAgain()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var jobs = app.Get<IWardJobs>();
        Assert.True((await jobs.SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None)).Synced);

        var text = await File.ReadAllTextAsync(TestUtilities.TestData.DecisionTextPath);
        await TestApp.UploadDecisionAsync(harness, content: System.Text.Encoding.UTF8.GetBytes(text + "\n"));
        var outcome = await jobs.SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        Assert.True(outcome.Synced);
        Assert.Equal(0, outcome.Failures);
        Assert.Equal(0, outcome.Created);
    }

    [Fact]
    public async Task SyncCatalogue_NoDecisionYet_SkipsWithoutWriting()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        var outcome = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        Assert.False(outcome.Synced);
        Assert.StartsWith("no decision", outcome.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncCatalogue_BadDecision_RejectedOnTheFileAndNotRetried()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness, "qd-sai.txt", "Đây không phải quyết định."u8.ToArray());
        using var app = new TestApp(harness);
        var jobs = app.Get<IWardJobs>();

        var outcome = await jobs.SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        Assert.False(outcome.Synced);
        Assert.StartsWith("rejected: qd-sai.txt:", outcome.SkipReason, StringComparison.Ordinal);
        using var session = harness.NewSession();
        var file = Assert.Single(await session.Library.ListAsync(SiteSchema.DecisionFolder, CancellationToken.None));
        Assert.StartsWith("Không nhập được quyết định", file.Fields[DanVan365.Core.Wards.DecisionIntake.RejectionColumn],
            StringComparison.Ordinal);
        Assert.Empty(await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None));
        Assert.Equal("decision unchanged", (await jobs.SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None)).SkipReason);
    }

    [Fact]
    public async Task PullPlannerProgress_AfterSync_RunsThroughTheQueue()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        await app.Get<ScheduledFunctions>().PullPlannerProgress(new Microsoft.Azure.Functions.Worker.TimerInfo(),
            new FakeFunctionContext());
        Assert.Equal(["{\"ward\":\"hai-an\",\"job\":\"PullPlannerProgress\"}"], ((InMemoryWardJobQueue)app.Queue).Messages);
        await RunQueuedAsync(app);

        var outcome = await app.Get<IWardJobs>().PullPlannerProgressAsync(TestApp.GoodWard, CancellationToken.None);
        Assert.Equal(0, outcome.Failures);
    }

    [Fact]
    public async Task RunWardJob_IngestAndEscalateAfterSync_RunAndSendReminders()
    {
        // 02/03/2026 (Monday): 3.5.b's last day was 28/02 → overdue mail to VHXH's people.
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        await app.Get<RunWardJobFunction>().Run("{\"ward\":\"hai-an\",\"job\":\"IngestSubmissions\"}", FakeFunctionContext.ForQueue(1));
        await app.Get<RunWardJobFunction>().Run("{\"ward\":\"hai-an\",\"job\":\"EscalateDeadlines\"}", FakeFunctionContext.ForQueue(1));
        var sent = harness.Server.GetStats().MailsSent;
        await app.Get<RunWardJobFunction>().Run("{\"ward\":\"hai-an\",\"job\":\"EscalateDeadlines\"}", FakeFunctionContext.ForQueue(1));

        Assert.True(sent > 0);
        Assert.Equal(sent, harness.Server.GetStats().MailsSent);
    }

    [Theory]
    [InlineData("IngestSubmissions")]
    [InlineData("EscalateDeadlines")]
    public async Task RunWardJob_NoDecisionYet_DoesNothing(string job)
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        await app.Get<RunWardJobFunction>().Run($"{{\"ward\":\"hai-an\",\"job\":\"{job}\"}}", FakeFunctionContext.ForQueue(1));

        Assert.Equal(0, harness.Server.GetStats().Writes);
    }

    [Fact]
    public async Task RunWardJob_CompileOnADayAfterNoRound_CompilesNothing()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);

        await app.Get<RunWardJobFunction>().Run("{\"ward\":\"hai-an\",\"job\":\"CompileRoundReport\"}", FakeFunctionContext.ForQueue(1));

        Assert.Empty(await app.Get<IWardJobs>().CompileDueRoundReportsAsync(TestApp.GoodWard, CancellationToken.None));
    }

    [Fact]
    public async Task RunWardJob_CompileTheMorningAfterRoundOne_UploadsTheReport()
    {
        // Round 1's last day is 14/9/2026: the 07:00 ICT run of 15/9 compiles it.
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero));
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);

        var compiled = await app.Get<IWardJobs>().CompileDueRoundReportsAsync(TestApp.GoodWard, CancellationToken.None);

        Assert.Equal([1], compiled);
        using var session = harness.NewSession();
        var files = await session.Library.ListAsync("2026/Đợt 1/Tổng hợp", CancellationToken.None);
        Assert.Single(files, f => f.Name.EndsWith(".docx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"ward\":\"hai-an\",\"job\":\"Explode\"}")]
    [InlineData("{\"job\":\"SyncCatalogue\"}")]
    public async Task RunWardJob_UnreadableMessage_ThrowsFormatException(string message)
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        await Assert.ThrowsAsync<FormatException>(() => app.Get<RunWardJobFunction>().Run(message, FakeFunctionContext.ForQueue(1)));
    }

    [Fact]
    public async Task RunWardJob_UnknownWard_Throws()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        await Assert.ThrowsAsync<UnknownWardException>(() => app.Get<RunWardJobFunction>()
            .Run("{\"ward\":\"ha-long\",\"job\":\"SyncCatalogue\"}", FakeFunctionContext.ForQueue(1)));
    }

    [Fact]
    public async Task SyncNow_Anonymous_401WithBearerChallenge()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);
        var request = Principals.Request(Principals.Anonymous, "POST");

        var result = await app.Get<AdminFunctions>().SyncNow(request, new FakeFunctionContext());

        Assert.Equal(401, StatusOf(result));
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task SyncNow_Reporter_403()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        var result = await app.Get<AdminFunctions>().SyncNow(Principals.Request(Principals.User("vhxh.truong@haian.example.vn",
            AppRoles.Reporter), "POST"), new FakeFunctionContext());

        Assert.Equal(403, StatusOf(result));
    }

    [Fact]
    public async Task SyncNow_TwoWardsNoWardParameter_400()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness, withBadWard: true);

        var result = await app.Get<AdminFunctions>().SyncNow(Principals.Request(Principals.User(Admin, AppRoles.Admin), "POST"),
            new FakeFunctionContext());

        Assert.Equal(400, StatusOf(result));
    }

    [Fact]
    public async Task Status_ReporterAfterSync_FourCategoriesPerUnit()
    {
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        var result = await app.Get<ReporterFunctions>().Status(Principals.Request(Principals.User("vhxh.truong@haian.example.vn",
            AppRoles.Reporter), query: "?ward=hai-an"), new FakeFunctionContext());

        Assert.Equal(200, StatusOf(result));
        var status = Assert.IsType<WardStatus>(((ObjectResult)result).Value);
        Assert.Equal(new DateOnly(2026, 3, 2), status.AsOf);
        Assert.NotEmpty(status.Units);
        Assert.All(status.Units, u => Assert.Equal(Core.Status.StatusCategoryLabels.All.Select(l => l.Label).Order(StringComparer.Ordinal),
            u.Categories.Keys.Order(StringComparer.Ordinal)));
        // 3.5.a (before 15/02/2026, not completed) is overdue on 2/3/2026.
        Assert.Contains(status.Units, u => u.Categories["Đang thực hiện quá hạn"] > 0);
        var json = System.Text.Json.JsonSerializer.Serialize(status);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Anonymous_401()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(401, StatusOf(await app.Get<ReporterFunctions>().Status(Principals.Request(Principals.Anonymous),
            new FakeFunctionContext())));
    }

    [Fact]
    public async Task Status_NoAppRole_403()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(403, StatusOf(await app.Get<ReporterFunctions>().Status(Principals.Request(Principals.User("x@haian.example.vn")),
            new FakeFunctionContext())));
    }

    [Fact]
    public async Task CompileRoundReportNow_Reporter_403()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        var result = await app.Get<AdminFunctions>()
            .CompileRoundReportNow(Principals.Request(Principals.User("vhxh.truong@haian.example.vn", AppRoles.Reporter), "POST"), 1,
            new FakeFunctionContext());

        Assert.Equal(403, StatusOf(result));
    }

    [Fact]
    public async Task CompileRoundReportNow_AdminNoDecisionYet_409()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        var result = await app.Get<AdminFunctions>().CompileRoundReportNow(Principals.Request(Principals.User(Admin, AppRoles.Admin),
            "POST"), 1, new FakeFunctionContext());

        Assert.Equal(409, StatusOf(result));
    }

    [Fact]
    public async Task CompileRoundReportNow_AdminAfterSync_200AndReportInLibrary()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await app.Get<AdminFunctions>().CompileRoundReportNow(Principals.Request(Principals.User(Admin, AppRoles.Admin),
            "POST"), 2, new FakeFunctionContext());

        Assert.Equal(200, StatusOf(result));
        using var session = harness.NewSession();
        Assert.NotEmpty(await session.Library.ListAsync("2026/Đợt 2/Tổng hợp", CancellationToken.None));
    }

    [Fact]
    public async Task DispatchWards_AdminTwoWards_EnqueuesOneMessagePerWard()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness, withBadWard: true);

        var result = await app.Get<AdminFunctions>().DispatchWards(Principals.Request(Principals.User(Admin, AppRoles.Admin), "POST"),
            "pullplannerprogress", new FakeFunctionContext());

        Assert.Equal(202, StatusOf(result));
        Assert.Equal(
            ["{\"ward\":\"hai-an\",\"job\":\"PullPlannerProgress\"}", "{\"ward\":\"khong-ton-tai\",\"job\":\"PullPlannerProgress\"}"],
            ((InMemoryWardJobQueue)app.Queue).Messages);
    }

    [Theory]
    [InlineData("Explode", 400)]
    [InlineData("3", 400)]
    public async Task DispatchWards_UnknownJob_400(string job, int expected)
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        var result = await app.Get<AdminFunctions>().DispatchWards(Principals.Request(Principals.User(Admin, AppRoles.Admin), "POST"), job,
            new FakeFunctionContext());

        Assert.Equal(expected, StatusOf(result));
        Assert.Empty(((InMemoryWardJobQueue)app.Queue).Messages);
    }

    [Fact]
    public async Task DispatchWards_Anonymous_401()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(401, StatusOf(await app.Get<AdminFunctions>().DispatchWards(Principals.Request(Principals.Anonymous, "POST"),
            "SyncCatalogue", new FakeFunctionContext())));
    }
}
