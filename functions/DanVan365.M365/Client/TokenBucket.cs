namespace DanVan365.M365.Client;

/// <summary>
/// A token bucket. <see cref="AcquireAsync(double, long, CancellationToken)"/> queues callers by priority and lets each
/// through once its units are there; <see cref="Reserve"/> lends (always takes the cost, the balance may go below zero,
/// and says how long the caller must wait before sending).
/// Of a budget B per window W, 90 % refills steadily and 10 % is the burst: any window of length W then sees at most
/// 0.1·B + 0.9·B = B, however the server aligns its minute (a fixed minute, as SharePoint counts, or a sliding one).
/// </summary>
public sealed class TokenBucket
{
    /// <summary>Share of the budget that may be spent at once; the rest refills steadily.</summary>
    public const double BurstShare = 0.1;

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly double _fullPerTick;
    private double _perTick;
    private double _share = 1;
    private double _tokens;
    private long _stamp;
    private DateTimeOffset _pausedUntil;
    private readonly SortedSet<Waiter> _waiters = new(Comparer<Waiter>.Create(static (a, b) =>
        a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Arrival.CompareTo(b.Arrival)));
    private long _arrivals;

    /// <summary>Units below a whole tick's refill are rounding, not a shortfall.</summary>
    private const double Slack = 1e-6;

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
        FullCapacity = budget * BurstShare;
        _fullPerTick = budget * (1 - BurstShare) / window.Ticks;
        _perTick = _fullPerTick;
        _tokens = FullCapacity;
        _stamp = clock.GetTimestamp();
    }

    /// <summary>Units per window this bucket was declared with (its whole share, <see cref="Share"/> = 1).</summary>
    public double Budget { get; }

    public TimeSpan Window { get; }

    /// <summary>The most units available at once with the whole declared budget.</summary>
    public double FullCapacity { get; }

    /// <summary>The most units available at once now: the burst of the current <see cref="Share"/>.</summary>
    public double Capacity
    {
        get
        {
            lock (_gate)
            {
                return FullCapacity * _share;
            }
        }
    }

    /// <summary>The part of <see cref="Budget"/> this bucket spends now (0 &lt; share ≤ 1; <see cref="AdaptiveShare"/> sets it).</summary>
    public double Share
    {
        get
        {
            lock (_gate)
            {
                return _share;
            }
        }
    }

    /// <summary>
    /// Spends only <paramref name="share"/> of the declared budget from now on: the steady refill and the burst both scale
    /// with it, and units held above the new burst are dropped.
    /// </summary>
    public void SetShare(double share)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        lock (_gate)
        {
            Refill();
            _share = share;
            _perTick = _fullPerTick * share;
            _tokens = Math.Min(_tokens, FullCapacity * share);
        }
    }

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

    /// <summary>
    /// Takes <paramref name="cost"/> units once the bucket holds them, serving waiters by <paramref name="priority"/>
    /// (lower first; equal priorities in arrival order) rather than round-robin: the oldest ward run of a city gets the
    /// budget first and finishes, then moves on to services this bucket does not pace (Planner after its lists), while the
    /// next run spends the budget. Without priorities, 16 wards sharing the budget finish their lists together and leave
    /// it idle while they all do Planner. A cost above <see cref="Capacity"/> is let through once the bucket is full and
    /// owed back (the balance goes below zero), so any window still sees at most the budget plus that one overshoot.
    /// Returns how long the caller waited.
    /// </summary>
    public async Task<TimeSpan> AcquireAsync(double cost, long priority, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        var started = _clock.GetTimestamp();
        Waiter me;
        lock (_gate)
        {
            Refill();
            if (_waiters.Count == 0 && CanGrant(cost))
            {
                _tokens -= cost;
                return TimeSpan.Zero;
            }

            me = new Waiter(priority, _arrivals++);
            _waiters.Add(me);
        }

        try
        {
            while (true)
            {
                Task wake;
                lock (_gate)
                {
                    Refill();
                    if (_waiters.Min == me && CanGrant(cost))
                    {
                        _tokens -= cost;
                        _waiters.Remove(me);
                        WakeHead();
                        return _clock.GetElapsedTime(started);
                    }

                    if (_waiters.Min == me)
                    {
                        // The head sleeps until the bucket holds its cost (or a pause ends), then looks again: a waiter of
                        // higher priority that arrived meanwhile has become the head and goes first.
                        wake = Task.Delay(DueFor(cost), _clock, cancellationToken);
                    }
                    else
                    {
                        me.Wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        wake = me.Wake.Task.WaitAsync(cancellationToken);
                    }
                }

                await wake.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (_waiters.Remove(me))
                {
                    WakeHead();
                }
            }

            throw;
        }
    }

    /// <summary>Callers waiting for units (in <see cref="AcquireAsync(double, long, CancellationToken)"/>).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
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

    /// <summary>Whether <paramref name="cost"/> can be taken now (small rounding slack: the refill is floating point).</summary>
    private bool CanGrant(double cost) =>
        _clock.GetUtcNow() >= _pausedUntil && _tokens + Slack >= Math.Min(cost, FullCapacity * _share);

    /// <summary>How long until <paramref name="cost"/> can be taken, if nobody else takes units meanwhile.</summary>
    private TimeSpan DueFor(double cost)
    {
        var missing = Math.Min(cost, FullCapacity * _share) - _tokens;
        var refill = missing > Slack ? TicksFor(missing) : TimeSpan.Zero;
        var paused = _pausedUntil - _clock.GetUtcNow();
        var due = paused > refill ? paused : refill;
        // Task.Delay waits whole milliseconds (a shorter delay ends at once): a refill of less than a millisecond, left by
        // rounding at a small budget (31 RU a minute), would otherwise be waited for in a busy loop that never moves time.
        return due > MinWait ? due : MinWait;
    }

    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);

    /// <summary>Tells the waiter now first in line that it is (it then sleeps until its units are there).</summary>
    private void WakeHead() => _waiters.Min?.Wake?.TrySetResult();

    private TimeSpan TicksFor(double units) => TimeSpan.FromTicks((long)Math.Ceiling(units / _perTick));

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_stamp, now);
        _stamp = now;
        _tokens = Math.Min(FullCapacity * _share, _tokens + (elapsed.Ticks * _perTick));
    }

    private sealed class Waiter(long priority, long arrival)
    {
        public long Priority { get; } = priority;

        public long Arrival { get; } = arrival;

        /// <summary>Completed when this waiter becomes first in line.</summary>
        public TaskCompletionSource? Wake { get; set; }
    }
}
