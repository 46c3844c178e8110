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
/// <para>Issue 22: a recorded id is used only when that plan belongs to the ward's group: its <c>container</c> (a
/// plannerPlanContainer: <c>containerId</c>, <c>type</c> "group", <c>url</c>) names the group, or, for a plan Graph
/// gives no container for, its deprecated <c>owner</c> does (docs repo: api-reference/v1.0/resources/plannerplan.md,
/// resources/plannerplancontainer.md). Any other plan gets nothing written: the id is recorded in Nhật ký can thiệp as not
/// used, and the ward's plan is found (by title, in the group) or made as if no id were recorded; its id then replaces the
/// foreign one. One GET of the plan per run.</para>
/// </summary>
public sealed class GraphPlanLocator(GraphConnection connection, IStateStore state, Core.Integrity.IInterventionLog? interventions = null)
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
            if (await IsTheGroupsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                return new PlannerPlan { Id = id };
            }

            _planId = null;
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

    /// <summary>
    /// True when plan <paramref name="id"/> belongs to the ward's group (its container, else its owner); a plan that is gone
    /// (404) is true here: the 404 of the first write forgets it (<see cref="ForgetRecordedPlan"/>). Otherwise false, and
    /// the foreign id is recorded as not used.
    /// </summary>
    private async Task<bool> IsTheGroupsAsync(string id, CancellationToken cancellationToken)
    {
        if (_verified == id)
        {
            return true;
        }

        PlannerPlan? plan;
        try
        {
            // https://learn.microsoft.com/graph/api/plannerplan-get
            plan = await _client.Planner.Plans[id].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (GraphErrors.Is(error, 404))
        {
            return true;
        }
        catch (ODataError error) when (GraphErrors.Is(error, 403))
        {
            // Not a plan the app may read: not the ward's group's.
            plan = null;
        }
        catch (ODataError error)
        {
            throw GraphErrors.From("get plan", error);
        }

        var owner = plan?.Container?.ContainerId
            ?? (plan?.AdditionalData is { } extra && extra.TryGetValue("owner", out var o) ? GraphBodies.AsString(o) : null);
        if (plan is not null && string.Equals(owner, GroupId, StringComparison.OrdinalIgnoreCase)
            && plan.Container?.Type is null or PlannerContainerType.Group)
        {
            _verified = id;
            return true;
        }

        if (interventions is not null)
        {
            await interventions.RecordAsync([new Core.Integrity.Intervention(SiteSchema.State.DisplayName, PlanIdStateKey,
                "Giá trị", id, null, Core.Integrity.InterventionAction.Ignored,
                "Kế hoạch Planner được ghi nhận không thuộc nhóm của phường; không ghi gì vào kế hoạch đó, dùng kế hoạch của phường.",
                null, null)], Core.Time.WardTime.Today(connection.Clock), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private string? _verified;

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
