using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.LocalM365;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Lists;

public class CatalogueSyncTests
{
    /// <summary>
    /// The fewest requests a first provision + sync can make with batches of 20: find the site (1), list the lists (1),
    /// create the five lists with their columns (1 batch), find the library's drive (1), create its folders (1 batch),
    /// record the library's folder stamp as a state row (read it, write it: 2; a list's description cannot be updated in
    /// v1.0), read both lists (2), write ⌈31/20⌉ + ⌈n/20⌉ item batches.
    /// </summary>
    private static int MinimumFirstSyncRequests(ListSyncReport report) =>
        9 + Batches(report.Tasks.Writes.Count()) + Batches(report.Assignments.Writes.Count());

    private static int Batches(int writes) => (writes + 19) / 20;

    [Fact]
    public async Task RunAsync_FirstSync_CreatesEveryRowWithinRequestBudget()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();

        var report = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal(31, report.Tasks.Count(ChangeKind.Create));
        Assert.Equal(DesiredRows.ForAssignments(Catalogue, Units).Count, report.Assignments.Count(ChangeKind.Create));
        // Read back through the typed row: every entry as sync wrote it.
        var rows = (await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Select(TaskRow.From).OfType<TaskRow>()
            .ToDictionary(r => r.Code, StringComparer.Ordinal);
        Assert.Equal(31, rows.Count);
        var footnotes = Catalogue.Footnotes.ToDictionary(f => f.Mark, f => f.Text, StringComparer.Ordinal);
        Assert.All(Catalogue.Tasks, task =>
            Assert.Equal(TaskRow.For(task, Catalogue.Decision.Number, footnotes).Fields(), rows[task.Code].Fields()));
        Assert.Equal("Hoàn thành trước 15/02/2026", rows["3.5.a"].TimeFrameText);
        Assert.Equal(new DateOnly(2026, 2, 14), rows["3.5.a"].LastDay);
        Assert.True(rows["3.5"].IsHeading);
        Assert.InRange(session.Requests, MinimumFirstSyncRequests(report), 1.25 * MinimumFirstSyncRequests(report));
    }

    [Fact]
    public async Task RunAsync_IdenticalSecondSync_NoWritesAtMostFiveRequests()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);

        var writesBefore = ward.Server.GetStats().Writes;
        using var second = ward.NewSession();
        var report = await second.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);

        Assert.Equal(0, report.Count(ChangeKind.Create) + report.Count(ChangeKind.Update) + report.Count(ChangeKind.Archive));
        Assert.Equal(writesBefore, ward.Server.GetStats().Writes);
        // Four, plus one: the library's folder stamp is read from the state list, since a list's description cannot be
        // updated in Graph v1.0 (api-reference/v1.0/resources/list.md has no update operation).
        Assert.True(second.Requests <= 5, $"{second.Requests} requests");
    }

    [Fact]
    public async Task RunAsync_ReissuedDecision_WritesOnlyChangedEntries()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);

        var reissued = Reissue(Catalogue);
        var writesBefore = ward.Server.GetStats().Writes;
        using var second = ward.NewSession();
        var report = await second.CatalogueSync.RunAsync(reissued, Units, false, CancellationToken.None);

        Assert.Equal(1, report.Tasks.Count(ChangeKind.Create));
        Assert.Equal(1, report.Tasks.Count(ChangeKind.Archive));
        Assert.Equal(3, report.Tasks.Count(ChangeKind.Update));
        Assert.Equal(new[] { "ContentHash", "TaskText", "Title" }, report.Tasks.Changes.First(c => c.Key == "1.3").ChangedFields);
        var expectedWrites = report.Tasks.Writes.Count() + report.Assignments.Writes.Count();
        Assert.Equal(writesBefore + expectedWrites, ward.Server.GetStats().Writes);
        // 4.11 left the decision: archived with a date, its row kept.
        var archived = (await second.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "4.11");
        Assert.Equal("true", archived.Fields["Archived"]);
        Assert.Equal("2026-03-02", archived.Fields["ArchivedOn"]);
    }

    [Fact]
    public async Task RunAsync_ThrottlingAndServerErrors_SameFinalStateAsWithout()
    {
        // The state a first sync without faults leaves.
        await using var clean = await SyncedWard.StartAsync(WardState.ListsSynced);

        await using var faulty = await WardHarness.StartAsync();
        faulty.Server.SetFaults(new EmulatorFaults(ThrottleEvery: 5, RetryAfterSeconds: 1, ServerErrorEvery: 7));
        using (var session = faulty.NewSession(maxAttempts: 10))
        {
            var report = await session.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        }

        Assert.True(faulty.Server.GetStats().Throttled > 0);
        faulty.Server.SetFaults(null);
        Assert.Equal(await StateAsync(clean), await StateAsync(faulty));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(14)]
    public async Task RunAsync_KilledAtAPointThenRunAgain_NoDuplicatesSameState(int requestsBeforeKill)
    {
        // The state a first sync without faults leaves.
        await using var reference = await SyncedWard.StartAsync(WardState.ListsSynced);

        await using var ward = await WardHarness.StartAsync();
        using (var doomed = ward.NewSession(new KillAfterHandler(requestsBeforeKill)))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => doomed.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None));
        }

        using (var again = ward.NewSession())
        {
            var report = await again.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        }

        Assert.Equal(await StateAsync(reference), await StateAsync(ward));
    }

    [Fact]
    public async Task RunAsync_PersonEditsRowDuringSync_MergedNotOverwritten()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);

        // While the next sync is between reading and writing, a person writes a note on 1.3 (its eTag moves).
        using var person = ward.NewSession();
        var siteId = await person.Site.SiteIdAsync(CancellationToken.None);
        var listId = await person.Site.ListIdAsync(SiteSchema.Tasks, CancellationToken.None);
        var row = (await person.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "1.3");
        var interfere = new BeforeFirstHandler(
            r => r.RequestUri!.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal),
            () => person.Lists.PatchAsync(SiteSchema.Tasks, [new RowPatch("1.3", row.ItemId,
                new Dictionary<string, string?> { ["Notes"] = "Đã giao chuyên viên theo dõi" })], CancellationToken.None));
        using var sync = ward.NewSession(interfere);
        var report = await sync.CatalogueSync.RunAsync(Reissue(Catalogue), Units, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        var after = (await person.Lists.ReadByKeyAsync(siteId, listId, SiteSchema.Tasks, "1.3", CancellationToken.None))!;
        Assert.Equal("Đã giao chuyên viên theo dõi", after.Fields["Notes"]);
        Assert.StartsWith("Tuyên truyền sâu rộng", after.Fields["TaskText"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_KeyWithApostropheMeetsExistingRow_FilterQuotedAndReconciled()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);
        var want = new DesiredRow("9.9 'đặc biệt'",
            new Dictionary<string, string?> { ["Title"] = "Nhiệm vụ 'đặc biệt'", ["TaskText"] = "Nhiệm vụ 'đặc biệt'" });
        var today = new DateOnly(2026, 3, 2);
        var create = SyncPlanner.Plan(SiteSchema.Tasks, [want], [], today);
        Assert.True((await session.Lists.ApplyAsync(create, [want], today, CancellationToken.None)).Succeeded);

        // The same create again (as a retry after a lost answer would): 409 on the unique key, found by $filter, nothing duplicated.
        var again = await session.Lists.ApplyAsync(create, [want], today, CancellationToken.None);

        Assert.True(again.Succeeded, string.Join("\n", again.Failures));
        var rows = await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None);
        Assert.Single(rows, r => r.Key == "9.9 'đặc biệt'");
    }

    [Fact]
    public async Task RunAsync_DryRun_WritesNothing()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var writes = ward.Server.GetStats().Writes;

        var report = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: true, CancellationToken.None);

        Assert.True(report.DryRun);
        Assert.Equal(31, report.Tasks.Count(ChangeKind.Create));
        Assert.Equal(writes, ward.Server.GetStats().Writes);
    }

    /// <summary>A re-issued decision: 1.3, 2.1 and 4.10 reworded, 4.11 dropped, 5.3 added.</summary>
    public static TaskCatalogue Reissue(TaskCatalogue catalogue)
    {
        var tasks = catalogue.Tasks
            .Where(t => t.Code != "4.11")
            .Select(t => t.Code switch
            {
                "1.3" => t with
                {
                    Title =
                    "Tuyên truyền sâu rộng đến các tầng lớp Nhân dân thực hiện các chủ trương của Đảng, chính sách, pháp luật của Nhà " +
                    "nước."
                },
                "2.1" => t with { Title = t.Title + " (điều chỉnh)" },
                "4.10" => t with { Title = t.Title.Replace("khu kinh tế…", "khu kinh tế.", StringComparison.Ordinal) + " " },
                _ => t,
            })
            .ToList();
        var model = catalogue.Tasks.Single(t => t.Code == "5.2");
        tasks.Add(model with { Code = "5.3", Title = "Tổng kết công tác dân vận năm 2026." });
        return catalogue with { Tasks = tasks };
    }

    private static async Task<string> StateAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        var lines = new List<string>();
        foreach (var list in new[] { SiteSchema.Tasks, SiteSchema.Assignments })
        {
            var rows = await session.Lists.ReadAsync(list, CancellationToken.None);
            Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
            lines.AddRange(rows.Select(r => list.Key + " " + r.Key + " " + string.Join(";", r.Fields.OrderBy(f => f.Key,
                StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value))));
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
