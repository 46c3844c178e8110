using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Time;

namespace DanVan365.Functions.Tests.Support;

/// <summary>
/// Starts Azurite (installed by `npm ci` in tests/DanVan365.Functions.Tests/azurite) on free loopback ports with its
/// data in a temporary folder, and stops it (this process only) at the end. Missing Azurite fails the tests with the
/// command to run; it never skips them.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _dataDirectory;

    public string ConnectionString { get; private set; } = string.Empty;

    public static string InstallDirectory => Path.Combine(TestData.RepoRoot, "tests", "DanVan365.Functions.Tests", "azurite");

    public async Task InitializeAsync()
    {
        var executable = Path.Combine(InstallDirectory, "node_modules", ".bin", "azurite");
        // A fresh clone installs Azurite from the committed package-lock.json (as .ci/run does up front).
        DanVan365.TestUtilities.Tools.TestTools.EnsureNpmInstall(InstallDirectory, Path.Combine("node_modules", ".bin", "azurite"));
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm ci` in {InstallDirectory} (see " +
                $".ci/run).");
        }

        _dataDirectory = Directory.CreateTempSubdirectory("danvan365-azurite-").FullName;
        var blob = FreePort();
        var queue = FreePort();
        var table = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InstallDirectory,
        };
        foreach (var argument in new[]
                 {
                     "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _dataDirectory,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        if (!await ExternalProcess.PollUntilAsync(() => ListeningAsync(queue), TimeSpan.FromSeconds(60), () => _process.HasExited))
        {
            throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{queue} (exited={_process.HasExited}): " +
                $"{Output()}");
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
