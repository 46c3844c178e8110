using System.Diagnostics;

namespace DanVan365.TestUtilities.Tools;

/// <summary>
/// Installs what a test needs when it is missing, so `dotnet test DanVan365.sln` works on a fresh machine with the
/// .NET SDK and Node.js: Debian packages through apt-get (as root, or with password-less sudo) and npm packages from a
/// committed package-lock.json. `.ci/run` installs the same up front. When an install is impossible the caller fails
/// with its own message; nothing is skipped.
/// </summary>
public static class TestTools
{
    private static readonly Lock Gate = new();
    private static bool _aptUpdated;

    /// <summary>True when <paramref name="command"/> is on PATH (or in /usr/bin).</summary>
    public static bool OnPath(string command) => Find(command) is not null;

    /// <summary>Full path of a command on PATH, or null.</summary>
    public static string? Find(string command)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Installs Debian packages when <paramref name="command"/> is missing; returns whether it is there now.</summary>
    public static bool EnsureDebianPackages(string command, params string[] packages)
    {
        lock (Gate)
        {
            if (OnPath(command) || !OnPath("apt-get"))
            {
                return OnPath(command);
            }

            var sudo = Environment.UserName == "root" ? null : Find("sudo");
            if (Environment.UserName != "root" && sudo is null)
            {
                return false;
            }

            if (!_aptUpdated)
            {
                Run(sudo, "apt-get", ["update", "-qq"], TimeSpan.FromMinutes(5));
                _aptUpdated = true;
            }

            Run(sudo, "apt-get", ["install", "-y", "-qq", .. packages], TimeSpan.FromMinutes(10));
            return OnPath(command);
        }
    }

    /// <summary>Runs `npm ci` in <paramref name="directory"/> when <paramref name="marker"/> (under it) is missing.</summary>
    public static bool EnsureNpmInstall(string directory, string marker)
    {
        lock (Gate)
        {
            if (File.Exists(Path.Combine(directory, marker)))
            {
                return true;
            }

            if (Find("npm") is null)
            {
                return false;
            }

            Run(null, "npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(8), directory);
            return File.Exists(Path.Combine(directory, marker));
        }
    }

    private static void Run(string? sudo, string command, string[] arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(sudo ?? Find(command) ?? command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (sudo is not null)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(command);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        _ = stdout.Result + stderr.Result;
    }
}
