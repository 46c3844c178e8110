using System.Globalization;
using System.Text;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Planner;

/// <summary>
/// The ward's plan, its labels and buckets. Every write here may meet a lost response (a 429/503/504 after it took
/// effect) or Planner's 409/412 ("read the latest version and resolve", planner-overview.md, "Planner resource
/// versioning"): what the first attempt made is looked for before anything is sent again, so nothing is made twice.
/// </summary>
public sealed partial class GraphPlannerStore
{
    /// <summary>The state row (list Trạng thái đồng bộ of the ward's site) holding the id of the ward's plan.</summary>
    public const string PlanIdStateKey = "planner.planId";

    private const int MaxPlanRounds = 4;

    private string? _planId;

    private bool _recordRead;

    private bool _forgotten;

    /// <summary>
    /// The ward's plan: the one whose id the ward's site recorded (a renamed plan is still the plan; one state read per
    /// run, then cached), else (a plan made before ids were recorded) the group's plan with the title, whose id is then
    /// recorded; null when there is none.
    /// </summary>
    public async Task<PlannerPlan?> FindPlanAsync(string title, CancellationToken cancellationToken)
    {
        if (await RecordedPlanIdAsync(cancellationToken).ConfigureAwait(false) is { } id)
        {
            return new PlannerPlan { Id = id };
        }

        var plan = await FindPlanByTitleAsync(title, cancellationToken).ConfigureAwait(false);
        if (plan?.Id is { } found)
        {
            await RecordPlanAsync(found, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }

    /// <summary>Creates the plan if missing, sets its labels, pins it in Teams (best effort) and creates missing buckets.</summary>
    public async Task<TeamsTabPin> EnsurePlanAsync(PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = await FindPlanAsync(spec.Title, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            plan = await CreatePlanOnceAsync(spec.Title, cancellationToken).ConfigureAwait(false);
            await RecordPlanAsync(plan.Id!, cancellationToken).ConfigureAwait(false);
        }

        var planId = plan.Id!;
        await EnsureLabelsAsync(planId, spec, cancellationToken).ConfigureAwait(false);
        var pinned = await PinTabAsync(planId, spec.Title, cancellationToken).ConfigureAwait(false);
        await EnsureBucketsAsync(planId, spec, cancellationToken).ConfigureAwait(false);
        return pinned;
    }

    /// <summary>
    /// POST /planner/plans (https://learn.microsoft.com/graph/api/planner-post-plans), never retried blindly: after a
    /// failure the group's plans are read again and a plan with the title is the one the attempt made.
    /// </summary>
    private async Task<PlannerPlan> CreatePlanOnceAsync(string title, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return (await _client.Planner.Plans.PostAsync(new PlannerPlan
                {
                    Title = title,
                    Container = new PlannerPlanContainer
                    {
                        ContainerId = GroupId,
                        Type = PlannerContainerType.Group,
                        Url = $"https://graph.microsoft.com/v1.0/groups/{GroupId}",
                    },
                }, r => r.Options.Add(new NoRetryOption()), cancellationToken).ConfigureAwait(false))!;
            }
            catch (ODataError error) when (error.ResponseStatusCode is 409 or 429 or 503 or 504 && round < MaxPlanRounds)
            {
                if (await FindPlanByTitleAsync(title, cancellationToken).ConfigureAwait(false) is { } made)
                {
                    return made;
                }

                await WaitAsync(error, cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError error)
            {
                throw GraphErrors.From("create plan", error);
            }
        }
    }

    /// <summary>Plan labels (https://learn.microsoft.com/graph/api/plannerplandetails-update, If-Match), re-read on 409/412.</summary>
    private async Task EnsureLabelsAsync(string planId, PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
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
                await _client.Planner.Plans[planId].Details.PatchAsync(patch, r => r.Headers.Add("If-Match", ETagOf(details)),
                    cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (ODataError error) when (error.ResponseStatusCode is 409 or 412 && round < MaxPlanRounds)
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
    private async Task EnsureBucketsAsync(string planId, PlannerPlanSpec spec, CancellationToken cancellationToken)
    {
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
            var outcomes = await _batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var failed = outcomes.Values.Where(o => !o.IsSuccess).ToList();
            if (failed.Count == 0)
            {
                return;
            }

            if (round >= MaxPlanRounds || failed.Any(o => o.Status is not (409 or 429 or 503 or 504)))
            {
                Fail("create bucket", failed);
            }
        }
    }

    private async Task<string?> RecordedPlanIdAsync(CancellationToken cancellationToken)
    {
        if (!_recordRead)
        {
            try
            {
                _planId = await _state.GetAsync(PlanIdStateKey, cancellationToken).ConfigureAwait(false);
            }
            catch (Core.Errors.SiteNotProvisionedException)
            {
                // No state list yet (Planner alone, before the site): the title is all there is.
                _planId = null;
            }

            _recordRead = true;
        }

        return _planId;
    }

    private async Task RecordPlanAsync(string planId, CancellationToken cancellationToken)
    {
        try
        {
            await _state.SetAsync(PlanIdStateKey, planId, cancellationToken).ConfigureAwait(false);
        }
        catch (Core.Errors.SiteNotProvisionedException)
        {
            // Recorded by the first run after the site is provisioned (FindPlanAsync records a plan found by title).
        }

        _planId = planId;
        _recordRead = true;
    }

    /// <summary>Forgets a recorded plan that is gone (404); true when it was the recorded one.</summary>
    private bool ForgetRecordedPlan(string planId)
    {
        if (_forgotten || !string.Equals(_planId, planId, StringComparison.Ordinal))
        {
            return false;
        }

        _planId = null;
        _forgotten = true;
        return true;
    }

    private async Task WaitAsync(ODataError error, CancellationToken cancellationToken)
    {
        var retryAfter = error.ResponseHeaders is { } headers && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        if (retryAfter > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(retryAfter, 30)), connection.Clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
