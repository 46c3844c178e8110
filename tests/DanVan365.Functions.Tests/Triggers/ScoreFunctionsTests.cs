using DanVan365.Functions.Configuration;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using static DanVan365.Functions.Tests.Support.HttpResults;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>GET /api/scores, POST /api/scores/{unit}/proposal, /appraisal, /api/scores/approval (docs/api.md "Scoring").</summary>
public class ScoreFunctionsTests
{
    private const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";

    private static ScoreFunctions Create(TestApp app) =>
        new(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), app.Get<IPortalCatalogues>(), NullLogger<ScoreFunctions>.Instance);

    private static T Value<T>(IActionResult result) => (T)((ObjectResult)result).Value!;

    private static HttpRequest As(string user, string? body = null, string role = AppRoles.Reporter) =>
        body is null
            ? Principals.Request(Principals.User(user, role))
            : Principals.Request(Principals.User(user, role), "POST", jsonBody: body);

    private static async Task<(WardHarness Harness, TestApp App)> StartAsync()
    {
        var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        return (harness, new TestApp(harness));
    }

    private static string ProposerOf(string unit) => unit == "VHXH" ? VhxhAssignee : Bundled.Units.Find(unit)!.Head!;

    [Fact]
    public async Task Scores_ProposeAppraiseApprove_StatusCodesAndBodies()
    {
        var (harness, app) = await StartAsync();
        await using var _ = harness;
        using var __ = app;
        var f = Create(app);

        var list = await f.List(As(VpAssignee), new FakeFunctionContext());
        Assert.Equal(200, StatusOf(list));
        var board = Value<ScoreBoardView>(list);
        Assert.Equal(("hai-an", 2026, false), (board.Ward, board.Year, board.CanApprove));
        Assert.Equal(["Excellent", "Good", "Completed", "NotCompleted"], board.Grades.Select(g => g.Grade));
        var vp = board.Units.Single(u => u.Unit == "VP");
        Assert.Equal((true, false, "NotProposed", "Chưa tự chấm"), (vp.CanPropose, vp.CanAppraise, vp.State, vp.StateLabel));
        Assert.Equal(vp.Computed, vp.FinalPoints);
        var mttq = board.Units.Single(u => u.Unit == "MTTQ");
        Assert.Equal((false, (double?)null, (double?)null, false), (mttq.Graded, mttq.Computed, mttq.FinalPoints, mttq.CanPropose));
        var graded = board.Units.Where(u => u.Graded).Select(u => u.Unit).ToList();

        var proposed = await f.Propose(As(VpAssignee, """{"points":95,"note":"Đơn vị hoàn thành toàn bộ nhiệm vụ"}"""), "VP",
            new FakeFunctionContext());
        Assert.Equal(200, StatusOf(proposed));
        var view = Value<ScoreView>(proposed);
        Assert.Equal(("Proposed", "Đã tự chấm", 95d, VpAssignee), (view.State, view.StateLabel, view.FinalPoints, view.Proposed!.By));

        foreach (var unit in graded.Where(u => u != "VP"))
        {
            Assert.Equal(200, StatusOf(await f.Propose(As(ProposerOf(unit), """{"points":90,"note":"Hoàn thành nhiệm vụ"}"""), unit,
                new FakeFunctionContext())));
        }

        var noReason = await f.Appraise(As(VhxhHead, """{"points":88}""", AppRoles.Admin), "VP", new FakeFunctionContext());
        Assert.Equal(400, StatusOf(noReason));
        Assert.Equal("reason", Assert.Single(Value<ProblemBody>(noReason).Rows).Field);

        foreach (var unit in graded)
        {
            var body = unit == "VP" ? """{"points":88,"reason":"Nhiệm vụ 1.2 hoàn thành quá hạn"}""" : """{"points":90}""";
            Assert.Equal(200, StatusOf(await f.Appraise(As(VhxhHead, body, AppRoles.Admin), unit, new FakeFunctionContext())));
        }

        var signerBoard = Value<ScoreBoardView>(await f.List(As(Signer, role: AppRoles.Admin), new FakeFunctionContext()));
        Assert.True(signerBoard.CanApprove);
        var approved = await f.Approve(As(Signer, "{}", AppRoles.Admin), new FakeFunctionContext());
        Assert.Equal(200, StatusOf(approved));
        var final = Value<ScoreBoardView>(approved);
        Assert.All(final.Units.Where(u => u.Graded), u => Assert.Equal("Approved", u.State));
        Assert.Equal(88, final.Units.Single(u => u.Unit == "VP").FinalPoints);
        Assert.False(final.CanApprove);
        Assert.Equal(409, StatusOf(await f.Approve(As(Signer, "{}", AppRoles.Admin), new FakeFunctionContext())));
    }

    [Fact]
    public async Task Scores_Refusals_400_403_404_409()
    {
        var (harness, app) = await StartAsync();
        await using var _ = harness;
        using var __ = app;
        var f = Create(app);

        var badPoints = await f.Propose(As(VpAssignee, """{"points":100.25,"note":"x"}"""), "VP", new FakeFunctionContext());
        Assert.Equal(400, StatusOf(badPoints));
        Assert.Equal("points", Assert.Single(Value<ProblemBody>(badPoints).Rows).Field);
        var noNote = await f.Propose(As(VpAssignee, """{"points":90}"""), "VP", new FakeFunctionContext());
        Assert.Equal("note", Assert.Single(Value<ProblemBody>(noNote).Rows).Field);

        Assert.Equal(403, StatusOf(await f.Propose(As(VpAssignee, """{"points":90,"note":"x"}"""), "KTHTDT", new FakeFunctionContext())));
        var requested = await f.Propose(As("mttq.chutich@haian.example.vn", """{"points":90,"note":"x"}"""), "MTTQ",
            new FakeFunctionContext());
        Assert.Equal(403, StatusOf(requested));
        Assert.Equal("Đơn vị được đề nghị phối hợp không tự chấm điểm.", Value<ErrorBody>(requested).Error);
        Assert.Equal(404, StatusOf(await f.Propose(As(VpAssignee, """{"points":90,"note":"x"}"""), "XYZ", new FakeFunctionContext())));

        Assert.Equal(409, StatusOf(await f.Appraise(As(VhxhHead, """{"points":90}""", AppRoles.Admin), "VP", new FakeFunctionContext())));
        Assert.Equal(200, StatusOf(await f.Propose(As(VhxhHead, """{"points":90,"note":"x"}""", AppRoles.Admin), "VHXH",
            new FakeFunctionContext())));
        var own = await f.Appraise(As(VhxhHead, """{"points":90}""", AppRoles.Admin), "VHXH", new FakeFunctionContext());
        Assert.Equal(403, StatusOf(own));
        Assert.Contains("tách bạch nhiệm vụ", Value<ErrorBody>(own).Error, StringComparison.Ordinal);
        var notAppraiser = await f.Appraise(As(VpAssignee, """{"points":90}"""), "VHXH", new FakeFunctionContext());
        Assert.Equal(403, StatusOf(notAppraiser));

        Assert.Equal(403, StatusOf(await f.Approve(As(VhxhHead, "{}", AppRoles.Admin), new FakeFunctionContext())));
        var early = await f.Approve(As(Signer, "{}", AppRoles.Admin), new FakeFunctionContext());
        Assert.Equal(409, StatusOf(early));
        Assert.Contains("chưa được thẩm định", Value<ErrorBody>(early).Error, StringComparison.Ordinal);

        Assert.Equal(400, StatusOf(await f.Propose(As(VpAssignee, "không phải JSON"), "VP", new FakeFunctionContext())));
    }
}
