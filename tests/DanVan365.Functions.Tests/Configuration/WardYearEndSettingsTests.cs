using DanVan365.Core.Reporting;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>A ward's "YearEnd" section (Wards:N:YearEnd): bound and validated when the host starts, carried to its rounds.</summary>
public class WardYearEndSettingsTests
{
    [Fact]
    public void Start_YearEndSection_TheWardsYearEndRoundTakesItsDays()
    {
        var settings = WardSettingsHost.OneWard();
        settings["Wards:0:YearEnd:LastDay"] = "22/12";
        settings["Wards:0:YearEnd:DataCutOff"] = "20/12";

        var ward = WardRegistry.Build(WardSettingsHost.Bind(settings))[0];
        var round = ReportRound.YearEndOf(ReportCatalogueBuilder.HaiAnDecision(), ward.Context.YearEnd, 3);

        Assert.Equal((new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 20)), (round.LastDay, round.DataCutOff));
    }

    [Fact]
    public void Start_NoYearEndSection_Defaults15And14December()
    {
        var ward = WardRegistry.Build(WardSettingsHost.Bind(WardSettingsHost.OneWard()))[0];
        var round = ReportRound.YearEndOf(ReportCatalogueBuilder.HaiAnDecision(), ward.Context.YearEnd, 3);

        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 14)), (round.LastDay, round.DataCutOff));
    }

    [Theory]
    [InlineData("Wards:0:YearEnd:LastDay", "31/13", "Wards:0:YearEnd:LastDay")]
    [InlineData("Wards:0:YearEnd:DataCutOff", "20/12", "Wards:0:YearEnd:DataCutOff")]
    public void Start_BadYearEndSetting_FailsNamingIt(string key, string value, string named)
    {
        var settings = WardSettingsHost.OneWard();
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => WardSettingsHost.Bind(settings));

        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }
}
