using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace DanVan365.M365.Planner;

/// <summary>Writing Planner: creating tasks, patching tasks and their details with If-Match, in batches.</summary>
public sealed partial class GraphPlannerStore
{
    /// <summary>Creates tasks (batched); returns the new task id per assignment key, and failures.</summary>
    public async Task<(Dictionary<string, PlannerTaskState> Created, List<(string Key, string Reason)> Failures)> CreateAsync(string planId, IReadOnlyList<PlannerChange> creates, IReadOnlyDictionary<string, string> buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creates);
        var operations = creates.Select((c, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () =>
        {
            var spec = c.Spec!;
            var task = new PlannerTask
            {
                PlanId = planId,
                BucketId = buckets.GetValueOrDefault(spec.BucketName.Normalize(NormalizationForm.FormC)),
                Title = spec.Title,
                StartDateTime = spec.Start,
                DueDateTime = spec.Due,
                AppliedCategories = Categories(spec.Category, spec.Archived),
                Assignments = Assignments(c.AddAssigneeIds),
            };
            return _client.Planner.Tasks.ToPostRequestInformation(task);
        })).ToList();
        var outcomes = await _batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var created = new Dictionary<string, PlannerTaskState>(StringComparer.Ordinal);
        var failures = new List<(string, string)>();
        for (var i = 0; i < creates.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (outcome.IsSuccess)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(outcome.Body);
                var id = doc.RootElement.GetProperty("id").GetString()!;
                var etag = doc.RootElement.TryGetProperty("@odata.etag", out var e) ? e.GetString() ?? string.Empty : string.Empty;
                created[creates[i].AssignmentKey] = new PlannerTaskState(id, etag, string.Empty, creates[i].Spec!.Title, creates[i].Spec!.Start, creates[i].Spec!.Due, new HashSet<int>(), new HashSet<string>(), 0, null);
            }
            else
            {
                failures.Add((creates[i].AssignmentKey, Describe(outcome)));
            }
        }

        return (created, failures);
    }

    /// <summary>Updates the task objects of changes (If-Match); a 412 is re-read and re-applied on top of the fresh task.</summary>
    public async Task<List<(string Key, string Reason)>> UpdateTasksAsync(IReadOnlyList<PlannerChange> changes, IReadOnlyDictionary<string, string> buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var failures = new List<(string, string)>();
        var pending = changes.Where(c => c.TaskChanged && c.Existing is not null).ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var operations = pending.Select((c, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () => TaskPatch(c, buckets))).ToList();
            var outcomes = await _batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var again = new List<PlannerChange>();
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = outcomes[operations[i].Id];
                if (outcome.IsSuccess)
                {
                    continue;
                }

                if (outcome.Status == 412 && round < 3)
                {
                    // Someone changed the task meanwhile: re-read it; assignments are add-only, people's fields are not sent.
                    var fresh = await GraphErrors.Call("get task", () => _client.Planner.Tasks[pending[i].Existing!.Id].GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
                    var state = ToState(fresh!);
                    var add = pending[i].AddAssigneeIds.Where(id => !state.AssigneeIds.Contains(id)).ToList();
                    again.Add(pending[i] with { Existing = state, AddAssigneeIds = add });
                    continue;
                }

                failures.Add((pending[i].AssignmentKey, Describe(outcome)));
            }

            pending = again;
        }

        return failures;
    }

    /// <summary>Writes task details (description, checklist, references): GET details for the eTag and checklist, then PATCH with If-Match.</summary>
    public async Task<List<(string Key, string Reason)>> UpdateDetailsAsync(IReadOnlyList<(string Key, string TaskId, PlannerTaskSpec Spec)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var failures = new List<(string, string)>();
        var pending = items.ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var reads = pending.Select((x, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () => _client.Planner.Tasks[x.TaskId].Details.ToGetRequestInformation())).ToList();
            var readOutcomes = await _batches.RunAsync(reads, cancellationToken).ConfigureAwait(false);
            var writes = new List<BatchOperation>();
            var writeItems = new List<(string Key, string TaskId, PlannerTaskSpec Spec)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = readOutcomes[reads[i].Id];
                if (!outcome.IsSuccess)
                {
                    failures.Add((pending[i].Key, Describe(outcome)));
                    continue;
                }

                var item = pending[i];
                var patch = DetailsPatch(item.Key, item.Spec, outcome.Body, out var etag);
                writes.Add(new BatchOperation(writes.Count.ToString(CultureInfo.InvariantCulture), () =>
                {
                    var request = _client.Planner.Tasks[item.TaskId].Details.ToPatchRequestInformation(patch);
                    request.Headers.TryAdd("If-Match", etag);
                    return request;
                }));
                writeItems.Add(item);
            }

            var writeOutcomes = await _batches.RunAsync(writes, cancellationToken).ConfigureAwait(false);
            var again = new List<(string, string, PlannerTaskSpec)>();
            for (var i = 0; i < writeItems.Count; i++)
            {
                var outcome = writeOutcomes[writes[i].Id];
                if (outcome.IsSuccess)
                {
                    continue;
                }

                if (outcome.Status == 412 && round < 3)
                {
                    again.Add(writeItems[i]);
                }
                else
                {
                    failures.Add((writeItems[i].Key, Describe(outcome)));
                }
            }

            pending = again;
        }

        return failures;
    }

    /// <summary>Planner's reference keys are URLs with '%', '.', ':', '@' and '#' encoded (plannerExternalReferences docs).</summary>
    public static string ReferenceKey(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Replace("%", "%25", StringComparison.Ordinal).Replace(".", "%2E", StringComparison.Ordinal)
            .Replace(":", "%3A", StringComparison.Ordinal).Replace("@", "%40", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
    }

    /// <summary>Checklist item ids sync creates are derived from the assignment key and title, so they are recognisable and stable.</summary>
    public static string ChecklistId(string key, string title)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + "\n" + title));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private PlannerTaskDetails DetailsPatch(string key, PlannerTaskSpec spec, string currentBody, out string etag)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(currentBody);
        var root = doc.RootElement;
        etag = root.TryGetProperty("@odata.etag", out var e) ? e.GetString() ?? "*" : "*";
        var wantedIds = spec.Checklist.Select(t => ChecklistId(key, t)).ToHashSet(StringComparer.Ordinal);
        var checklist = new PlannerChecklistItems { AdditionalData = new Dictionary<string, object>() };
        var existingIds = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("checklist", out var items) && items.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var item in items.EnumerateObject())
            {
                existingIds.Add(item.Name);
                var title = item.Value.TryGetProperty("title", out var t) ? t.GetString() : null;
                // Remove only items sync made that the decision no longer has; people's own items and ticks stay.
                if (title is not null && ChecklistId(key, title) == item.Name && !wantedIds.Contains(item.Name))
                {
                    checklist.AdditionalData[item.Name] = null!;
                }
            }
        }

        for (var i = 0; i < spec.Checklist.Count; i++)
        {
            var id = ChecklistId(key, spec.Checklist[i]);
            if (!existingIds.Contains(id))
            {
                checklist.AdditionalData[id] = new PlannerChecklistItem
                {
                    OdataType = "microsoft.graph.plannerChecklistItem",
                    Title = spec.Checklist[i],
                    IsChecked = false,
                    OrderHint = " !",
                };
            }
        }

        var references = new PlannerExternalReferences { AdditionalData = new Dictionary<string, object>() };
        foreach (var link in spec.References)
        {
            references.AdditionalData[ReferenceKey(link.Url)] = new PlannerExternalReference
            {
                OdataType = "microsoft.graph.plannerExternalReference",
                Alias = link.Alias,
                AdditionalData = new Dictionary<string, object> { ["type"] = link.Type },
            };
        }

        return new PlannerTaskDetails
        {
            Description = spec.Description,
            PreviewType = PlannerPreviewType.Description,
            Checklist = checklist,
            References = references,
        };
    }

    private RequestInformation TaskPatch(PlannerChange change, IReadOnlyDictionary<string, string> buckets)
    {
        var existing = change.Existing!;
        var patch = new PlannerTask();
        if (change.Kind == PlannerChangeKind.Archive)
        {
            patch.Title = existing.Title.StartsWith(PlannerDesign.ArchivedPrefix, StringComparison.Ordinal)
                ? existing.Title
                : Core.Sync.DesiredRows.Shorten(PlannerDesign.ArchivedPrefix + existing.Title, PlannerLimits.TitleLength);
            patch.AppliedCategories = Categories(null, archived: true);
        }
        else
        {
            var spec = change.Spec!;
            patch.Title = spec.Title;
            patch.StartDateTime = spec.Start;
            patch.DueDateTime = spec.Due;
            var categories = Categories(spec.Category, spec.Archived);
            if (existing.Categories.Contains(PlannerDesign.ArchivedCategory) && !spec.Archived)
            {
                categories.AdditionalData["category" + PlannerDesign.ArchivedCategory.ToString(CultureInfo.InvariantCulture)] = false;
            }

            patch.AppliedCategories = categories;
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

    private static PlannerAppliedCategories Categories(int? category, bool archived)
    {
        var applied = new PlannerAppliedCategories { AdditionalData = new Dictionary<string, object>() };
        if (category is { } c)
        {
            applied.AdditionalData["category" + c.ToString(CultureInfo.InvariantCulture)] = true;
        }

        if (archived)
        {
            applied.AdditionalData["category" + PlannerDesign.ArchivedCategory.ToString(CultureInfo.InvariantCulture)] = true;
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
