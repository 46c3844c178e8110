using System.Globalization;
using System.Text;
using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace DanVan365.M365.Planner;

/// <summary>
/// Planner through Graph (https://learn.microsoft.com/graph/api/resources/planner-overview). Plans live in the ward's
/// Microsoft 365 group; every PATCH carries If-Match (task and details have separate eTags); writes go as $batch.
/// </summary>
public sealed class GraphPlannerStore(GraphConnection connection, BatchRunner batches) : IPlannerStore
{
    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    private string GroupId => connection.Options.GroupId ?? throw new ConfigurationException($"{M365Options.Section}:{nameof(M365Options.GroupId)}", "is missing (the ward's Microsoft 365 group owns the plan).");

    /// <summary>Finds the plan by title in the group (one request), or null.</summary>
    public async Task<PlannerPlan?> FindPlanAsync(string title, CancellationToken cancellationToken)
    {
        var plans = await GraphErrors.Call("list plans", () => _client.Groups[GroupId].Planner.Plans.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (plans?.Value ?? []).FirstOrDefault(p => string.Equals(p.Title?.Normalize(NormalizationForm.FormC), title.Normalize(NormalizationForm.FormC), StringComparison.Ordinal));
    }

    /// <summary>Creates the plan if missing, sets its labels and creates missing buckets.</summary>
    public async Task EnsurePlanAsync(PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = await FindPlanAsync(spec.Title, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            // https://learn.microsoft.com/graph/api/planner-post-plans — container: the group.
            plan = await GraphErrors.Call("create plan", () => _client.Planner.Plans.PostAsync(new PlannerPlan
            {
                Title = spec.Title,
                Container = new PlannerPlanContainer { ContainerId = GroupId, Type = PlannerContainerType.Group, Url = $"https://graph.microsoft.com/v1.0/groups/{GroupId}" },
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var planId = plan!.Id!;
        var details = await GraphErrors.Call("get plan details", () => _client.Planner.Plans[planId].Details.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        var wanted = new PlannerCategoryDescriptions();
        var differs = false;
        foreach (var (index, name) in spec.Categories)
        {
            var property = typeof(PlannerCategoryDescriptions).GetProperty("Category" + index.ToString(CultureInfo.InvariantCulture))!;
            property.SetValue(wanted, name);
            differs |= !string.Equals(property.GetValue(details?.CategoryDescriptions) as string, name, StringComparison.Ordinal);
        }

        if (differs)
        {
            // https://learn.microsoft.com/graph/api/plannerplandetails-update — If-Match required.
            await GraphErrors.Call("update plan labels", () => _client.Planner.Plans[planId].Details.PatchAsync(new PlannerPlanDetails { CategoryDescriptions = wanted }, r => r.Headers.Add("If-Match", ETagOf(details)), cancellationToken)).ConfigureAwait(false);
        }

        await PinTabAsync(planId, spec.Title, cancellationToken).ConfigureAwait(false);
        var buckets = await BucketsAsync(planId, cancellationToken).ConfigureAwait(false);
        var missing = spec.Buckets.Where(b => !buckets.ContainsKey(b.Normalize(NormalizationForm.FormC))).ToList();
        if (missing.Count > 0)
        {
            var operations = missing.Select((name, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () => _client.Planner.Buckets.ToPostRequestInformation(new PlannerBucket { Name = name, PlanId = planId, OrderHint = " !" }))).ToList();
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            Fail("create bucket", outcomes.Values.Where(o => !o.IsSuccess));
        }
    }

    /// <summary>User ids by e-mail: one batch of GET /users/{userPrincipalName} (https://learn.microsoft.com/graph/api/user-get); unknown people are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveUsersAsync(IReadOnlySet<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var list = emails.ToList();
        var operations = list.Select((email, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () => _client.Users[email].ToGetRequestInformation(r => r.QueryParameters.Select = ["id", "mail", "userPrincipalName"]))).ToList();
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (outcome.IsSuccess)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(outcome.Body);
                if (doc.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } value)
                {
                    ids[list[i]] = value;
                }
            }
            else if (outcome.Status != 404)
            {
                var (code, message, requestId) = GraphBodies.Error(outcome.Body);
                throw new RemoteServiceException($"find user {list[i]}", outcome.Status, code, requestId, message ?? "failed");
            }
        }

        return ids;
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
        var (created, createFailures) = await CreateAsync(snapshot.PlanId, creates, snapshot.BucketIds, cancellationToken).ConfigureAwait(false);
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

        var details = creates.Where(c => created.ContainsKey(c.AssignmentKey)).Select(c => (c.AssignmentKey, created[c.AssignmentKey].Id, c.Spec!))
            .Concat(changes.Where(c => c.Kind == PlannerChangeKind.Update && c.DetailsChanged && !failedKeys.Contains(c.AssignmentKey)).Select(c => (c.AssignmentKey, c.Existing!.Id, c.Spec!)))
            .ToList();
        var detailFailures = await UpdateDetailsAsync(details, cancellationToken).ConfigureAwait(false);
        failures.AddRange(detailFailures.Select(f => new Core.Sync.RowFailure(f.Key, f.Reason)));
        var detailFailed = detailFailures.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        writes += details.Count - detailFailed.Count;
        foreach (var (key, taskId, spec) in details)
        {
            links[key] = (taskId, detailFailed.Contains(key) ? null : spec.ContentHash);
        }

        foreach (var change in changes.Where(c => c.Kind == PlannerChangeKind.Update && c.Link && !c.DetailsChanged && !failedKeys.Contains(c.AssignmentKey)))
        {
            links[change.AssignmentKey] = (change.Existing!.Id, change.Spec!.ContentHash);
        }

        return new PlannerApplyResult(links, failures, writes);
    }

    /// <summary>The Teams app id of the built-in Planner tab.</summary>
    public const string PlannerTabAppId = "com.microsoft.teamspace.tab.planner";

    /// <summary>
    /// Where the ward's group is a team, pins the plan as a Planner tab in its General channel, once
    /// (https://learn.microsoft.com/graph/teams-configuring-builtin-tabs#planner-tabs). A group that is not a team (404) is fine.
    /// </summary>
    public async Task<bool> PinTabAsync(string planId, string planTitle, CancellationToken cancellationToken)
    {
        Team? team;
        try
        {
            team = await _client.Teams[GroupId].GetAsync(r => r.QueryParameters.Select = ["id", "tenantId"], cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error) when (GraphErrors.Is(error, 404))
        {
            return false;
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error)
        {
            throw GraphErrors.From("get team", error);
        }

        var channel = await GraphErrors.Call("get General channel", () => _client.Teams[GroupId].PrimaryChannel.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        var channelId = channel?.Id ?? throw new RemoteServiceException("get General channel", 404, "itemNotFound", null, "The team has no General channel.");
        var tabs = await GraphErrors.Call("list tabs", () => _client.Teams[GroupId].Channels[channelId].Tabs.GetAsync(r => r.QueryParameters.Expand = ["teamsApp"], cancellationToken)).ConfigureAwait(false);
        if ((tabs?.Value ?? []).Any(t => t.Configuration?.EntityId == planId))
        {
            return false;
        }

        var tenant = team?.TenantId ?? "common";
        var tab = new TeamsTab
        {
            DisplayName = Core.Sync.DesiredRows.Shorten(planTitle, 128),
            Configuration = new TeamsTabConfiguration
            {
                EntityId = planId,
                ContentUrl = $"https://tasks.teams.microsoft.com/teamsui/{{tid}}/Home/PlannerFrame?page=7&auth_pvr=OrgId&auth_upn={{userPrincipalName}}&groupId={GroupId}&planId={planId}&channelId={{channelId}}&entityId={{entityId}}&tid={{tid}}&userObjectId={{userObjectId}}&subEntityId={{subEntityId}}&sessionId={{sessionId}}&theme={{theme}}&mkt={{locale}}&ringId={{ringId}}&PlannerRouteHint={{tid}}&tabVersion=20200228",
                WebsiteUrl = $"https://tasks.office.com/{tenant}/Home/PlanViews/{planId}",
                RemoveUrl = $"https://tasks.teams.microsoft.com/teamsui/{{tid}}/Home/PlannerFrame?page=13&auth_pvr=OrgId&auth_upn={{userPrincipalName}}&groupId={GroupId}&planId={planId}&channelId={{channelId}}&entityId={{entityId}}&tid={{tid}}&userObjectId={{userObjectId}}&subEntityId={{subEntityId}}&sessionId={{sessionId}}&theme={{theme}}&mkt={{locale}}&ringId={{ringId}}&PlannerRouteHint={{tid}}&tabVersion=20200228",
            },
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{PlannerTabAppId}" },
        };
        await GraphErrors.Call("pin Planner tab", () => _client.Teams[GroupId].Channels[channelId].Tabs.PostAsync(tab, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>Bucket ids by name (NFC).</summary>
    public async Task<Dictionary<string, string>> BucketsAsync(string planId, CancellationToken cancellationToken)
    {
        var page = await GraphErrors.Call("list buckets", () => _client.Planner.Plans[planId].Buckets.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        var buckets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bucket in page?.Value ?? [])
        {
            if (bucket.Name is not null && bucket.Id is not null)
            {
                buckets.TryAdd(bucket.Name.Normalize(NormalizationForm.FormC), bucket.Id);
            }
        }

        return buckets;
    }

    /// <summary>All tasks of the plan (paged).</summary>
    public async Task<IReadOnlyList<PlannerTaskState>> TasksAsync(string planId, CancellationToken cancellationToken)
    {
        var tasks = new List<PlannerTaskState>();
        var page = await GraphErrors.Call("list tasks", () => _client.Planner.Plans[planId].Tasks.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (page is not null)
        {
            tasks.AddRange((page.Value ?? []).Select(ToState));
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphErrors.Call("list tasks", () => _client.Planner.Plans[planId].Tasks.WithUrl(next).GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return tasks;
    }

    /// <summary>Reads plan, buckets and tasks: three requests.</summary>
    public async Task<PlannerSnapshot?> SnapshotAsync(string planTitle, CancellationToken cancellationToken)
    {
        var plan = await FindPlanAsync(planTitle, cancellationToken).ConfigureAwait(false);
        if (plan?.Id is null)
        {
            return null;
        }

        var buckets = await BucketsAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        var tasks = await TasksAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        return new PlannerSnapshot(plan.Id, buckets, tasks);
    }

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
                AppliedCategories = Categories(PlannerDesign.LabelChanges(spec.Category, spec.Archived, null)),
                Assignments = Assignments(c.AddAssigneeIds),
            };
            return _client.Planner.Tasks.ToPostRequestInformation(task);
        })).ToList();
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
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
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
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
            var readOutcomes = await batches.RunAsync(reads, cancellationToken).ConfigureAwait(false);
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

            var writeOutcomes = await batches.RunAsync(writes, cancellationToken).ConfigureAwait(false);
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
    public static string ChecklistId(string key, string title) => PlannerDesign.ChecklistItemId(key, title);

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
                if (PlannerDesign.IsSyncItemToRemove(key, item.Name, title, wantedIds))
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

    private static PlannerTaskState ToState(PlannerTask task)
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

        var assignees = new HashSet<string>((task.Assignments?.AdditionalData ?? new Dictionary<string, object>()).Keys, StringComparer.Ordinal);
        var etag = task.AdditionalData.TryGetValue("@odata.etag", out var e) ? GraphBodies.AsString(e) ?? string.Empty : string.Empty;
        return new PlannerTaskState(task.Id!, etag, task.BucketId ?? string.Empty, task.Title ?? string.Empty, task.StartDateTime, task.DueDateTime, categories, assignees, task.PercentComplete ?? 0, task.CompletedDateTime);
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
