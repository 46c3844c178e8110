using System.Text;
using System.Text.RegularExpressions;
using DanVan365.Cli;
using DanVan365.Cli.Serve;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Time;
using Microsoft.Playwright;

namespace DanVan365.EndToEnd.Tests;

/// <summary>
/// `danvan365 demo` then `danvan365 serve --port 0` in-process on a temporary data folder, and Debian's Chromium driven by
/// Playwright. Fails (never skips) when the web part bundle was not built.
/// </summary>
public sealed partial class ServeFixture : IAsyncLifetime
{
    /// <summary>The day serve and status stand on.</summary>
    public const string AsOf = "2026-05-20";

    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _serve;
    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("danvan365-e2e-").FullName;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go (the test results folder).</summary>
    public static string ResultsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults",
        "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (ServePage.Find(TestData.RepoRoot) is null)
        {
            // The README's test command does all the set-up on a fresh machine: build the web part (Node 22 from npm,
            // npm ci, Heft) as Azurite is installed by the Functions tests. A failed build fails the tests loudly.
            await WebPartBuild.RunAsync(TestData.RepoRoot);
        }

        if (ServePage.Find(TestData.RepoRoot) is null)
        {
            throw new InvalidOperationException("The web part bundle is missing (webpart/local-host/dist/local-host.js) " +
                "after bash webpart/build.sh.");
        }

        var (demo, demoOut) = await CliAsync("demo", "--data", DataDirectory);
        Assert.True(demo == CliApp.Ok, "demo failed: " + demoOut);
        var output = new LockedWriter();
        _serve = CliApp.RunAsync(["serve", "--data", DataDirectory, "--port", "0", "--as-of", AsOf], output, output, TimeProvider.System,
            _stop.Token);
        await ExternalProcess.PollUntilAsync(() =>
        {
            if (AddressPattern().Match(output.Text) is { Success: true } match)
            {
                Address = new Uri(match.Value);
            }

            return Address is not null;
        }, TimeSpan.FromMinutes(1), () => _serve.IsCompleted);
        Assert.False(Address is null && _serve.IsCompleted, "serve stopped: " + output.Text);

        Assert.True(Address is not null, "serve did not print its address: " + output.Text);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>Runs a CLI command in-process; returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        var output = new LockedWriter();
        var code = await CliApp.RunAsync(args, output, output, TimeProvider.System);
        return (code, output.Text);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _stop.CancelAsync();
        if (_serve is not null)
        {
            await _serve;
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex AddressPattern();

    /// <summary>A writer both the test and the server thread use.</summary>
    private sealed class LockedWriter : StringWriter
    {
        private readonly StringBuilder _all = new();

        public string Text
        {
            get
            {
                lock (_all)
                {
                    return _all.ToString();
                }
            }
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_all)
            {
                _all.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_all)
            {
                _all.Append(value);
            }
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + Environment.NewLine);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServeFixture>
{
    public const string Name = "serve";
}
