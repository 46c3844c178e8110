using System.Text;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Planner;

/// <summary>
/// The ward's plan: found by the id the ward's site recorded (list Trạng thái đồng bộ), never by title, except for a
/// plan made before ids were recorded; made when missing. Creating a plan may meet a lost response (a 429/503/504 after
/// it took effect) or Planner's 409 ("read the latest version and resolve", planner-overview.md, "Planner resource
/// versioning"): the group's plans are read before anything is sent again, so no plan is made twice.
/// </summary>
public sealed class GraphPlanLocator(GraphConnection connection, IStateStore state)
{
    /// <summary>The longest Retry-After a plan write waits before it looks again.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>The state row (list Trạng thái đồng bộ of the ward's site) holding the id of the ward's plan.</summary>
    public const string PlanIdStateKey = "planner.planId";

    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    private string? _planId;

    private bool _recordRead;

    private bool _forgotten;

    private string GroupId => PlannerResponses.GroupId(connection);

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

    /// <summary>The id of the ward's plan (<see cref="FindPlanAsync"/>), the plan made and recorded first when there is none.</summary>
    public async Task<string> EnsurePlanAsync(string title, CancellationToken cancellationToken)
    {
        var plan = await FindPlanAsync(title, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            plan = await CreatePlanOnceAsync(title, cancellationToken).ConfigureAwait(false);
            await RecordPlanAsync(plan.Id!, cancellationToken).ConfigureAwait(false);
        }

        return plan.Id!;
    }

    /// <summary>Forgets a recorded plan that is gone (404), once per run; true when it was the recorded one.</summary>
    public bool ForgetRecordedPlan(string planId)
    {
        if (_forgotten || !string.Equals(_planId, planId, StringComparison.Ordinal))
        {
            return false;
        }

        _planId = null;
        _forgotten = true;
        return true;
    }

    /// <summary>The group's plan with this title (one request), or null: only for a plan no id was recorded for.</summary>
    private async Task<PlannerPlan?> FindPlanByTitleAsync(string title, CancellationToken cancellationToken)
    {
        var plans = await GraphErrors.Call("list plans",
            () => _client.Groups[GroupId].Planner.Plans.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (plans?.Value ?? []).FirstOrDefault(p => string.Equals(p.Title?.Normalize(NormalizationForm.FormC),
            title.Normalize(NormalizationForm.FormC), StringComparison.Ordinal));
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
            catch (ODataError error) when (error.ResponseStatusCode is 409 or 429 or 503 or 504 && round < PlannerResponses.MaxPlanRounds)
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

    private async Task<string?> RecordedPlanIdAsync(CancellationToken cancellationToken)
    {
        if (!_recordRead)
        {
            try
            {
                _planId = await state.GetAsync(PlanIdStateKey, cancellationToken).ConfigureAwait(false);
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
            await state.SetAsync(PlanIdStateKey, planId, cancellationToken).ConfigureAwait(false);
        }
        catch (Core.Errors.SiteNotProvisionedException)
        {
            // Recorded by the first run after the site is provisioned (FindPlanAsync records a plan found by title).
        }

        _planId = planId;
        _recordRead = true;
    }

    private async Task WaitAsync(ODataError error, CancellationToken cancellationToken)
    {
        var headers = error.ResponseHeaders;
        var wait = RetryAfter.From(
            name => headers is not null && headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null,
            connection.Clock.GetUtcNow());
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait.Value > MaxWait ? MaxWait : wait.Value, connection.Clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
