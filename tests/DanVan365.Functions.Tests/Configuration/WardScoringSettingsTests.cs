using DanVan365.Core.Defaults;
using DanVan365.Core.Scoring;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>A ward's scoring model (Wards:N:ScoringFile): loaded and validated when the host starts, carried to its use cases.</summary>
public class WardScoringSettingsTests
{
    private const string Graph = "http://127.0.0.1:5999/v1.0";
    private const string Site = "https://haian.sharepoint.com/sites/phuong-hai-an";
    private const string Group = "3f2b5a1c-0000-4000-8000-000000000001";

    private static readonly string Bundled = DefaultResources.ReadText(ScoringModelJson.DefaultResourcePath);

    private static FunctionsSettings Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddDanVan365Functions(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<FunctionsSettings>>().Value;
    }

    [Fact]
    public void Start_NoScoringFile_TheBundledModel()
    {
        var ward = WardRegistry.Build(Bind(TestApp.Settings(Graph, Site, Group, withBadWard: false)))[0];

        Assert.Same(ScoringModelJson.LoadDefault(), ward.Context.Scoring);
    }

    [Fact]
    public void Start_WardScoringFile_BoundIntoTheWardsContext()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "scoring.json");
        File.WriteAllText(file, Bundled.Replace("\"coordinating\": 0.3", "\"coordinating\": 0.5", StringComparison.Ordinal));
        var settings = TestApp.Settings(Graph, Site, Group, withBadWard: false);
        settings["Wards:0:ScoringFile"] = file;

        var ward = WardRegistry.Build(Bind(settings))[0];

        Assert.Equal(0.5, ward.Context.Scoring.Roles.Coordinating);
    }

    [Fact]
    public void Start_BadScoringFile_FailsNamingTheSettingAndTheLine()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "scoring.json");
        var json = Bundled.Replace("\"excellent\": 90", "\"excellent\": 120", StringComparison.Ordinal);
        File.WriteAllText(file, json);
        var line = json[..json.IndexOf("\"excellent\": 120", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var settings = TestApp.Settings(Graph, Site, Group, withBadWard: false);
        settings["Wards:0:ScoringFile"] = file;

        var error = Assert.ThrowsAny<Exception>(() => WardRegistry.Build(Bind(settings)));

        Assert.Contains("'Wards:0:ScoringFile'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{file}:{line}:", error.Message, StringComparison.Ordinal);
    }
}
