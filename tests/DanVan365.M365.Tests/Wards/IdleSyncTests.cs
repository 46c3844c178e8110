using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Wards;

/// <summary>
/// An identical re-sync reads, plans and ends without the ward's lease (issue 15: ≤ 10 SharePoint resource units a
/// ward); a re-sync with something to write still claims the lease, so one writer per ward holds (issue 13).
/// </summary>
public class IdleSyncTests
{
    /// <summary>A ward synced once (lists and plan), as the hourly sync check finds it.</summary>
    private static Task<WardHarness> SyncedWardAsync() => SyncedWard.StartAsync(WardState.Synced, settings: WardLeaseTests.NoWait);

    [Fact]
    public async Task SyncAsync_IdenticalResync_AtMostTenResourceUnitsAndNoWrites()
    {
        await using var ward = await SyncedWardAsync();
        ward.Server.ResetStats();

        using var second = ward.NewSession();
        var (lists, planner) = await second.SyncAllAsync(Catalogue, Units);

        var stats = ward.Server.GetStats();
        Assert.True(lists.Succeeded);
        Assert.False(lists.DryRun);
        Assert.Equal(Catalogue.Tasks.Count, lists.Tasks.Count(ChangeKind.Unchanged));
        Assert.Equal(DesiredRows.ForAssignments(Catalogue, Units).Count, planner.Count(Core.Planner.PlannerChangeKind.Unchanged));
        Assert.Equal(0, stats.Writes);
        // The site (1), its lists (2), the state rows of the plan id and the folder stamp in one query (2), the rows of
        // Nhiệm vụ dân vận and Phân công (2 + 2); Planner spends no resource units. No lease: no claim, no release.
        Assert.True(stats.ResourceUnits <= 10, $"{stats.ResourceUnits} RU: {string.Join(", ", stats.ByRoute)}");
        Assert.DoesNotContain(stats.ByRoute.Keys, route => route.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_IdleWhileAnotherRunnerHoldsTheLease_SucceedsWritingNothing()
    {
        await using var ward = await SyncedWardAsync();
        using var other = ward.NewSession();
        await using var held = await other.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        var lease = await other.State.GetAsync(GraphWardLease.Key, CancellationToken.None);
        var writes = ward.Server.GetStats().Writes;

        using var runner = ward.NewSession();
        var (lists, planner) = await runner.SyncAllAsync(Catalogue, Units);

        Assert.True(lists.Succeeded);
        Assert.Empty(planner.Failures);
        Assert.Equal(0, lists.Count(ChangeKind.Create) + lists.Count(ChangeKind.Update) + lists.Count(ChangeKind.Archive));
        Assert.Equal(writes, ward.Server.GetStats().Writes);
        Assert.False(runner.Get<WardRunLease>().Held);
        // The other runner's lease is untouched.
        Assert.Equal(lease, await ward.NewSession().State.GetAsync(GraphWardLease.Key, CancellationToken.None));
    }

    [Fact]
    public async Task SyncAsync_RowEditedWhileAnotherRunnerHoldsTheLease_BusyAndNothingWritten()
    {
        await using var ward = await SyncedWardAsync();
        using var editor = ward.NewSession();
        var row = (await editor.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "3.5.a");
        // A person overwrites a column sync owns: the next sync has a row to put right.
        var edited = await editor.Lists.PatchAsync(SiteSchema.Tasks,
            [new RowPatch(row.Key, row.ItemId, new Dictionary<string, string?> { [TaskColumns.TaskText] = "Sửa tay" })],
            CancellationToken.None);
        Assert.True(edited.Succeeded);
        await AssertBusyAndNothingWrittenAsync(ward);
    }

    [Fact]
    public async Task SyncAsync_PlannerProgressWhileAnotherRunnerHoldsTheLease_BusyAndNothingWritten()
    {
        await using var ward = await SyncedWardAsync();
        using var person = ward.NewSession();
        var snapshot = (await person.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!;
        var task = snapshot.Tasks.Single(t => t.Title.StartsWith("[3.5.a] ", StringComparison.Ordinal));
        // Progress made in Planner: the next sync copies it into Phân công (a write, so it needs the lease).
        await person.Connection.Client.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { PercentComplete = 50 },
            r => r.Headers.Add("If-Match", task.ETag));
        await AssertBusyAndNothingWrittenAsync(ward);
    }

    [Fact]
    public async Task SyncAsync_RowEditedAndTheWardFree_ClaimsTheLeaseAndPutsTheRowRight()
    {
        await using var ward = await SyncedWardAsync();
        using var editor = ward.NewSession();
        var row = (await editor.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "3.5.a");
        await editor.Lists.PatchAsync(SiteSchema.Tasks,
            [new RowPatch(row.Key, row.ItemId, new Dictionary<string, string?> { [TaskColumns.TaskText] = "Sửa tay" })],
            CancellationToken.None);

        using var runner = ward.NewSession();
        var (lists, _) = await runner.SyncAllAsync(Catalogue, Units);

        Assert.Equal(1, lists.Tasks.Count(ChangeKind.Update));
        var fixedRow = (await runner.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "3.5.a");
        Assert.Equal(row.Fields[TaskColumns.TaskText], fixedRow.Fields[TaskColumns.TaskText]);
        // The run held the lease and released it.
        Assert.Equal("|", await ward.NewSession().State.GetAsync(GraphWardLease.Key, CancellationToken.None));
    }

    private static async Task AssertBusyAndNothingWrittenAsync(WardHarness ward)
    {
        using var other = ward.NewSession();
        await using var held = await other.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        var writes = ward.Server.GetStats().Writes;

        using var runner = ward.NewSession();
        var busy = await Assert.ThrowsAsync<WardBusyException>(() => runner.SyncAllAsync(Catalogue, Units));

        Assert.Equal("sync", busy.Purpose);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
    }
}
