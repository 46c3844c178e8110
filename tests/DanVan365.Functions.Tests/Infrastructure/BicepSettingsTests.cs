using DanVan365.Functions.Configuration;
using DanVan365.Functions.Dispatch;
using DanVan365.TestUtilities.Builders;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>The snapshot of infra/main.bicep with infra/main.hai-an.bicepparam, made once for the class.</summary>
public sealed class HaiAnSnapshotFixture
{
    public HaiAnSnapshotFixture()
    {
        var parameters = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.hai-an.bicepparam"));
        Run = BicepSnapshot.Run(parameters, BicepSettingsTests.HaiAnEnvironment());
    }

    public BicepRun Run { get; }

    public BicepSnapshot Snapshot => Run.Snapshot ?? throw new Xunit.Sdk.XunitException("bicep snapshot failed:\n" + Run.Output);
}

/// <summary>
/// infra/main.bicep compiled with the Bicep CLI: the app settings it writes go through the Functions' own start-up
/// (AddDanVan365Functions + the start validation the host runs), every one of them is read by the app or the Functions
/// host, and the deployment's shape (roles, queues, alert) matches what the code uses.
/// </summary>
[Collection(BicepSnapshotCollection.Name)]
public class BicepSettingsTests(HaiAnSnapshotFixture haiAn)
{
    private const string ApiClientId = "5c2d8e1f-3a4b-4c5d-9e6f-7a8b9c0d1e2f";

    /// <summary>
    /// Settings read by the Functions host (not by the worker's code), each documented by the host:
    /// identity-based AzureWebJobsStorage (credential; accountName and clientId are also read by StorageWardJobQueue),
    /// https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity;
    /// AzureWebJobsFeatureFlags and APPLICATIONINSIGHTS_*,
    /// https://learn.microsoft.com/azure/azure-functions/functions-app-settings; AzureFunctionsJobHost__* override host.json
    /// (the queue trigger's batchSize and newBatchThreshold), https://learn.microsoft.com/azure/azure-functions/
    /// functions-host-json#override-hostjson-values.
    /// </summary>
    private static readonly string[] HostSettings =
    [
        "AzureFunctionsJobHost__extensions__queues__batchSize",
        "AzureFunctionsJobHost__extensions__queues__newBatchThreshold",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsFeatureFlags",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>The ward's own directory of real-looking people (a ward on a tenant refuses the bundled placeholders).</summary>
    private static readonly Lazy<string> TenantUnits = new(() => TenantUnitDirectory.Write(
        Path.Combine(Path.GetTempPath(), "danvan365-bicep-units-" + Environment.ProcessId)));

    private static string UnitsFile => TenantUnits.Value;

    public static Dictionary<string, string?> HaiAnEnvironment() => new()
    {
        ["DANVAN_SHAREPOINT_HOST"] = "contoso.sharepoint.com",
        ["DANVAN_HAIAN_GROUP_ID"] = "3f2b5a1c-0000-4000-8000-000000000001",
        ["DANVAN_HAIAN_MAILBOX"] = "danvan.haian@contoso.example",
        ["DANVAN_API_CLIENT_ID"] = ApiClientId,
        ["DANVAN_ALERT_EMAIL"] = "it@contoso.example",
        ["DANVAN_HAIAN_UNITS_FILE"] = UnitsFile,
    };

    [Fact]
    public void Start_HaiAnParameters_PassesTheFunctionsStartValidation()
    {
        var settings = haiAn.Snapshot.AppSettings();

        using var app = StartedApp.Start(settings);

        var ward = Assert.Single(app.Services.GetRequiredService<IWardRegistry>().All);
        Assert.Equal("hai-an", ward.Id);
        Assert.Equal("Dân vận 2026 – Phường Hải An", ward.PlanTitle);
        Assert.Equal("https://contoso.sharepoint.com/sites/phuong-hai-an", ward.Graph.SiteUrl);
        Assert.Equal("danvan.haian@contoso.example", ward.Graph.SenderMailbox);
        Assert.Equal(BicepSnapshot.IdentityClientId, ward.Graph.ClientId);
        Assert.Equal(BicepSnapshot.TenantId, ward.Graph.TenantId);
    }

    [Fact]
    public void Start_HaiAnParameters_EverySettingIsReadByTheAppOrTheHost()
    {
        var settings = haiAn.Snapshot.AppSettings();

        using var app = StartedApp.Start(settings);

        var unread = settings.Keys
            .Where(name => !HostSettings.Contains(name, StringComparer.Ordinal))
            .Where(name => !app.Configuration.WasRead(ReadTrackingConfiguration.ToKey(name)))
            .ToList();
        Assert.True(unread.Count == 0, "app settings nothing reads: " + string.Join(", ", unread));
        Assert.All(HostSettings, name => Assert.Contains(name, settings.Keys));
    }

    [Fact]
    public void Snapshot_HaiAnParameters_SealKeyIsAKeyVaultReferenceTheIdentityMayRead()
    {
        var raw = haiAn.Snapshot.RawAppSettings();

        var reference = raw["Integrity__SealKey"];
        Assert.Matches(@"^@Microsoft\.KeyVault\(VaultName=kv[a-z0-9]+;SecretName=seal-key\)$", reference);
        var vault = Assert.Single(haiAn.Snapshot.Resources("Microsoft.KeyVault/vaults"));
        var properties = vault.GetProperty("properties");
        Assert.True(properties.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(properties.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.Contains(vault.GetProperty("name").GetString()!, reference, StringComparison.Ordinal);
        var site = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Web/sites"));
        Assert.Contains("userAssignedIdentities", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString()!,
            StringComparison.Ordinal);
        // Key Vault Secrets User (4633458b-…) on the vault, for the app's identity, and no secret in the template.
        Assert.Contains(haiAn.Snapshot.Resources("Microsoft.Authorization/roleAssignments"), r =>
            r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.EndsWith("4633458b-17de-408a-b874-0445c86b69e6",
                StringComparison.Ordinal));
        Assert.Empty(haiAn.Snapshot.Resources("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public void Start_HaiAnParameters_ValidatesTokensOfTheApiRegistration()
    {
        using var app = StartedApp.Start(haiAn.Snapshot.AppSettings());

        // Microsoft.Identity.Web builds the bearer scheme from the AzureAd section.
        const string scheme = JwtBearerDefaults.AuthenticationScheme;
        var identity = app.Services.GetRequiredService<IOptionsMonitor<MicrosoftIdentityOptions>>().Get(scheme);
        var bearer = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(scheme);

        Assert.Equal(ApiClientId, identity.ClientId);
        Assert.Equal(BicepSnapshot.TenantId, identity.TenantId);
        Assert.StartsWith($"https://login.microsoftonline.com/{BicepSnapshot.TenantId}", bearer.Authority, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TwoWardsEachWithItsUnitDirectory_BindsBothWards()
    {
        var run = BicepSnapshot.Run(TwoWards(secondUnitsFile: UnitsFile), HaiAnEnvironment());
        var settings = (run.Snapshot ?? throw new Xunit.Sdk.XunitException(run.Output)).AppSettings();

        using var app = StartedApp.Start(settings);

        var wards = app.Services.GetRequiredService<IWardRegistry>().All;
        Assert.Equal(["hai-an", "dong-hai"], wards.Select(w => w.Id));
        Assert.Equal("https://contoso.sharepoint.com/sites/phuong-dong-hai", wards[1].Graph.SiteUrl);
        Assert.Equal("danvan.donghai@contoso.example", wards[1].Graph.SenderMailbox);
    }

    [Fact]
    public void Snapshot_TwoWardsOneWithoutUnitDirectory_IsRefusedNamingUnitsFile()
    {
        var run = BicepSnapshot.Run(TwoWards(secondUnitsFile: null), HaiAnEnvironment());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Null(run.Snapshot);
        Assert.Contains("unitsFile", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_HaiAnParametersOnTheBundledDirectory_FailsNamingWards0UnitsFile()
    {
        var environment = HaiAnEnvironment();
        environment["DANVAN_HAIAN_UNITS_FILE"] = TenantUnitDirectory.Bundled;
        var run = BicepSnapshot.Run(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.hai-an.bicepparam")), environment);
        var settings = (run.Snapshot ?? throw new Xunit.Sdk.XunitException(run.Output)).AppSettings();

        var error = Assert.Throws<OptionsValidationException>(() => StartedApp.Start(settings).Dispose());

        Assert.Contains("'Wards:0:UnitsFile'", error.Message, StringComparison.Ordinal);
        Assert.Contains("placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_ParametersWithoutApiClientId_IsRefused()
    {
        var environment = HaiAnEnvironment();
        environment["DANVAN_API_CLIENT_ID"] = null;
        var parameters = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.hai-an.bicepparam"));

        var run = BicepSnapshot.Run(parameters, environment);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Null(run.Snapshot);
        Assert.Contains("DANVAN_API_CLIENT_ID", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_ParametersFileWithoutApiClientId_IsRefusedNamingTheParameter()
    {
        var parameters = TwoWards(secondUnitsFile: UnitsFile)
            .Replace($"param apiClientId = '{ApiClientId}'", string.Empty, StringComparison.Ordinal);

        var run = BicepSnapshot.Run(parameters, HaiAnEnvironment());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("apiClientId", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A city's parameters: Hải An and Đông Hải, the second ward's unit directory given or not.</summary>
    private static string TwoWards(string? secondUnitsFile) => $$"""
        using './main.bicep'

        param location = 'southeastasia'
        param namePrefix = 'danvan-city'
        param wards = [
          {
            id: 'hai-an'
            name: 'Phường Hải An'
            planTitle: 'Dân vận 2026 – Phường Hải An'
            siteUrl: 'https://contoso.sharepoint.com/sites/phuong-hai-an'
            groupId: '3f2b5a1c-0000-4000-8000-000000000001'
            senderMailbox: 'danvan.haian@contoso.example'
            unitsFile: '{{UnitsFile}}'
          }
          {
            id: 'dong-hai'
            name: 'Phường Đông Hải'
            planTitle: 'Dân vận 2026 – Phường Đông Hải'
            siteUrl: 'https://contoso.sharepoint.com/sites/phuong-dong-hai'
            groupId: '3f2b5a1c-0000-4000-8000-000000000002'
            senderMailbox: 'danvan.donghai@contoso.example'
            {{(secondUnitsFile is null ? string.Empty : $"unitsFile: '{secondUnitsFile}'")}}
          }
        ]
        param apiClientId = '{{ApiClientId}}'
        param alertEmails = ['it@contoso.example']
        """;
}

/// <summary>
/// The Functions' services over app settings, started as the host starts them: AddDanVan365Functions, then the
/// start-up validation (ValidateOnStart), then the singletons the triggers need.
/// </summary>
internal sealed class StartedApp : IDisposable
{
    private StartedApp(ReadTrackingConfiguration configuration, ServiceProvider services)
    {
        Configuration = configuration;
        Services = services;
    }

    public ReadTrackingConfiguration Configuration { get; }

    public ServiceProvider Services { get; }

    public static StartedApp Start(IReadOnlyDictionary<string, string> appSettings)
    {
        var tracking = new ReadTrackingConfiguration(appSettings);
        var configuration = new ConfigurationBuilder().Add(tracking).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDanVan365Functions(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            provider.GetRequiredService<IWardRegistry>();
            provider.GetRequiredService<IWardJobQueue>();
            provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
            return new StartedApp(tracking, provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public void Dispose() => Services.Dispose();
}
