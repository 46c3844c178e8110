using System.Text.Json;
using DanVan365.Core.Errors;
using DanVan365.LocalM365;
using DanVan365.M365;
using DanVan365.M365.Client;

namespace DanVan365.Cli.Target;

/// <summary>
/// One connection to Microsoft 365 for a command: the embedded local Graph (default; state under --data), a local
/// Graph already running (--graph-url) or a real tenant (--tenant). The same adapter serves all three.
/// </summary>
internal sealed class M365Session : GraphAdapters, IAsyncDisposable
{
    private readonly LocalGraphServer? _server;

    private M365Session(GraphConnection connection, TimeProvider clock, LocalGraphServer? server, string? outbox)
        : base(connection, TimeProvider.System)
    {
        Clock = clock;
        _server = server;
        Outbox = outbox;
    }

    /// <summary>The command's clock (--as-of shifts it in local runs).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Where the local Graph writes sent mail (.eml), or null for a tenant.</summary>
    public string? Outbox { get; }

    public static async Task<M365Session> OpenAsync(TargetSettings target, TimeProvider systemClock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var clock = ShiftedClock.For(systemClock, target.AsOf);
        if (target.TenantFile is { } file)
        {
            var options = ReadTenantFile(file);
            return new M365Session(GraphClientBuilder.Create(options), clock, null, null);
        }

        if (target.GraphUrl is { } url)
        {
            var remote = await LocalTenantInfo.FetchAsync(url, cancellationToken).ConfigureAwait(false);
            var options = LocalOptions(url, remote.SiteUrl, remote.GroupId);
            return new M365Session(GraphClientBuilder.Create(options), clock, null, null);
        }

        Directory.CreateDirectory(target.DataDirectory);
        var outbox = Path.Combine(target.DataDirectory, "outbox");
        var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { DataDirectory = target.DataDirectory, OutboxDirectory = outbox, Clock = clock }, cancellationToken).ConfigureAwait(false);
        try
        {
            var tenant = server.Tenant;
            var local = LocalOptions(server.BaseUrl, $"https://{tenant.SharePointHostname}{tenant.WardSitePath}", tenant.WardGroupId);
            return new M365Session(GraphClientBuilder.Create(local), clock, server, outbox);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static M365Options LocalOptions(string baseUrl, string siteUrl, string groupId) => new()
    {
        Local = true,
        GraphBaseUrl = baseUrl,
        SiteUrl = siteUrl,
        GroupId = groupId,
        SenderMailbox = "ubnd@haian.example.vn",
        MaxAttempts = 8,
    };

    /// <summary>Reads a --tenant file: the M365 settings as JSON (README "Configuration").</summary>
    public static M365Options ReadTenantFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(path, 0, "tenant file not found");
        }

        M365Options? options;
        try
        {
            options = JsonSerializer.Deserialize<M365Options>(File.ReadAllText(path), new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
                Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
            });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(path, (int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message, ex);
        }

        options ??= new M365Options();
        options.Local = false;
        options.Validate();
        return options;
    }
}
