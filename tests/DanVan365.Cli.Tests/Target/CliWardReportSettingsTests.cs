using System.Collections;
using DanVan365.Cli.Target;
using DanVan365.Core.Errors;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Target;

/// <summary>The CLI's "Ward:Report" section: how the ward closes its compiled report, bound and validated with the ward.</summary>
public class CliWardReportSettingsTests
{
    private static CliWardSettings Ward(string json)
    {
        using var folder = new TempDir();
        var file = Path.Combine(folder.Path, "settings.json");
        File.WriteAllText(file, json);
        var target = new TargetSettings(folder.Path, null, null, null, null) { SettingsFile = file };
        return CliSettings.Ward(CliSettings.Build(target, new Hashtable()));
    }

    [Fact]
    public void Ward_ReportSection_Bound()
    {
        var ward = Ward("""
            { "Ward": { "Name": "Xã Kiến Thụy", "Report": { "Recipients": ["Ban Dân vận Thành ủy", "Sở Nội vụ thành phố"],
              "Signer": "Lê Thị Hoa", "SignerCapacity": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Filing": "VP" } } }
            """);

        Assert.Equal(["Ban Dân vận Thành ủy", "Sở Nội vụ thành phố"], ward.Report.Recipients);
        Assert.Equal("Lê Thị Hoa", ward.Report.Signer);
        Assert.Equal("VP", ward.Report.Filing);
    }

    [Fact]
    public void Ward_BundledDefaults_NoReportSettingsSoTheDecisionDecides()
    {
        var ward = Ward("""{ "Ward": { "Name": "Phường Hải An" } }""");

        Assert.Empty(ward.Report.Recipients);
        Assert.Null(ward.Report.Signer);
    }

    [Fact]
    public void Ward_SignerWithoutCapacity_RefusedNamingTheSetting()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => Ward("""{ "Ward": { "Name": "Xã Kiến Thụy", "Report": { "Signer": "Lê Thị Hoa" } } }"""));

        Assert.Equal("Ward:Report:SignerCapacity", ex.Setting);
    }

    [Fact]
    public void Ward_YearEndSection_BoundAndDefaulted()
    {
        var ward = Ward("""{ "Ward": { "Name": "Xã Kiến Thụy", "YearEnd": { "LastDay": "20/12", "DataCutOff": "18/12" } } }""");
        var bundled = Ward("""{ "Ward": { "Name": "Phường Hải An" } }""");

        Assert.Equal((new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 18)),
            (ward.YearEnd.LastDayIn(2026), ward.YearEnd.DataCutOffIn(2026)));
        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 14)),
            (bundled.YearEnd.LastDayIn(2026), bundled.YearEnd.DataCutOffIn(2026)));
    }

    [Fact]
    public void Ward_YearEndCutOffAfterLastDay_RefusedNamingTheSetting()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => Ward("""{ "Ward": { "Name": "Xã Kiến Thụy", "YearEnd": { "DataCutOff": "16/12" } } }"""));

        Assert.Equal("Ward:YearEnd:DataCutOff", ex.Setting);
    }
}
