using DanVan365.Core.Reporting;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// What the Functions run for one ward: one method per job, each calling one use case. A method throws when the run
/// must be retried (a queue message is then retried, and poisoned after 5 attempts).
/// </summary>
public interface IWardJobs
{
    /// <summary>
    /// The same jobs, each run stopping at the first safe point after <paramref name="deadline"/> with
    /// <see cref="Core.Wards.WardRunContinuedException"/> (the queue job then enqueues a follow-up message).
    /// </summary>
    IWardJobs Until(DateTimeOffset deadline);

    /// <summary>Lists + Planner from the decision in the library's "Quyết định" folder; only when it changed unless <paramref
    /// name="force"/>.</summary>
    Task<SyncOutcome> SyncCatalogueAsync(string wardId, bool force, CancellationToken cancellationToken);

    /// <summary>Planner progress → Phân công (with the status category as of today).</summary>
    Task<PullOutcome> PullPlannerProgressAsync(string wardId, CancellationToken cancellationToken);

    /// <summary>New or changed files in the rounds' "Nộp" folders (delta) → Báo cáo kết quả.</summary>
    Task IngestSubmissionsAsync(string wardId, CancellationToken cancellationToken);

    /// <summary>Reminders before deadlines and escalation of overdue tasks and missing reports.</summary>
    Task EscalateDeadlinesAsync(string wardId, CancellationToken cancellationToken);

    /// <summary>Compiles the report of every round whose last day was yesterday (ICT); returns the rounds compiled.</summary>
    Task<IReadOnlyList<int>> CompileDueRoundReportsAsync(string wardId, CancellationToken cancellationToken);

    /// <summary>
    /// Compiles one round's report into the library. <paramref name="interactive"/>: an administrator waits for it (the
    /// HTTP call): its Graph requests take the interactive lane (<see cref="M365.Composition.WardTarget.Interactive"/>).
    /// </summary>
    Task CompileRoundReportAsync(string wardId, int round, bool interactive, CancellationToken cancellationToken);

    /// <summary>A unit's structured report for a round (the same rows as an ingested template).</summary>
    Task SubmitReportAsync(string wardId, Submission submission, CancellationToken cancellationToken);

    /// <summary>The four status categories per unit, as of today.</summary>
    Task<WardStatus> StatusAsync(string wardId, CancellationToken cancellationToken);
}

/// <summary>What a catalogue sync did. <see cref="Synced"/> is false when nothing changed (or the decision was rejected).</summary>
public sealed record SyncOutcome(
    bool Synced,
    string? DecisionFile,
    string? SkipReason,
    int Created,
    int Updated,
    int Archived,
    int Unchanged,
    int Failures,
    long Requests);

/// <summary>What a progress pull did.</summary>
public sealed record PullOutcome(int ProgressUpdated, int Failures, long Requests);

/// <summary>Counts per status category for one unit; ongoing tasks (no last day) are counted apart.</summary>
public sealed record UnitStatus(string Code, string Name, IReadOnlyDictionary<string, int> Categories, int Ongoing);

/// <summary>A ward's status as of a day (ICT).</summary>
public sealed record WardStatus(string Ward, DateOnly AsOf, IReadOnlyList<UnitStatus> Units);

/// <summary>A ward id that is not configured.</summary>
public sealed class UnknownWardException(string wardId)
    : Exception($"Ward '{wardId}' is not configured (Wards:N:Id).")
{
    public string WardId { get; } = wardId;
}

/// <summary>A run that wrote only part of what it should have: retried by the queue.</summary>
public sealed class WardJobFailedException(string wardId, WardJob job, int failures)
    : Exception($"{job} for ward '{wardId}' failed on {failures} row(s).")
{
    public string WardId { get; } = wardId;

    public WardJob Job { get; } = job;

    public int Failures { get; } = failures;
}

/// <summary>A ward job that could not finish (the queue retries it; poison after 5 attempts).</summary>
public sealed class JobFailedException(string message) : Exception(message);
