using System.Text.Json.Nodes;
using DanVan365.Core.Integrity;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>
/// Issue 22: a recorded plan id is used only when the plan's container is the ward's group (plannerplan.md,
/// plannerplancontainer.md); otherwise nothing is written to that plan, it is recorded, and the ward's plan is used.
/// </summary>
public class PlanOwnershipTests
{
    private const string OtherGroup = "0d1e2f30-4150-4607-8809-0a0b0c0d0e0f";

    [Fact]
    public async Task SyncAll_RecordedPlanOfAnotherGroup_NothingWrittenToItRecordedWardsPlanUsed()
    {
        await using var ward = await WardHarness.StartAsync();
        string wards;
        string foreign;
        using (var first = ward.NewSession())
        {
            await first.SyncAllAsync(Catalogue, Units);
            wards = (await first.State.GetAsync(GraphPlanLocator.PlanIdStateKey, CancellationToken.None))!;
            foreign = (await first.Connection.Client.Planner.Plans.PostAsync(new PlannerPlan
            {
                Title = "Kế hoạch khác",
                Container = new PlannerPlanContainer { ContainerId = ward.Server.Tenant.WardGroupId, Type = PlannerContainerType.Group },
            }))!.Id!;
            // A value the app wrote (sealed) that names a plan which, as Graph answers below, is another group's.
            await first.State.SetAsync(GraphPlanLocator.PlanIdStateKey, foreign, CancellationToken.None);
        }

        var interceptor = new ForeignPlanHandler(foreign);
        using var session = ward.NewSession(interceptor);
        var report = await session.SyncAllAsync(Catalogue, Units);

        Assert.Empty(report.Planner.Failures);
        Assert.Equal(1, interceptor.Reads);
        Assert.Empty(interceptor.Others);
        Assert.Equal(wards, await session.State.GetAsync(GraphPlanLocator.PlanIdStateKey, CancellationToken.None));
        var recorded = Assert.Single(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal((InterventionAction.Ignored, foreign), (recorded.Intervention.Action, recorded.Intervention.Found));
    }

    /// <summary>
    /// Answers the GET of plan <paramref name="planId"/> with another group as its container; records other requests to it.
    /// </summary>
    private sealed class ForeignPlanHandler(string planId) : DelegatingHandler
    {
        public int Reads { get; private set; }

        public List<string> Others { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get
                && request.RequestUri.AbsolutePath.EndsWith("/planner/plans/" + planId, StringComparison.Ordinal))
            {
                Reads++;
                var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
                json["container"]!["containerId"] = OtherGroup;
                json["container"]!["url"] = "https://graph.microsoft.com/v1.0/groups/" + OtherGroup;
                json["owner"] = OtherGroup;
                response.Content = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            }
            else if ((url.Contains(planId, StringComparison.Ordinal) || body.Contains(planId, StringComparison.Ordinal))
                && !body.Contains(Core.Sync.InterventionColumns.Key, StringComparison.Ordinal)) // its record in Nhật ký can thiệp
            {
                Others.Add(request.Method + " " + url);
            }

            return response;
        }
    }
}
