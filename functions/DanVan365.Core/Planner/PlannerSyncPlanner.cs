namespace DanVan365.Core.Planner;

/// <summary>A Planner task as read from the plan (task object only; details are read only when they must change).</summary>
public sealed record PlannerTaskState(
    string Id,
    string ETag,
    string BucketId,
    string Title,
    DateTimeOffset? Start,
    DateTimeOffset? Due,
    IReadOnlySet<int> Categories,
    IReadOnlySet<string> AssigneeIds,
    int PercentComplete,
    DateTimeOffset? CompletedOn);

/// <summary>What a Phân công row records about its Planner task.</summary>
public sealed record PlannerLinkState(string AssignmentKey, string RowItemId, string? RowETag, string? TaskId, string? Hash)
{
    /// <summary>The row's percent complete: a task re-created after a person deleted it starts from it.</summary>
    public int? PercentComplete { get; init; }
}

public enum PlannerChangeKind
{
    Create,
    Update,
    Archive,
    Unchanged,
}

/// <summary>
/// One planned Planner change. <see cref="Existing"/> is the task to update/archive (null for a create);
/// <see cref="AddAssigneeIds"/> are assignees to add (never removed); <see cref="Link"/> says the Phân công row must
/// record the task id and hash (after a create, when a lost task was recognised, or when the hash moved).
/// </summary>
public sealed record PlannerChange(
    PlannerChangeKind Kind,
    string AssignmentKey,
    PlannerTaskSpec? Spec,
    PlannerTaskState? Existing,
    IReadOnlyList<string> AddAssigneeIds,
    bool TaskChanged,
    bool DetailsChanged,
    bool Link)
{
    /// <summary>On a create: the percent complete the new task starts from (the row's, when its task went missing).</summary>
    public int? CarriedPercent { get; init; }
}

/// <summary>The Planner plan for one run, plus people who could not be resolved to users.</summary>
public sealed record PlannerSyncPlan(IReadOnlyList<PlannerChange> Changes, IReadOnlyList<string> UnresolvedPeople)
{
    public int Count(PlannerChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// Planner sync as a pure function of (desired tasks, current tasks, Phân công links, users, buckets):
/// <list type="bullet">
/// <item>a recorded task whose hash matches is unchanged: a no-change run reads no task details;</item>
/// <item>a row with no recorded task first looks for its task in the plan (code in the title, in the unit's bucket):
///   a run killed between creating a task and recording its id recovers instead of duplicating;</item>
/// <item>updates touch only what sync owns; assignees are only ever added; percent complete, completion and
///   people's extra assignees are never in a plan;</item>
/// <item>a task whose entry left the decision is archived (title prefix "[Bãi bỏ]" + the archive label), never deleted.</item>
/// </list>
/// </summary>
public static class PlannerSyncPlanner
{
    public static PlannerSyncPlan Plan(
        IReadOnlyList<PlannerTaskSpec> desired,
        IReadOnlyList<PlannerTaskState> current,
        IReadOnlyList<PlannerLinkState> links,
        IReadOnlyDictionary<string, string> userIdsByEmail,
        IReadOnlyDictionary<string, string> bucketIdsByName)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(userIdsByEmail);
        ArgumentNullException.ThrowIfNull(bucketIdsByName);
        var byId = current.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var linkByKey = links.ToDictionary(l => l.AssignmentKey, StringComparer.Ordinal);
        var claimed = new HashSet<string>(links.Where(l => l.TaskId is not null && byId.ContainsKey(l.TaskId)).Select(l => l.TaskId!),
            StringComparer.Ordinal);
        var unresolved = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var changes = new List<PlannerChange>();
        var desiredKeys = new HashSet<string>(StringComparer.Ordinal);

        // People are looked up only for tasks that are written, as PeopleToResolve asked for.
        List<string> Resolve(PlannerTaskSpec spec)
        {
            var ids = new List<string>();
            foreach (var email in spec.AssigneeEmails)
            {
                if (userIdsByEmail.TryGetValue(email, out var id))
                {
                    ids.Add(id);
                }
                else
                {
                    unresolved.Add(email);
                }
            }

            return ids;
        }

        foreach (var spec in desired)
        {
            desiredKeys.Add(spec.AssignmentKey);
            var link = linkByKey.GetValueOrDefault(spec.AssignmentKey);
            var existing = link?.TaskId is { } taskId ? byId.GetValueOrDefault(taskId) : null;
            var recognised = false;
            if (existing is null && bucketIdsByName.TryGetValue(spec.BucketName, out var bucketId))
            {
                // Recovery: the task exists but its id never reached the row.
                existing = current.FirstOrDefault(t => !claimed.Contains(t.Id) && t.BucketId == bucketId
                    && PlannerDesign.CodeFromTitle(t.Title) == spec.TaskCode);
                recognised = existing is not null;
                if (existing is not null)
                {
                    claimed.Add(existing.Id);
                }
            }

            if (existing is null)
            {
                // A task a person deleted (or a plan renamed) is made again carrying the row's progress, never from zero.
                changes.Add(new PlannerChange(PlannerChangeKind.Create, spec.AssignmentKey, spec, null, Resolve(spec), true, true, true)
                {
                    CarriedPercent = link?.TaskId is null ? null : link.PercentComplete,
                });
                continue;
            }

            // The hash covers the directory's assignees too: when it matches, nothing is checked or re-added, so an
            // assignee a person removed on purpose is not forced back on every run.
            var hashMatches = !recognised && link?.Hash == spec.ContentHash;
            if (hashMatches && !PlannerDesign.HasArchivedTitle(existing.Title))
            {
                changes.Add(new PlannerChange(PlannerChangeKind.Unchanged, spec.AssignmentKey, spec, existing, [], false, false, false));
                continue;
            }

            var kept = KeepStart(spec, existing);
            var addAssignees = Resolve(kept).Where(id => !existing.AssigneeIds.Contains(id)).ToList();
            var taskChanged = addAssignees.Count > 0 || TaskDiffers(kept, existing, bucketIdsByName);
            var detailsChanged = !hashMatches;
            changes.Add(new PlannerChange(
                taskChanged || detailsChanged ? PlannerChangeKind.Update : PlannerChangeKind.Unchanged,
                kept.AssignmentKey, kept, existing, addAssignees, taskChanged, detailsChanged, Link: !hashMatches || recognised));
        }

        foreach (var link in links)
        {
            if (desiredKeys.Contains(link.AssignmentKey) || link.TaskId is null || !byId.TryGetValue(link.TaskId, out var task))
            {
                continue;
            }

            var isArchived = PlannerDesign.IsArchived(task.Title, task.Categories);
            changes.Add(new PlannerChange(isArchived ? PlannerChangeKind.Unchanged : PlannerChangeKind.Archive, link.AssignmentKey, null,
                task, [], !isArchived, false, false));
        }

        return new PlannerSyncPlan(changes, [.. unresolved]);
    }

    /// <summary>
    /// The people whose user ids the plan needs: assignees of tasks that are not provably unchanged (hash match).
    /// A no-change run needs none, so it makes no user look-ups.
    /// </summary>
    public static IReadOnlySet<string> PeopleToResolve(IReadOnlyList<PlannerTaskSpec> desired, IReadOnlyList<PlannerTaskState> current,
        IReadOnlyList<PlannerLinkState> links)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(links);
        var ids = current.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var linkByKey = links.ToDictionary(l => l.AssignmentKey, StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in desired)
        {
            var link = linkByKey.GetValueOrDefault(spec.AssignmentKey);
            if (link?.TaskId is null || !ids.Contains(link.TaskId) || link.Hash != spec.ContentHash)
            {
                people.UnionWith(spec.AssigneeEmails);
            }
        }

        return people;
    }

    /// <summary>
    /// An existing task keeps its start date (the day its entry first entered the catalogue): an amended decision
    /// does not move it — except to the due day when the start would fall after it (Planner refuses start &gt; due).
    /// </summary>
    public static PlannerTaskSpec KeepStart(PlannerTaskSpec spec, PlannerTaskState existing)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(existing);
        var start = existing.Start ?? spec.Start;
        if (spec.Due is { } due && start > due)
        {
            start = Time.WardTime.StartOfDayUtc(Time.WardTime.ToWardDate(due));
        }

        return start == spec.Start ? spec : spec with { Start = start };
    }

    /// <summary>True when a sync-owned property of the task object differs from the spec.</summary>
    public static bool TaskDiffers(PlannerTaskSpec spec, PlannerTaskState task, IReadOnlyDictionary<string, string> bucketIdsByName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(bucketIdsByName);
        return task.Title != spec.Title
            || task.Start != spec.Start
            || task.Due != spec.Due
            || !task.Categories.Contains(spec.Category)
            || (task.Categories.Contains(PlannerDesign.ArchivedCategory) && !spec.Archived)
            || (bucketIdsByName.TryGetValue(spec.BucketName, out var bucket) && task.BucketId != bucket);
    }
}
