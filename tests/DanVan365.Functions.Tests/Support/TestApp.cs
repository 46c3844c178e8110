using DanVan365.Core.Sync;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.Functions.Tests.Support;

/// <summary>Queue messages kept in memory (the Azurite test uses the real queue).</summary>
public sealed class InMemoryWardJobQueue : IWardJobQueue
{
    public List<string> Messages { get; } = [];

    public Task EnqueueAsync(WardJobMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (Messages)
        {
            Messages.Add(message.ToJson());
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The Functions' own service registration (<see cref="FunctionsSetup.AddDanVan365Functions"/>) over settings that
/// point at the harness's local Graph, with the harness clock and a chosen queue.
/// </summary>
public sealed class TestApp : IDisposable
{
    public const string GoodWard = "hai-an";
    public const string BadWard = "khong-ton-tai";
    public const string PlanTitle = "Dân vận 2026 – Phường Hải An";

    private readonly ServiceProvider _services;

    public TestApp(WardHarness harness, IWardJobQueue? queue = null, bool withBadWard = false,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(harness);
        var options = harness.Options();
        var settings = Settings(options.GraphBaseUrl, options.SiteUrl!, options.GroupId!, withBadWard);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDanVan365Functions(configuration);
        services.AddSingleton<TimeProvider>(harness.Clock);
        Queue = queue ?? new InMemoryWardJobQueue();
        services.AddSingleton(Queue);
        services.AddSingleton<ScheduledFunctions>();
        services.AddSingleton<RunWardJobFunction>();
        services.AddSingleton<AdminFunctions>();
        services.AddSingleton<ReporterFunctions>();
        services.AddSingleton<PortalFunctions>();
        services.AddSingleton<ReturnFunctions>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IWardJobQueue Queue { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The settings of a test app: one ward on the harness's site, and optionally one on a site that does not exist.</summary>
    public static Dictionary<string, string?> Settings(string graphBaseUrl, string siteUrl, string groupId, bool withBadWard)
    {
        var settings = new Dictionary<string, string?>
        {
            ["M365:Local"] = "true",
            ["M365:GraphBaseUrl"] = graphBaseUrl,
            ["M365:MaxAttempts"] = "2",
            ["M365:SenderMailbox"] = "ubnd@haian.example.vn",
            ["Wards:0:Id"] = GoodWard,
            ["Wards:0:Name"] = "Phường Hải An",
            ["Wards:0:PlanTitle"] = PlanTitle,
            ["Wards:0:SiteUrl"] = siteUrl,
            ["Wards:0:GroupId"] = groupId,
            ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureAd:ClientId"] = "66666666-7777-8888-9999-000000000000",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        };
        if (withBadWard)
        {
            settings["Wards:1:Id"] = BadWard;
            settings["Wards:1:Name"] = "Phường Không Tồn Tại";
            settings["Wards:1:PlanTitle"] = "Dân vận 2026 – Phường Không Tồn Tại";
            settings["Wards:1:SiteUrl"] = "https://haian.sharepoint.com/sites/khong-ton-tai";
            settings["Wards:1:GroupId"] = groupId;

            // With two wards each names its unit directory (WardRegistry refuses the bundled default for more than one).
            var units = Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn", "units.json");
            settings["Wards:0:UnitsFile"] = units;
            settings["Wards:1:UnitsFile"] = units;
        }

        return settings;
    }

    /// <summary>Provisions the harness's ward site and uploads the Hải An decision into "Quyết định", as a ward clerk would.</summary>
    public static async Task UploadDecisionAsync(WardHarness harness, string fileName = "qd-673-2026-hai-an.txt", byte[]? content = null)
    {
        ArgumentNullException.ThrowIfNull(harness);
        using var session = harness.NewSession();
        var catalogue = Catalogue;
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(catalogue.Decision), CancellationToken.None);
        using var publisher = harness.NewPublisherSession();
        await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, fileName,
            content ?? await File.ReadAllBytesAsync(TestData.DecisionTextPath), CancellationToken.None);
    }

    public void Dispose() => _services.Dispose();
}
