using DanVan365.M365.Client;
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
}
