using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using Microsoft.AspNetCore.Mvc;
using static DanVan365.Functions.Tests.Support.HttpResults;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>GET /api/dashboard and GET /api/my/work against the local Graph after the decision was synced.</summary>
public class PortalFunctionsTests
{
    private const string VhxhHead = SubmitReportTests.VhxhHead;

    private static Task<IActionResult> DashboardAsync(TestApp app, string? query, string? upn = VhxhHead, params string[] roles) =>
        app.Get<PortalFunctions>().Dashboard(Principals.Request(upn is null ? Principals.Anonymous : Principals.User(upn,
            roles.Length == 0 ? [AppRoles.Reporter] : roles), query: query), new FakeFunctionContext());

    private static Task<IActionResult> MyWorkAsync(TestApp app, string upn, string? query = null) =>
        app.Get<PortalFunctions>().MyWork(Principals.Request(Principals.User(upn, AppRoles.Reporter), query: query),
            new FakeFunctionContext());

    [Fact]
    public async Task Dashboard_AfterSync_FiguresEqualTheStatusReport()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        var asOf = new DateOnly(2026, 11, 30);

        var result = await DashboardAsync(app, "?asOf=2026-11-30");

        var body = Assert.IsType<DashboardBody>(((ObjectResult)result).Value);
        using var session = harness.NewSession();
        var rows = await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
        var catalogue = Catalogue;
        // The figures are about the units the committee assigns; the units it only requests are counted apart.
        var assigned = rows.Where(r => harness.Units.IsAssigned(AssignmentRow.From(r)!.UnitCode)).ToList();
        var expected = StatusReport.Build(assigned, catalogue.Sections, harness.Units, asOf);
        var requested = StatusReport.Build([.. rows.Except(assigned)], catalogue.Sections, harness.Units, asOf);
        Assert.Equal(asOf, body.AsOf);
        Assert.Equal(expected.Totals.Total, body.Totals.Total);
        Assert.Equal(expected.Units.Select(u => (u.Key, u.Total, u.Ongoing, u.Count(StatusCategory.InProgressOverdue))),
            body.Units.Select(u => (u.Key, u.Total, u.Ongoing, u.Counts["InProgressOverdue"])));
        Assert.Equal(expected.Sections.Select(s => (s.Key, s.Total)), body.Sections.Select(s => (s.Key, s.Total)));
        Assert.Equal(expected.Totals.Count(StatusCategory.InProgressOverdue), body.Overdue.Count);
        Assert.True(body.Overdue.Count > 0, "the bundled decision has overdue tasks on 2026-11-30");
        Assert.Equal(body.Overdue.OrderByDescending(o => o.DaysOverdue).Select(o => o.DaysOverdue),
            body.Overdue.Select(o => o.DaysOverdue));
        Assert.All(body.Overdue, o => Assert.Equal(asOf.DayNumber - o.LastDay.DayNumber, o.DaysOverdue));
        Assert.All(body.Overdue, o => Assert.NotNull(o.ListItemUrl));
        Assert.NotEmpty(body.Rounds);
        Assert.All(body.Rounds.SelectMany(r => r.Units), u => Assert.Equal("Missing", u.State));
        Assert.All(body.Rounds.SelectMany(r => r.Units), u => Assert.True(harness.Units.IsAssigned(u.Unit), u.Unit));
        Assert.All(body.Rounds, r => Assert.Contains(r.Requested, u => u.Unit == "MTTQ"));
        Assert.All(body.Rounds.SelectMany(r => r.Requested), u => Assert.Equal("NotRequired", u.State));
        // A requested unit owns no Phân công row (TaskOwners: task 3.5.d is followed up by VHXH on DN's behalf), so the
        // bundled ward has no requested unit's assignment to count apart.
        Assert.Empty(requested.Units);
        Assert.Equal(requested.Units.Select(u => (u.Key, u.Total)), body.RequestedUnits.Select(u => (u.Key, u.Total)));
        Assert.All(body.Overdue, o => Assert.True(harness.Units.IsAssigned(o.Unit), o.Unit));
    }

    [Fact]
    public async Task Dashboard_UnitFilter_CountsOnlyThatUnit()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        var all = Assert.IsType<DashboardBody>(((ObjectResult)await DashboardAsync(app, "?asOf=2026-11-30")).Value);
        var one = Assert.IsType<DashboardBody>(((ObjectResult)await DashboardAsync(app, "?asOf=2026-11-30&unit=VHXH")).Value);

        Assert.Equal(all.Units.Single(u => u.Key == "VHXH").Total, one.Totals.Total);
        Assert.Equal(["VHXH"], one.Units.Select(u => u.Key));
        Assert.All(one.Rounds, r => Assert.Equal(["VHXH"], r.Units.Select(u => u.Unit)));
    }

    [Theory]
    [InlineData("?unit=KHONGCO")]
    [InlineData("?section=99")]
    [InlineData("?status=Xong")]
    [InlineData("?asOf=30/11/2026")]
    public async Task Dashboard_UnknownFilter_400(string query)
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        Assert.Equal(400, StatusOf(await DashboardAsync(app, query)));
    }

    [Fact]
    public async Task Dashboard_CallerNotInTheDirectoryOrAnonymous_Refused()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        Assert.Equal(403, StatusOf(await DashboardAsync(app, null, "x@haian.example.vn")));
        Assert.Equal(401, StatusOf(await DashboardAsync(app, null, null)));
    }

    [Fact]
    public async Task MyWork_AfterASubmission_RowsOfTheCallersUnitWithWhatWasSaved()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        await app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter), "POST",
            jsonBody: """{"unit":"VHXH","round":1,"rows":[{"code":"1.1","result":"Đã làm.","status":"Hoàn thành đúng hạn"}]}"""),
            new FakeFunctionContext());

        var result = await MyWorkAsync(app, VhxhHead, "?round=1");

        var body = Assert.IsType<MyWorkBody>(((ObjectResult)result).Value);
        Assert.Equal("VHXH", body.Unit.Code);
        Assert.Equal(1, body.Round.Round);
        Assert.Equal(WardTime.Today(harness.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            body.SubmittedAt);
        var saved = body.Rows.Single(r => r.Code == "1.1");
        Assert.Equal(("Đã làm.", "Hoàn thành đúng hạn"), (saved.Saved!.Result, saved.Saved.Status));
        Assert.All(body.Rows.Where(r => r.Code != "1.1"), r => Assert.Null(r.Saved));
        Assert.All(body.Rows, r => Assert.Contains(r.Role, new[] { "chủ trì", "phối hợp" }));
    }

    [Fact]
    public async Task MyWork_UnitOfAnotherPerson_403AndUnknownRound_404()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;

        Assert.Equal(403, StatusOf(await MyWorkAsync(app, "vp.truong@haian.example.vn", "?unit=VHXH")));
        Assert.Equal(404, StatusOf(await MyWorkAsync(app, VhxhHead, "?round=99")));
    }
}
