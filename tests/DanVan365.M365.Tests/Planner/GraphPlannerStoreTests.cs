using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.LocalM365;
using DanVan365.M365.Tests.Lists;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

public class GraphPlannerStoreTests
{
    private static readonly string PlanTitle = PlannerDesign.DefaultPlanTitle(Catalogue, "Phường Hải An");

    private static int Batches(int n) => (n + 19) / 20;

    [Fact]
    public async Task SyncAsync_FirstSync_CreatesOneTaskPerAssignmentWithinRequestBudget()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var lists = await session.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);
        var before = session.Requests;
        var links = await session.Site.PlannerLinksAsync("qd.txt", CancellationToken.None);

        var report = await session.PlannerSync.SyncAsync(Catalogue, Units, PlanTitle, links, lists.CurrentAssignmentRows, false,
            CancellationToken.None);

        var requests = session.Requests - before;
        var tasks = DesiredRows.ForAssignments(Catalogue, Units).Count;
        Assert.Empty(report.Failures);
        Assert.Equal(tasks, report.Count(PlannerChangeKind.Create));
        // Minimum with batches of 20: read the recorded plan id (1), look for a plan by title (1), create it (1), record its
        // id (read + write the state row: 2), read + write its labels (2), read team, channel, tabs (3), pin the tab (1),
        // read buckets (1), create buckets (1), snapshot again (buckets, tasks: 2), read Phân công (1), no people look-up
        // (the directory gives every person's object id), create tasks, read their details, write their details and record
        // ids on Phân công (4 × ⌈n/20⌉).
        var minimum = 16 + (4 * Batches(tasks));
        Assert.InRange(requests, minimum, 1.25 * minimum);
        var snapshot = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
        Assert.Equal(tasks, snapshot.Tasks.Count);
        var task = snapshot.Tasks.Single(t => t.Title.StartsWith("[3.5.a] ", StringComparison.Ordinal));
        Assert.Equal(WardTime.EndOfDayUtc(new DateOnly(2026, 2, 14)), task.Due);
        Assert.Equal(WardTime.StartOfDayUtc(new DateOnly(2026, 2, 12)), task.Start);
        Assert.NotEmpty(task.AssigneeIds);
        Assert.Null(snapshot.Tasks.Single(t => t.Title.StartsWith("[1.1] ",
            StringComparison.Ordinal) && t.BucketId == snapshot.BucketIds["Phòng Văn hóa - Xã hội"]).Due);
    }

    [Fact]
    public async Task SyncAsync_IdenticalRerun_NoWritesAtMostThreePlannerRequests()
    {
        await using var ward = await WardHarness.StartAsync();
        using (var first = ward.NewSession())
        {
            await first.SyncAllAsync(Catalogue, Units);
        }

        var writes = ward.Server.GetStats().Writes;
        using var second = ward.NewSession();
        var lists = await second.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);
        var before = second.Requests;
        var links = await second.Site.PlannerLinksAsync("qd-673-2026-hai-an.txt", CancellationToken.None);
        var report = await second.PlannerSync.SyncAsync(Catalogue, Units, PlanTitle, links, lists.CurrentAssignmentRows, false,
            CancellationToken.None);

        Assert.Equal(writes, ward.Server.GetStats().Writes);
        Assert.Equal(DesiredRows.ForAssignments(Catalogue, Units).Count, report.Count(PlannerChangeKind.Unchanged));
        Assert.True(second.Requests - before <= 3, $"{second.Requests - before} Planner requests");
    }

    [Fact]
    public async Task SyncAsync_DetailsAndLabels_DescribeTheTaskInVietnamese()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);
        var snapshot = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
        var task = snapshot.Tasks.Single(t => t.Title.StartsWith("[2.5] ", StringComparison.Ordinal));

        var details = await session.Connection.Client.Planner.Tasks[task.Id].Details.GetAsync();
        var plan = await session.Connection.Client.Planner.Plans[snapshot.PlanId].Details.GetAsync();

        Assert.Contains("Thời gian thực hiện: Quý IV/2026", details!.Description, StringComparison.Ordinal);
        Assert.Contains("Hạn cuối (giờ Việt Nam): 31/12/2026", details.Description, StringComparison.Ordinal);
        Assert.Contains("Ban Xây dựng Đảng", details.Description, StringComparison.Ordinal);
        Assert.True(details.Checklist!.AdditionalData.Count is > 0 and <= PlannerLimits.ChecklistItems);
        Assert.Equal(2, details.References!.AdditionalData.Count);
        Assert.StartsWith("2. ", plan!.CategoryDescriptions!.Category2, StringComparison.Ordinal);
        Assert.Equal("Bãi bỏ", plan.CategoryDescriptions.Category25);
        Assert.Contains(2, task.Categories);
    }

    [Fact]
    public async Task SyncAsync_ThrottlingAndConcurrentPercentComplete_SameFinalPlanAndProgressSurvives()
    {
        var reissued = CatalogueSyncTests.Reissue(Catalogue);
        await using var clean = await WardHarness.StartAsync();
        using (var session = clean.NewSession())
        {
            await session.SyncAllAsync(Catalogue, Units);
            await session.SyncAllAsync(reissued, Units);
        }

        await using var ward = await WardHarness.StartAsync();
        using (var session = ward.NewSession())
        {
            await session.SyncAllAsync(Catalogue, Units);
        }

        // During the next sync a person sets 1.3's percent complete (its eTag moves: the sync's PATCH gets 412),
        // and the local Graph throttles every 5th request.
        using var person = ward.NewSession();
        var target = (await person.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks.First(t => t.Title.StartsWith("[1.3] ",
            StringComparison.Ordinal));
        var interfere = new BeforeFirstHandler(
            r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal),
            async () =>
            {
                var fresh = await person.Connection.Client.Planner.Tasks[target.Id].GetAsync();
                await person.Connection.Client.Planner.Tasks[target.Id].PatchAsync(new PlannerTask { PercentComplete = 50 },
                    r => r.Headers.Add("If-Match", (string)fresh!.AdditionalData["@odata.etag"]));
            });
        ward.Server.SetFaults(new EmulatorFaults(ThrottleEvery: 5, RetryAfterSeconds: 1));
        using (var session = ward.NewSession(interfere, maxAttempts: 10))
        {
            var (lists, planner) = await session.SyncAllAsync(reissued, Units);
            Assert.True(lists.Succeeded);
            Assert.Empty(planner.Failures);
        }

        ward.Server.SetFaults(null);
        Assert.Equal(await PlanStateAsync(clean), await PlanStateAsync(ward));
        using var check = ward.NewSession();
        var after = (await check.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks.Single(t => t.Id == target.Id);
        Assert.Equal(50, after.PercentComplete);
        Assert.StartsWith("[1.3] Tuyên truyền sâu rộng", after.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(22)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(33)]
    public async Task SyncAsync_KilledAtAPointThenRunAgain_NoDuplicateTasks(int requestsBeforeKill)
    {
        await using var reference = await WardHarness.StartAsync();
        using (var session = reference.NewSession())
        {
            await session.SyncAllAsync(Catalogue, Units);
        }

        await using var ward = await WardHarness.StartAsync();
        using (var doomed = ward.NewSession(new KillAfterHandler(requestsBeforeKill)))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => doomed.SyncAllAsync(Catalogue, Units));
        }

        // A killed run may have died holding the ward's lease: it blocks the next run only until it expires (issue 13).
        ward.Clock.Advance(Core.Wards.WardLeaseTimes.Default.Duration);

        using (var again = ward.NewSession())
        {
            var (_, planner) = await again.SyncAllAsync(Catalogue, Units);
            Assert.Empty(planner.Failures);
        }

        using (var third = ward.NewSession())
        {
            // Converged: a further run has nothing to do.
            var (_, planner) = await third.SyncAllAsync(Catalogue, Units);
            Assert.Equal(0, planner.Count(PlannerChangeKind.Create) + planner.Count(PlannerChangeKind.Update));
        }

        Assert.Equal(await PlanStateAsync(reference), await PlanStateAsync(ward));
    }

    [Fact]
    public async Task SyncAsync_EntryDroppedByNewDecision_TaskMarkedNotDeleted()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);

        var (_, planner) = await ward.NewSession().SyncAllAsync(CatalogueSyncTests.Reissue(Catalogue), Units);

        Assert.Equal(1, planner.Count(PlannerChangeKind.Archive));
        var snapshot = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
        var archived = snapshot.Tasks.Single(t => PlannerDesign.CodeFromTitle(t.Title) == "4.11");
        Assert.StartsWith("[Bãi bỏ] [4.11] ", archived.Title, StringComparison.Ordinal);
        Assert.Contains(PlannerDesign.ArchivedCategory, archived.Categories);
    }

    [Fact]
    public async Task PullAsync_PersonCompletedLate_StatusCopiedToPhanCong()
    {
        await using var ward = await WardHarness.StartAsync(new DateTimeOffset(2026, 2, 16, 1, 0, 0, TimeSpan.Zero));
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);
        var snapshot = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
        var task = snapshot.Tasks.Single(t => t.Title.StartsWith("[3.5.a] ", StringComparison.Ordinal));
        var fresh = await session.Connection.Client.Planner.Tasks[task.Id].GetAsync();
        // Completed on 20/02/2026 (ICT), after the last day 14/02/2026: Planner stamps completedDateTime itself.
        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 3, 0, 0, TimeSpan.Zero));
        await session.Connection.Client.Planner.Tasks[task.Id].PatchAsync(
            new PlannerTask { PercentComplete = 100 },
            r => r.Headers.Add("If-Match", (string)fresh!.AdditionalData["@odata.etag"]));
        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

        var report = await ward.NewSession().PlannerSync.PullAsync(PlanTitle, CancellationToken.None);

        Assert.Empty(report.Failures);
        var row = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == "3.5.a|VHXH");
        Assert.Equal("100", row.Fields["PercentComplete"]);
        Assert.Equal("2026-02-20", row.Fields["CompletedOn"]);
        Assert.Equal("Hoàn thành quá hạn", row.Fields["Status"]);
        var open = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == "5.1|VHXH");
        Assert.Equal("Đang thực hiện trong hạn", open.Fields["Status"]);
    }

    [Fact]
    public async Task SyncAsync_PersonAddedAnAssignee_KeptAfterDecisionChange()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.SyncAllAsync(Catalogue, Units);
        var task = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks.First(t => t.Title.StartsWith("[1.3] ",
            StringComparison.Ordinal));
        var extra = ward.Server.AddUser(new EmulatorUser("tinh.nguyen@haian.example.vn", "Nguyễn Văn Tình"));
        var fresh = await session.Connection.Client.Planner.Tasks[task.Id].GetAsync();
        await session.Connection.Client.Planner.Tasks[task.Id].PatchAsync(
            new PlannerTask
            {
                Assignments = new PlannerAssignments
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        [extra] =
                new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" }
                    }
                }
            },
            r => r.Headers.Add("If-Match", (string)fresh!.AdditionalData["@odata.etag"]));

        await ward.NewSession().SyncAllAsync(CatalogueSyncTests.Reissue(Catalogue), Units);

        var after = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!.Tasks.Single(t => t.Id == task.Id);
        Assert.Contains(extra, after.AssigneeIds);
        Assert.StartsWith("[1.3] Tuyên truyền sâu rộng", after.Title, StringComparison.Ordinal);
    }

    /// <summary>The plan as people see it, without ids: bucket name, title, dates, labels, assignee count; sorted.</summary>
    private static async Task<string> PlanStateAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        var snapshot = (await session.Planner.SnapshotAsync(PlanTitle, CancellationToken.None))!;
        var bucketNames = snapshot.BucketIds.ToDictionary(b => b.Value, b => b.Key);
        var lines = snapshot.Tasks.Select(t => string.Join(" | ", bucketNames[t.BucketId], t.Title, t.Start, t.Due, string.Join(",",
            t.Categories.Order()), t.AssigneeIds.Count)).ToList();
        Assert.Equal(lines.Count, lines.Distinct().Count());
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
