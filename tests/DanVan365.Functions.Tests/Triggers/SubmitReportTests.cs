using System.Text.Json;
using DanVan365.Core.Sync;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;
using static DanVan365.Functions.Tests.Support.HttpResults;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>POST /api/submissions against the local Graph, after the library's decision was synced.</summary>
public class SubmitReportTests
{
    internal const string VhxhHead = "vhxh.truong@haian.example.vn";

    private const string Body = """
        {"unit":"VHXH","round":1,"rows":[
          {"code":"1.1","result":"Đã tổ chức 3 hội nghị.","status":"Hoàn thành đúng hạn","difficulties":"","proposals":""}
        ]}
        """;

    /// <summary>A harness whose library holds the decision, synced by the Functions' own job.</summary>
    /// <summary>
    /// A ward whose clerk uploaded the bundled decision and whose hourly job synced it (lists and Planner): prepared once per
    /// test run and copied for each test (<see cref="SyncedWard"/>).
    /// </summary>
    internal static async Task<(WardHarness Harness, TestApp App)> SyncedAsync(string? outbox = null)
    {
        var harness = await SyncedWard.StartAsync("decision uploaded, synced by the ward job", async ward =>
        {
            await TestApp.UploadDecisionAsync(ward);
            using var app = new TestApp(ward);
            var outcome = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
            Assert.True(outcome.Synced, outcome.SkipReason);
        }, outbox: outbox);
        return (harness, new TestApp(harness));
    }

    private static async Task<IReadOnlyList<CurrentRow>> ReportRowsAsync(WardHarness harness)
    {
        using var session = harness.NewSession();
        return [.. (await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None))
            .Where(r => !string.IsNullOrEmpty(r.Fields.GetValueOrDefault(ReportColumns.Result)))];
    }

    private static Task<IActionResult> SubmitAsync(TestApp app, string? upn, string body, params string[] roles) =>
        app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(upn, roles), "POST", jsonBody: body),
            new FakeFunctionContext());

    [Fact]
    public async Task SubmitReport_ReporterOfTheUnit_202WithWhatWasRecordedAndRowsInBaoCaoKetQua()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, VhxhHead, Body, AppRoles.Reporter);

        Assert.Equal(202, StatusOf(result));
        var answer = Assert.IsType<SubmitResult>(((ObjectResult)result).Value);
        Assert.Equal(("hai-an", "VHXH", 1, 1), (answer.Ward, answer.Unit, answer.Round, answer.Rows));
        Assert.Equal([new RecordedRow("1.1", "Hoàn thành đúng hạn")], answer.Recorded);
        Assert.Equal(harness.Clock.GetUtcNow(), answer.RecordedAt);
        var row = Assert.Single(await ReportRowsAsync(harness));
        Assert.Equal("1|1.1|VHXH", row.Key);
    }

    [Fact]
    public async Task SubmitReport_CellOf5000Characters_400NamingTheRowAndFieldAndNothingWritten()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        var body = JsonSerializer.Serialize(new
        {
            unit = "VHXH",
            round = 1,
            rows = new[] { new { code = "1.1", result = new string('a', 5000), status = "", difficulties = "", proposals = "" } },
        });

        var result = await SubmitAsync(app, VhxhHead, body, AppRoles.Reporter);

        Assert.Equal(400, StatusOf(result));
        var error = Assert.IsType<RowErrorBody>(((ObjectResult)result).Value);
        var problem = Assert.Single(error.Rows);
        Assert.Equal(("1.1", "result"), (problem.Code, problem.Field));
        Assert.Contains("5000", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await ReportRowsAsync(harness));
    }

    [Theory]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[{"code":"1.1","status":"xong rồi"}]}""", "1.1", "status")]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[{"code":"9.9.9","result":"x"}]}""", "9.9.9", null)]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[{"code":"1.1","result":"x"},{"code":"1.1","result":"y"}]}""", "1.1", null)]
    public async Task SubmitReport_BadRow_400WithThatRow(string body, string code, string? field)
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, VhxhHead, body, AppRoles.Reporter);

        Assert.Equal(400, StatusOf(result));
        var problem = Assert.Single(Assert.IsType<RowErrorBody>(((ObjectResult)result).Value).Rows);
        Assert.Equal((code, field), (problem.Code, problem.Field));
        Assert.Empty(await ReportRowsAsync(harness));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"unit":"VHXH","round":0,"rows":[{"code":"1.1"}]}""")]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[]}""")]
    [InlineData("""{"round":1,"rows":[{"code":"1.1"}]}""")]
    [InlineData("""{"unit":"VHXH","round":1,"rows":[{"result":"no code"}]}""")]
    public async Task SubmitReport_BadBody_400(string body)
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(400, StatusOf(await SubmitAsync(app, VhxhHead, body, AppRoles.Reporter)));
    }

    [Fact]
    public async Task SubmitReport_AggregatingUnitsHeadForAnotherUnit_202AsALibraryUploadCounts()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, VhxhHead, Body.Replace("\"unit\":\"VHXH\"", "\"unit\":\"VP\"", StringComparison.Ordinal),
            AppRoles.Reporter);

        Assert.Equal(202, StatusOf(result));
        Assert.Equal("1|1.1|VP", Assert.Single(await ReportRowsAsync(harness)).Key);
    }

    [Theory]
    [InlineData("vp.truong@haian.example.vn", AppRoles.Reporter, 403)]
    [InlineData(VhxhHead, AppRoles.Admin, 403)]
    [InlineData(null, null, 401)]
    public async Task SubmitReport_NotAReporterOfTheUnit_RefusedAndNothingWritten(string? upn, string? role, int expected)
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        var caller = upn is null ? Principals.Anonymous : Principals.User(upn, role!);

        var result = await app.Get<ReporterFunctions>().SubmitReport(Principals.Request(caller, "POST", jsonBody: Body),
            new FakeFunctionContext());

        Assert.Equal(expected, StatusOf(result));
        Assert.Empty(await ReportRowsAsync(harness));
    }

    [Fact]
    public async Task SubmitReport_NoDecisionYet_409()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);

        Assert.Equal(409, StatusOf(await SubmitAsync(app, VhxhHead, Body, AppRoles.Reporter)));
    }
}
