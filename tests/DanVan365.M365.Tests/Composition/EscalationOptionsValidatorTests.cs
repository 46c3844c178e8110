using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.M365.Tests.Composition;

/// <summary>The <c>Escalation:Courtesy</c> settings, bound and validated at start by the production registration.</summary>
public class EscalationOptionsValidatorTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDanVan365(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Start_NoCourtesySettings_DefaultsOnForRequestedBodiesOffForExternal()
    {
        using var services = Build([]);

        services.ValidateDanVan365Settings();
        var courtesy = services.GetRequiredService<EscalationOptions>().Courtesy;

        Assert.Equal((-3, true, true, true, false),
            (courtesy.OffsetDays, courtesy.PartyBody, courtesy.Front, courtesy.ResidentialGroup, courtesy.External));
    }

    [Fact]
    public void Start_CourtesyConfigured_BoundAsGiven()
    {
        using var services = Build(new()
        {
            ["Escalation:Courtesy:OffsetDays"] = "-5",
            ["Escalation:Courtesy:External"] = "true",
            ["Escalation:Courtesy:ResidentialGroup"] = "false",
        });

        services.ValidateDanVan365Settings();
        var courtesy = services.GetRequiredService<EscalationOptions>().Courtesy;

        Assert.Equal((-5, true, false), (courtesy.OffsetDays, courtesy.External, courtesy.ResidentialGroup));
    }

    [Fact]
    public void Start_CourtesyAfterTheLastDay_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["Escalation:Courtesy:OffsetDays"] = "2" });

        var error = Assert.Throws<ConfigurationException>(services.ValidateDanVan365Settings);

        Assert.Contains("'Escalation:Courtesy:OffsetDays'", error.Message, StringComparison.Ordinal);
        Assert.Contains("on or before the last day", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CourtesySwitchNotABoolean_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["Escalation:Courtesy:External"] = "có lẽ" });

        var error = Assert.Throws<ConfigurationException>(services.ValidateDanVan365Settings);

        Assert.Contains("Escalation:Courtesy:External", error.Message, StringComparison.Ordinal);
    }
}
