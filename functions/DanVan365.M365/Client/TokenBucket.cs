namespace DanVan365.M365.Client;

/// <summary>
/// A token bucket that lends: <see cref="Reserve"/> always takes the cost (the balance may go below zero) and says how
/// long the caller must wait before sending, so callers are served in order and the arithmetic is exact.
/// Of a budget B per window W, 90 % refills steadily and 10 % is the burst: any window of length W then sees at most
/// 0.1·B + 0.9·B = B, however the server aligns its minute (a fixed minute, as SharePoint counts, or a sliding one).
/// </summary>
public sealed class TokenBucket
{
    /// <summary>Share of the budget that may be spent at once; the rest refills steadily.</summary>
    public const double BurstShare = 0.1;

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly double _perTick;
    private double _tokens;
    private long _stamp;
    private DateTimeOffset _pausedUntil;

    /// <param name="budget">Units per window.</param>
    /// <param name="window">The window (one minute in production).</param>
    /// <param name="clock">Time source (a fake one in tests).</param>
    public TokenBucket(double budget, TimeSpan window, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _clock = clock;
        Budget = budget;
        Window = window;
        Capacity = budget * BurstShare;
        _perTick = budget * (1 - BurstShare) / window.Ticks;
        _tokens = Capacity;
        _stamp = clock.GetTimestamp();
    }

    public double Budget { get; }

    public TimeSpan Window { get; }

    /// <summary>The most units available at once.</summary>
    public double Capacity { get; }

    /// <summary>Units available now (negative: owed by callers already waiting).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes <paramref name="cost"/> units; returns how long to wait before using them (zero: now).</summary>
    public TimeSpan Reserve(double cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        lock (_gate)
        {
            Refill();
            _tokens -= cost;
            var wait = _tokens >= 0 ? TimeSpan.Zero : TicksFor(-_tokens);
            var paused = _pausedUntil - _clock.GetUtcNow();
            return paused > wait ? paused : wait;
        }
    }

    /// <summary>Reserves and waits.</summary>
    public async Task<TimeSpan> AcquireAsync(double cost, CancellationToken cancellationToken)
    {
        var wait = Reserve(cost);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }

        return wait;
    }

    /// <summary>
    /// The server says only <paramref name="remaining"/> units are left of this window's budget for this caller:
    /// never hold more than that. Zero left with <paramref name="reset"/> to go: nothing more until then.
    /// </summary>
    public void Tighten(double remaining, TimeSpan reset)
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_tokens, Math.Max(0, remaining));
            if (remaining <= 0)
            {
                PauseUntil(_clock.GetUtcNow() + reset);
            }
        }
    }

    /// <summary>The server said to wait <paramref name="pause"/> (Retry-After): nothing more is sent before then.</summary>
    public void Pause(TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            PauseUntil(_clock.GetUtcNow() + pause);
        }
    }

    private void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }

    private TimeSpan TicksFor(double units) => TimeSpan.FromTicks((long)Math.Ceiling(units / _perTick));

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_stamp, now);
        _stamp = now;
        _tokens = Math.Min(Capacity, _tokens + (elapsed.Ticks * _perTick));
    }
}
