using DanVan365.Functions.Configuration;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using static DanVan365.Functions.Tests.Support.HttpResults;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>The proposals API against the local Graph, with the library's decision (QĐ 673) and the bundled directory.</summary>
public class ProposalFunctionsTests
{
    private const string Extension =
        """{"unit":"VP","taskCode":"1.2","kind":"GiaHan","lastDay":"2026-04-30","reason":"Chờ kinh phí bổ sung."}""";

    private static ProposalFunctions Create(TestApp app) =>
        new(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), app.Get<IPortalCatalogues>(), NullLogger<ProposalFunctions>.Instance);

    private static T Value<T>(IActionResult result) => (T)((ObjectResult)result).Value!;

    private static Task<IActionResult> Post(ProposalFunctions f, string user, string role, string body) =>
        f.Propose(Principals.Request(Principals.User(user, role), "POST", jsonBody: body), new FakeFunctionContext());

    [Fact]
    public async Task Proposals_ProposeReviewDecide_201Then200AndTheQueueShowsWhoMayAct()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var f = Create(app);

        var created = await Post(f, VpAssignee, AppRoles.Reporter, Extension);
        Assert.Equal(201, StatusOf(created));
        var proposal = Value<ProposalView>(created);
        Assert.Equal(("ChoXemXet", "Chờ xem xét", "GiaHan", "2026-04-30"),
            (proposal.State, proposal.StateLabel, proposal.Kind, proposal.LastDay));

        var queue = await f.List(Principals.Request(Principals.User(Reviewer, AppRoles.Reporter), query: "?state=ChoXemXet"),
            new FakeFunctionContext());
        var list = Value<ProposalList>(queue);
        Assert.Equal("reviewer", list.Role);
        Assert.True(Assert.Single(list.Items).CanReview);

        var reviewed = await f.Review(Principals.Request(Principals.User(Reviewer, AppRoles.Reporter), "POST",
            jsonBody: """{"action":"forward","note":"Đề nghị chấp thuận"}"""), proposal.Id, new FakeFunctionContext());
        Assert.Equal(200, StatusOf(reviewed));
        Assert.Equal("DaTrinh", Value<ProposalView>(reviewed).State);

        var decided = await f.Decide(Principals.Request(Principals.User(Signer, AppRoles.Reporter), "POST",
            jsonBody: """{"action":"approve"}"""), proposal.Id, new FakeFunctionContext());
        Assert.Equal(200, StatusOf(decided));
        Assert.Equal(("ChapThuan", Signer), (Value<ProposalView>(decided).State, Value<ProposalView>(decided).DecidedBy));

        var again = await f.Decide(Principals.Request(Principals.User(Signer, AppRoles.Reporter), "POST",
            jsonBody: """{"action":"reject"}"""), proposal.Id, new FakeFunctionContext());
        Assert.Equal(409, StatusOf(again));
    }

    [Fact]
    public async Task Proposals_Refusals_400WithTheField403And404()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var f = Create(app);

        var early = await Post(f, VpAssignee, AppRoles.Reporter, Extension.Replace("2026-04-30", "2026-02-27", StringComparison.Ordinal));
        Assert.Equal(400, StatusOf(early));
        Assert.Equal("lastDay", Assert.Single(Value<ProblemBody>(early).Rows).Field);

        var unknown = await Post(f, VpAssignee, AppRoles.Reporter, Extension.Replace("\"1.2\"", "\"9.9\"", StringComparison.Ordinal));
        Assert.Equal(400, StatusOf(unknown));
        Assert.Equal("taskCode", Assert.Single(Value<ProblemBody>(unknown).Rows).Field);

        var otherUnit = await Post(f, VpAssignee, AppRoles.Reporter, Extension.Replace("\"VP\"", "\"VHXH\"", StringComparison.Ordinal));
        Assert.Equal(403, StatusOf(otherUnit));

        var noRole = await Post(f, VpAssignee, AppRoles.Admin, Extension);
        Assert.Equal(403, StatusOf(noRole));

        var id = Value<ProposalView>(await Post(f, VpAssignee, AppRoles.Reporter, Extension)).Id;
        var wrongRole = await f.Review(Principals.Request(Principals.User(VpAssignee, AppRoles.Reporter), "POST",
            jsonBody: """{"action":"forward"}"""), id, new FakeFunctionContext());
        Assert.Equal(403, StatusOf(wrongRole));

        var missing = await f.Review(Principals.Request(Principals.User(Reviewer, AppRoles.Reporter), "POST",
            jsonBody: """{"action":"forward"}"""), "DX-2026-0099", new FakeFunctionContext());
        Assert.Equal(404, StatusOf(missing));

        var anonymous = await f.List(Principals.Request(Principals.Anonymous), new FakeFunctionContext());
        Assert.Equal(401, StatusOf(anonymous));

        var mine = Value<ProposalList>(await f.List(Principals.Request(Principals.User(VpAssignee, AppRoles.Reporter)),
            new FakeFunctionContext()));
        Assert.Equal(("unit", id), (mine.Role, Assert.Single(mine.Items).Id));
        Assert.Contains(mine.MyUnits, u => u.Code == "VP");
    }
}
