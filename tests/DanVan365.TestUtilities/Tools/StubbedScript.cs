using System.Diagnostics;

namespace DanVan365.TestUtilities.Tools;

/// <summary>
/// Runs one of infra/'s bash scripts with a stub of the tool it drives (az, npx) first on PATH: the stub is a small bash
/// script that records its calls in the file STUB_LOG names and answers what the test needs.
/// </summary>
public static class StubbedScript
{
    /// <summary>Writes an executable stub command named <paramref name="name"/> into <paramref name="dir"/>.</summary>
    public static void WriteStub(TempDir dir, string name, string bashBody)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var stub = dir.Write(name, "#!/usr/bin/env bash\n" + bashBody);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Runs `bash` with <paramref name="arguments"/> (the script first), the stubs of <paramref name="dir"/> on PATH
    /// and STUB_LOG set to <paramref name="logName"/> in it; returns the exit code and both outputs.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(TempDir dir, string logName, IEnumerable<string> arguments,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = dir.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["STUB_LOG"] = Path.Combine(dir.Path, logName);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
