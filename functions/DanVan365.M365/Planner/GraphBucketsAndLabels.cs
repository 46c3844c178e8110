using System.Globalization;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Planner;

/// <summary>
/// The plan's buckets (one per lead unit, found by name in NFC) and labels (one per section, in the plan's details).
/// A write that may have taken effect (a lost response) or met a newer version (409/412) is read again first, so
/// nothing is made twice.
/// </summary>
public sealed class GraphBucketsAndLabels(GraphConnection connection, BatchRunner batches)
{
    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    /// <summary>Bucket ids by name (NFC): one request.</summary>
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

    /// <summary>Plan labels (https://learn.microsoft.com/graph/api/plannerplandetails-update, If-Match), re-read on 409/412.</summary>
    public async Task EnsureLabelsAsync(string planId, PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        for (var round = 1; ; round++)
        {
            var details = await GraphErrors.Call("get plan details",
                () => _client.Planner.Plans[planId].Details.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            var wanted = new PlannerCategoryDescriptions();
            var differs = false;
            foreach (var (index, name) in spec.Categories)
            {
                var property = typeof(PlannerCategoryDescriptions).GetProperty("Category" + index.ToString(CultureInfo.InvariantCulture))!;
                property.SetValue(wanted, name);
                differs |= !string.Equals(property.GetValue(details?.CategoryDescriptions) as string, name, StringComparison.Ordinal);
            }

            if (!differs)
            {
                return;
            }

            try
            {
                var patch = new PlannerPlanDetails { CategoryDescriptions = wanted };
                await _client.Planner.Plans[planId].Details.PatchAsync(patch,
                    r => r.Headers.Add("If-Match", PlannerResponses.ETagOf(details)), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ODataError error) when (error.ResponseStatusCode is 409 or 412 && round < PlannerResponses.MaxPlanRounds)
            {
                // Someone (or a lost response of ours) changed the details: read them again.
            }
            catch (ODataError error)
            {
                throw GraphErrors.From("update plan labels", error);
            }
        }
    }

    /// <summary>
    /// Creates missing buckets (batched, https://learn.microsoft.com/graph/api/planner-post-buckets); after a failure
    /// they are read again first.
    /// </summary>
    public async Task EnsureBucketsAsync(string planId, PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        for (var round = 1; ; round++)
        {
            var buckets = await BucketsAsync(planId, cancellationToken).ConfigureAwait(false);
            var missing = spec.Buckets.Where(b => !buckets.ContainsKey(b.Normalize(NormalizationForm.FormC))).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var operations = missing.Select((name, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture),
                () => _client.Planner.Buckets.ToPostRequestInformation(new PlannerBucket
                {
                    Name = name,
                    PlanId = planId,
                    OrderHint = " !"
                }),
                RetryOnTransient: false)).ToList();
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var failed = outcomes.Values.Where(o => !o.IsSuccess).ToList();
            if (failed.Count == 0)
            {
                return;
            }

            if (round >= PlannerResponses.MaxPlanRounds || failed.Any(o => o.Status is not (409 or 429 or 503 or 504)))
            {
                PlannerResponses.Fail("create bucket", failed);
            }
        }
    }
}
