using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests;

public class ConfigurationTests
{
    private const string Graph = "http://127.0.0.1:5999/v1.0";
    private const string Site = "https://haian.sharepoint.com/sites/phuong-hai-an";
    private const string Group = "3f2b5a1c-0000-4000-8000-000000000001";

    /// <summary>Runs the host's start-up validation (what ValidateOnStart does when the host starts).</summary>
    /// <summary>A directory of real-looking people (a tenant's ward refuses the bundled placeholders).</summary>
    private static readonly Lazy<string> TenantUnits = new(() => TenantUnitDirectory.Write(
        Path.Combine(Path.GetTempPath(), "danvan365-config-tests-" + Environment.ProcessId)));

    private static void Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddDanVan365Functions(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static Dictionary<string, string?> Valid(bool twoWards = true) => TestApp.Settings(Graph, Site, Group, twoWards);

    [Fact]
    public void Start_ValidSettings_Starts()
    {
        Start(Valid());
    }

    [Theory]
    [InlineData("Wards:1:SiteUrl", "not a url", "Wards:1:SiteUrl")]
    [InlineData("Wards:1:Id", "", "Wards:1:Id")]
    [InlineData("Wards:1:Id", "Hai An", "Wards:1:Id")]
    [InlineData("Wards:1:Id", "hai-an", "Wards:1:Id")]
    [InlineData("Wards:0:PlanTitle", "", "Wards:0:PlanTitle")]
    [InlineData("Wards:0:Name", null, "Wards:0:Name")]
    [InlineData("Wards:1:UnitsFile", "/no/such/units.json", "Wards:1:UnitsFile")]
    [InlineData("Wards:0:SenderMailbox", "ubnd", "Wards:0:SenderMailbox")]
    [InlineData("M365:MaxAttempts", "50", "M365:MaxAttempts")]
    [InlineData("AzureAd:ClientId", "", "AzureAd:ClientId")]
    [InlineData("AzureAd:TenantId", "contoso", "AzureAd:TenantId")]
    public void Start_BadSetting_FailsNamingIt(string key, string? value, string named)
    {
        var settings = Valid();
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoWards_FailsNamingWards()
    {
        var settings = Valid(twoWards: false);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Wards:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("'Wards'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TenantWithoutTenantId_FailsNamingM365TenantId()
    {
        var settings = Valid();
        settings["M365:Local"] = "false";
        settings["M365:GraphBaseUrl"] = "https://graph.microsoft.com/v1.0";

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("'M365:TenantId'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "'Integrity:SealKey'")]
    [InlineData("AAAA", "'Integrity:SealKey'")]
    public void Start_TenantWithoutUsableSealKey_FailsNamingIntegritySealKey(string? key, string named)
    {
        var settings = Valid();
        settings["M365:Local"] = "false";
        settings["M365:GraphBaseUrl"] = "https://graph.microsoft.com/v1.0";
        settings["M365:TenantId"] = "3f2b5a1c-0000-4000-8000-0000000000aa";
        settings["Wards:0:UnitsFile"] = TenantUnits.Value;
        settings["Wards:1:UnitsFile"] = TenantUnits.Value;
        settings["Integrity:SealKey"] = key;

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WardWithoutSiteOrGroup_FallsBackToM365Section()
    {
        var settings = new FunctionsSettings
        {
            M365 = new() { Local = true, GraphBaseUrl = Graph, SiteUrl = Site, GroupId = Group, SenderMailbox = "ubnd@haian.example.vn" },
            Wards = [new() { Id = "hai-an", Name = "Phường Hải An", PlanTitle = "Dân vận 2026 – Phường Hải An" }],
        };

        var ward = Assert.Single(WardRegistry.Build(settings));

        Assert.Equal(Site, ward.Graph.SiteUrl);
        Assert.Equal(Group, ward.Graph.GroupId);
        Assert.Equal("ubnd@haian.example.vn", ward.Graph.SenderMailbox);
        Assert.NotEmpty(ward.Units.Units);
    }

    [Fact]
    public void SampleSettings_EverySettingTheAppReads_IsDocumented()
    {
        var path = Path.Combine(TestUtilities.TestData.RepoRoot, "functions", "DanVan365.Functions", "local.settings.sample.json");
        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var name in new[] { "M365__TenantId", "M365__ClientId", "M365__Credential", "M365__SiteUrl", "M365__GroupId",
            "M365__SenderMailbox", "Wards__0__Id", "Wards__0__Name", "Wards__0__PlanTitle", "Wards__0__SiteUrl", "Wards__0__GroupId",
            "Wards__0__UnitsFile", "Wards__0__SenderMailbox", "AzureAd__TenantId", "AzureAd__ClientId", "AzureWebJobsStorage" })
        {
            Assert.Contains(name, values);
        }

        // The sample carries no secrets: no keys, passwords or connection strings with an account key.
        Assert.DoesNotContain("AccountKey", sample.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Secret", sample.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
