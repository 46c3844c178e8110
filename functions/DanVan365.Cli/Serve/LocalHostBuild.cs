using System.Diagnostics;

namespace DanVan365.Cli.Serve;

/// <summary>
/// What `serve` does when the local host page is not built: with --build-webpart it runs webpart/build.sh; at a terminal it
/// asks first (c/K, có/không; "y" is accepted too); otherwise it names the one command to run. Never starts a server that can
/// only answer "not built".
/// </summary>
internal static class LocalHostBuild
{
    public const string Question =
        "Trang chạy thử các phần web chưa được dựng. Dựng ngay bằng lệnh " + ServePage.BuildCommand +
        " (lần đầu mất khoảng 3–5 phút)? [c/K] ";

    public const string RunThis = "Trang chạy thử các phần web chưa được dựng. Hãy chạy lệnh " + ServePage.BuildCommand +
        " một lần (hoặc danvan365 serve --build-webpart để lệnh serve tự dựng), rồi chạy lại danvan365 serve.";

    public const string NoWebPart = "Không tìm thấy thư mục webpart (có build.sh) cạnh chương trình hay ở các thư mục phía trên: " +
        "chạy serve trong kho mã DanVan365 hoặc chỉ thư mục đó bằng --webpart.";

    /// <summary>The built page folder, building it when allowed; null (after saying why on stderr) when there is none.</summary>
    /// <param name="context">Where to print and the terminal to ask on.</param>
    /// <param name="webPartFolder">The web part folder (holding build.sh), or null when none was found.</param>
    /// <param name="buildRequested">--build-webpart: build without asking.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public static async Task<string?> EnsureAsync(CliContext context, string? webPartFolder, bool buildRequested,
        CancellationToken cancellationToken)
    {
        if (webPartFolder is not null && ServePage.PageIn(webPartFolder) is { } built)
        {
            return built;
        }

        var script = webPartFolder is null ? null : ServePage.BuildScriptIn(webPartFolder);
        if (script is null)
        {
            await context.Error.WriteLineAsync(NoWebPart).ConfigureAwait(false);
            return null;
        }

        if (!buildRequested && !await AskAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await context.Error.WriteLineAsync(RunThis).ConfigureAwait(false);
            return null;
        }

        await context.Out.WriteLineAsync($"Đang dựng trang chạy thử các phần web: {ServePage.BuildCommand} …").ConfigureAwait(false);
        var exit = await RunAsync(context, script, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            await context.Error.WriteLineAsync($"{ServePage.BuildCommand} không thành công (mã thoát {exit}); xem thông báo ở trên.")
                .ConfigureAwait(false);
            return null;
        }

        var page = ServePage.PageIn(webPartFolder!);
        if (page is null)
        {
            await context.Error.WriteLineAsync(ServePage.NotBuilt).ConfigureAwait(false);
        }

        return page;
    }

    private static async Task<bool> AskAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Terminal is null)
        {
            return false;
        }

        await context.Out.WriteAsync(Question).ConfigureAwait(false);
        await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = (await context.Terminal.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty).Trim();
        return answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || answer.Equals("c", StringComparison.OrdinalIgnoreCase) || answer.Equals("có", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs bash on the script in its repository root, passing each line it prints on.</summary>
    private static async Task<int> RunAsync(CliContext context, string script, CancellationToken cancellationToken)
    {
        var webPart = Path.GetDirectoryName(script)!;
        var start = new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = Path.GetDirectoryName(webPart) ?? webPart,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var output = PassOnAsync(process.StandardOutput, context.Out, cancellationToken);
        var error = PassOnAsync(process.StandardError, context.Error, cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    private static async Task PassOnAsync(StreamReader from, TextWriter to, CancellationToken cancellationToken)
    {
        while (await from.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lock (to)
            {
                to.WriteLine(line);
            }
        }
    }
}
