namespace DanVan365.Core.Planner;

/// <summary>The ward's plan as read in one run: plan id, bucket ids by name (NFC), tasks.</summary>
public sealed record PlannerSnapshot(string PlanId, IReadOnlyDictionary<string, string> BucketIds, IReadOnlyList<PlannerTaskState> Tasks);

/// <summary>What applying a Planner plan did: the task id and content hash each Phân công row must now record, and failures.</summary>
public sealed record PlannerApplyResult(IReadOnlyDictionary<string, (string TaskId, string? Hash)> Links,
    IReadOnlyList<Sync.RowFailure> Failures, int Writes)
{
    /// <summary>Per-task limits Planner answered; the writes went through without what was over (not failures).</summary>
    public IReadOnlyList<PlannerLimitHit> Limits { get; init; } = [];
}

/// <summary>Planner, as the use cases see it. Implemented by the Graph adapter.</summary>
public interface IPlannerStore
{
    /// <summary>The plan with this title in the ward's group, its buckets and tasks (three reads), or null when there is no such
    /// plan.</summary>
    Task<PlannerSnapshot?> SnapshotAsync(string planTitle, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the plan if missing, names its labels, pins it in the ward's team (best effort: the outcome is returned,
    /// a failure to pin never fails the plan) and adds missing buckets; idempotent.
    /// </summary>
    Task<TeamsTabPin> EnsurePlanAsync(PlannerPlanSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// User ids by e-mail: a person's Entra object id from the unit directory when given (no look-up), else found by mail or
    /// user principal name (a fallback the adapter logs as a warning); people who cannot be found are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ResolveUsersAsync(IReadOnlyList<PlannerAssignee> people, CancellationToken cancellationToken);

    /// <summary>Carries out a plan: creates, task updates, details, archives (batched, If-Match on every PATCH).</summary>
    Task<PlannerApplyResult> ApplyAsync(PlannerSnapshot snapshot, PlannerSyncPlan plan, CancellationToken cancellationToken);
}
