using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities.M365;
using DanVan365.TestUtilities.Time;
using Microsoft.Extensions.DependencyInjection;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Wards;

/// <summary>Issue 13, "One writer per ward at a time": the lease in the ward's site, against the local Graph.</summary>
public class WardLeaseTests
{
    /// <summary>A second runner gives up at once (the default wait is 20 s of real time).</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoWait = new Dictionary<string, string?>
    {
        ["WardLease:Wait"] = "00:00:00",
    };

    private static WardLeaseTimes Times(WardHarness ward) => ward.Services.GetRequiredService<WardLeaseTimes>();

    [Fact]
    public async Task TryAcquireAsync_HeldByAnotherRunner_SecondGetsNothingUntilExpiry()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        using var setup = ward.NewSession();
        await setup.Provisioner.EnsureAsync([], CancellationToken.None);
        using var first = ward.NewSession();
        using var second = ward.NewSession();

        // Two claimants at once against one site: exactly one wins.
        var claims = await Task.WhenAll(
            first.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None),
            second.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None));
        Assert.Single(claims, c => c is not null);
        Assert.Null(await second.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None));

        // The holder crashed (never released): after the expiry the lease is taken over.
        ward.Clock.Advance(Times(ward).Duration + TimeSpan.FromSeconds(1));
        var takenOver = await second.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(takenOver);

        // The overtaken holder can no longer renew, and its release leaves the new holder's lease alone.
        var overtaken = claims.Single(c => c is not null)!;
        Assert.False(await overtaken.RenewAsync(CancellationToken.None));
        await overtaken.DisposeAsync();
        Assert.Null(await first.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None));

        await takenOver.DisposeAsync();
        var afterRelease = await first.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(afterRelease);
    }

    [Fact]
    public async Task DisposeAsync_OvertakenHolderReleasesWithoutRenewing_NewHoldersLeaseUntouched()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        using var first = ward.NewSession();
        await first.Provisioner.EnsureAsync([], CancellationToken.None);
        var overtaken = await first.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        ward.Clock.Advance(Times(ward).Duration + TimeSpan.FromSeconds(1));
        using var second = ward.NewSession();
        await using var holder = await second.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(holder);
        var held = await second.State.GetAsync(GraphWardLease.Key, CancellationToken.None);

        // The release PATCHes with the eTag of the overtaken claim: 412, nothing written.
        await overtaken!.DisposeAsync();

        Assert.Equal(held, await ward.NewSession().State.GetAsync(GraphWardLease.Key, CancellationToken.None));
        Assert.StartsWith("pull:", held, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAcquireAndDispose_FreeWard_FiveResourceUnitsToClaimTwoToRelease()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        using var session = ward.NewSession();
        await session.Provisioner.EnsureAsync([], CancellationToken.None);
        await (await session.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None))!.DisposeAsync();
        ward.Server.ResetStats();

        var hold = await session.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        var claim = ward.Server.GetStats().ResourceUnits;
        await hold!.DisposeAsync();
        var release = ward.Server.GetStats().ResourceUnits - claim;

        // Claim: read the row by key (2), PATCH it with If-Match (2), read its new eTag (1: listitem-update answers the
        // fieldValueSet, without an eTag). Release: one PATCH with the eTag the holder has (2), no read.
        Assert.Equal(5, claim);
        Assert.Equal(2, release);
        Assert.Equal("|", await session.State.GetAsync(GraphWardLease.Key, CancellationToken.None));
    }

    [Fact]
    public async Task SyncAsync_WardHeldByAnotherRunner_BusyAndNothingWritten()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        using var setup = ward.NewSession();
        await setup.Provisioner.EnsureAsync([], CancellationToken.None);
        await using var held = await setup.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        var writes = ward.Server.GetStats().Writes;

        using var runner = ward.NewSession();
        var busy = await Assert.ThrowsAsync<WardBusyException>(() => runner.SyncAllAsync(Catalogue, Units));

        Assert.Equal("Chưa đồng bộ danh mục nhiệm vụ được: Phường Hải An đang được một tiến trình khác cập nhật; chưa ghi gì, "
            + "hãy thử lại sau ít phút.",
            busy.Message);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
    }

    [Fact]
    public async Task SyncAsync_LeaseOfACrashedHolder_TakenOverAfterExpiry()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        using (var crashed = ward.NewSession())
        {
            await crashed.Provisioner.EnsureAsync([], CancellationToken.None);
            // Claimed and never released: the process died.
            Assert.NotNull(await crashed.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None));
        }

        using (var early = ward.NewSession())
        {
            await Assert.ThrowsAsync<WardBusyException>(() => early.SyncAllAsync(Catalogue, Units));
        }

        ward.Clock.Advance(Times(ward).Duration);
        using var later = ward.NewSession();
        var (lists, planner) = await later.SyncAllAsync(Catalogue, Units);

        Assert.True(lists.Succeeded);
        Assert.Empty(planner.Failures);
        Assert.Equal("|", await later.State.GetAsync(GraphWardLease.Key, CancellationToken.None));
    }

    [Fact]
    public async Task SyncAsync_TwoFirstSyncsOfAFreshWardAtOnce_OnePlanNoDuplicatesOneBusy()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        var finished = new[] { new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

        // Each run pauses before its first Planner request until the other run has ended, so the lease holder is still
        // mid-run when the other claims. Were both let into Planner, each would wait for the other and fail (30 s bound).
        WardHarness.Session Open(int me) => ward.NewSession(new BeforeFirstHandler(
            r => r.RequestUri!.AbsolutePath.Contains("/planner/", StringComparison.Ordinal),
            () => finished[1 - me].Task.WaitAsync(TimeSpan.FromSeconds(30))));

        using var one = Open(0);
        using var two = Open(1);
        async Task<Exception?> RunAsync(WardHarness.Session session, int me)
        {
            try
            {
                var (lists, planner) = await session.SyncAllAsync(Catalogue, Units);
                Assert.True(lists.Succeeded);
                Assert.Empty(planner.Failures);
                return null;
            }
            catch (WardBusyException ex)
            {
                return ex;
            }
            finally
            {
                finished[me].SetResult();
            }
        }

        var outcomes = await Task.WhenAll(RunAsync(one, 0), RunAsync(two, 1));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is WardBusyException);
        await AssertExactlyOneOfEachAsync(ward);
    }

    [Fact]
    public async Task RunAsync_RunOutlivesARenewalPeriod_RenewedAndNotOvertaken()
    {
        await using var ward = await WardHarness.StartAsync(settings: NoWait);
        var times = Times(ward);
        using var runner = ward.NewSession();
        await runner.Provisioner.EnsureAsync([], CancellationToken.None);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = runner.Get<WardRunLease>().RunAsync("sync", async token =>
        {
            entered.SetResult();
            await release.Task.WaitAsync(token);
            return 0;
        }, CancellationToken.None);
        await entered.Task;
        var firstExpiry = await ExpiryAsync(ward);

        // A third of the lease has passed: the holder renews (eTag-guarded), moving the expiry on.
        ward.Clock.Advance(times.RenewEvery);
        var renewed = await WaitForExpiryAfterAsync(ward, firstExpiry);
        Assert.Equal(ward.Clock.GetUtcNow() + times.Duration, renewed);

        // Past the first expiry the lease is still the holder's: a second runner cannot take over.
        ward.Clock.Advance(firstExpiry - ward.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        using var second = ward.NewSession();
        Assert.Null(await second.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None));

        release.SetResult();
        await run;
        await using var afterwards = await second.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(afterwards);
    }

    /// <summary>One plan in the group, one Planner task per assignment, no duplicate list rows.</summary>
    private static async Task AssertExactlyOneOfEachAsync(WardHarness ward)
    {
        using var check = ward.NewSession();
        var assignments = DesiredRows.ForAssignments(Catalogue, Units);
        var snapshot = (await check.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!;
        Assert.Equal(assignments.Count, snapshot.Tasks.Count);
        Assert.Equal(snapshot.Tasks.Count, snapshot.Tasks.Select(t => (t.BucketId,
            PlannerDesign.CodeFromTitle(t.Title))).Distinct().Count());
        var rows = await check.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
        Assert.Equal(assignments.Count, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
        Assert.Equal(31, (await check.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Count);
        var groupPlans = await check.Connection.Client.Groups[ward.Server.Tenant.WardGroupId].Planner.Plans.GetAsync();
        Assert.Single(groupPlans!.Value!);
    }

    private static async Task<DateTimeOffset> ExpiryAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        var value = await session.State.GetAsync(GraphWardLease.Key, CancellationToken.None);
        return GraphWardLease.Parse(value).Expires ?? throw new InvalidOperationException($"no lease held: '{value}'");
    }

    /// <summary>The renewal runs on the holder's timer: read the row (bounded, no sleep) until it shows it.</summary>
    private static async Task<DateTimeOffset> WaitForExpiryAfterAsync(WardHarness ward, DateTimeOffset expiry)
    {
        var now = expiry;
        await Eventually.TrueAsync(async () => (now = await ExpiryAsync(ward)) > expiry, $"the lease renewed after {expiry:O}");
        return now;
    }
}
