using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>
/// A ward's "Report" section (Wards:N:Report): bound and validated when the host starts, carried to the ward's use cases.
/// </summary>
public class WardReportSettingsTests
{
    [Fact]
    public void Start_WardReportSection_BoundIntoTheWardsContext()
    {
        var settings = WardSettingsHost.OneWard();
        settings["Wards:0:Report:Recipients:0"] = "Ban Dân vận Thành ủy";
        settings["Wards:0:Report:Recipients:1"] = "Sở Nội vụ thành phố";
        settings["Wards:0:Report:Signer"] = "Lê Thị Hoa";
        settings["Wards:0:Report:SignerCapacity:0"] = "TM. ỦY BAN NHÂN DÂN";
        settings["Wards:0:Report:SignerCapacity:1"] = "CHỦ TỊCH";

        var ward = WardRegistry.Build(WardSettingsHost.Bind(settings))[0];
        var identity = ward.Context.IdentityFor(ReportCatalogueBuilder.HaiAnDecision());

        Assert.Equal(["Ban Dân vận Thành ủy", "Sở Nội vụ thành phố"], identity.Recipients);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], identity.SignerCapacity);
        Assert.Equal("Lê Thị Hoa", identity.Signer);
        Assert.Equal("Lưu: VT, VHXH", identity.FilingLine);
    }

    [Fact]
    public void Start_NoReportSection_TheDecisionsClosing()
    {
        var ward = WardRegistry.Build(WardSettingsHost.Bind(WardSettingsHost.OneWard()))[0];
        var identity = ward.Context.IdentityFor(ReportCatalogueBuilder.HaiAnDecision());

        Assert.Equal("Bùi Quang Ngân", identity.Signer);
        Assert.Equal("TTĐU, TT HĐND phường", identity.Recipients[0]);
    }

    [Theory]
    [InlineData("Wards:0:Report:Recipients:0", "Lưu: VT, VP", "Wards:0:Report:Recipients:0")]
    [InlineData("Wards:0:Report:Signer", "Lê Thị Hoa", "Wards:0:Report:SignerCapacity")]
    [InlineData("Wards:0:Report:Filing", " ", "Wards:0:Report:Filing")]
    public void Start_BadReportSetting_FailsNamingIt(string key, string value, string named)
    {
        var settings = WardSettingsHost.OneWard();
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => WardSettingsHost.Bind(settings));

        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }
}
