using DanVan365.Core.Sync;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using Microsoft.AspNetCore.Mvc;
using static DanVan365.Functions.Tests.Support.HttpResults;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>The year-end round's form (docs/api.md): POST /api/submissions and GET /api/my/work carry the general part.</summary>
public class YearEndFormTests
{
    private const string VhxhHead = SubmitReportTests.VhxhHead;

    private const string YearEndBody = """
        {"unit":"VHXH","round":3,"rows":[
          {"code":"1.1","result":"Đã tổ chức 3 hội nghị.","status":"Hoàn thành đúng hạn","difficulties":"","proposals":""}
        ],"review":{"strengths":"Chủ động tham mưu.","weaknesses":"Còn chậm.","causes":"Thiếu nhân lực.",
          "nextYear":"Đẩy mạnh chuyển đổi số.","selfScore":{"points":88.5,"note":"Hoàn thành các nhiệm vụ chủ trì."}}}
        """;

    private static Task<IActionResult> SubmitAsync(TestApp app, string body) =>
        app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter), "POST",
            jsonBody: body), new FakeFunctionContext());

    [Fact]
    public async Task SubmitReport_YearEndWithReview_StoredAndShownBackByMyWork()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, YearEndBody);

        Assert.Equal(202, StatusOf(result));
        using (var session = harness.NewSession())
        {
            var rows = await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None);
            Assert.Equal("88,5", rows.Single(r => r.Key == "3|TK.5|VHXH").Fields[ReportColumns.Result]);
            Assert.Equal("Chủ động tham mưu.", rows.Single(r => r.Key == "3|TK.1|VHXH").Fields[ReportColumns.Result]);
        }

        var work = Assert.IsType<MyWorkBody>(((ObjectResult)await app.Get<PortalFunctions>().MyWork(
            Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter), query: "?unit=VHXH&round=3"),
            new FakeFunctionContext())).Value);
        Assert.True(work.Round.YearEnd);
        Assert.Equal(new WorkReviewBody(new ReviewBody("Chủ động tham mưu.", "Còn chậm.", "Thiếu nhân lực.", "Đẩy mạnh chuyển đổi số.",
            new SelfScoreBody(88.5, "Hoàn thành các nhiệm vụ chủ trì.")), "Phương hướng, nhiệm vụ năm 2027", true), work.Review);
    }

    [Fact]
    public async Task SubmitReport_ReviewInRoundOne_400NamingTheReviewAndNothingWritten()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, YearEndBody.Replace("\"round\":3", "\"round\":1", StringComparison.Ordinal));

        Assert.Equal(400, StatusOf(result));
        var error = Assert.IsType<RowErrorBody>(((ObjectResult)result).Value);
        Assert.Equal("review", Assert.Single(error.Rows).Field);
        using var session = harness.NewSession();
        Assert.Empty(await session.Lists.ReadAsync(SiteSchema.Reports, CancellationToken.None));
    }

    [Fact]
    public async Task SubmitReport_BadSelfScore_400NamingTheSelfScore()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var result = await SubmitAsync(app, YearEndBody.Replace("88.5", "120", StringComparison.Ordinal));

        Assert.Equal(400, StatusOf(result));
        Assert.Equal("selfScore", Assert.Single(Assert.IsType<RowErrorBody>(((ObjectResult)result).Value).Rows).Field);
    }
}
