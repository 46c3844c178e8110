using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.Time;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Core.Tests.Wards;

/// <summary>
/// The lease arithmetic and <see cref="WardRunLease"/>'s scheduling on a fake clock. The lease here is a recording
/// in-memory one: what it says about Graph is tested against the local Graph (M365.Tests, WardLeaseTests).
/// </summary>
public class WardRunLeaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly WardContext Ward = new("hai-an", "Phường Hải An", "Dân vận 2026 – Phường Hải An",
        UnitDirectory.LoadDefault(), WardCalendar.WeekendsOnly);

    [Fact]
    public void RenewEvery_Defaults_AThirdOfTenMinutes()
    {
        var times = WardLeaseTimes.Default;

        Assert.Equal(TimeSpan.FromMinutes(10), times.Duration);
        Assert.Equal(TimeSpan.FromSeconds(20), times.Wait);
        Assert.Equal(TimeSpan.FromSeconds(200), times.RenewEvery);
    }

    [Fact]
    public void LostBeforeNextRenewal_FailedRenewals_LostOnlyWhenTheNextOneWouldComeTooLate()
    {
        var times = WardLeaseTimes.Default;
        var clock = new FakeTimeProvider(Start);
        var expires = clock.GetUtcNow() + times.Duration;

        clock.Advance(times.RenewEvery);
        Assert.False(times.LostBeforeNextRenewal(expires, clock.GetUtcNow()));
        clock.Advance(times.RenewEvery - TimeSpan.FromSeconds(1));
        Assert.False(times.LostBeforeNextRenewal(expires, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(times.LostBeforeNextRenewal(expires, clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("00:00:01", "00:00:00", "WardLease:Duration")]
    [InlineData("03:00:00", "00:00:00", "WardLease:Duration")]
    [InlineData("00:10:00", "00:10:00", "WardLease:Wait")]
    [InlineData("00:10:00", "-00:00:01", "WardLease:Wait")]
    public void Validate_OutOfRange_NamesTheSetting(string duration, string wait, string setting)
    {
        var times = new WardLeaseTimes { Duration = TimeSpan.Parse(duration, null), Wait = TimeSpan.Parse(wait, null) };

        Assert.Equal(setting, Assert.Throws<ConfigurationException>(times.Validate).Setting);
    }

    [Fact]
    public async Task RunAsync_BodyOutlivesRenewEvery_RenewedOnEachPeriodOfTheClock()
    {
        var (clock, lease, run) = Setup();
        var release = new TaskCompletionSource();
        var task = run.RunAsync("sync", async token =>
        {
            await release.Task.WaitAsync(token);
            return 0;
        }, CancellationToken.None);

        clock.Advance(WardLeaseTimes.Default.RenewEvery - TimeSpan.FromSeconds(1));
        Assert.Equal(0, lease.Renewals);
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => lease.Renewals == 1);
        clock.Advance(WardLeaseTimes.Default.RenewEvery);
        await WaitUntil(() => lease.Renewals == 2);

        release.SetResult();
        await task;
        Assert.Equal(1, lease.Released);
        clock.Advance(WardLeaseTimes.Default.Duration);
        Assert.Equal(2, lease.Renewals);
    }

    [Fact]
    public async Task RunAsync_RenewalFindsTheLeaseTakenOver_BodyCancelledAndLeaseLost()
    {
        var (clock, lease, run) = Setup();
        lease.RenewAnswer = () => false;
        var task = run.RunAsync("sync", async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, token);
            return 0;
        }, CancellationToken.None);

        clock.Advance(WardLeaseTimes.Default.RenewEvery);

        var lost = await Assert.ThrowsAsync<WardLeaseLostException>(() => task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Phường Hải An", lost.Message, StringComparison.Ordinal);
        Assert.False(run.Held);
    }

    [Fact]
    public async Task RunAsync_RenewalsFail_RunGoesOnOnceThenStopsBeforeExpiry()
    {
        var (clock, lease, run) = Setup();
        lease.RenewAnswer = () => throw new RemoteServiceException("renew", 503, "serviceNotAvailable", null, "busy");
        var task = run.RunAsync("sync", async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, token);
            return 0;
        }, CancellationToken.None);

        clock.Advance(WardLeaseTimes.Default.RenewEvery);
        await WaitUntil(() => lease.Renewals == 1);
        Assert.False(task.IsCompleted);
        clock.Advance(WardLeaseTimes.Default.RenewEvery);

        await Assert.ThrowsAsync<WardLeaseLostException>(() => task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, lease.Renewals);
    }

    [Fact]
    public async Task RunAsync_NestedUseCase_SameHolderReentersClaimedAndReleasedOnce()
    {
        var (_, lease, run) = Setup();

        var result = await run.RunAsync("intake", token => run.RunAsync("sync", _ => Task.FromResult(run.Held), token),
            CancellationToken.None);

        Assert.True(result);
        Assert.Equal(1, lease.Claims);
        Assert.Equal(1, lease.Released);
        Assert.False(run.Held);
    }

    [Fact]
    public async Task RunAsync_HeldByAnotherRunner_WardBusyAndTheBodyNeverRuns()
    {
        var (_, lease, run) = Setup();
        lease.Busy = true;
        var ran = false;

        var busy = await Assert.ThrowsAsync<WardBusyException>(() => run.RunAsync("compile", _ => Task.FromResult(ran = true),
            CancellationToken.None));

        Assert.False(ran);
        Assert.Equal("Chưa tổng hợp báo cáo được: Phường Hải An đang được một tiến trình khác cập nhật; chưa ghi gì, "
            + "hãy thử lại sau ít phút.",
            busy.Message);
        Assert.Equal(WardLeaseTimes.Default.Wait, lease.LastWait);
    }

    [Fact]
    public async Task RunAsync_SiteNotProvisioned_UnguardedUnlessTheRunProvisions()
    {
        var (_, lease, run) = Setup();
        lease.Provisioned = false;

        Assert.False(await run.RunAsync("ingest", _ => Task.FromResult(run.Held), CancellationToken.None));
        Assert.Equal(0, lease.Provisions);

        Assert.True(await run.RunAsync("sync", provision: true, _ => Task.FromResult(run.Held), CancellationToken.None));
        Assert.Equal(1, lease.Provisions);
        Assert.Equal(7, run.ProvisionedOnClaim?.ListsCreated);
        Assert.Equal(1, lease.Claims);
    }

    private static (FakeTimeProvider Clock, RecordingLease Lease, WardRunLease Run) Setup()
    {
        var clock = new FakeTimeProvider(Start);
        var lease = new RecordingLease();
        return (clock, lease, new WardRunLease(Ward, lease, lease, WardLeaseTimes.Default, clock));
    }

    private static Task WaitUntil(Func<bool> condition) => Eventually.TrueAsync(condition, "the renewal ran");

    /// <summary>An in-memory lease (and provisioner) that records what the run asked of it.</summary>
    private sealed class RecordingLease : IWardLease, ISiteProvisioner, IWardLeaseHold
    {
        private int _renewals;

        public bool Busy { get; set; }

        public bool Provisioned { get; set; } = true;

        public Func<bool> RenewAnswer { get; set; } = () => true;

        public int Claims { get; private set; }

        public int Renewals => Volatile.Read(ref _renewals);

        public int Released { get; private set; }

        public int Provisions { get; private set; }

        public TimeSpan? LastWait { get; private set; }

        public Task<IWardLeaseHold?> TryAcquireAsync(string purpose, TimeSpan wait, CancellationToken cancellationToken)
        {
            LastWait = wait;
            if (!Provisioned)
            {
                throw new SiteNotProvisionedException(SiteSchema.State.DisplayName);
            }

            if (Busy)
            {
                return Task.FromResult<IWardLeaseHold?>(null);
            }

            Claims++;
            return Task.FromResult<IWardLeaseHold?>(this);
        }

        public Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _renewals);
            return Task.FromResult(RenewAnswer());
        }

        public ValueTask DisposeAsync()
        {
            Released++;
            return ValueTask.CompletedTask;
        }

        public Task<ProvisionResult> EnsureAsync(IReadOnlyList<string> libraryFolders, CancellationToken cancellationToken)
        {
            Provisions++;
            Provisioned = true;
            return Task.FromResult(new ProvisionResult(7, 0, 0));
        }

        public Task<bool> IsProvisionedAsync(CancellationToken cancellationToken) => Task.FromResult(Provisioned);

        public Task<bool> IsCurrentAsync(IReadOnlyList<string> libraryFolders, CancellationToken cancellationToken) =>
            Task.FromResult(Provisioned);
    }
}
