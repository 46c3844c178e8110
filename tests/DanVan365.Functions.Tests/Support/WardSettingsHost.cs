using DanVan365.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Support;

/// <summary>
/// The ward-settings tests' shared set-up: one ward's settings as a deployment has them, and the Functions' start-up
/// that binds and validates them (nothing is called on Microsoft 365).
/// </summary>
internal static class WardSettingsHost
{
    private const string Graph = "http://127.0.0.1:5999/v1.0";
    private const string Site = "https://haian.sharepoint.com/sites/phuong-hai-an";
    private const string Group = "3f2b5a1c-0000-4000-8000-000000000001";

    /// <summary>One good ward (Wards:0) on a local Graph address, to be changed by the test.</summary>
    public static Dictionary<string, string?> OneWard() => TestApp.Settings(Graph, Site, Group, withBadWard: false);

    /// <summary>Binds and validates the settings as the host does at start; a bad setting throws OptionsValidationException.</summary>
    public static FunctionsSettings Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddDanVan365Functions(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<FunctionsSettings>>().Value;
    }
}
