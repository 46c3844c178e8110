using Microsoft.Extensions.Time.Testing;

namespace DanVan365.TestUtilities.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> on which waiting costs no real time: a <c>Task.Delay(d, clock, …)</c> (a retry's
/// back-off, a pace, the lease's poll) ends at once and the clock moves on to the delay's end, so the code sees exactly the
/// time it asked to wait. Only delays move the clock; the other timers (a lease's renewal <see cref="PeriodicTimer"/>, an
/// attempt's timeout <see cref="CancellationTokenSource"/>) fire when a delay or <see cref="FakeTimeProvider.Advance"/>
/// passes their time, as on any fake clock. With <see cref="SkipDelays"/> false it is a plain fake clock the test advances.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();

    /// <summary>True (the default): delays end at once, the clock moved to their end.</summary>
    public bool SkipDelays { get; set; } = true;

    /// <summary>How far delays have moved the clock so far (what the waits would have cost in real time).</summary>
    public TimeSpan Skipped { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);

        // Task.Delay(d, clock, ct) makes a one-shot timer whose state is the delay's task; nothing else does.
        if (SkipDelays && state is Task && period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero
            && dueTime != Timeout.InfiniteTimeSpan)
        {
            var due = GetUtcNow() + dueTime;
            // Moved from the thread pool, once the delay holds its timer (and without holding the caller up).
            ThreadPool.QueueUserWorkItem(_ => MoveTo(due));
        }

        return timer;
    }

    private void MoveTo(DateTimeOffset due)
    {
        lock (_gate)
        {
            var step = due - GetUtcNow();
            if (step > TimeSpan.Zero)
            {
                Skipped += step;
                Advance(step);
            }
        }
    }
}
