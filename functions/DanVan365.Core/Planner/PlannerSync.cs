using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Planner;

/// <summary>The outcome of a Planner sync or pull.</summary>
public sealed record PlannerSyncReport(PlannerSyncPlan? Plan, PlannerApplyResult? Applied, int ProgressUpdated,
    IReadOnlyList<RowFailure> Failures)
{
    public int Count(PlannerChangeKind kind) => Plan?.Count(kind) ?? 0;

    public IReadOnlyList<string> UnresolvedPeople => Plan?.UnresolvedPeople ?? [];

    /// <summary>
    /// Phân công rows whose linked Planner task was not found (deleted by a person, or the plan renamed): their progress
    /// was left as it was; a sync re-creates the task carrying it.
    /// </summary>
    public IReadOnlyList<string> MissingTasks { get; init; } = [];

    /// <summary>How the plan was pinned in Teams, when this run made or checked the plan (else null).</summary>
    public TeamsTabPin? TeamsTab { get; init; }

    /// <summary>
    /// Per-task limits Planner answered in this run (<see cref="PlannerLimitHit"/>): reported once, when the over-limit write
    /// was tried, and not again until the decision's value for that task changes; not failures.
    /// </summary>
    public IReadOnlyList<PlannerLimitHit> Limits { get; init; } = [];

    /// <summary>A dry run's verdict: a run would write (make the plan or buckets, write tasks, or record on Phân công).</summary>
    public bool WritesPending { get; init; }
}

/// <summary>
/// Use case: keep the ward's plan in step with Phân công, and copy progress back.
/// Read plan/buckets/tasks (3 requests) → plan (pure, <see cref="PlannerSyncPlanner"/>) → apply → record task ids and
/// hashes on the Phân công rows → copy percent complete / completion into Phân công with the status category as of
/// the clock. A run that may stop early (<see cref="Wards.WardRunDeadline"/>) writes <see cref="Wards.WardRunDeadline.PlannerChunk"/>
/// tasks at a time, records their ids on Phân công after each chunk, and stops between chunks once its deadline has passed:
/// nothing it made is left unrecorded, so the next run finds every task it made by its id (a task whose id never reached
/// the row is still recognised by its code in its bucket, <see cref="PlannerSyncPlanner"/>).
/// </summary>
public sealed class PlannerSync(IPlannerStore planner, IListStore lists, TimeProvider clock, Wards.WardRunDeadline deadline)
{
    public async Task<PlannerSyncReport> SyncAsync(TaskCatalogue catalogue, UnitDirectory units, string planTitle, PlannerLinks links,
        IReadOnlyList<CurrentRow>? assignmentRows, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var planSpec = PlannerDesign.Plan(catalogue, units, planTitle);
        var snapshot = await planner.SnapshotAsync(planTitle, cancellationToken).ConfigureAwait(false);
        TeamsTabPin? pinned = null;
        var planToMake = snapshot is null
            || planSpec.Buckets.Any(b => !snapshot.BucketIds.ContainsKey(b.Normalize(System.Text.NormalizationForm.FormC)));
        if (!dryRun && planToMake)
        {
            pinned = await planner.EnsurePlanAsync(planSpec, cancellationToken).ConfigureAwait(false);
            snapshot = await planner.SnapshotAsync(planTitle, cancellationToken).ConfigureAwait(false);
        }

        var current = snapshot ?? new PlannerSnapshot(string.Empty, new Dictionary<string, string>(), []);
        var rows = assignmentRows ?? await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var specs = PlannerDesign.Tasks(catalogue, units, links, EffectiveLastDays(rows));
        var linkStates = rows.Select(LinkOf).ToList();
        var people = PlannerSyncPlanner.PeopleToResolve(specs, current.Tasks, linkStates);
        var users = people.Count == 0 ? new Dictionary<string, string>() : await planner.ResolveUsersAsync(
            PlannerAssignees.Of(people, specs, units), cancellationToken).ConfigureAwait(false);
        var plan = PlannerSyncPlanner.Plan(specs, current.Tasks, linkStates, users, current.BucketIds);
        if (dryRun || snapshot is null)
        {
            // What a run would write: the plan or buckets, tasks, or Phân công's bookkeeping (task ids, progress copied back).
            var missingTasks = new List<string>();
            var pending = planToMake || plan.Changes.Any(c => c.Kind != PlannerChangeKind.Unchanged || c.Link)
                || Bookkeeping(rows, current.Tasks, new Dictionary<string, (string, string?)>(), Time.WardTime.Today(clock),
                    missingTasks).Count > 0;
            return new PlannerSyncReport(plan, null, 0, []) { WritesPending = pending, MissingTasks = missingTasks };
        }

        if (pinned is null && plan.Changes.Any(c => c.Kind is PlannerChangeKind.Create or PlannerChangeKind.Update))
        {
            // Labels follow the section titles; checked only when something changes, so a no-change run stays at 3 reads.
            pinned = await planner.EnsurePlanAsync(planSpec, cancellationToken).ConfigureAwait(false);
        }

        var chunked = deadline.Splits
            ? await ApplyInChunksAsync(snapshot, plan, rows, cancellationToken).ConfigureAwait(false)
            : (Applied: await planner.ApplyAsync(snapshot, plan, cancellationToken).ConfigureAwait(false), Rows: rows, Progress: 0);
        var (applied, progressRecorded) = (chunked.Applied, chunked.Progress);
        var failures = applied.Failures.ToList();
        var missing = new List<string>();
        var patches = Bookkeeping(chunked.Rows, snapshot.Tasks, applied.Links, Time.WardTime.Today(clock), missing);
        var recorded = await lists.PatchAsync(SiteSchema.Assignments, patches, cancellationToken).ConfigureAwait(false);
        failures.AddRange(recorded.Failures);
        var progressUpdated = progressRecorded + patches.Count(IsProgress);
        return new PlannerSyncReport(plan, applied, progressUpdated, failures)
        {
            MissingTasks = missing,
            TeamsTab = pinned,
            Limits = applied.Limits,
        };
    }

    private static bool IsProgress(RowPatch patch) =>
        patch.Fields.Keys.Any(k => SiteSchema.Assignments.OwnerOf(k) == ColumnOwner.Planner);

    /// <summary>
    /// Applies the plan <see cref="Wards.WardRunDeadline.PlannerChunk"/> writes at a time, recording each chunk's task ids
    /// (and progress) on its Phân công rows before the next, and stops between chunks once the deadline has passed. Returns
    /// what was applied, the rows as they now stand (the patched values merged in, so the closing bookkeeping does not write
    /// them again) and how many progress patches were written.
    /// </summary>
    private async Task<(PlannerApplyResult Applied, IReadOnlyList<CurrentRow> Rows, int Progress)> ApplyInChunksAsync(
        PlannerSnapshot snapshot, PlannerSyncPlan plan, IReadOnlyList<CurrentRow> rows, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, (string TaskId, string? Hash)>(StringComparer.Ordinal);
        var failures = new List<RowFailure>();
        var limits = new List<PlannerLimitHit>();
        var (writes, progress) = (0, 0);
        var current = rows.ToList();
        foreach (var chunk in plan.Changes.Where(c => c.Kind != PlannerChangeKind.Unchanged).Chunk(Wards.WardRunDeadline.PlannerChunk))
        {
            deadline.StopIfDue("sync");
            var applied = await planner.ApplyAsync(snapshot, plan with { Changes = chunk }, cancellationToken).ConfigureAwait(false);
            failures.AddRange(applied.Failures);
            limits.AddRange(applied.Limits);
            writes += applied.Writes;
            foreach (var (key, link) in applied.Links)
            {
                links[key] = link;
            }

            var keys = chunk.Select(c => c.AssignmentKey).ToHashSet(StringComparer.Ordinal);
            var patches = Bookkeeping([.. current.Where(r => keys.Contains(r.Key))], snapshot.Tasks, applied.Links,
                Time.WardTime.Today(clock), []);
            var recorded = await lists.PatchAsync(SiteSchema.Assignments, patches, cancellationToken).ConfigureAwait(false);
            failures.AddRange(recorded.Failures);
            progress += patches.Count(IsProgress);
            var patched = patches.Where(p => recorded.Failures.All(f => f.Key != p.Key)).ToDictionary(p => p.Key, StringComparer.Ordinal);
            current = [.. current.Select(r => patched.TryGetValue(r.Key, out var p) ? WithFields(r, p.Fields) : r)];
            deadline.Done();
        }

        return (new PlannerApplyResult(links, failures, writes) { Limits = limits }, current, progress);
    }

    private static CurrentRow WithFields(CurrentRow row, IReadOnlyDictionary<string, string?> fields)
    {
        var merged = new Dictionary<string, string?>(row.Fields, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            merged[name] = value;
        }

        return row with { Fields = merged };
    }

    /// <summary>The effective last day (<see cref="AssignmentRow.EffectiveLastDay"/>) of every extended Phân công row, by key.</summary>
    public static IReadOnlyDictionary<string, DateOnly> EffectiveLastDays(IEnumerable<CurrentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (AssignmentRow.From(row) is { IsExtended: true, EffectiveLastDay: { } day } assignment)
            {
                result[assignment.Key.ToString()] = day;
            }
        }

        return result;
    }

    /// <summary>`danvan365 pull`: copies Planner progress into Phân công (no Planner writes).</summary>
    public async Task<PlannerSyncReport> PullAsync(string planTitle, CancellationToken cancellationToken)
    {
        var snapshot = await planner.SnapshotAsync(planTitle, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return new PlannerSyncReport(null, null, 0, [new RowFailure(planTitle,
                $"Không tìm thấy kế hoạch Planner \"{planTitle}\": hãy chạy `danvan365 sync` trước.")]);
        }

        var rows = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var missing = new List<string>();
        var patches = Bookkeeping(rows, snapshot.Tasks, new Dictionary<string, (string, string?)>(), Time.WardTime.Today(clock), missing);
        var progress = await lists.PatchAsync(SiteSchema.Assignments, patches, cancellationToken).ConfigureAwait(false);
        return new PlannerSyncReport(null, null, progress.Written, progress.Failures) { MissingTasks = missing };
    }

    /// <summary>
    /// The progress columns a Phân công row should hold given its Planner task, as of today (ICT): percent complete,
    /// completion date (ICT) and the status category (docs/architecture.md "Status"; ongoing tasks keep their per-round status).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ProgressFields(CurrentRow row, PlannerTaskState task, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(task);
        var assignment = AssignmentRow.From(row);
        var completedOn = Completion.FromPlanner(task.PercentComplete, task.CompletedOn, assignment?.CompletedOn, today);
        return AssignmentRow.ProgressFields(task.PercentComplete, completedOn,
            Completion.Category(assignment?.TimeFrameKind, assignment?.EffectiveLastDay, completedOn, today));
    }

    /// <summary>
    /// One write per Phân công row that needs it: the task id and hash it must record (<paramref name="links"/>) and
    /// the progress copied back from its Planner task. A task made in this run has no progress yet; archived rows are
    /// left as they are. A linked task that is not in the plan (deleted, plan renamed) never erases the row's progress:
    /// the row is left as it is and its key added to <paramref name="missing"/>.
    /// </summary>
    private static List<RowPatch> Bookkeeping(IReadOnlyList<CurrentRow> rows, IReadOnlyList<PlannerTaskState> tasks,
        IReadOnlyDictionary<string, (string TaskId, string? Hash)> links, DateOnly today, List<string> missing)
    {
        var byId = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var patches = new List<RowPatch>();
        foreach (var row in rows)
        {
            var assignment = AssignmentRow.From(row);
            var recordedId = assignment?.PlannerTaskId;
            var taskId = recordedId;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (links.TryGetValue(row.Key, out var link))
            {
                taskId = link.TaskId;
                fields = AssignmentRow.PlannerLinkFields(link.TaskId, link.Hash);
            }

            var archived = assignment?.Archived ?? false;
            if (!archived && !string.IsNullOrEmpty(recordedId) && !byId.ContainsKey(recordedId))
            {
                missing.Add(row.Key);
            }

            // A task made in this run is not in the snapshot: it holds what it was created with (the row's percent, or 0).
            var task = taskId is null ? null : byId.GetValueOrDefault(taskId) ?? (link.TaskId == taskId
                ? new PlannerTaskState(taskId, string.Empty, string.Empty, string.Empty, null, null, new HashSet<int>(),
                    new HashSet<string>(), assignment?.PercentComplete ?? 0, null)
                : null);
            if (task is not null && !archived)
            {
                foreach (var (name, value) in ProgressFields(row, task, today))
                {
                    fields[name] = value;
                }
            }

            var changed = fields.Where(f => FieldValues.Text(f.Value) != FieldValues.Text(row.Fields.GetValueOrDefault(f.Key)))
                .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            if (changed.Count > 0)
            {
                ColumnOwnership.EnsureWritable(SiteSchema.Assignments, ColumnOwner.Planner, changed.Keys);
                patches.Add(new RowPatch(row.Key, row.ItemId, changed) { ETag = row.ETag });
            }
        }

        return patches;
    }

    private static PlannerLinkState LinkOf(CurrentRow row)
    {
        var assignment = AssignmentRow.From(row);
        return new(row.Key, row.ItemId, row.ETag, assignment?.PlannerTaskId, assignment?.PlannerHash)
        {
            PercentComplete = assignment?.PercentComplete,
        };
    }
}
