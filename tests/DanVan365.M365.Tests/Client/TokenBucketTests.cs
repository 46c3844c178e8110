using DanVan365.M365.Client;
using DanVan365.TestUtilities.Time;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.M365.Tests.Client;

public class TokenBucketTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_WithinBurst_NoWait()
    {
        var bucket = new TokenBucket(1250, TimeSpan.FromMinutes(1), _clock);

        Assert.Equal(125, bucket.Capacity, 6);
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(125));
        Assert.Equal(0, bucket.Available, 6);
    }

    [Fact]
    public void Reserve_PastBurst_WaitsForSteadyRefill()
    {
        // 100 RU a minute: 10 at once, 90 a minute (1.5 a second) after that.
        var bucket = new TokenBucket(100, TimeSpan.FromMinutes(1), _clock);
        bucket.Reserve(10);

        Assert.Equal(TimeSpan.FromSeconds(6), bucket.Reserve(9));
        Assert.Equal(TimeSpan.FromSeconds(10), bucket.Reserve(6));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, bucket.Available, 6);
    }

    [Fact]
    public void Reserve_AnyWindow_NeverMoreThanTheBudget()
    {
        var bucket = new TokenBucket(1250, TimeSpan.FromMinutes(1), _clock);
        var sent = new List<(TimeSpan At, int Units)>();
        var now = TimeSpan.Zero;
        for (var i = 0; i < 1000; i++)
        {
            var wait = bucket.Reserve(2);
            _clock.Advance(wait);
            now += wait;
            sent.Add((now, 2));
        }

        foreach (var (at, _) in sent)
        {
            var inWindow = sent.Where(s => s.At >= at && s.At < at + TimeSpan.FromMinutes(1)).Sum(s => s.Units);
            Assert.True(inWindow <= 1250, $"{inWindow} RU in the minute from {at}");
        }

        // 2,000 RU: 125 at once, 1,875 at 1,125 a minute.
        Assert.Equal(100, now.TotalSeconds, 0);
    }

    [Fact]
    public void Tighten_FewerRemainingThanHeld_HoldsOnlyThose()
    {
        var bucket = new TokenBucket(1250, TimeSpan.FromMinutes(1), _clock);

        bucket.Tighten(40, TimeSpan.FromSeconds(20));

        Assert.Equal(40, bucket.Available, 6);
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(40));
        Assert.True(bucket.Reserve(1) > TimeSpan.Zero);
    }

    [Fact]
    public void Tighten_NoneRemaining_NothingUntilReset()
    {
        var bucket = new TokenBucket(600, TimeSpan.FromMinutes(1), _clock);

        bucket.Tighten(0, TimeSpan.FromSeconds(20));

        Assert.Equal(0, bucket.Available, 6);
        Assert.Equal(TimeSpan.FromSeconds(20), bucket.Reserve(1));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(1));
    }

    [Fact]
    public void Pause_RetryAfter_NothingBeforeIt()
    {
        var bucket = new TokenBucket(600, TimeSpan.FromMinutes(1), _clock);

        bucket.Pause(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), bucket.Reserve(1));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(1));
    }

    [Fact]
    public async Task AcquireAsync_HigherPriorityArrivesLater_IsServedFirst()
    {
        // 100 a minute: 10 at once, then 1.5 a second.
        var bucket = new TokenBucket(100, TimeSpan.FromMinutes(1), _clock);
        Assert.Equal(TimeSpan.Zero, await bucket.AcquireAsync(10, priority: 1, CancellationToken.None));
        var later = bucket.AcquireAsync(3, priority: 9, CancellationToken.None);
        var older = bucket.AcquireAsync(3, priority: 2, CancellationToken.None);
        await WaitUntil(() => bucket.Waiting == 2);

        var first = await AdvanceUntilDone(Task.WhenAny(later, older));

        Assert.Same(older, await Task.WhenAny(later, older));
        Assert.False(later.IsCompleted);
        Assert.InRange(first.TotalSeconds, 1.9, 2.2);
        Assert.InRange((await older).TotalSeconds, 1.9, 2.2);
        var second = await AdvanceUntilDone(later);
        Assert.InRange(second.TotalSeconds, 1.9, 2.2);
    }

    [Fact]
    public async Task AcquireAsync_EqualPriorities_ServedInArrivalOrder()
    {
        var bucket = new TokenBucket(100, TimeSpan.FromMinutes(1), _clock);
        await bucket.AcquireAsync(10, priority: 1, CancellationToken.None);
        var a = bucket.AcquireAsync(3, priority: 5, CancellationToken.None);
        await WaitUntil(() => bucket.Waiting == 1);
        var b = bucket.AcquireAsync(3, priority: 5, CancellationToken.None);
        await WaitUntil(() => bucket.Waiting == 2);

        await AdvanceUntilDone(Task.WhenAny(a, b));

        Assert.True(a.IsCompleted);
        Assert.False(b.IsCompleted);
        await AdvanceUntilDone(b);
    }

    [Fact]
    public async Task AcquireAsync_CancelledHead_NextWaiterServed()
    {
        var bucket = new TokenBucket(100, TimeSpan.FromMinutes(1), _clock);
        await bucket.AcquireAsync(10, priority: 1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var head = bucket.AcquireAsync(6, priority: 1, cancel.Token);
        var next = bucket.AcquireAsync(3, priority: 2, CancellationToken.None);
        await WaitUntil(() => bucket.Waiting == 2);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => head);
        var waited = await AdvanceUntilDone(next);
        Assert.InRange(waited.TotalSeconds, 1.9, 2.2);
        Assert.Equal(0, bucket.Waiting);
    }

    [Fact]
    public async Task AcquireAsync_PausedByRetryAfter_NobodyServedBeforeIt()
    {
        var bucket = new TokenBucket(1250, TimeSpan.FromMinutes(1), _clock);
        bucket.Pause(TimeSpan.FromSeconds(5));

        var waiter = bucket.AcquireAsync(1, priority: 1, CancellationToken.None);
        var waited = await AdvanceUntilDone(waiter);

        Assert.InRange(waited.TotalSeconds, 4.9, 5.2);
    }

    [Fact]
    public async Task AcquireAsync_ManyCallersAnyPriorities_NeverMoreThanTheBudgetInAnyWindow()
    {
        var bucket = new TokenBucket(1250, TimeSpan.FromMinutes(1), _clock);
        var start = _clock.GetUtcNow();
        var sent = new System.Collections.Concurrent.ConcurrentBag<(TimeSpan At, double Units)>();
        async Task Caller(long priority, double cost)
        {
            for (var i = 0; i < 40; i++)
            {
                await bucket.AcquireAsync(cost, priority, CancellationToken.None);
                sent.Add((_clock.GetUtcNow() - start, cost));
            }
        }

        var callers = Task.WhenAll(Caller(3, 2), Caller(1, 40), Caller(2, 1), Caller(4, 2));
        await AdvanceUntilDone(callers, TimeSpan.FromMilliseconds(250));

        foreach (var (at, _) in sent)
        {
            var inWindow = sent.Where(s => s.At >= at && s.At < at + TimeSpan.FromMinutes(1)).Sum(s => s.Units);
            Assert.True(inWindow <= 1250 + 40, $"{inWindow} RU in the minute from {at}");
        }

        Assert.Equal(40 * 45, sent.Sum(s => s.Units));
    }

    /// <summary>Advances the fake clock in steps until <paramref name="task"/> ends; the fake time it took.</summary>
    private async Task<TimeSpan> AdvanceUntilDone(Task task, TimeSpan? step = null)
    {
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 20_000 && !task.IsCompleted; i++)
        {
            await Eventually.SettledAsync();
            if (task.IsCompleted)
            {
                break;
            }

            _clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            advanced += step ?? TimeSpan.FromMilliseconds(100);
        }

        await task.WaitAsync(TimeSpan.FromSeconds(10));
        return advanced;
    }

    private static Task WaitUntil(Func<bool> condition) => Eventually.TrueAsync(condition, "callers queued in the bucket");
}
