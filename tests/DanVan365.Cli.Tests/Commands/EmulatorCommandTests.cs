using System.Net;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Time;

namespace DanVan365.Cli.Tests.Commands;

public class EmulatorCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr, TimeProvider.System));

    [Theory]
    [InlineData("--wards", "0")]
    [InlineData("--wards", "501")]
    [InlineData("--cors-origin", "localhost:4321")]
    [InlineData("--cors-origin", "https://localhost:4321/app")]
    public async Task Emulator_BadWardsOrOrigin_ExitsTwoBeforeStarting(string option, string value)
    {
        using var data = new TempDir();

        var result = await Run("emulator", "--port", "0", "--data", data.Path, option, value);

        Assert.Equal(CliApp.BadInput, result.Exit);
        Assert.Contains(option + " phải", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.Empty(Directory.GetFileSystemEntries(data.Path));
    }

    [Fact]
    public async Task Emulator_WardsAndCorsOrigin_SeedsTheWardsAndAllowsOnlyThatOrigin()
    {
        using var data = new TempDir();
        using var printed = new StringWriter();
        using var stderr = new StringWriter();
        using var stdout = TextWriter.Synchronized(printed);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = CliApp.RunAsync(["emulator", "--port", "0", "--data", data.Path, "--wards", "3", "--cors-origin",
            "http://localhost:4321"], stdout, stderr, TimeProvider.System, stop.Token);
        await ExternalProcess.PollUntilAsync(() => Printed(stdout, printed).Contains("Press Ctrl+C", StringComparison.Ordinal),
            TimeSpan.FromMinutes(2), () => run.IsCompleted);

        var lines = Printed(stdout, printed).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.False(run.IsCompleted, Printed(stdout, printed) + stderr);
        Assert.Contains("  wards:    3", lines);
        var graph = new Uri(lines[0].Trim() + "/");
        using var http = new HttpClient();

        var allowed = await http.SendAsync(Preflight(new Uri(graph, "sites"), "http://localhost:4321"));
        var other = await http.SendAsync(Preflight(new Uri(graph, "sites"), "http://localhost:9999"));
        await stop.CancelAsync();
        var exit = await run;

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("http://localhost:4321", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(CliApp.Ok, exit);
    }

    /// <summary>What the command printed so far: the synchronized writer locks on itself while it writes.</summary>
    private static string Printed(TextWriter synchronized, StringWriter inner)
    {
        lock (synchronized)
        {
            return inner.ToString();
        }
    }

    private static HttpRequestMessage Preflight(Uri url, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return request;
    }
}
