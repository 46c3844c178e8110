using DanVan365.M365.Client;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.M365.Tests.Client;

/// <summary>The tenants' budgets and circuits are a singleton of the composition root, on its clock (issue 21).</summary>
public sealed class TenantResilienceRegistryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private static M365Options Options(string graph = "http://127.0.0.1:9/v1.0") => new()
    {
        Local = true,
        GraphBaseUrl = graph,
        SiteUrl = "https://haian.sharepoint.com/sites/phuong-hai-an",
    };

    private ServiceProvider Container() => new ServiceCollection()
        .AddSingleton<TimeProvider>(_clock)
        .AddDanVan365(new ConfigurationBuilder().Build())
        .BuildServiceProvider();

    [Fact]
    public void For_SameTenantTwice_OneStateOnTheContainersClock()
    {
        using var services = Container();
        var registry = services.GetRequiredService<TenantResilienceRegistry>();

        var first = registry.For(Options());

        Assert.Same(first, registry.For(Options("HTTP://127.0.0.1:9/v1.0")));
        Assert.Same(registry, services.GetRequiredService<TenantResilienceRegistry>());
        Assert.Same(_clock, first.Clock);
    }

    [Fact]
    public void For_TwoContainersOnOneLocalGraphUrl_EachStartsFresh()
    {
        using var earlier = Container();
        using var later = Container();
        var spent = earlier.GetRequiredService<TenantResilienceRegistry>().For(Options());
        spent.ResourceUnits.Pause(TimeSpan.FromMinutes(5));

        var fresh = later.GetRequiredService<TenantResilienceRegistry>().For(Options());

        // A test whose local Graph reuses a port inherits nothing of the previous test's budgets or circuit.
        Assert.NotSame(spent, fresh);
        Assert.Equal(TimeSpan.Zero, fresh.ResourceUnits.Reserve(1));
    }

    [Fact]
    public void For_TwoSimulatedInstancesOfOneTenant_SeparateStates()
    {
        var registry = new TenantResilienceRegistry(_clock);

        Assert.NotSame(registry.For(Options(), instance: 0), registry.For(Options(), instance: 1));
        Assert.Same(registry.For(Options(), instance: 1), registry.For(Options(), instance: 1));
    }
}
