using System.Globalization;
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

/// <summary>SubmitReport against the local Graph: the same SubmissionRules as an uploaded template, and the body limits.</summary>
public class SubmitReportRulesTests
{
    private const string VhxhHead = "vhxh.truong@haian.example.vn";

    private static string Body(params object[] rows) => JsonSerializer.Serialize(new { unit = "VHXH", round = 1, rows },
        new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static async Task<(WardHarness Harness, TestApp App)> SyncedAsync()
    {
        var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        var app = new TestApp(harness);
        await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
        return (harness, app);
    }

    private static Task<IActionResult> SubmitAsync(TestApp app, string body) => app.Get<ReporterFunctions>().SubmitReport(
        Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter), "POST", jsonBody: body), new FakeFunctionContext());

    private static async Task<int> ReportRowsAsync(WardHarness harness)
    {
        using var session = harness.NewSession();
        return (await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None)).Count;
    }

    [Fact]
    public async Task SubmitReport_UnknownTaskCode_400WithTheRowAndNothingWritten()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, Body(new { code = "1.1", result = "Đã làm." }, new { code = "99.9", result = "Lạ." }));

        Assert.Equal(400, StatusOf(result));
        var error = Assert.IsType<RowErrorBody>(((ObjectResult)result).Value);
        var problem = Assert.Single(error.Rows);
        Assert.Equal("99.9", problem.Code);
        Assert.Null(problem.Field);
        Assert.Equal(0, await ReportRowsAsync(harness));
    }

    [Fact]
    public async Task SubmitReport_CellOver4000Characters_400NamingTheField()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, Body(new { code = "1.1", result = new string('a', 4001) }));

        Assert.Equal(400, StatusOf(result));
        var problem = Assert.Single(Assert.IsType<RowErrorBody>(((ObjectResult)result).Value).Rows);
        Assert.Equal(("1.1", "result"), (problem.Code, problem.Field));
    }

    [Fact]
    public async Task SubmitReport_WrongCatalogueVersion_400()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        var body = """{"unit":"VHXH","round":1,"catalogueVersion":"0000000000000000","rows":[{"code":"1.1","result":"x"}]}""";

        var result = await SubmitAsync(app, body);

        Assert.Equal(400, StatusOf(result));
        Assert.Contains("phiên bản", Assert.Single(Assert.IsType<RowErrorBody>(((ObjectResult)result).Value).Rows).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitReport_MoreRowsThanTheUnitsWorkItems_400()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        var many = Enumerable.Range(1, 200).Select(i => (object)new { code = "x" + i.ToString(CultureInfo.InvariantCulture) }).ToArray();

        var tooMany = await SubmitAsync(app, Body(many));

        Assert.Equal(400, StatusOf(tooMany));
        Assert.Contains("nhiều hơn", Assert.IsType<RowErrorBody>(((ObjectResult)tooMany).Value).Rows[0].Message,
            StringComparison.Ordinal);
        Assert.Equal(0, await ReportRowsAsync(harness));
    }

    [Fact]
    public async Task SubmitReport_UnknownRound_404AndClosedRound_409()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var unknown = await SubmitAsync(app, """{"unit":"VHXH","round":9,"rows":[{"code":"1.1","result":"x"}]}""");
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 20, 3, 0, 0, TimeSpan.Zero));
        var closed = await SubmitAsync(app, Body(new { code = "1.1", result = "Đã làm." }));

        Assert.Equal(404, StatusOf(unknown));
        Assert.Equal(409, StatusOf(closed));
        Assert.Equal(0, await ReportRowsAsync(harness));
    }

    [Fact]
    public async Task SubmitReport_ControlCharacters_StrippedBeforeTheyAreStored()
    {
        var (harness, app) = await SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, Body(new { code = "1.1", result = "Đã\u0001 tổ chức\u000B hội nghị\uFFFF." }));

        Assert.Equal(202, StatusOf(result));
        using var session = harness.NewSession();
        var rows = await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None);
        var stored = string.Join("|", rows.SelectMany(r => r.Fields.Values).OfType<string>());
        Assert.Contains("Đã tổ chức hội nghị.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', stored);
    }

    [Fact]
    public async Task SubmitReport_BodyOver256KB_413()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);
        var big = Body(new { code = "1.1", result = new string('a', 300 * 1024) });

        var result = await SubmitAsync(app, big);

        Assert.Equal(413, StatusOf(result));
    }
}
