using System.Globalization;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Planner;

/// <summary>
/// A task's details: description, checklist and references (https://learn.microsoft.com/graph/api/plannertaskdetails-update).
/// Sync writes what the decision says and removes only the checklist items it made itself; people's own items and ticks
/// stay. Details carry their own eTag: each write reads them first (batched) and patches with If-Match.
/// </summary>
public sealed class GraphTaskDetails(GraphConnection connection, BatchRunner batches)
{
    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    /// <summary>
    /// Writes task details (description, checklist, references): GET details for the eTag and checklist, then PATCH with
    /// If-Match. A 403 MaximumChecklistItemsOnTask or MaximumReferencesOnTask (planner-overview.md, "403 Forbidden": the
    /// checklist or references "contains too many values") is added to <paramref name="limits"/> and the details written
    /// again without the items or references sync would add (what it updates or removes still goes).
    /// </summary>
    public async Task<List<(string Key, string Reason)>> UpdateDetailsAsync(
        IReadOnlyList<(string Key, string TaskId, PlannerTaskSpec Spec)> items, CancellationToken cancellationToken,
        ICollection<PlannerLimitHit>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var failures = new List<(string, string)>();
        var withheld = new HashSet<(string Key, string Code)>();
        var pending = items.ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var reads = pending.Select((x, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture),
                () => _client.Planner.Tasks[x.TaskId].Details.ToGetRequestInformation())).ToList();
            var readOutcomes = await batches.RunAsync(reads, cancellationToken).ConfigureAwait(false);
            var writes = new List<BatchOperation>();
            var writeItems = new List<(string Key, string TaskId, PlannerTaskSpec Spec)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = readOutcomes[reads[i].Id];
                if (!outcome.IsSuccess)
                {
                    failures.Add((pending[i].Key, PlannerResponses.Describe(outcome)));
                    continue;
                }

                var item = pending[i];
                var patch = DetailsPatch(item.Key, item.Spec, outcome.Body, out var etag,
                    addChecklist: !withheld.Contains((item.Key, PlannerLimitHit.ChecklistItems)),
                    addReferences: !withheld.Contains((item.Key, PlannerLimitHit.References)));
                writes.Add(new BatchOperation(writes.Count.ToString(CultureInfo.InvariantCulture), () =>
                {
                    var request = _client.Planner.Tasks[item.TaskId].Details.ToPatchRequestInformation(patch);
                    request.Headers.TryAdd("If-Match", etag);
                    return request;
                }));
                writeItems.Add(item);
            }

            var writeOutcomes = await batches.RunAsync(writes, cancellationToken).ConfigureAwait(false);
            var again = new List<(string, string, PlannerTaskSpec)>();
            for (var i = 0; i < writeItems.Count; i++)
            {
                var outcome = writeOutcomes[writes[i].Id];
                if (outcome.IsSuccess)
                {
                    continue;
                }

                if (outcome.Status is 409 or 412 && round < PlannerResponses.MaxConflictRounds)
                {
                    again.Add(writeItems[i]);
                }
                else if (PlannerResponses.LimitOf(outcome) is { } limit && withheld.Add((writeItems[i].Key, limit)))
                {
                    limits?.Add(new PlannerLimitHit(writeItems[i].Key, writeItems[i].TaskId, limit));
                    again.Add(writeItems[i]);
                }
                else
                {
                    failures.Add((writeItems[i].Key, PlannerResponses.Describe(outcome)));
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
            .Replace(":", "%3A", StringComparison.Ordinal).Replace("@", "%40", StringComparison.Ordinal).Replace("#", "%23",
                StringComparison.Ordinal);
    }

    /// <summary>Checklist item ids sync creates are derived from the assignment key and title, so they are recognisable and
    /// stable.</summary>
    public static string ChecklistId(string key, string title) => PlannerDesign.ChecklistItemId(key, title);

    private static PlannerTaskDetails DetailsPatch(string key, PlannerTaskSpec spec, string currentBody, out string etag,
        bool addChecklist = true, bool addReferences = true)
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
                if (PlannerDesign.IsSyncItemToRemove(key, item.Name, title, wantedIds))
                {
                    checklist.AdditionalData[item.Name] = null!;
                }
            }
        }

        for (var i = 0; i < spec.Checklist.Count; i++)
        {
            var id = ChecklistId(key, spec.Checklist[i]);
            if (!existingIds.Contains(id) && addChecklist)
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
        var existingReferences = root.TryGetProperty("references", out var refs) && refs.ValueKind == System.Text.Json.JsonValueKind.Object
            ? refs.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var link in spec.References.Where(l => addReferences || existingReferences.Contains(ReferenceKey(l.Url))))
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
}
