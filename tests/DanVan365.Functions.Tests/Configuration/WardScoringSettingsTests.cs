using DanVan365.Core.Defaults;
using DanVan365.Core.Scoring;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>A ward's scoring model (Wards:N:ScoringFile): loaded and validated when the host starts, carried to its use cases.</summary>
public class WardScoringSettingsTests
{
    private static readonly string Bundled = DefaultResources.ReadText(ScoringModelJson.DefaultResourcePath);

    [Fact]
    public void Start_NoScoringFile_TheBundledModel()
    {
        var ward = WardRegistry.Build(WardSettingsHost.Bind(WardSettingsHost.OneWard()))[0];

        Assert.Same(ScoringModelJson.LoadDefault(), ward.Context.Scoring);
    }

    [Fact]
    public void Start_WardScoringFile_BoundIntoTheWardsContext()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "scoring.json");
        File.WriteAllText(file, Bundled.Replace("\"coordinating\": 0.3", "\"coordinating\": 0.5", StringComparison.Ordinal));
        var settings = WardSettingsHost.OneWard();
        settings["Wards:0:ScoringFile"] = file;

        var ward = WardRegistry.Build(WardSettingsHost.Bind(settings))[0];

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
        var settings = WardSettingsHost.OneWard();
        settings["Wards:0:ScoringFile"] = file;

        var error = Assert.ThrowsAny<Exception>(() => WardRegistry.Build(WardSettingsHost.Bind(settings)));

        Assert.Contains("'Wards:0:ScoringFile'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{file}:{line}:", error.Message, StringComparison.Ordinal);
    }
}
