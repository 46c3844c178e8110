using DanVan365.Core.Errors;

namespace DanVan365.Core.Wards;

/// <summary>
/// The time by which one ward run (one ward scope) must stop, so that it ends before its host would kill it: for a queue
/// job the Functions set it to the start of the run plus <c>WardJobs:RunTimeLimit</c> (the function timeout minus a
/// margin); the CLI, <c>serve</c> and the HTTP functions set none, and nothing stops early.
/// <para>Use cases check it at safe points only, between units of work that leave the ward consistent (a <c>$batch</c> of
/// list rows; a chunk of Planner tasks with their ids recorded on Phân công; one digest claimed, sent and marked sent).
/// Past the deadline, and once the run has done at least one unit (so every run moves the job on), they record what they
/// did and throw <see cref="WardRunContinuedException"/>; the lease is released on the way out and the caller runs the
/// same job again (a follow-up queue message), which picks up where this run stopped: every write is idempotent (the
/// plans are functions of desired and current, notifications are keyed in Nhật ký thông báo, rows have unique keys).</para>
/// </summary>
public sealed class WardRunDeadline(TimeProvider clock, string wardName, DateTimeOffset? at)
{
    /// <summary>
    /// The most Planner tasks written between two checks when the run may stop early: a chunk (creates, details, the ids
    /// recorded on Phân công) stays short at a small share of the tenant's budgets (docs/architecture.md "Functions").
    /// </summary>
    public const int PlannerChunk = 10;

    /// <summary>The most list rows written between two checks: one <c>$batch</c> (Graph's documented maximum, 20).</summary>
    public const int ListChunk = 20;

    private int _units;

    /// <summary>A run that never stops early (CLI, serve, HTTP functions, tests that do not set one).</summary>
    public static WardRunDeadline None(TimeProvider clock) => new(clock, string.Empty, null);

    /// <summary>When the run must stop (null: never).</summary>
    public DateTimeOffset? At => at;

    /// <summary>True when the run may stop early: use cases then write in small units with a check between them.</summary>
    public bool Splits => at is not null;

    /// <summary>True when the deadline is set and the clock has reached it.</summary>
    public bool Passed => at is { } deadline && clock.GetUtcNow() >= deadline;

    /// <summary>Units of work this run has finished (<see cref="Done"/>).</summary>
    public int Units => _units;

    /// <summary>A unit of work is finished and its result written: the ward is consistent here.</summary>
    public void Done() => Interlocked.Increment(ref _units);

    /// <summary>True when the run should stop here: the deadline has passed and this run has finished a unit of work.</summary>
    public bool ShouldStop => _units > 0 && Passed;

    /// <summary>Throws <see cref="WardRunContinuedException"/> when <see cref="ShouldStop"/>.</summary>
    public void StopIfDue(string purpose)
    {
        if (ShouldStop)
        {
            throw new WardRunContinuedException(wardName, purpose, _units);
        }
    }
}

/// <summary>
/// A run stopped at its deadline (<see cref="WardRunDeadline"/>) at a safe point, having written part of its work: what it
/// wrote stays, and the same job run again finishes it (the queue job enqueues a follow-up message). Not a failure.
/// </summary>
public sealed class WardRunContinuedException(string wardName, string purpose, int units)
    : DanVanException($"{wardName}: lượt {WardBusyException.ActivityOf(purpose)} đã dừng đúng hạn sau {units} phần việc; " +
        "phần đã ghi được giữ nguyên, lượt tiếp theo làm tiếp phần còn lại.")
{
    public string WardName { get; } = wardName;

    /// <summary>The use case that stopped ("sync", "escalate", …).</summary>
    public string Purpose { get; } = purpose;

    /// <summary>Units of work (list batches, Planner chunks, digests) the run finished before it stopped.</summary>
    public int Units { get; } = units;
}
