using System.Globalization;
using DanVan365.M365.Client;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.M365.Tests.Client;

/// <summary>
/// The AIMD share of a tenant's budgets (<see cref="AdaptiveShare"/>), driven through <see cref="TenantResilience.Observe"/>.
/// </summary>
public sealed class AdaptiveShareTests
{
    private static readonly GraphRequestClass[] ListWrite = [GraphRequestClass.Of("POST", "/sites/s/lists/l/items")];
    private static readonly GraphRequestClass[] PlannerWrite = [GraphRequestClass.Of("POST", "/planner/tasks")];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private TenantResilience Tenant(int instanceCount = 1) => new(new M365Options
    {
        SiteUrl = "https://haian.sharepoint.com/sites/phuong-hai-an",
        TenantId = "7f3c1d2e-5a6b-4c8d-9e0f-1a2b3c4d5e6f",
        InstanceCount = instanceCount,
    }, _clock);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public void Observe_Throttled_HalvesTheShareOncePerHoldOff()
    {
        var tenant = Tenant();

        tenant.Observe(ListWrite, 429, Headers(("Retry-After", "2")), null);
        tenant.Observe(ListWrite, 429, Headers(("Retry-After", "2")), null);

        Assert.Equal(0.5, tenant.ResourceUnitsShare.Value, 6);
        Assert.Equal(1250 * 0.1 * 0.5, tenant.ResourceUnits.Capacity, 6);
        _clock.Advance(TimeSpan.FromSeconds(10));
        tenant.Observe(ListWrite, 503, Headers(("Retry-After", "2")), null);
        Assert.Equal(0.25, tenant.ResourceUnitsShare.Value, 6);
        Assert.Equal(1, tenant.PlannerShare.Value, 6);
    }

    [Fact]
    public void Observe_CleanWindows_GrowBackByStepsNeverAboveTheDeclaredShare()
    {
        var tenant = Tenant(instanceCount: 2);
        tenant.Observe(ListWrite, 429, Headers(("Retry-After", "1")), null);

        var seen = new List<double>();
        for (var minute = 0; minute < 8; minute++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            tenant.Observe(ListWrite, 200, Headers(), null);
            _clock.Advance(TimeSpan.FromSeconds(30));
            tenant.Observe(ListWrite, 200, Headers(), null);
            seen.Add(Math.Round(tenant.ResourceUnitsShare.Value, 6));
        }

        Assert.Equal([0.6, 0.7, 0.8, 0.9, 1, 1, 1, 1], seen);
        Assert.Equal(625, tenant.ResourceUnits.Budget * tenant.ResourceUnits.Share, 6);
    }

    [Fact]
    public void Observe_RepeatedThrottling_NeverBelowTheFloor()
    {
        var tenant = Tenant();

        for (var i = 0; i < 12; i++)
        {
            tenant.Observe(PlannerWrite, 429, Headers(("Retry-After", "1")), null);
            _clock.Advance(TimeSpan.FromSeconds(11));
        }

        Assert.Equal(AdaptiveShare.Floor, tenant.PlannerShare.Value, 6);
        Assert.Equal(1, tenant.ResourceUnitsShare.Value, 6);
    }

    [Fact]
    public void Observe_RemainingBelowThePaceUntilReset_ShrinksAndWaitsForTheReset()
    {
        var tenant = Tenant();

        // 100 RU left with 50 s to go: this instance alone would spend 1,125 × 50/60 ≈ 940 by then.
        tenant.Observe(ListWrite, 200, Headers(("RateLimit-Limit", "1250"), ("RateLimit-Remaining", "100"), ("RateLimit-Reset", "50")),
            null);

        Assert.Equal(0.5, tenant.ResourceUnitsShare.Value, 6);
        Assert.Equal(TimeSpan.FromSeconds(50), tenant.ResourceUnits.Reserve(1));
    }

    [Fact]
    public void Observe_RemainingCoversThePaceUntilReset_KeepsTheShare()
    {
        var tenant = Tenant();

        // One instance at its declared pace: 250 RU left with 12 s to go, which needs 1,125 × 12/60 = 225.
        tenant.Observe(ListWrite, 200, Headers(("RateLimit-Limit", "1250"), ("RateLimit-Remaining", "250"), ("RateLimit-Reset", "12")),
            null);

        Assert.Equal(1, tenant.ResourceUnitsShare.Value, 6);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    public void Observe_InstancesToldTooFewInstances_ConvergeWithoutStorming(int instances, int declared)
    {
        var run = SimulatedCity.Run(_clock, instances, declared, TimeSpan.FromMinutes(20));

        Assert.True(run.Throttled <= run.Requests / 100, $"{run.Throttled} of {run.Requests} requests throttled");
        Assert.True(run.LastMinutesUnits >= 0.5 * SimulatedCity.Budget * 5, $"only {run.LastMinutesUnits} RU in the last 5 minutes");
        Assert.All(run.Shares, share => Assert.True(share < 1, $"a share stayed at {share}"));
    }

    [Fact]
    public void Observe_InstancesToldTheirRealCount_NeverCutAndNeverThrottled()
    {
        var run = SimulatedCity.Run(_clock, 3, 3, TimeSpan.FromMinutes(10));

        Assert.Equal(0, run.Throttled);
        Assert.All(run.Shares, share => Assert.Equal(1, share, 6));
        Assert.True(run.LastMinutesUnits >= 0.85 * SimulatedCity.Budget * 5, $"only {run.LastMinutesUnits} RU in the last 5 minutes");
    }

    /// <summary>
    /// Instances that always have work, each sending 2-RU requests as fast as its bucket allows, against SharePoint's
    /// per-app budget as the local Graph imitates it (LocalM365 ResourceUnitBudget: a fixed minute, RateLimit-* from 80 %
    /// of it, 429 with Retry-After past it, throttled requests counted). Deterministic: the fake clock jumps to the next send.
    /// </summary>
    private static class SimulatedCity
    {
        public const int Budget = 1250;

        public static Result Run(FakeTimeProvider clock, int instances, int declared, TimeSpan length)
        {
            var options = new M365Options
            {
                SiteUrl = "https://haian.sharepoint.com/sites/phuong-hai-an",
                TenantId = "7f3c1d2e-5a6b-4c8d-9e0f-1a2b3c4d5e6f",
                InstanceCount = declared,
            };
            var tenants = Enumerable.Range(0, instances).Select(_ => new TenantResilience(options, clock)).ToArray();
            var start = clock.GetUtcNow();
            var next = tenants.Select(t => start + t.ResourceUnits.Reserve(2)).ToArray();
            long window = -1, used = 0, requests = 0, throttled = 0, lastMinutes = 0;
            while (true)
            {
                var i = Array.IndexOf(next, next.Min());
                if (next[i] - start >= length)
                {
                    break;
                }

                clock.SetUtcNow(next[i]);
                var elapsed = next[i] - start;
                var index = (long)(elapsed / TimeSpan.FromMinutes(1));
                if (index != window)
                {
                    (window, used) = (index, 0);
                }

                var over = used + 2 > Budget;
                used += 2;
                requests++;
                throttled += over ? 1 : 0;
                lastMinutes += !over && elapsed >= length - TimeSpan.FromMinutes(5) ? 2 : 0;
                var reset = Math.Max(1, (int)Math.Ceiling((TimeSpan.FromMinutes(index + 1) - elapsed).TotalSeconds))
                    .ToString(CultureInfo.InvariantCulture);
                var headers = new List<(string, string)>();
                if (over)
                {
                    headers.Add(("Retry-After", reset));
                }

                if (used >= Budget * 0.8)
                {
                    headers.Add(("RateLimit-Limit", Budget.ToString(CultureInfo.InvariantCulture)));
                    headers.Add(("RateLimit-Remaining", Math.Max(0, Budget - used).ToString(CultureInfo.InvariantCulture)));
                    headers.Add(("RateLimit-Reset", reset));
                }

                tenants[i].Observe(ListWrite, over ? 429 : 200, Headers([.. headers]), null);
                next[i] = clock.GetUtcNow() + tenants[i].ResourceUnits.Reserve(2);
            }

            return new Result(requests, throttled, lastMinutes, [.. tenants.Select(t => t.ResourceUnitsShare.Value)]);
        }

        public sealed record Result(long Requests, long Throttled, long LastMinutesUnits, IReadOnlyList<double> Shares);
    }
}
