using System.CommandLine;
using System.Runtime.InteropServices;
using DanVan365.LocalM365;

namespace DanVan365.Cli.Target;

/// <summary>
/// How the CLI starts the local Microsoft 365 and keeps it up: one set of options for a data folder (used by `emulator` and
/// by every local command's session, `serve` included), and the wait until Ctrl+C or SIGTERM of the long-running commands.
/// </summary>
public static class LocalGraphStart
{
    /// <summary>Sub-folder of the data folder where sent mail lands as .eml.</summary>
    public const string OutboxFolder = "outbox";

    /// <summary>The loopback port option of the long-running commands.</summary>
    public static Option<int> PortOption(int defaultPort) =>
        new("--port") { Description = "Loopback port (0 picks a free one).", DefaultValueFactory = _ => defaultPort };

    /// <summary>The local Graph keeping its state in <paramref name="dataDirectory"/> (graph.db, outbox/) on a clock.</summary>
    public static LocalGraphServerOptions Options(string dataDirectory, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(clock);
        return new LocalGraphServerOptions
        {
            DataDirectory = dataDirectory,
            OutboxDirectory = Path.Combine(dataDirectory, OutboxFolder),
            Clock = clock,
        };
    }

    /// <summary>Returns when the process gets Ctrl+C (SIGINT) or SIGTERM, or <paramref name="cancellationToken"/> ends.</summary>
    public static async Task UntilStoppedAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        // Until Ctrl+C or SIGTERM: then stop cleanly.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stop.Token.Register(() => stopped.TrySetResult()).ConfigureAwait(false))
        {
            await stopped.Task.ConfigureAwait(false);
        }
    }
}
