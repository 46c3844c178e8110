using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Commands;

public class BenchDashboardCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr, TimeProvider.System));

    [Theory]
    [InlineData("--tasks", "0")]
    [InlineData("--tasks", "2001")]
    [InlineData("--runs", "0")]
    public async Task BenchDashboard_ValueOutOfRange_ExitsTwo(string option, string value)
    {
        var result = await Run("bench", "dashboard", option, value);

        Assert.Equal(CliApp.BadInput, result.Exit);
        Assert.Contains(option + " phải", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task BenchDashboard_SmallGeneratedWard_PrintsBothWardsWithTheirSizesAndRequests()
    {
        var result = await Run("bench", "dashboard", "--tasks", "40", "--runs", "1");

        Assert.True(result.Exit == CliApp.Ok, result.Err);
        var line = new Regex(@"^dashboard: ward=(\w+) tasks=(\d+) assignment-rows=(\d+) report-rows=(\d+) first-ms=\d+ " +
            @"first-requests=(\d+) first-ru=\d+ median-ms=\d+ min-ms=\d+ warm-requests=(\d+) warm-ru=\d+ bytes=(\d+) gzip=(\d+)\r?$",
            RegexOptions.Multiline);
        var wards = line.Matches(result.Out).ToList();
        Assert.Equal(["bundled", "generated"], wards.Select(m => m.Groups[1].Value));
        Assert.Equal("40", wards[1].Groups[2].Value);
        Assert.All(wards, m => Assert.True(Number(m, 4) > 0, "half of the units submitted round 1"));
        Assert.All(wards, m => Assert.InRange(Number(m, 8), 1, Number(m, 7) - 1));
        Assert.True(Number(wards[1], 3) > Number(wards[0], 3), "the larger ward has more Phân công rows");
        Assert.True(Number(wards[1], 7) > Number(wards[0], 7), "the larger ward's dashboard is larger");
        // Issue 25: through the Functions' path, a warm call neither reads the decision again nor looks the site up again.
        Assert.All(wards, m => Assert.InRange(Number(m, 6), 1, 3));
        Assert.All(wards, m => Assert.True(Number(m, 5) > Number(m, 6), "the cold call reads the decision and the site"));
    }

    private static long Number(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
