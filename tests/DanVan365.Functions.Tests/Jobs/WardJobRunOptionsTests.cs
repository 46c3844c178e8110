using DanVan365.Core.Errors;
using DanVan365.Functions.Jobs;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Configuration;

namespace DanVan365.Functions.Tests.Jobs;

/// <summary>Issue 25: the run time limit is validated at start against the function timeout the host applies.</summary>
public class WardJobRunOptionsTests
{
    private static readonly string AppDirectory = Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Functions");

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Read_HostJson_TheFunctionTimeoutTheDefaultLimitFits()
    {
        var timeout = HostFunctionTimeout.Read(Settings(), AppDirectory);

        Assert.Equal(TimeSpan.FromMinutes(10), timeout);
        new WardJobRunOptions { FunctionTimeout = timeout }.Validate();
    }

    [Fact]
    public void Read_AppSettingOverride_WinsOverHostJson()
    {
        var timeout = HostFunctionTimeout.Read(Settings((HostFunctionTimeout.OverrideSetting, "00:05:00")), AppDirectory);

        Assert.Equal(TimeSpan.FromMinutes(5), timeout);
        var error = Assert.Throws<ConfigurationException>(() => new WardJobRunOptions { FunctionTimeout = timeout }.Validate());
        Assert.Equal("WardJobs:RunTimeLimit", error.Setting);
    }

    [Theory]
    [InlineData("00:09:30", "WardJobs:RunTimeLimit")]
    [InlineData("00:00:30", "WardJobs:RunTimeLimit")]
    public void Validate_LimitOutOfRange_NamesTheSetting(string limit, string setting)
    {
        var options = new WardJobRunOptions
        {
            RunTimeLimit = TimeSpan.Parse(limit, System.Globalization.CultureInfo.InvariantCulture),
            FunctionTimeout = TimeSpan.FromMinutes(10),
        };

        Assert.Equal(setting, Assert.Throws<ConfigurationException>(options.Validate).Setting);
    }

    [Fact]
    public void Validate_NoContinuationsAllowed_NamesTheSetting()
    {
        var options = new WardJobRunOptions { MaxContinuations = 0 };

        Assert.Equal("WardJobs:MaxContinuations", Assert.Throws<ConfigurationException>(options.Validate).Setting);
    }

    [Fact]
    public void Parse_Continuation_RoundTripsAndIsLeftOutOnAFirstRun()
    {
        var first = new WardJobMessage("hai-an", WardJob.EscalateDeadlines);
        var follow = first with { Continuation = 3 };

        Assert.DoesNotContain("continuation", first.ToJson(), StringComparison.Ordinal);
        Assert.Equal(follow, WardJobMessage.Parse(follow.ToJson()));
        Assert.Throws<FormatException>(() => WardJobMessage.Parse("""{"ward":"hai-an","job":"EscalateDeadlines","continuation":-1}"""));
    }
}
