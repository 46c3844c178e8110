using DanVan365.Core.Sync;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using static DanVan365.Functions.Tests.Support.HttpResults;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// Ad hoc rounds (issue 23) through the API's own classes, the real Graph SDK and the local Graph with the bundled Hải An
/// ward: created by Phòng Văn hóa - Xã hội, then templates, reminders and the scheduled compilation follow the round's own
/// units and tasks.
/// </summary>
public class RoundFunctionsTests
{
    // Task 2.2 is led by Phòng Kinh tế, Hạ tầng và Đô thị (KTHTDT) alone; 1.1 by every office.
    private const string Body =
        """{"title":"Báo cáo đột xuất về nhà ở xã hội","lastDay":"2026-06-10","units":["KTHTDT"],"tasks":["2.2"]}""";

    private static readonly DateTimeOffset June1 = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private static RoundFunctions Create(TestApp app) =>
        new(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), app.Get<IPortalCatalogues>(), NullLogger<RoundFunctions>.Instance);

    private static Task<IActionResult> Post(RoundFunctions f, string user, string body, string? requestId = null)
    {
        var request = Principals.Request(Principals.User(user, AppRoles.Reporter), "POST", jsonBody: body);
        if (requestId is not null)
        {
            request.Headers[ProposalFunctions.RequestIdHeader] = requestId;
        }

        return f.Create(request, new FakeFunctionContext());
    }

    private static T Value<T>(IActionResult result) => (T)((ObjectResult)result).Value!;

    private static async Task<TestApp> StartAsync(WardHarness harness)
    {
        await TestApp.UploadDecisionAsync(harness);
        var app = new TestApp(harness);
        await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
        return app;
    }

    [Fact]
    public async Task CreateRound_ThroughTheApi_RemindsTheChosenUnitAndCompilesOnlyTheChosenTasks()
    {
        await using var harness = await WardHarness.StartAsync(June1);
        using var app = await StartAsync(harness);
        var f = Create(app);

        var created = await Post(f, VhxhHead, Body, requestId: "tao-dot-1");

        Assert.Equal(201, StatusOf(created));
        var round = Value<RoundView>(created);
        // Round 3 is the year-end round (tổng kết): the first ad hoc round is 4.
        Assert.Equal((4, true, new DateOnly(2026, 6, 10)), (round.Number, round.AdHoc, round.LastDay));
        Assert.Equal(["KTHTDT"], round.Units!);
        Assert.Equal(["2.2"], round.Tasks!);
        Assert.Equal(VhxhHead, round.CreatedBy);
        using (var session = harness.NewSession())
        {
            var templates = await session.Library.ListAsync("2026/Đợt 4/Mẫu", CancellationToken.None);
            Assert.Equal(["Mau-bao-cao-Dot-4-KTHTDT.docx"], templates.Select(t => t.Name));
        }

        // A retry with the same request id gives back the same round; nothing new.
        var again = await Post(f, VhxhHead, Body, requestId: "tao-dot-1");
        Assert.Equal((201, 4), (StatusOf(again), Value<RoundView>(again).Number));
        var listed = Value<RoundsBody>(await f.List(Principals.Request(Principals.User(VhxhHead, AppRoles.Reporter)),
            new FakeFunctionContext()));
        Assert.True(listed.CanCreate);
        Assert.Equal([1, 2, 3, 4], listed.Rounds.Select(r => r.Number));

        // 7 days before the last day (03/6, a Wednesday): the round's report is reminded to KTHTDT's people only.
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 3, 1, 0, 0, TimeSpan.Zero));
        await app.Get<IWardJobs>().EscalateDeadlinesAsync(TestApp.GoodWard, CancellationToken.None);
        var kthtdt = Bundled.Units.People.Where(p => p.Unit == "KTHTDT").Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reminders = (await ReadNotificationsAsync(harness)).Where(n => n.Item.StartsWith("BC:4|", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reminders);
        Assert.All(reminders, n => Assert.Equal("BC:4|KTHTDT", n.Item));
        Assert.All(reminders, n => Assert.Contains(n.Recipient, kthtdt));

        // The morning after the last day the scheduled job compiles round 4, with task 2.2 and without 1.1; once.
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 11, 0, 0, 0, TimeSpan.Zero));
        var compiled = await app.Get<IWardJobs>().CompileDueRoundReportsAsync(TestApp.GoodWard, CancellationToken.None);
        Assert.Equal([4], compiled);
        var text = await CompiledTextAsync(harness, "2026/Đợt 4/Tổng hợp");
        Assert.Contains("nhà ở xã hội", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phổ biến, quán triệt, tuyên truyền", text, StringComparison.Ordinal);
        Assert.Empty(await app.Get<IWardJobs>().CompileDueRoundReportsAsync(TestApp.GoodWard, CancellationToken.None));
    }

    [Fact]
    public async Task CreateRound_CallerOutsideTheAggregatingUnit_403AndNothingWritten()
    {
        await using var harness = await WardHarness.StartAsync(June1);
        using var app = await StartAsync(harness);
        var f = Create(app);
        var writes = harness.Server.GetStats().Writes;

        var refused = await Post(f, VpAssignee, Body);

        Assert.Equal(403, StatusOf(refused));
        Assert.Contains("Phòng Văn hóa - Xã hội", Value<ErrorBody>(refused).Error, StringComparison.Ordinal);
        Assert.Equal(writes, harness.Server.GetStats().Writes);
        var listed = Value<RoundsBody>(await f.List(Principals.Request(Principals.User(VpAssignee, AppRoles.Reporter)),
            new FakeFunctionContext()));
        Assert.False(listed.CanCreate);
    }

    [Fact]
    public async Task CreateRound_BadInput_400WithEveryField()
    {
        await using var harness = await WardHarness.StartAsync(June1);
        using var app = await StartAsync(harness);

        var refused = await Post(Create(app), VhxhHead,
            """{"title":" ","lastDay":"2026-05-01","units":["VP","XYZ"],"tasks":["2.2"]}""");

        Assert.Equal(400, StatusOf(refused));
        Assert.Equal(["title", "lastDay", "units", "units"], Value<RowErrorBody>(refused).Rows.Select(r => r.Field));
    }

    private static async Task<List<(string Item, string Recipient)>> ReadNotificationsAsync(WardHarness harness)
    {
        using var session = harness.NewSession();
        var rows = await session.Lists.ReadAsync(SiteSchema.Notifications, CancellationToken.None);
        return [.. rows.Select(r => (r.Fields.GetValueOrDefault(NotificationColumns.ItemKey) ?? string.Empty,
            r.Fields.GetValueOrDefault(NotificationColumns.Recipient) ?? string.Empty))];
    }

    private static async Task<string> CompiledTextAsync(WardHarness harness, string folder)
    {
        using var session = harness.NewSession();
        var file = Assert.Single(await session.Library.ListAsync(folder, CancellationToken.None));
        var bytes = await session.Library.DownloadAsync(file, 10_000_000, CancellationToken.None);
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
