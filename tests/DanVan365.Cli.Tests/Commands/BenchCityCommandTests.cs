using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Commands;

public partial class BenchCityCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr, TimeProvider.System));

    [Theory]
    [InlineData("--wards", "0")]
    [InlineData("--wards", "501")]
    [InlineData("--time-scale", "0")]
    [InlineData("--time-scale", "-2")]
    [InlineData("--time-scale", "601")]
    [InlineData("--instances", "0")]
    [InlineData("--instances", "21")]
    [InlineData("--declared", "0")]
    [InlineData("--declared", "101")]
    [InlineData("--ru-per-minute", "9")]
    [InlineData("--planner-per-minute", "0")]
    public async Task BenchCity_ValueOutOfRange_ExitsTwoNamingTheOption(string option, string value)
    {
        var result = await Run("bench", "city", option, value);

        Assert.Equal(CliApp.BadInput, result.Exit);
        Assert.Contains(option + " phải", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("--wards", "hai")]
    [InlineData("--time-scale", "nhanh")]
    [InlineData("--instances", "1.5")]
    public async Task BenchCity_NotANumber_ExitsTwoWithParseError(string option, string value)
    {
        var result = await Run("bench", "city", option, value);

        Assert.Equal(CliApp.BadInput, result.Exit);
        Assert.Contains(value, result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task BenchCity_TwoWards_PrintsThreePhasesUnthrottledAndTheMinimum()
    {
        var result = await Run("bench", "city", "--wards", "2", "--time-scale", "60");

        Assert.True(result.Exit == CliApp.Ok, result.Err);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var matched = lines.Select(l => Phase().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(["first", "resync", "escalation"], matched.Select(m => m.Groups[1].Value));
        Assert.All(matched, m => Assert.Equal("0", m.Groups[4].Value));
        Assert.All(matched, m => Assert.Equal("0", m.Groups[8].Value));
        var first = matched[0];
        var resync = matched[1];
        Assert.True(Number(first, 3) > Number(resync, 3), "an identical re-sync costs less than the first sync");
        Assert.True(Number(first, 6) > 0, "a first sync creates the Planner tasks");

        var minimum = Regex.Match(result.Out, @"^city: minimum-ru-per-ward=(\d+) first-ru-per-ward=([\d.]+) factor=([\d.]+)\r?$",
            RegexOptions.Multiline);
        Assert.True(minimum.Success, result.Out);
        var perWard = double.Parse(minimum.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Equal(Number(first, 3) / 2.0, perWard, 1);
        Assert.True(int.Parse(minimum.Groups[1].Value, CultureInfo.InvariantCulture) <= perWard, "the minimum is a lower bound");
        Assert.Contains(lines, l => l.StartsWith("city: minimum = find the site by path 1×1;", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^city: phase=(\w+) wards=\d+ instances=\d+ declared=\d+ requests=(\d+) ru=(\d+) throttled=(\d+) " +
        @"throttled-share=([\d.]+)% seconds=[\d.]+ bound=[\d.]+ ratio=[\d.]+ ru/ward=[\d.]+ planner=(\d+) planner-bound=[\d.]+ " +
        @"mails=(\d+) failed=(\d+) share-cuts=\d+ shares=[\d./]+$")]
    private static partial Regex Phase();

    private static long Number(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
