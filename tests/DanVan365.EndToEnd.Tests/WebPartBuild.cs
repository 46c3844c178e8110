using System.Diagnostics;

namespace DanVan365.EndToEnd.Tests;

/// <summary>Runs <c>bash webpart/build.sh</c> (the same script as .ci/run) when the web part bundle is missing.</summary>
internal static class WebPartBuild
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(25);

    public static async Task RunAsync(string repoRoot)
    {
        var start = new ProcessStartInfo("bash", ["webpart/build.sh"])
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"bash webpart/build.sh did not finish within {Limit.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', ((await output) + (await error)).Split('\n').TakeLast(30));
            throw new InvalidOperationException($"bash webpart/build.sh failed (exit {process.ExitCode}):\n{tail}");
        }
    }
}
