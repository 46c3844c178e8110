using DanVan365.Core.Planner;
using DanVan365.M365.Client;

namespace DanVan365.M365.Planner;

/// <summary>
/// Planner through Graph (https://learn.microsoft.com/graph/api/resources/planner-overview), the port
/// <see cref="IPlannerStore"/>: a small coordinator of the parts that do the work, in the order a sync needs them. Plans
/// live in the ward's Microsoft 365 group; every PATCH carries If-Match (task and details have separate eTags); writes
/// go as $batch.
/// </summary>
public sealed class GraphPlannerStore : IPlannerStore
{
    /// <param name="connection">The configured Graph client.</param>
    /// <param name="batches">The $batch runner the writes go through.</param>
    /// <param name="state">The ward's state list, where the plan's id is recorded.</param>
    /// <param name="interventions">Where a recorded plan id of another group's plan is reported.</param>
    /// <param name="logger">Where a person resolved by mail instead of object id is reported.</param>
    /// <param name="site">The run's site (the Teams tab opens a list at its Graph webUrl); null reads the site anew.</param>
    public GraphPlannerStore(GraphConnection connection, BatchRunner batches, Core.Sync.IStateStore state,
        Core.Integrity.IInterventionLog? interventions = null, Microsoft.Extensions.Logging.ILogger? logger = null,
        Lists.SiteContext? site = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Plan = new GraphPlanLocator(connection, state, interventions);
        BucketsAndLabels = new GraphBucketsAndLabels(connection, batches);
        Tasks = new GraphPlannerTasks(connection, batches);
        Details = new GraphTaskDetails(connection, batches);
        TeamsTab = new GraphTeamsTab(connection, site);
        People = new GraphPeopleDirectory(connection, batches, logger);
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    private readonly Microsoft.Extensions.Logging.ILogger _logger;

    /// <summary>The ward's plan, found by its recorded id.</summary>
    public GraphPlanLocator Plan { get; }

    /// <summary>The plan's buckets (per lead unit) and labels (per section).</summary>
    public GraphBucketsAndLabels BucketsAndLabels { get; }

    /// <summary>The plan's tasks.</summary>
    public GraphPlannerTasks Tasks { get; }

    /// <summary>The tasks' details (description, checklist, references).</summary>
    public GraphTaskDetails Details { get; }

    /// <summary>The plan's tab in the ward's team.</summary>
    public GraphTeamsTab TeamsTab { get; }

    /// <summary>The people tasks are assigned to.</summary>
    public GraphPeopleDirectory People { get; }

    /// <summary>Reads plan, buckets and tasks: three requests.</summary>
    public async Task<PlannerSnapshot?> SnapshotAsync(string planTitle, CancellationToken cancellationToken)
    {
        var plan = await Plan.FindPlanAsync(planTitle, cancellationToken).ConfigureAwait(false);
        if (plan?.Id is null)
        {
            return null;
        }

        Dictionary<string, string> buckets;
        try
        {
            buckets = await BucketsAndLabels.BucketsAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Core.Errors.RemoteServiceException gone) when (gone.Status == 404 && Plan.ForgetRecordedPlan(plan.Id))
        {
            // The recorded plan was deleted: look again by title (or make it anew).
            return await SnapshotAsync(planTitle, cancellationToken).ConfigureAwait(false);
        }

        var tasks = await Tasks.TasksAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        return new PlannerSnapshot(plan.Id, buckets, tasks);
    }

    /// <summary>Creates the plan if missing, sets its labels, pins it in Teams (best effort) and creates missing buckets.</summary>
    public async Task<TeamsTabPin> EnsurePlanAsync(PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var planId = await Plan.EnsurePlanAsync(spec.Title, cancellationToken).ConfigureAwait(false);
        await BucketsAndLabels.EnsureLabelsAsync(planId, spec, cancellationToken).ConfigureAwait(false);
        var pinned = await TeamsTab.PinTabAsync(planId, spec.Title, cancellationToken).ConfigureAwait(false);
        await BucketsAndLabels.EnsureBucketsAsync(planId, spec, cancellationToken).ConfigureAwait(false);
        return pinned;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, string>> ResolveUsersAsync(IReadOnlyList<PlannerAssignee> people,
        CancellationToken cancellationToken) => People.ResolveAsync(people, cancellationToken);

    /// <summary>Creates, updates and archives tasks as planned, then writes the details of created and changed tasks.</summary>
    public async Task<PlannerApplyResult> ApplyAsync(PlannerSnapshot snapshot, PlannerSyncPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(plan);
        var failures = new List<Core.Sync.RowFailure>();
        var links = new Dictionary<string, (string TaskId, string? Hash)>(StringComparer.Ordinal);
        var writes = 0;
        var creates = plan.Changes.Where(c => c.Kind == PlannerChangeKind.Create).ToList();
        var (created, createFailures) = await Tasks.CreateAsync(snapshot.PlanId, creates, snapshot.BucketIds,
            cancellationToken).ConfigureAwait(false);
        failures.AddRange(createFailures.Select(f => new Core.Sync.RowFailure(f.Key, f.Reason)));
        writes += created.Count;
        // A created task without its details would never be completed: it is recorded without a hash, so the next run writes them.
        foreach (var (key, task) in created)
        {
            links[key] = (task.Id, null);
        }

        var changes = plan.Changes.Where(c => c.Kind is PlannerChangeKind.Update or PlannerChangeKind.Archive).ToList();
        var limits = new List<PlannerLimitHit>();
        var taskFailures = await Tasks.UpdateTasksAsync(changes, snapshot.BucketIds, cancellationToken, limits).ConfigureAwait(false);
        failures.AddRange(taskFailures.Select(f => new Core.Sync.RowFailure(f.Key, f.Reason)));
        var failedKeys = taskFailures.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        writes += changes.Count(c => c.TaskChanged && !failedKeys.Contains(c.AssignmentKey));

        var details = creates.Where(c => created.ContainsKey(c.AssignmentKey)).Select(c => (c.AssignmentKey, created[c.AssignmentKey].Id,
            c.Spec!))
            .Concat(changes.Where(c => c.Kind == PlannerChangeKind.Update && c.DetailsChanged
                && !failedKeys.Contains(c.AssignmentKey)).Select(c => (c.AssignmentKey, c.Existing!.Id, c.Spec!)))
            .ToList();
        var detailFailures = await Details.UpdateDetailsAsync(details, cancellationToken, limits).ConfigureAwait(false);
        failures.AddRange(detailFailures.Select(f => new Core.Sync.RowFailure(f.Key, f.Reason)));
        var detailFailed = detailFailures.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        writes += details.Count - detailFailed.Count;
        foreach (var (key, taskId, spec) in details)
        {
            links[key] = (taskId, detailFailed.Contains(key) ? null : spec.ContentHash);
        }

        foreach (var change in changes.Where(c => c.Kind == PlannerChangeKind.Update && c.Link && !c.DetailsChanged
            && !failedKeys.Contains(c.AssignmentKey)))
        {
            links[change.AssignmentKey] = (change.Existing!.Id, change.Spec!.ContentHash);
        }

        foreach (var hit in limits)
        {
            PlannerLimitLog.LimitReached(_logger, hit.TaskId, hit.Code);
        }

        return new PlannerApplyResult(links, failures, writes) { Limits = limits };
    }
}
