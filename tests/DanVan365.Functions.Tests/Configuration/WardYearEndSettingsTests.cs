using DanVan365.Core.Reporting;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>A ward's "YearEnd" section (Wards:N:YearEnd): bound and validated when the host starts, carried to its rounds.</summary>
public class WardYearEndSettingsTests
{
    private const string Graph = "http://127.0.0.1:5999/v1.0";
    private const string Site = "https://haian.sharepoint.com/sites/phuong-hai-an";
    private const string Group = "3f2b5a1c-0000-4000-8000-000000000001";

    private static FunctionsSettings Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddDanVan365Functions(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<FunctionsSettings>>().Value;
    }

    [Fact]
    public void Start_YearEndSection_TheWardsYearEndRoundTakesItsDays()
    {
        var settings = TestApp.Settings(Graph, Site, Group, withBadWard: false);
        settings["Wards:0:YearEnd:LastDay"] = "22/12";
        settings["Wards:0:YearEnd:DataCutOff"] = "20/12";

        var ward = WardRegistry.Build(Bind(settings))[0];
        var round = ReportRound.YearEndOf(ReportCatalogueBuilder.HaiAnDecision(), ward.Context.YearEnd, 3);

        Assert.Equal((new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 20)), (round.LastDay, round.DataCutOff));
    }

    [Fact]
    public void Start_NoYearEndSection_Defaults15And14December()
    {
        var ward = WardRegistry.Build(Bind(TestApp.Settings(Graph, Site, Group, withBadWard: false)))[0];
        var round = ReportRound.YearEndOf(ReportCatalogueBuilder.HaiAnDecision(), ward.Context.YearEnd, 3);

        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 14)), (round.LastDay, round.DataCutOff));
    }

    [Theory]
    [InlineData("Wards:0:YearEnd:LastDay", "31/13", "Wards:0:YearEnd:LastDay")]
    [InlineData("Wards:0:YearEnd:DataCutOff", "20/12", "Wards:0:YearEnd:DataCutOff")]
    public void Start_BadYearEndSetting_FailsNamingIt(string key, string value, string named)
    {
        var settings = TestApp.Settings(Graph, Site, Group, withBadWard: false);
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }
}
