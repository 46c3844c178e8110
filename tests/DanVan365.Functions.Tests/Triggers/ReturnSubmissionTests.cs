using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;
using MimeKit;
using static DanVan365.Functions.Tests.Support.HttpResults;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// Issue 23: Phòng Văn hóa - Xã hội returns a unit's submission for additions (POST /api/rounds/{round}/units/{unit}/return),
/// through the real API classes and the Graph SDK against the local Graph with the bundled Hải An ward.
/// </summary>
public class ReturnSubmissionTests
{
    private const string VpAssignee = HaiAnPeople.VpAssignee;
    private const string VhxhHead = HaiAnPeople.VhxhHead;
    private const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";
    private const string Reason = "Đề nghị bổ sung số liệu hội nghị đã tổ chức và số người tham dự.";

    private static readonly DateTimeOffset SeventhBeforeRoundOne = new(2026, 9, 7, 1, 0, 0, TimeSpan.Zero);

    private static string VpReport(string result) =>
        "{\"unit\":\"VP\",\"round\":1,\"rows\":[{\"code\":\"1.1\",\"result\":\"" + result + "\",\"status\":\"Hoàn thành đúng hạn\"}]}";

    private static Task<IActionResult> SubmitAsync(TestApp app, string upn, string body) =>
        app.Get<ReporterFunctions>().SubmitReport(Principals.Request(Principals.User(upn, AppRoles.Reporter), "POST", jsonBody: body),
            new FakeFunctionContext());

    private static Task<IActionResult> ReturnAsync(TestApp app, string? upn, string unit = "VP", string reason = Reason) =>
        app.Get<ReturnFunctions>().Return(Principals.Request(upn is null ? Principals.Anonymous : Principals.User(upn, AppRoles.Reporter),
            "POST", jsonBody: System.Text.Json.JsonSerializer.Serialize(new { reason })), "1", unit, new FakeFunctionContext());

    private static async Task<MyWorkBody> WorkAsync(TestApp app, string upn) =>
        Assert.IsType<MyWorkBody>(((ObjectResult)await app.Get<PortalFunctions>().MyWork(Principals.Request(Principals.User(upn,
            AppRoles.Reporter), query: "?round=1"), new FakeFunctionContext())).Value);

    private static async Task<DashboardBody> DashboardAsync(TestApp app, string upn) =>
        Assert.IsType<DashboardBody>(((ObjectResult)await app.Get<PortalFunctions>().Dashboard(Principals.Request(Principals.User(upn,
            AppRoles.Reporter)), new FakeFunctionContext())).Value);

    private static async Task<IReadOnlyList<CurrentRow>> ReadAsync(WardHarness harness, ListDefinition list)
    {
        using var session = harness.NewSession();
        return await session.Lists.ReadAsync(list, CancellationToken.None);
    }

    /// <summary>Whether today's escalation (dry run) would remind VP of its report of round 1.</summary>
    private static async Task<bool> VpIsRemindedAsync(WardHarness harness)
    {
        using var session = harness.NewSession();
        var report = await session.Get<WardEscalation>().RunFromLibraryAsync(dryRun: true, CancellationToken.None);
        return report!.Digests.SelectMany(d => d.Digest.Notifications)
            .Any(n => n.Item.Kind == EscalationItemKind.Report && n.Item.Round == 1 && n.Item.UnitCode == "VP");
    }

    [Fact]
    public async Task Return_ByVhxhThenResubmitted_UnitNotifiedStateShownRemindedThenReplacedAndHistoryKept()
    {
        using var outbox = new TempDir();
        var (harness, app) = await SubmitReportTests.SyncedAsync(outbox.Path);
        await using var _ = harness;
        using var __ = app;
        Assert.Equal(202, StatusOf(await SubmitAsync(app, VpAssignee, VpReport("Đã tổ chức hội nghị."))));
        harness.Clock.SetUtcNow(SeventhBeforeRoundOne);
        Assert.False(await VpIsRemindedAsync(harness));

        var returned = await ReturnAsync(app, VhxhAssignee);

        Assert.Equal(200, StatusOf(returned));
        var answer = Assert.IsType<ReturnAnswer>(((ObjectResult)returned).Value);
        Assert.Equal(("VP", 1, "Trả lại, đề nghị bổ sung", Reason, "Đỗ Văn Nam"),
            (answer.Unit, answer.Round, answer.State, answer.Reason, answer.ReturnedBy));
        var mails = await Task.WhenAll(Directory.GetFiles(outbox.Path, "*.eml").Select(f => MimeMessage.LoadAsync(f)));
        var vpPeople = harness.Units.People.Where(p => p.Unit == "VP").Select(p => p.Email).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(vpPeople, mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(vpPeople.Count, answer.Notified);
        var toAssignee = mails.Single(m => m.To.Mailboxes.Single().Address == VpAssignee);
        Assert.StartsWith("Kính gửi đồng chí ", toAssignee.TextBody, StringComparison.Ordinal);
        Assert.Contains(Reason, toAssignee.TextBody, StringComparison.Ordinal);
        Assert.Contains("lần 1 (hạn 14/09/2026)", toAssignee.Subject, StringComparison.Ordinal);
        var work = await WorkAsync(app, VpAssignee);
        Assert.Equal(("Trả lại, đề nghị bổ sung", Reason), (work.Returned!.State, work.Returned.Reason));
        Assert.True(work.Round.Open);
        var cell = (await DashboardAsync(app, VhxhHead)).Rounds.Single(r => r.Round == 1).Units.Single(u => u.Unit == "VP");
        Assert.Equal(("Returned", Reason), (cell.State, cell.Returned!.Reason));
        Assert.True(await VpIsRemindedAsync(harness));
        Assert.Equal(409, StatusOf(await ReturnAsync(app, VhxhAssignee)));

        Assert.Equal(202, StatusOf(await SubmitAsync(app, VpAssignee, VpReport("Đã tổ chức 3 hội nghị, 240 người dự."))));

        Assert.Null((await WorkAsync(app, VpAssignee)).Returned);
        var after = (await DashboardAsync(app, VhxhHead)).Rounds.Single(r => r.Round == 1).Units.Single(u => u.Unit == "VP");
        Assert.Equal(("OnTime", (ReturnedBody?)null), (after.State, after.Returned));
        Assert.False(await VpIsRemindedAsync(harness));
        var row = (await ReadAsync(harness, SiteSchema.Reports)).Single(r => r.Key == "1|1.1|VP");
        Assert.Equal("Đã tổ chức 3 hội nghị, 240 người dự.", row.Fields[ReportColumns.Result]);
        var history = Assert.Single(await ReadAsync(harness, SiteSchema.Returns));
        Assert.Equal(("1|VP|1", ReturnRow.ResubmittedWord, Reason), (history.Key, history.Fields[ReturnColumns.State],
            history.Fields[ReturnColumns.Reason]));
        Assert.Contains("Đã tổ chức hội nghị.", history.Fields[ReturnColumns.ReturnedContent], StringComparison.Ordinal);
        Assert.Equal("2026-09-07", history.Fields[ReturnColumns.ResubmittedOn]);
    }

    [Theory]
    [InlineData(VpAssignee, 403)]
    [InlineData("x@haian.example.vn", 403)]
    [InlineData(null, 401)]
    public async Task Return_CallerNotOfPhongVanHoaXaHoi_RefusedInVietnameseAndNothingWritten(string? upn, int expected)
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        Assert.Equal(202, StatusOf(await SubmitAsync(app, VpAssignee, VpReport("Đã tổ chức hội nghị."))));

        var result = await ReturnAsync(app, upn);

        Assert.Equal(expected, StatusOf(result));
        var error = Assert.IsType<ErrorBody>(((ObjectResult)result).Value);
        if (upn == VpAssignee)
        {
            Assert.Equal("Chỉ lãnh đạo và cán bộ được phân công của Phòng Văn hóa - Xã hội được trả lại báo cáo để đơn vị bổ sung.",
                error.Error);
        }

        Assert.Empty(await ReadAsync(harness, SiteSchema.Returns));
        Assert.Null((await WorkAsync(app, VpAssignee)).Returned);
    }

    [Fact]
    public async Task Return_OfASubmissionTheCallerMade_403OwnSubmissionWhileAnotherVhxhPersonMayReturnIt()
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        Assert.Equal(202, StatusOf(await SubmitAsync(app, VhxhHead, VpReport("Báo cáo gửi bằng giấy, do phòng nhập hộ."))));

        var own = await ReturnAsync(app, VhxhHead);

        Assert.Equal(403, StatusOf(own));
        Assert.Contains("Đồng chí đã nộp báo cáo này nên không tự trả lại", ((ErrorBody)((ObjectResult)own).Value!).Error,
            StringComparison.Ordinal);
        Assert.Empty(await ReadAsync(harness, SiteSchema.Returns));
        Assert.Equal(200, StatusOf(await ReturnAsync(app, VhxhAssignee)));
    }

    [Theory]
    [InlineData("VP", "   ", 400)]
    [InlineData("KHONGCO", Reason, 400)]
    [InlineData("KTHTDT", Reason, 409)]
    public async Task Return_BlankReasonUnknownUnitOrNothingSubmitted_RefusedAndNothingWritten(string unit, string reason, int expected)
    {
        var (harness, app) = await SubmitReportTests.SyncedAsync();
        await using var _ = harness;
        using var __ = app;
        Assert.Equal(202, StatusOf(await SubmitAsync(app, VpAssignee, VpReport("Đã tổ chức hội nghị."))));

        Assert.Equal(expected, StatusOf(await ReturnAsync(app, VhxhAssignee, unit, reason)));
        Assert.Empty(await ReadAsync(harness, SiteSchema.Returns));
    }
}
