using System.Collections;
using DanVan365.Cli.Target;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Target;

public class CliSettingsTests
{
    [Fact]
    public void Build_PrefixedEnvironmentVariable_WinsOverTheSettingsFileOthersIgnored()
    {
        using var folder = new TempDir();
        var file = Path.Combine(folder.Path, "settings.json");
        File.WriteAllText(file, """{ "Integrity": { "SealKey": "from-file" }, "Ward": { "Name": "Phường Đông Hải" } }""");
        var target = new TargetSettings(folder.Path, null, null, null, null) { SettingsFile = file };
        var environment = new Hashtable
        {
            ["DANVAN365_Integrity__SealKey"] = "from-environment",
            ["Integrity__PreviousSealKey"] = "not ours",
        };

        var configuration = CliSettings.Build(target, environment);

        Assert.Equal("from-environment", configuration["Integrity:SealKey"]);
        Assert.Null(configuration["Integrity:PreviousSealKey"]);
        Assert.Equal("Phường Đông Hải", configuration["Ward:Name"]);
    }
}
