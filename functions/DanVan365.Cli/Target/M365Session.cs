using System.Text.Json;
using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.LocalM365;
using DanVan365.M365.Client;
using DanVan365.M365.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Cli.Target;

/// <summary>
/// One command's connection to Microsoft 365 and its ward scope from the one registration
/// (<see cref="DanVan365Services.AddDanVan365"/>): the embedded local Graph (default; state under --data), a local
/// Graph already running (--graph-url) or a real tenant (--tenant). The same adapter serves all three.
/// </summary>
internal sealed class M365Session : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly LocalGraphServer? _server;

    private M365Session(ServiceProvider services, WardScope scope, TimeProvider clock, LocalGraphServer? server, string? outbox)
    {
        _services = services;
        Scope = scope;
        Clock = clock;
        _server = server;
        Outbox = outbox;
    }

    /// <summary>The ward's use cases and ports for this run.</summary>
    public WardScope Scope { get; }

    /// <summary>The command's clock (--as-of shifts it in local runs).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Where the local Graph writes sent mail (.eml), or null for a tenant.</summary>
    public string? Outbox { get; }

    /// <summary>HTTP requests sent to Graph so far.</summary>
    public long Requests => Scope.Requests;

    public ISiteProvisioner Provisioner => Get<ISiteProvisioner>();

    public IListStore Lists => Get<IListStore>();

    public ILibraryStore Library => Get<ILibraryStore>();

    public T Get<T>()
        where T : notnull => Scope.Get<T>();

    /// <summary>
    /// Another scope of the same ward whose requests act as the local Graph's user <paramref name="userId"/> (its
    /// emulator-only acting-user header), as a unit's person uploading a return does; local targets only. Dispose it.
    /// </summary>
    public WardScope ActingAs(string userId)
    {
        if (!Scope.Target.Graph.Local)
        {
            throw new InvalidOperationException("Acting as a person is for the local Microsoft 365 only.");
        }

        var scopes = _services.GetRequiredService<IWardScopeFactory>();
        return scopes.Open(Scope.Target with { Graph = Scope.Target.Graph.ActingAs(userId) });
    }

    /// <summary>Connects the container's ward scope to the target; <paramref name="services"/> is owned by the session from here.</summary>
    public static async Task<M365Session> OpenAsync(
        TargetSettings target, ServiceProvider services, WardContext ward, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(services);
        var scopes = services.GetRequiredService<IWardScopeFactory>();
        LocalGraphServer? server = null;
        try
        {
            if (target.TenantFile is { } file)
            {
                return new M365Session(services, scopes.Open(new WardTarget(ward, ReadTenantFile(file))), clock, null, null);
            }

            if (target.GraphUrl is { } url)
            {
                var remote = await LocalTenantInfo.FetchAsync(url, cancellationToken).ConfigureAwait(false);
                var options = LocalOptions(url, remote.SiteUrl, remote.GroupId);
                return new M365Session(services, scopes.Open(new WardTarget(ward, options)), clock, null, null);
            }

            Directory.CreateDirectory(target.DataDirectory);
            var start = LocalGraphStart.Options(target.DataDirectory, clock);
            var outbox = start.OutboxDirectory;
            server = await LocalGraphServer.StartAsync(start, cancellationToken).ConfigureAwait(false);
            AddDirectoryPeople(server, ward);
            var tenant = server.Tenant;
            var local = LocalOptions(server.BaseUrl, $"https://{tenant.SharePointHostname}{tenant.WardSitePath}", tenant.WardGroupId);
            return new M365Session(services, scopes.Open(new WardTarget(ward, local)), clock, server, outbox);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes the directory's people with an object id users of the embedded local tenant (members of the ward's group),
    /// so a ward's own directory (`danvan365 init`) runs locally as Hải An's does: its seed already holds the bundled
    /// directory's people, who are left as they are. Not a Graph request: the bundled runs' request counts do not change.
    /// </summary>
    private static void AddDirectoryPeople(LocalGraphServer server, WardContext ward)
    {
        foreach (var person in ward.Units.People.Where(p => p.ObjectId is not null).DistinctBy(p => p.ObjectId))
        {
            if (!server.HasUser(person.ObjectId!))
            {
                var department = person.Unit is { } code ? ward.Units.Find(code)?.Name : null;
                server.AddUser(new EmulatorUser(person.Email, person.DisplayName, person.Email, person.Title, department, person.ObjectId,
                    MemberOfWardGroup: true));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
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
