using System.Globalization;
using System.Net;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Lists;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>
/// Issue 22, the ward lease and the state list: a lease or a state value a member wrote in SharePoint is not used (and is
/// recorded), expiry is judged on the server's clock only, and a first claim that loses with 400 or 500 is "busy".
/// </summary>
public class LeaseTrustTests
{
    private static WardLeaseTimes Times(WardHarness ward) => ward.Services.GetRequiredService<WardLeaseTimes>();

    private static async Task<WardHarness> ProvisionedAsync()
    {
        var ward = await WardHarness.StartAsync(settings: Wards.WardLeaseTests.NoWait);
        using var setup = ward.NewSession();
        await setup.Provisioner.EnsureAsync([], CancellationToken.None);
        return ward;
    }

    /// <summary>
    /// Writes a state row's value (and optionally its seal) as <paramref name="session"/>'s caller, as a list view would.
    /// </summary>
    private static async Task WriteStateAsync(WardHarness.Session session, string key, string value, string? seal)
    {
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var listId = await session.Site.ListIdAsync(SiteSchema.State, CancellationToken.None);
        var fields = new Dictionary<string, object> { [StateColumns.Value] = value };
        if (seal is not null)
        {
            fields[SiteSchema.Seal] = seal;
        }

        var row = await session.Lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, key, CancellationToken.None);
        var items = session.Connection.Client.Sites[siteId].Lists[listId].Items;
        if (row is null)
        {
            fields[SiteSchema.Title] = key;
            fields[StateColumns.Key] = key;
            await items.PostAsync(new ListItem { Fields = new FieldValueSet { AdditionalData = fields } });
        }
        else
        {
            await items[row.ItemId].Fields.PatchAsync(new FieldValueSet { AdditionalData = fields });
        }
    }

    private static string SealOf(WardHarness.Session session, string key, string value) =>
        session.Get<RecordSeal>().Seal(SiteSchema.State.Key, key, GraphStateStore.Sealed(value));

    [Fact]
    public async Task TryAcquireAsync_LeaseWrittenByAMemberUntil9999_IgnoredClaimedAndRecorded()
    {
        await using var ward = await ProvisionedAsync();
        var member = ward.PersonOf("VHXH");
        using (var forger = ward.NewSession(actingUserId: member))
        {
            await WriteStateAsync(forger, GraphWardLease.Key, "sync:forged|9999-12-31T00:00:00.0000000+00:00", seal: null);
        }

        using var session = ward.NewSession();
        await using var held = await session.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(held);
        Assert.StartsWith("sync:", await session.State.GetAsync(GraphWardLease.Key, CancellationToken.None), StringComparison.Ordinal);
        var recorded = Assert.Single(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal((InterventionAction.Ignored, GraphWardLease.Key, member),
            (recorded.Intervention.Action, recorded.Intervention.RowKey, recorded.Intervention.By!.UserId));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task TryAcquireAsync_FirstClaimLosesWith400Or500_BusyNotAnError(HttpStatusCode answer)
    {
        await using var ward = await ProvisionedAsync();
        using var rival = ward.NewSession();
        IWardLeaseHold? rivals = null;
        // Between our read (no row) and our create, a rival creates the row; SharePoint answers our create with 400 or 500.
        var interceptor = new LosingCreateHandler(answer, async () =>
            rivals = await rival.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None));
        using var session = ward.NewSession(interceptor);

        var claim = await session.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);

        Assert.Null(claim);
        Assert.True(interceptor.Rewrote);
        Assert.NotNull(rivals);
        Assert.StartsWith("pull:", await rival.State.GetAsync(GraphWardLease.Key, CancellationToken.None), StringComparison.Ordinal);
        await rivals!.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_HolderClockAnHourFast_ExpiryFollowsTheServersClock()
    {
        await using var ward = await ProvisionedAsync();
        using var other = ward.NewSession();
        // Another runner, whose clock is an hour fast, claimed now: its value says "until now + 1 h 10 min".
        var fast = "sync:fast|" + (ward.Clock.GetUtcNow() + TimeSpan.FromHours(1) + Times(ward).Duration)
            .ToString("O", CultureInfo.InvariantCulture);
        await WriteStateAsync(other, GraphWardLease.Key, fast, SealOf(other, GraphWardLease.Key, fast));
        using var session = ward.NewSession();

        ward.Clock.Advance(Times(ward).Duration - TimeSpan.FromMinutes(1));
        Assert.Null(await session.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None));

        // By the server's clock the lease was written a duration ago: expired, whatever the holder's clock wrote.
        ward.Clock.Advance(TimeSpan.FromMinutes(2));
        await using var taken = await session.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(taken);
        Assert.Empty(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderClockAnHourSlow_StillHeldByTheServersClock()
    {
        await using var ward = await ProvisionedAsync();
        using var other = ward.NewSession();
        // Its value says the lease ended 50 minutes ago; the server wrote it just now.
        var slow = "sync:slow|" + (ward.Clock.GetUtcNow() - TimeSpan.FromHours(1) + Times(ward).Duration)
            .ToString("O", CultureInfo.InvariantCulture);
        await WriteStateAsync(other, GraphWardLease.Key, slow, SealOf(other, GraphWardLease.Key, slow));
        using var session = ward.NewSession();

        ward.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await session.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_PlanIdPointedAtAnotherPlanByAMember_AbsentAndRecorded()
    {
        await using var ward = await ProvisionedAsync();
        using (var app = ward.NewSession())
        {
            await app.State.SetAsync(GraphPlanLocator.PlanIdStateKey, "plan-of-the-ward-0000000000001", CancellationToken.None);
            Assert.Equal("plan-of-the-ward-0000000000001",
                await ward.NewSession().State.GetAsync(GraphPlanLocator.PlanIdStateKey, CancellationToken.None));
        }

        using (var member = ward.NewSessionAs("VHXH"))
        {
            await WriteStateAsync(member, GraphPlanLocator.PlanIdStateKey, "another-plan-00000000000000001", seal: null);
        }

        using var session = ward.NewSession();

        Assert.Null(await session.State.GetAsync(GraphPlanLocator.PlanIdStateKey, CancellationToken.None));
        var recorded = Assert.Single(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal(("another-plan-00000000000000001", ward.PersonOf("VHXH")),
            (recorded.Intervention.Found, recorded.Intervention.By!.UserId));
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-03-01T10:00:00.1234567+07:00")]
    [InlineData("https://graph.microsoft.com/v1.0/drives/x/root/delta?token=abc|def")]
    public async Task SetAsyncThenGetAsync_ValueRoundTrip_SealVerifies(string value)
    {
        await using var ward = await ProvisionedAsync();
        using (var app = ward.NewSession())
        {
            await app.State.SetAsync("job:x", value, CancellationToken.None);
        }

        using var session = ward.NewSession();

        Assert.NotNull(await session.State.GetAsync("job:x", CancellationToken.None));
        Assert.Empty(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
    }

    /// <summary>Runs <paramref name="before"/> ahead of the first create of a list item, and answers its 409 with another status.</summary>
    private sealed class LosingCreateHandler(HttpStatusCode answer, Func<Task> before) : DelegatingHandler
    {
        private int _seen;

        public bool Rewrote { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/items", StringComparison.Ordinal)
                && Interlocked.Increment(ref _seen) == 1;
            if (first)
            {
                await before();
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (first && response.StatusCode == HttpStatusCode.Conflict)
            {
                Rewrote = true;
                response.Dispose();
                return new HttpResponseMessage(answer)
                {
                    Content = new StringContent("""{"error":{"code":"generalException","message":"The list item could not be added."}}""",
                        System.Text.Encoding.UTF8, "application/json"),
                };
            }

            return response;
        }
    }
}
