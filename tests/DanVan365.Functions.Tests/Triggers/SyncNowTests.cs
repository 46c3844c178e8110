using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;
using static DanVan365.Functions.Tests.Support.HttpResults;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// Issue 13: SyncNow queues the sync on ward-jobs and answers 202 with where to read the outcome; the queue job takes
/// the ward's lease; a busy ward answers 409 over HTTP and writes nothing.
/// </summary>
public class SyncNowTests
{
    private const string Admin = "admin@haian.example.vn";

    private static readonly Dictionary<string, string?> NoWait = new() { ["WardLease:Wait"] = "00:00:00" };

    private static Task<IActionResult> SyncNowAsync(TestApp app, string? query = null) =>
        app.Get<AdminFunctions>().SyncNow(Principals.Request(Principals.User(Admin, AppRoles.Admin), "POST", query),
            new FakeFunctionContext());

    private static Task<IActionResult> OutcomeAsync(TestApp app, string id, string role = AppRoles.Admin) =>
        app.Get<AdminFunctions>().JobOutcome(Principals.Request(Principals.User(Admin, role), "GET"), id, new FakeFunctionContext());

    private static Task RunQueuedAsync(TestApp app) =>
        app.Get<RunWardJobFunction>().Run(Assert.Single(((InMemoryWardJobQueue)app.Queue).Messages), FakeFunctionContext.ForQueue(1));

    [Fact]
    public async Task SyncNow_Admin_202QueuedThenTheJobSyncsAndItsOutcomeIsReadable()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var requests = harness.Server.GetStats().Requests;

        var result = await SyncNowAsync(app);

        // Nothing ran inside the request: the sync is a queue message carrying its id and "force".
        Assert.Equal(requests, harness.Server.GetStats().Requests);
        var accepted = Assert.IsType<AcceptedResult>(result);
        Assert.Equal(202, StatusOf(result));
        var body = Assert.IsType<WardJobAccepted>(accepted.Value);
        Assert.Matches("^[0-9a-f]{32}$", body.Id);
        Assert.Equal($"/api/jobs/{body.Id}?ward=hai-an", accepted.Location);
        Assert.Equal(accepted.Location, body.StatusUrl);
        Assert.Equal("queued", body.State);
        var message = WardJobMessage.Parse(Assert.Single(((InMemoryWardJobQueue)app.Queue).Messages));
        Assert.Equal(new WardJobMessage(TestApp.GoodWard, WardJob.SyncCatalogue, body.Id, Force: true), message);
        Assert.Equal(202, StatusOf(await OutcomeAsync(app, body.Id)));

        await RunQueuedAsync(app);

        using (var session = harness.NewSession())
        {
            Assert.Equal(31, (await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Count);
        }

        var read = await OutcomeAsync(app, body.Id);
        Assert.Equal(200, StatusOf(read));
        var outcome = Assert.IsType<WardJobOutcome>(((ObjectResult)read).Value);
        Assert.Equal((body.Id, "hai-an", WardJob.SyncCatalogue, "done"), (outcome.Id, outcome.Ward, outcome.Job, outcome.State));
        Assert.True(outcome.Sync!.Synced);
        Assert.Equal("qd-673-2026-hai-an.txt", outcome.Sync.DecisionFile);
        Assert.True(outcome.Sync.Created > 0);
        var json = System.Text.Json.JsonSerializer.Serialize(outcome, new System.Text.Json.JsonSerializerOptions(
            System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Contains("\"job\":\"SyncCatalogue\",\"state\":\"done\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncNow_DecisionUnchanged_TheQueuedJobSyncsAnyway()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var body = (WardJobAccepted)((AcceptedResult)await SyncNowAsync(app)).Value!;
        await RunQueuedAsync(app);

        var outcome = (WardJobOutcome)((ObjectResult)await OutcomeAsync(app, body.Id)).Value!;
        Assert.True(outcome.Sync!.Synced);
        Assert.Equal(0, outcome.Sync.Created);
        Assert.True(outcome.Sync.Unchanged > 0);
    }

    [Fact]
    public async Task SyncNow_BadSiteWard_202AndTheQueuedJobFails()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness, withBadWard: true);

        var result = await SyncNowAsync(app, "?ward=" + TestApp.BadWard);

        Assert.Equal(202, StatusOf(result));
        // The host retries the message, then moves it to ward-jobs-poison.
        await Assert.ThrowsAnyAsync<RemoteServiceException>(() => RunQueuedAsync(app));
    }

    [Fact]
    public async Task RunWardJob_SyncNowJobOnABusyWard_ThrowsBusyWritesNothingOutcomeStillQueued()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness, extra: NoWait);
        using var other = harness.NewSession();
        await using var held = await other.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        var body = (WardJobAccepted)((AcceptedResult)await SyncNowAsync(app)).Value!;
        var writes = harness.Server.GetStats().Writes;

        // Busy: the message is retried later by the queue; nothing is written, not even an outcome.
        await Assert.ThrowsAsync<WardBusyException>(() => RunQueuedAsync(app));

        Assert.Equal(writes, harness.Server.GetStats().Writes);
        Assert.Equal(202, StatusOf(await OutcomeAsync(app, body.Id)));
    }

    [Fact]
    public async Task CompileRoundReportNow_WardBusy_409WithTheMessageAndNothingWritten()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness, extra: NoWait);
        using var other = harness.NewSession();
        await using var held = await other.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        var writes = harness.Server.GetStats().Writes;

        var result = await app.Get<AdminFunctions>().CompileRoundReportNow(Principals.Request(Principals.User(Admin, AppRoles.Admin),
            "POST"), 1, new FakeFunctionContext());

        Assert.Equal(409, StatusOf(result));
        var error = Assert.IsType<ErrorBody>(((ObjectResult)result).Value);
        Assert.Equal("Chưa tổng hợp báo cáo được: Phường Hải An đang được một tiến trình khác cập nhật; chưa ghi gì, "
            + "hãy thử lại sau ít phút.", error.Error);
        Assert.Equal(writes, harness.Server.GetStats().Writes);
    }

    [Fact]
    public async Task SubmitReport_WardBusy_409AndNoRowWritten()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness, extra: NoWait);
        await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
        using var other = harness.NewSession();
        await using var held = await other.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        var writes = harness.Server.GetStats().Writes;
        const string body = """
            {"unit":"VHXH","round":1,"rows":[
              {"code":"1.1","result":"Đã tổ chức 3 hội nghị.","status":"Hoàn thành đúng hạn","difficulties":"","proposals":""}
            ]}
            """;

        var result = await app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(SubmitReportTests.VhxhHead,
            AppRoles.Reporter), "POST", jsonBody: body), new FakeFunctionContext());

        Assert.Equal(409, StatusOf(result));
        Assert.Contains("Chưa ghi báo cáo được: Phường Hải An đang được một tiến trình khác cập nhật",
            ((ErrorBody)((ObjectResult)result).Value!).Error,
            StringComparison.Ordinal);
        Assert.Equal(writes, harness.Server.GetStats().Writes);
    }

    [Theory]
    [InlineData("not-a-job-id")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde'")]
    public async Task JobOutcome_IdNotAJobId_400(string id)
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(400, StatusOf(await OutcomeAsync(app, id)));
        Assert.Equal(0, harness.Server.GetStats().Requests);
    }

    [Fact]
    public async Task JobOutcome_Reporter_403()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(403, StatusOf(await OutcomeAsync(app, WardJobOutcomes.NewId(), AppRoles.Reporter)));
    }
}
