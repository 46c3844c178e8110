using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class YearEndOptionsTests
{
    [Fact]
    public void YearEndOf_Defaults_LastDay15DecemberDataTo14December()
    {
        var options = new YearEndOptions();
        options.Validate("Ward:YearEnd");

        var round = ReportRound.YearEndOf(ReportCatalogueBuilder.HaiAnDecision(), options, 3);

        Assert.Equal((3, "Tổng kết năm 2026", new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 14), true, false),
            (round.Number, round.Title, round.LastDay, round.DataCutOff, round.YearEnd, round.AdHoc));
        Assert.Equal("lần 3 (tổng kết năm 2026) trước ngày 16/12/2026", round.Wording);
    }

    [Fact]
    public void YearEndOf_Configured_TheConfiguredDaysOfTheDecisionsYear()
    {
        var options = new YearEndOptions { LastDay = "20/12", DataCutOff = "5/12" };
        options.Validate("Ward:YearEnd");

        var round = ReportRound.YearEndOf(ReportCatalogueBuilder.HaiAnDecision(), options, 4);

        Assert.Equal((new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 5)), (round.LastDay, round.DataCutOff));
    }

    [Theory]
    [InlineData("32/12", "14/12", "Ward:YearEnd:LastDay")]
    [InlineData("15-12", "14/12", "Ward:YearEnd:LastDay")]
    [InlineData(" ", "14/12", "Ward:YearEnd:LastDay")]
    [InlineData("15/12/2026", "14/12", "Ward:YearEnd:LastDay")]
    [InlineData("15/12", "29/02", "Ward:YearEnd:DataCutOff")]
    [InlineData("15/12", "16/12", "Ward:YearEnd:DataCutOff")]
    public void Validate_BadValue_ConfigurationExceptionNamingTheSetting(string lastDay, string cutOff, string setting)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            new YearEndOptions { LastDay = lastDay, DataCutOff = cutOff }.Validate("Ward:YearEnd"));

        Assert.Equal(setting, error.Setting);
    }
}
