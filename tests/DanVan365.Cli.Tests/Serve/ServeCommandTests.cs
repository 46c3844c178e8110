using System.Net;
using System.Net.Sockets;
using System.Text;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Serve;

/// <summary>
/// `serve` on a clean clone: a local host page not built yet is built (with --build-webpart or after "y" at a terminal) or
/// the one command to run is named; a port in use is one sentence and exit 1. The web part folder is a fake whose build.sh
/// writes the page, so these tests run in seconds.
/// </summary>
public class ServeCommandTests
{
    private const string Ready = "Nhấn Ctrl+C để dừng.";
    private const string AsOf = "2026-05-20";

    /// <summary>A web part folder with a build.sh that writes the local host page (and says so), not yet built.</summary>
    private static string FakeWebPart(TempDir dir)
    {
        var folder = Directory.CreateDirectory(dir.File("webpart")).FullName;
        File.WriteAllText(Path.Combine(folder, "build.sh"), """
            set -eu
            cd "$(dirname "$0")"
            mkdir -p local-host/dist
            echo '<!DOCTYPE html><html lang="vi"><body>trang thử</body></html>' > local-host/index.html
            echo '// built' > local-host/dist/local-host.js
            echo "fake build done"
            """.Replace("\r", string.Empty, StringComparison.Ordinal), new UTF8Encoding(false));
        return folder;
    }

    private static Task<ConsoleRun> Run(TextReader? terminal, params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr, TimeProvider.System, terminal));

    [Fact]
    public async Task Serve_PageMissingNoTerminalNoFlag_NamesTheOneCommandAndExitsOneWithoutBuilding()
    {
        using var dir = new TempDir();
        var webPart = FakeWebPart(dir);

        var result = await Run(null, "serve", "--port", "0", "--data", dir.File("data"), "--webpart", webPart);

        Assert.Equal(CliApp.Failed, result.Exit);
        Assert.Contains("bash webpart/build.sh", result.Err, StringComparison.Ordinal);
        Assert.Contains("--build-webpart", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(webPart, "local-host", "index.html")));
    }

    [Fact]
    public async Task Serve_PageMissingAnswerNoAtTheTerminal_AsksThenNamesTheCommandWithoutBuilding()
    {
        using var dir = new TempDir();
        var webPart = FakeWebPart(dir);
        using var answer = new StringReader("\n");

        var result = await Run(answer, "serve", "--port", "0", "--data", dir.File("data"), "--webpart", webPart);

        Assert.Equal(CliApp.Failed, result.Exit);
        Assert.Contains("[c/K]", result.Out, StringComparison.Ordinal);
        Assert.Contains("bash webpart/build.sh", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(webPart, "local-host", "index.html")));
    }

    [Theory]
    [InlineData("c")]
    [InlineData(null)]
    public async Task Serve_PageMissingYesOrBuildWebPartFlag_BuildsThePageThenServesIt(string? answer)
    {
        using var dir = new TempDir();
        var webPart = FakeWebPart(dir);
        using var terminal = answer is null ? null : new StringReader(answer + "\n");
        using var stdout = new SignalWriter(Ready);
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        string[] args = ["serve", "--port", "0", "--data", dir.File("data"), "--webpart", webPart, "--as-of", AsOf];
        var run = CliApp.RunAsync(answer is null ? [.. args, "--build-webpart"] : args, stdout, stderr, TimeProvider.System, terminal,
            stop.Token);

        await Task.WhenAny(stdout.Seen, run).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.False(run.IsCompleted, stdout.Text + stderr);
        var address = stdout.Text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Theo dõi nhiệm vụ:", StringComparison.Ordinal))
            .Split(' ').Last().Split('?')[0];
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(address));
        await stop.CancelAsync();
        var exit = await run;

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("fake build done", stdout.Text, StringComparison.Ordinal);
        Assert.Contains("trang thử", page, StringComparison.Ordinal);
        Assert.Equal(answer is not null, stdout.Text.Contains("[c/K]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_PortAlreadyInUse_OneSentenceAndExitOne()
    {
        using var dir = new TempDir();
        var webPart = FakeWebPart(dir);
        Directory.CreateDirectory(Path.Combine(webPart, "local-host", "dist"));
        File.WriteAllText(Path.Combine(webPart, "local-host", "index.html"), "<!DOCTYPE html>");
        File.WriteAllText(Path.Combine(webPart, "local-host", "dist", "local-host.js"), "// built");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var result = await Run(null, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data",
                dir.File("data"), "--webpart", webPart, "--as-of", AsOf);

            Assert.Equal(CliApp.Failed, result.Exit);
            var sentence = $"Cổng {port} trên 127.0.0.1 đang được một chương trình khác sử dụng: "
                + "hãy dừng chương trình đó hoặc chọn cổng khác bằng --port.";
            Assert.Equal(sentence, result.Err.Trim());
            Assert.DoesNotContain("Exception", result.Out + result.Err, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }
}
