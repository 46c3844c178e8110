using System.Text;
using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Planner;

/// <summary>
/// Planner through Graph (https://learn.microsoft.com/graph/api/resources/planner-overview). Plans live in the ward's
/// Microsoft 365 group; every PATCH carries If-Match (task and details have separate eTags); writes go as $batch.
/// </summary>
public sealed partial class GraphPlannerStore(GraphConnection connection, BatchRunner batches, Core.Sync.IStateStore state) : IPlannerStore
{
    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    private readonly BatchRunner _batches = batches;

    private readonly Core.Sync.IStateStore _state = state;

    private string GroupId => connection.Options.GroupId
        ?? throw new ConfigurationException($"{M365Options.Section}:{nameof(M365Options.GroupId)}",
        "is missing (the ward's Microsoft 365 group owns the plan).");

    /// <summary>The group's plan with this title (one request), or null: only for a plan no id was recorded for.</summary>
    private async Task<PlannerPlan?> FindPlanByTitleAsync(string title, CancellationToken cancellationToken)
    {
        var plans = await GraphErrors.Call("list plans",
            () => _client.Groups[GroupId].Planner.Plans.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (plans?.Value ?? []).FirstOrDefault(p => string.Equals(p.Title?.Normalize(NormalizationForm.FormC),
            title.Normalize(NormalizationForm.FormC), StringComparison.Ordinal));
    }

    /// <summary>Creates, updates and archives tasks as planned, then writes the details of created and changed tasks.</summary>
    public async Task<PlannerApplyResult> ApplyAsync(PlannerSnapshot snapshot, PlannerSyncPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(plan);
        var failures = new List<Core.Sync.RowFailure>();
        var links = new Dictionary<string, (string TaskId, string? Hash)>(StringComparer.Ordinal);
        var writes = 0;
        var creates = plan.Changes.Where(c => c.Kind == PlannerChangeKind.Create).ToList();
        var (created, createFailures) = await CreateAsync(snapshot.PlanId, creates, snapshot.BucketIds,
            cancellationToken).ConfigureAwait(false);
        failures.AddRange(createFailures.Select(f => new Core.Sync.RowFailure(f.Key, f.Reason)));
        writes += created.Count;
        // A created task without its details would never be completed: it is recorded without a hash, so the next run writes them.
        foreach (var (key, task) in created)
        {
            links[key] = (task.Id, null);
        }

        var changes = plan.Changes.Where(c => c.Kind is PlannerChangeKind.Update or PlannerChangeKind.Archive).ToList();
        var taskFailures = await UpdateTasksAsync(changes, snapshot.BucketIds, cancellationToken).ConfigureAwait(false);
        failures.AddRange(taskFailures.Select(f => new Core.Sync.RowFailure(f.Key, f.Reason)));
        var failedKeys = taskFailures.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        writes += changes.Count(c => c.TaskChanged && !failedKeys.Contains(c.AssignmentKey));

        var details = creates.Where(c => created.ContainsKey(c.AssignmentKey)).Select(c => (c.AssignmentKey, created[c.AssignmentKey].Id,
            c.Spec!))
            .Concat(changes.Where(c => c.Kind == PlannerChangeKind.Update && c.DetailsChanged
                && !failedKeys.Contains(c.AssignmentKey)).Select(c => (c.AssignmentKey, c.Existing!.Id, c.Spec!)))
            .ToList();
        var detailFailures = await UpdateDetailsAsync(details, cancellationToken).ConfigureAwait(false);
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

        return new PlannerApplyResult(links, failures, writes);
    }

    private static string ETagOf(Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder? holder) =>
        holder?.AdditionalData.TryGetValue("@odata.etag", out var e) == true ? GraphBodies.AsString(e) ?? "*" : "*";

    private static string Describe(BatchOutcome outcome)
    {
        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        return $"HTTP {outcome.Status} {code} {message} (request-id {requestId ?? "-"})";
    }

    private static void Fail(string operation, IEnumerable<BatchOutcome> failed)
    {
        var first = failed.FirstOrDefault();
        if (first is not null)
        {
            var (code, message, requestId) = GraphBodies.Error(first.Body);
            throw new RemoteServiceException(operation, first.Status, code, requestId, message ?? "failed");
        }
    }
}
