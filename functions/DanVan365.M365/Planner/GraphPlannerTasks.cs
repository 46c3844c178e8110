using System.Globalization;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace DanVan365.M365.Planner;

/// <summary>
/// The plan's tasks: reading them (paged), creating them (batched; a create whose response was lost is looked for in its
/// bucket before it is sent again) and patching them with If-Match (a task someone changed meanwhile is re-read and the
/// change re-applied on top). People's fields are never sent; assignees are only added.
/// </summary>
public sealed class GraphPlannerTasks(GraphConnection connection, BatchRunner batches)
{
    private const int MaxCreateRounds = 5;

    private static readonly TimeSpan MaxCreateWait = TimeSpan.FromSeconds(30);

    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    /// <summary>All tasks of the plan (paged).</summary>
    public async Task<IReadOnlyList<PlannerTaskState>> TasksAsync(string planId, CancellationToken cancellationToken)
    {
        var tasks = new List<PlannerTaskState>();
        var page = await GraphErrors.Call("list tasks",
            () => _client.Planner.Plans[planId].Tasks.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (page is not null)
        {
            tasks.AddRange((page.Value ?? []).Select(ToState));
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphErrors.Call("list tasks",
                () => _client.Planner.Plans[planId].Tasks.WithUrl(next).GetAsync(cancellationToken: cancellationToken))
                .ConfigureAwait(false);
        }

        return tasks;
    }

    /// <summary>A Graph task as sync sees it: labels applied, assignees, eTag, progress.</summary>
    internal static PlannerTaskState ToState(PlannerTask task)
    {
        var categories = new HashSet<int>();
        foreach (var (name, value) in task.AppliedCategories?.AdditionalData ?? new Dictionary<string, object>())
        {
            if (GraphBodies.AsString(value) == "true" && name.StartsWith("category", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                categories.Add(n);
            }
        }

        var assignees = new HashSet<string>((task.Assignments?.AdditionalData ?? new Dictionary<string, object>()).Keys,
            StringComparer.Ordinal);
        var etag = task.AdditionalData.TryGetValue("@odata.etag", out var e) ? GraphBodies.AsString(e) ?? string.Empty : string.Empty;
        return new PlannerTaskState(task.Id!, etag, task.BucketId ?? string.Empty, task.Title ?? string.Empty, task.StartDateTime,
            task.DueDateTime, categories, assignees, task.PercentComplete ?? 0, task.CompletedDateTime);
    }

    /// <summary>
    /// Creates tasks (batched); returns the new task per assignment key, and failures. A create answered 409, 429, 503
    /// or 504 may have taken effect (a $batch item's lost response, https://learn.microsoft.com/graph/json-batching):
    /// before sending it again the bucket is read and a task with the same code found there is taken as the one made.
    /// </summary>
    public async Task<(Dictionary<string, PlannerTaskState> Created, List<(string Key, string Reason)> Failures)> CreateAsync(string planId,
        IReadOnlyList<PlannerChange> creates, IReadOnlyDictionary<string, string> buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creates);
        ArgumentNullException.ThrowIfNull(buckets);
        var created = new Dictionary<string, PlannerTaskState>(StringComparer.Ordinal);
        var failures = new List<(string, string)>();
        var pending = creates.ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var operations = pending.Select((c, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture),
                () => CreateRequest(planId, c, buckets), RetryOnTransient: false)).ToList();
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var uncertain = new List<(PlannerChange Change, BatchOutcome Outcome)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = outcomes[operations[i].Id];
                if (outcome.IsSuccess)
                {
                    var task = await Microsoft.Kiota.Abstractions.Serialization.KiotaJsonSerializer.DeserializeAsync(outcome.Body,
                        PlannerTask.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
                    created[pending[i].AssignmentKey] = ToState(task!);
                }
                else if (outcome.Status is 409 or 429 or 503 or 504 && round < MaxCreateRounds)
                {
                    uncertain.Add((pending[i], outcome));
                }
                else
                {
                    failures.Add((pending[i].AssignmentKey, PlannerResponses.Describe(outcome)));
                }
            }

            pending = await NotYetMadeAsync(uncertain, buckets, created, cancellationToken).ConfigureAwait(false);
        }

        return (created, failures);
    }

    /// <summary>The uncertain creates whose task is not in its bucket yet; those found are added to <paramref name="created"/>.</summary>
    private async Task<List<PlannerChange>> NotYetMadeAsync(List<(PlannerChange Change, BatchOutcome Outcome)> uncertain,
        IReadOnlyDictionary<string, string> buckets, Dictionary<string, PlannerTaskState> created, CancellationToken cancellationToken)
    {
        var again = new List<PlannerChange>();
        if (uncertain.Count == 0)
        {
            return again;
        }

        var now = connection.Clock.GetUtcNow();
        var wait = uncertain.Select(u => RetryAfter.From(name => u.Outcome.Headers.GetValueOrDefault(name), now) ?? TimeSpan.Zero).Max();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait > MaxCreateWait ? MaxCreateWait : wait, connection.Clock, cancellationToken).ConfigureAwait(false);
        }

        var taken = created.Values.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var inBucket = new Dictionary<string, List<PlannerTask>>(StringComparer.Ordinal);
        foreach (var (change, _) in uncertain)
        {
            var spec = change.Spec!;
            var bucketId = buckets.GetValueOrDefault(spec.BucketName.Normalize(NormalizationForm.FormC)) ?? string.Empty;
            if (!inBucket.TryGetValue(bucketId, out var tasks))
            {
                tasks = bucketId.Length == 0 ? [] : await BucketTasksAsync(bucketId, cancellationToken).ConfigureAwait(false);
                inBucket[bucketId] = tasks;
            }

            // The marker: the task's code in its title ("[3.5.a] …"), in the unit's bucket.
            var made = tasks.FirstOrDefault(t => !taken.Contains(t.Id!) && PlannerDesign.CodeFromTitle(t.Title) == spec.TaskCode);
            if (made is null)
            {
                again.Add(change);
                continue;
            }

            taken.Add(made.Id!);
            created[change.AssignmentKey] = ToState(made);
        }

        return again;
    }

    private async Task<List<PlannerTask>> BucketTasksAsync(string bucketId, CancellationToken cancellationToken)
    {
        // https://learn.microsoft.com/graph/api/plannerbucket-list-tasks
        var tasks = new List<PlannerTask>();
        var page = await GraphErrors.Call("list bucket tasks",
            () => _client.Planner.Buckets[bucketId].Tasks.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (page is not null)
        {
            tasks.AddRange(page.Value ?? []);
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphErrors.Call("list bucket tasks",
                () => _client.Planner.Buckets[bucketId].Tasks.WithUrl(next).GetAsync(cancellationToken: cancellationToken))
                .ConfigureAwait(false);
        }

        return tasks;
    }

    private RequestInformation CreateRequest(string planId, PlannerChange change, IReadOnlyDictionary<string, string> buckets)
    {
        var spec = change.Spec!;
        var task = new PlannerTask
        {
            PlanId = planId,
            BucketId = buckets.GetValueOrDefault(spec.BucketName.Normalize(NormalizationForm.FormC)),
            Title = spec.Title,
            StartDateTime = spec.Start,
            DueDateTime = spec.Due,
            AppliedCategories = Categories(PlannerDesign.LabelChanges(spec.Category, spec.Archived, null)),
            Assignments = Assignments(change.AddAssigneeIds),
        };
        if (change.CarriedPercent is { } percent and > 0 and <= 100)
        {
            // resources/plannertask.md: percentComplete is a writable property of a task (set on create as on update).
            task.PercentComplete = percent;
        }

        return _client.Planner.Tasks.ToPostRequestInformation(task);
    }

    /// <summary>
    /// Updates the task objects of changes (If-Match); a 412 is re-read and re-applied on top of the fresh task. A 403
    /// MaximumAssigneesInTasks (planner-overview.md, "403 Forbidden": "The assignments property … contains too many
    /// values") is added to <paramref name="limits"/> and the change sent again without the assignees it would add.
    /// </summary>
    public async Task<List<(string Key, string Reason)>> UpdateTasksAsync(IReadOnlyList<PlannerChange> changes,
        IReadOnlyDictionary<string, string> buckets, CancellationToken cancellationToken, ICollection<PlannerLimitHit>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var failures = new List<(string, string)>();
        var pending = changes.Where(c => c.TaskChanged && c.Existing is not null).ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var operations = pending.Select((c, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () => TaskPatch(c,
                buckets))).ToList();
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var again = new List<PlannerChange>();
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = outcomes[operations[i].Id];
                if (outcome.IsSuccess)
                {
                    continue;
                }

                // planner-overview.md, "Planner resource versioning": 409 and 412 both mean read the latest and resolve.
                if (outcome.Status is 409 or 412 && round < PlannerResponses.MaxConflictRounds)
                {
                    // Someone changed the task meanwhile: re-read it; assignments are add-only, people's fields are not sent.
                    var fresh = await GraphErrors.Call("get task",
                        () => _client.Planner.Tasks[pending[i].Existing!.Id].GetAsync(cancellationToken: cancellationToken))
                        .ConfigureAwait(false);
                    var state = ToState(fresh!);
                    var add = pending[i].AddAssigneeIds.Where(id => !state.AssigneeIds.Contains(id)).ToList();
                    again.Add(pending[i] with { Existing = state, AddAssigneeIds = add });
                    continue;
                }

                if (PlannerResponses.LimitOf(outcome) == PlannerLimitHit.Assignees && pending[i].AddAssigneeIds.Count > 0)
                {
                    limits?.Add(new PlannerLimitHit(pending[i].AssignmentKey, pending[i].Existing!.Id, PlannerLimitHit.Assignees));
                    again.Add(pending[i] with { AddAssigneeIds = [] });
                    continue;
                }

                failures.Add((pending[i].AssignmentKey, PlannerResponses.Describe(outcome)));
            }

            pending = again;
        }

        return failures;
    }

    private RequestInformation TaskPatch(PlannerChange change, IReadOnlyDictionary<string, string> buckets)
    {
        var existing = change.Existing!;
        var patch = new PlannerTask();
        if (change.Kind == PlannerChangeKind.Archive)
        {
            patch.Title = PlannerDesign.ArchivedTitle(existing.Title);
            patch.AppliedCategories = Categories(PlannerDesign.LabelChanges(null, archived: true, existing.Categories));
        }
        else
        {
            var spec = change.Spec!;
            patch.Title = spec.Title;
            patch.StartDateTime = spec.Start;
            patch.DueDateTime = spec.Due;
            patch.AppliedCategories = Categories(PlannerDesign.LabelChanges(spec.Category, spec.Archived, existing.Categories));
            if (buckets.TryGetValue(spec.BucketName.Normalize(NormalizationForm.FormC), out var bucket) && bucket != existing.BucketId)
            {
                patch.BucketId = bucket;
            }

            if (change.AddAssigneeIds.Count > 0)
            {
                // Adding keys only: assignees people added stay (https://learn.microsoft.com/graph/api/resources/plannerassignments).
                patch.Assignments = Assignments(change.AddAssigneeIds);
            }
        }

        var request = _client.Planner.Tasks[existing.Id].ToPatchRequestInformation(patch);
        request.Headers.TryAdd("If-Match", existing.ETag);
        return request;
    }

    private static PlannerAppliedCategories Categories(IReadOnlyDictionary<int, bool> changes)
    {
        var applied = new PlannerAppliedCategories { AdditionalData = new Dictionary<string, object>() };
        foreach (var (category, on) in changes)
        {
            applied.AdditionalData["category" + category.ToString(CultureInfo.InvariantCulture)] = on;
        }

        return applied;
    }

    private static PlannerAssignments Assignments(IEnumerable<string> userIds)
    {
        var assignments = new PlannerAssignments { AdditionalData = new Dictionary<string, object>() };
        foreach (var id in userIds)
        {
            assignments.AdditionalData[id] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };
        }

        return assignments;
    }
}
