using System.Globalization;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Planner;

/// <summary>Reading Planner: the plan's buckets and tasks, and a task's state.</summary>
public sealed partial class GraphPlannerStore
{
    /// <summary>Bucket ids by name (NFC).</summary>
    public async Task<Dictionary<string, string>> BucketsAsync(string planId, CancellationToken cancellationToken)
    {
        var page = await GraphErrors.Call("list buckets",
            () => _client.Planner.Plans[planId].Buckets.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
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

    /// <summary>Reads plan, buckets and tasks: three requests.</summary>
    public async Task<PlannerSnapshot?> SnapshotAsync(string planTitle, CancellationToken cancellationToken)
    {
        var plan = await FindPlanAsync(planTitle, cancellationToken).ConfigureAwait(false);
        if (plan?.Id is null)
        {
            return null;
        }

        Dictionary<string, string> buckets;
        try
        {
            buckets = await BucketsAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Core.Errors.RemoteServiceException gone) when (gone.Status == 404 && ForgetRecordedPlan(plan.Id))
        {
            // The recorded plan was deleted: look again by title (or make it anew).
            return await SnapshotAsync(planTitle, cancellationToken).ConfigureAwait(false);
        }

        var tasks = await TasksAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        return new PlannerSnapshot(plan.Id, buckets, tasks);
    }

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
}
