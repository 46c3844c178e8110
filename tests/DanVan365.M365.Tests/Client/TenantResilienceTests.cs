using DanVan365.M365.Client;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.M365.Tests.Client;

public sealed class TenantResilienceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private static M365Options Options(bool local, bool paceLocal) => new()
    {
        Local = local,
        PaceLocal = paceLocal,
        GraphBaseUrl = local ? "http://127.0.0.1:9/v1.0" : "https://graph.microsoft.com/v1.0",
        SiteUrl = "https://haian.sharepoint.com/sites/phuong-hai-an",
    };

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Constructor_TenantOrPacedLocalGraph_SpendingTheMinutesBudgetWaits(bool local, bool paceLocal)
    {
        var tenant = new TenantResilience(Options(local, paceLocal), _clock);

        // A first sync's worth of resource units (~330) is more than the 10 % burst of 1,250: the rest waits for refill.
        Assert.True(tenant.ResourceUnits.Reserve(330) > TimeSpan.Zero);
        Assert.True(tenant.Mailbox("ubnd@haian.example.vn").Reserve(31) > TimeSpan.Zero);
    }

    [Fact]
    public void Constructor_LocalGraphNotPaced_NeverWaitsOnTheClientsBudgets()
    {
        var tenant = new TenantResilience(Options(local: true, paceLocal: false), _clock);

        Assert.Equal(TimeSpan.Zero, tenant.ResourceUnits.Reserve(100_000));
        Assert.Equal(TimeSpan.Zero, tenant.Planner.Reserve(10_000));
        Assert.Equal(TimeSpan.Zero, tenant.Mailbox("ubnd@haian.example.vn").Reserve(1_000));
    }
}
