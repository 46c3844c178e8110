using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>
/// A ward on a tenant starts only with its own unit directory of real people (Wards:N:UnitsFile): not the bundled Hải An
/// one, not placeholders under a reserved domain or without an object id. The local Microsoft 365 keeps the bundled one.
/// </summary>
public class WardUnitDirectoryAtStartTests
{
    [Fact]
    public void Start_TenantWardWithoutUnitsFile_FailsNamingWards0UnitsFile()
    {
        var settings = OnTenant();
        settings.Remove("Wards:0:UnitsFile");

        var error = Assert.Throws<OptionsValidationException>(() => WardSettingsHost.Bind(settings));

        Assert.Contains("'Wards:0:UnitsFile'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TenantWardOnTheBundledDirectory_FailsNamingThePlaceholderPeople()
    {
        var settings = OnTenant();
        settings["Wards:0:UnitsFile"] = TenantUnitDirectory.Bundled;

        var error = Assert.Throws<OptionsValidationException>(() => WardSettingsHost.Bind(settings));

        Assert.Contains("'Wards:0:UnitsFile'", error.Message, StringComparison.Ordinal);
        Assert.Contains("placeholder", error.Message, StringComparison.Ordinal);
        Assert.Contains("@haian.example.vn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@" + TenantUnitDirectory.Domain, "@phuong.invalid")]
    [InlineData("@" + TenantUnitDirectory.Domain, "@example.com")]
    [InlineData("\"objectId\": \"c664e2bc-8dc2-5dd9-ad1c-bc34ec8490a8\",", "")]
    public void Start_TenantWardWithOnePlaceholderPerson_Fails(string replace, string with)
    {
        using var folder = new TempDir();
        var text = TenantUnitDirectory.Text();
        var first = text.IndexOf(replace, StringComparison.Ordinal);
        Assert.True(first > 0, "the directory has no " + replace);
        var settings = OnTenant();
        settings["Wards:0:UnitsFile"] = folder.Write("units.json", text[..first] + with + text[(first + replace.Length)..]);

        var error = Assert.Throws<OptionsValidationException>(() => WardSettingsHost.Bind(settings));

        Assert.Contains("'Wards:0:UnitsFile'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 placeholder person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TenantWardWithRealPeople_Starts()
    {
        var ward = Assert.Single(WardRegistry.Build(WardSettingsHost.Bind(OnTenant())));

        Assert.All(ward.Units.People, p => Assert.EndsWith("@" + TenantUnitDirectory.Domain, p.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_LocalWardWithoutUnitsFile_StartsOnTheBundledDirectory()
    {
        var ward = Assert.Single(WardRegistry.Build(WardSettingsHost.Bind(WardSettingsHost.OneWard())));

        Assert.Contains(ward.Units.People, p => p.Email == HaiAnPeople.VpAssignee);
    }

    /// <summary>One ward on a tenant (not the local Graph), its own directory of real-looking people and a seal key.</summary>
    private static Dictionary<string, string?> OnTenant()
    {
        var settings = WardSettingsHost.OneWard();
        settings["M365:Local"] = "false";
        settings["M365:GraphBaseUrl"] = "https://graph.microsoft.com/v1.0";
        settings["M365:TenantId"] = "3f2b5a1c-0000-4000-8000-0000000000aa";
        settings["Wards:0:SiteUrl"] = "https://haian.sharepoint.com/sites/phuong-hai-an";
        settings["Integrity:SealKey"] = Convert.ToBase64String(new byte[32]);
        settings["Wards:0:UnitsFile"] = Units.Value;
        return settings;
    }

    private static readonly Lazy<string> Units = new(() => TenantUnitDirectory.Write(
        Path.Combine(Path.GetTempPath(), "danvan365-ward-units-" + Environment.ProcessId)));
}
