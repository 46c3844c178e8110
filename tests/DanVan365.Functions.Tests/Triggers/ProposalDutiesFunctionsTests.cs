using DanVan365.Functions.Configuration;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using static DanVan365.Functions.Tests.Support.HttpResults;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>Separation of duties (403 naming the rule) and the client request id of POST /api/proposals, against the local Graph.</summary>
public class ProposalDutiesFunctionsTests
{
    private const string Extension =
        """{"unit":"VP","taskCode":"1.2","kind":"GiaHan","lastDay":"2026-04-30","reason":"Chờ kinh phí bổ sung."}""";

    private const string NewTask =
        """{"unit":"VHXH","kind":"BoSung","text":"Tổ chức hội nghị đối thoại với Nhân dân.","reason":"Nhiệm vụ mới phát sinh."}""";

    private const string RequestId = "9b2d5c4e-1f3a-4b6c-8d7e-0a1b2c3d4e5f";

    private static ProposalFunctions Create(TestApp app) =>
        new(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), app.Get<IPortalCatalogues>(), NullLogger<ProposalFunctions>.Instance);

    private static T Value<T>(IActionResult result) => (T)((ObjectResult)result).Value!;

    private static HttpRequest As(string user, string body, string? requestId = null)
    {
        var request = Principals.Request(Principals.User(user, AppRoles.Reporter), "POST", jsonBody: body);
        if (requestId is not null)
        {
            request.Headers[ProposalFunctions.RequestIdHeader] = requestId;
        }

        return request;
    }

    private static async Task<(WardHarness Harness, TestApp App)> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        return (harness, new TestApp(harness, extra: extra));
    }

    [Fact]
    public async Task Review_ReviewerForwardsTheirOwnProposal_403NamingTheRuleAndCanReviewFalse()
    {
        var (harness, app) = await StartAsync();
        await using var _ = harness;
        using var __ = app;
        var f = Create(app);
        var created = await f.Propose(As(Reviewer, NewTask), new FakeFunctionContext());
        Assert.Equal(201, StatusOf(created));
        var id = Value<ProposalView>(created).Id;

        var forward = await f.Review(As(Reviewer, """{"action":"forward"}"""), id, new FakeFunctionContext());

        Assert.Equal(403, StatusOf(forward));
        Assert.Contains("tách bạch nhiệm vụ", Value<ErrorBody>(forward).Error, StringComparison.Ordinal);
        var queue = Value<ProposalList>(await f.List(Principals.Request(Principals.User(Reviewer, AppRoles.Reporter)),
            new FakeFunctionContext()));
        Assert.False(Assert.Single(queue.Items).CanReview);
    }

    [Fact]
    public async Task Decide_ReviewerIsAlsoADeputy_403ForTheReviewerAnd200ForTheSigner()
    {
        var (harness, app) = await StartAsync(new Dictionary<string, string?> { ["Proposals:DeputyEmails:0"] = Reviewer });
        await using var _ = harness;
        using var __ = app;
        var f = Create(app);
        var id = Value<ProposalView>(await f.Propose(As(VpAssignee, Extension), new FakeFunctionContext())).Id;
        Assert.Equal(200, StatusOf(await f.Review(As(Reviewer, """{"action":"forward"}"""), id, new FakeFunctionContext())));
        var queue = Value<ProposalList>(await f.List(Principals.Request(Principals.User(Reviewer, AppRoles.Reporter)),
            new FakeFunctionContext()));
        Assert.False(Assert.Single(queue.Items).CanDecide);

        var byReviewer = await f.Decide(As(Reviewer, """{"action":"approve"}"""), id, new FakeFunctionContext());
        Assert.Equal(403, StatusOf(byReviewer));
        Assert.Contains("không được đồng thời quyết định", Value<ErrorBody>(byReviewer).Error, StringComparison.Ordinal);

        var bySigner = await f.Decide(As(Signer, """{"action":"approve"}"""), id, new FakeFunctionContext());
        Assert.Equal(200, StatusOf(bySigner));
        Assert.Equal("ChapThuan", Value<ProposalView>(bySigner).State);
    }

    [Fact]
    public async Task Propose_SameClientRequestIdTwice_201WithTheSameProposalAndOneRow()
    {
        var (harness, app) = await StartAsync();
        await using var _ = harness;
        using var __ = app;
        var f = Create(app);

        var first = await f.Propose(As(VpAssignee, Extension, RequestId), new FakeFunctionContext());
        var retry = await f.Propose(As(VpAssignee, Extension.Replace("{", "{\"requestId\":\"" + RequestId + "\",",
            StringComparison.Ordinal)), new FakeFunctionContext());

        Assert.Equal((201, 201), (StatusOf(first), StatusOf(retry)));
        Assert.Equal(Value<ProposalView>(first), Value<ProposalView>(retry));
        await using var session = harness.NewSession();
        var stored = Assert.Single((await session.Get<Core.Wards.WardProposals>().ReadAsync(CancellationToken.None)).Proposals);
        Assert.Equal(RequestId, stored.RequestId);
    }

    [Fact]
    public async Task Propose_RequestIdReusedOrMalformedOrHeaderAndBodyDiffer_409And400()
    {
        var (harness, app) = await StartAsync();
        await using var _ = harness;
        using var __ = app;
        var f = Create(app);
        Assert.Equal(201, StatusOf(await f.Propose(As(VpAssignee, Extension, RequestId), new FakeFunctionContext())));

        var other = await f.Propose(As(VpAssignee, Extension.Replace("2026-04-30", "2026-05-29", StringComparison.Ordinal), RequestId),
            new FakeFunctionContext());
        Assert.Equal(409, StatusOf(other));

        var malformed = await f.Propose(As(VpAssignee, Extension, "mã sai"), new FakeFunctionContext());
        Assert.Equal(400, StatusOf(malformed));
        Assert.Equal("requestId", Assert.Single(Value<ProblemBody>(malformed).Rows).Field);

        var differ = await f.Propose(As(VpAssignee, Extension.Replace("{", "{\"requestId\":\"khac\",", StringComparison.Ordinal),
            RequestId), new FakeFunctionContext());
        Assert.Equal(400, StatusOf(differ));
    }
}
