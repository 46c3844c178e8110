using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;
using DanVan365.LocalM365.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan365.LocalM365;

/// <summary>
/// A local, stateful imitation of the Microsoft Graph v1.0 subset DanVan365 uses, served on 127.0.0.1.
/// Point a GraphServiceClient at <see cref="BaseUrl"/> with any bearer token.
/// </summary>
public sealed class LocalGraphServer : IAsyncDisposable
{
    private const string JsonContentType =
        "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
    private readonly WebApplication _app;
    private readonly EmulatorCore _core;

    private LocalGraphServer(WebApplication app, EmulatorCore core)
    {
        _app = app;
        _core = core;
    }

    /// <summary>http://127.0.0.1:PORT/v1.0 — the Graph base URL.</summary>
    public string BaseUrl => _core.BaseUrl;

    /// <summary>http://127.0.0.1:PORT — control endpoints live under /_emulator.</summary>
    public string RootUrl => _core.RootUrl;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Where state is kept (null: in memory).</summary>
    public string? DataDirectory { get; private init; }

    /// <summary>Where sent mail is written as .eml (null: not written).</summary>
    public string? OutboxDirectory => _core.OutboxDirectory;

    /// <summary>Ids of the seeded tenant (ward site, group/team, General channel).</summary>
    public SeededTenant Tenant => _core.Tenant;

    /// <summary>The seeded wards (ward 1 is <see cref="Tenant"/>'s; more with <see cref="LocalGraphServerOptions.Wards"/>).</summary>
    public IReadOnlyList<SeededWard> Wards { get; private init; } = [];

    /// <summary>The embedded default seed file's text (a ward copies it, edits it and passes it as <see
    /// cref="LocalGraphServerOptions.SeedFile"/>).</summary>
    public static string DefaultSeedJson => SeedDocument.EmbeddedText();

    /// <summary>Starts a server; state in DataDirectory/graph.db (persisting across restarts) or in memory.</summary>
    public static async Task<LocalGraphServer> StartAsync(LocalGraphServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LocalGraphServerOptions();
        if (options.Wards is < 1 or > 500)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Wards, "Wards must be between 1 and 500.");
        }

        var seed = SeedDocument.Load(options.SeedFile);
        WardSeed.Apply(seed, options.Wards);
        if (options.SiteTimeZone is { } zone)
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
            ((System.Text.Json.Nodes.JsonObject)(seed.Root["sharePoint"] ??= new System.Text.Json.Nodes.JsonObject()))["timeZone"] = zone;
        }

        string? dbPath = null;
        var outbox = options.OutboxDirectory;
        if (options.DataDirectory is { } data)
        {
            Directory.CreateDirectory(data);
            dbPath = Path.Combine(data, "graph.db");
            outbox ??= Path.Combine(data, "outbox");
        }

        if (options.DeltaPageSize is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DeltaPageSize, "DeltaPageSize must be between 1 and 5000.");
        }

        var core = new EmulatorCore(new GraphStore(dbPath, options.Snapshot), options.Clock, seed, outbox, options.BudgetClock);
        core.Deltas.PageSize = options.DeltaPageSize;
        try
        {
            var builder =
                WebApplication.CreateSlimBuilder(new WebApplicationOptions
                {
                    ApplicationName = typeof(LocalGraphServer).Assembly.GetName()
                .Name
                });
            builder.Logging.ClearProviders();

            // The embedding process owns Ctrl+C/SIGTERM (ConsoleLifetime would swallow them).
            builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
            if (options.LoggerFactory is { } loggerFactory)
            {
                builder.Services.AddSingleton(loggerFactory);
            }

            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, options.Port);
                k.Limits.MaxRequestBodySize = 128L * 1024 * 1024;
                k.AddServerHeader = false;
            });
            var app = builder.Build();
            var server = new LocalGraphServer(app, core)
            {
                DataDirectory = options.DataDirectory,
                Wards = WardSeed.Describe(seed, core.Tenant, options.Wards),
            };
            var origins = options.CorsOrigins.Select(o => o.TrimEnd('/')).ToList();
            app.Use((http, next) => RequestGuards.InvokeAsync(http, () => next(http), origins));
            server.MapEndpoints();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var uri = new Uri(address);
            server.Port = uri.Port;
            core.RootUrl = "http://127.0.0.1:" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return server;
        }
        catch
        {
            core.Dispose();
            throw;
        }
    }

    /// <summary>Counters since start or the last reset (the same as GET /_emulator/stats).</summary>
    public EmulatorStats GetStats() => _core.Stats();

    /// <summary>A copy of the whole state, taken between requests; start servers from it with <see
    /// cref="LocalGraphServerOptions.Snapshot"/> (dispose it when no server will start from it any more).</summary>
    public LocalGraphSnapshot Snapshot()
    {
        lock (_core.Store.Gate)
        {
            return _core.Store.Snapshot();
        }
    }

    /// <summary>Sets the counters to zero.</summary>
    public void ResetStats() => _core.ResetStats();

    /// <summary>Empties the state, seeds it again, clears faults and stats (POST /_emulator/reset).</summary>
    public void Reset() => _core.Reset();

    /// <summary>
    /// Every delta token and nextLink issued so far stops working, as when "the server state has changed and a new token is
    /// required": the next request with one answers 410 Gone with a Location that starts a fresh enumeration (docs repo:
    /// api-reference/v1.0/api/driveitem-delta.md, listitem-delta.md). Also POST /_emulator/delta/expire.
    /// </summary>
    public void ExpireDeltaTokens() => _core.Deltas.ExpireAll();

    /// <summary>Injects faults; null clears them (POST/DELETE /_emulator/faults).</summary>
    public void SetFaults(EmulatorFaults? faults) => _core.Faults = faults ?? new EmulatorFaults();

    /// <summary>Adds (or updates, by UPN) a user; returns its id (POST /_emulator/users).</summary>
    public string AddUser(EmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _core.AddUser(user);
    }

    /// <summary>True when the local tenant has a user with this object id.</summary>
    public bool HasUser(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _core.HasUser(id);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _core.Dispose();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext http, GraphResponse response, string requestId, string clientRequestId,
        DateTimeOffset now)
    {
        http.Response.StatusCode = response.Status;
        // The server's clock in every answer (RFC 9110 §6.6.1 "Date": an origin server with a clock sends it; the Graph
        // docs are silent on it, so it is always sent): the local Graph's own clock, not the host's, so a test can set the
        // server's time apart from the runner's.
        http.Response.Headers["Date"] = now.ToUniversalTime().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["request-id"] = requestId;
        http.Response.Headers["client-request-id"] = clientRequestId;
        foreach (var (k, v) in response.Headers)
        {
            http.Response.Headers[k] = v;
        }

        if (response.Json is not null)
        {
            var json = GraphJson.Serialize(response.Json);
            http.Response.ContentType = JsonContentType;
            http.Response.ContentLength = json.Length;
            await http.Response.Body.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
        }
        else if (response.Bytes is not null)
        {
            http.Response.ContentType = response.ContentType ?? "application/octet-stream";
            http.Response.ContentLength = response.Bytes.Length;
            await http.Response.Body.WriteAsync(response.Bytes, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private void MapEndpoints()
    {
        _app.Map("/v1.0/{**path}", http => HandleGraphAsync(http, requireAuth: true, stripPrefix: "/v1.0"));
        // Every Graph route needs the bearer, …/content and createUploadSession included. The two URLs Graph documents as
        // carrying their own authorization (an upload session's uploadUrl, a download URL) take no bearer and refuse a
        // request without their own token instead: Handlers/DriveHandlers.Urls.cs.
        _app.MapMethods("/_upload/{id}", ["PUT", "DELETE"], http => HandleGraphAsync(http, requireAuth: false, stripPrefix: string.Empty));
        _app.MapGet("/_content/{id}/{version}", http => HandleGraphAsync(http, requireAuth: false, stripPrefix: string.Empty));

        _app.MapGet("/_emulator/stats", () => Results.Json(ToJson(_core.Stats()), GraphJson.Options));
        _app.MapGet("/_emulator/tenant", () => Results.Json(_core.Tenant, ControlJson));
        _app.MapGet("/_emulator/faults", () => Results.Json(_core.Faults, ControlJson));
        _app.MapPost("/_emulator/faults", async (HttpContext http) =>
        {
            var faults = await JsonSerializer.DeserializeAsync<EmulatorFaults>(http.Request.Body, ControlJson,
                http.RequestAborted).ConfigureAwait(false) ?? new EmulatorFaults();
            _core.Faults = faults;
            return Results.Json(faults, ControlJson);
        });
        _app.MapDelete("/_emulator/faults", () =>
        {
            _core.Faults = new EmulatorFaults();
            return Results.NoContent();
        });
        _app.MapPost("/_emulator/delta/expire", () =>
        {
            _core.Deltas.ExpireAll();
            return Results.NoContent();
        });
        _app.MapPost("/_emulator/reset", () =>
        {
            _core.Reset();
            return Results.NoContent();
        });
        _app.MapPost("/_emulator/users", async (HttpContext http) =>
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            var users = node is JsonArray array ? array.OfType<JsonObject>().ToList() : node is JsonObject one ? [one] : [];
            var result = new JsonArray();
            foreach (var u in users)
            {
                if (u.Str("userPrincipalName") is not { } upn || u.Str("displayName") is not { } name)
                {
                    return Results.BadRequest(new { error = "userPrincipalName and displayName are required." });
                }

                var id = _core.AddUser(new EmulatorUser(upn, name, u.Str("mail"), u.Str("jobTitle"), u.Str("department"), u.Str("id"),
                    u["memberOfWardGroup"] is not JsonValue m || m.GetValue<bool>()));
                result.Add(new JsonObject { ["id"] = id, ["userPrincipalName"] = upn });
            }

            return Results.Json(node is JsonArray ? result : result[0], GraphJson.Options, statusCode: 201);
        });
        _app.MapGet("/_emulator/mail", () =>
        {
            lock (_core.Store.Gate)
            {
                var mails = _core.Store.Children("sentMail", string.Empty);
                var all = new JsonArray();
                foreach (var user in _core.Store.Children("user", string.Empty))
                {
                    foreach (var mail in _core.Store.Children("sentMail", user.Str("id")!))
                    {
                        all.Add(mail);
                    }
                }

                return Results.Json(new JsonObject { ["value"] = all }, GraphJson.Options);
            }
        });
    }

    private static readonly JsonSerializerOptions ControlJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonObject ToJson(EmulatorStats stats)
    {
        var byRoute = new JsonObject();
        foreach (var (k, v) in stats.ByRoute)
        {
            byRoute[k] = v;
        }

        return new JsonObject
        {
            ["requests"] = stats.Requests,
            ["batchItems"] = stats.BatchItems,
            ["writes"] = stats.Writes,
            ["throttled"] = stats.Throttled,
            ["serverErrors"] = stats.ServerErrors,
            ["mailsSent"] = stats.MailsSent,
            ["resourceUnits"] = stats.ResourceUnits,
            ["byRoute"] = byRoute,
        };
    }

    private async Task HandleGraphAsync(HttpContext http, bool requireAuth, string stripPrefix)
    {
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString);
        var (path, query) = GraphRequest.SplitTarget(rawTarget);
        if (stripPrefix.Length > 0 && path.StartsWith(stripPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[stripPrefix.Length..];
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in http.Request.Headers)
        {
            headers[k] = v.ToString();
        }

        var requestId = Ids.NewGuid();
        var clientRequestId = headers.TryGetValue("client-request-id", out var c) && c.Length > 0 ? c : requestId;
        headers["request-id"] = requestId;
        headers["client-request-id"] = clientRequestId;
        var body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        var request = new GraphRequest(http.Request.Method, path.TrimStart('/'), query, headers, body);

        // Graph rejects a request without a bearer token: https://learn.microsoft.com/en-us/graph/auth/auth-concepts
        if (requireAuth && (!headers.TryGetValue("Authorization", out var auth) || !auth.StartsWith("Bearer ",
            StringComparison.OrdinalIgnoreCase) || auth.Length <= 7))
        {
            var unauthorized = _core.ErrorResponse(new GraphException(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken",
                "Access token is empty."), request);
            unauthorized.Headers["WWW-Authenticate"] =
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"";
            await WriteAsync(http, unauthorized, requestId, clientRequestId, _core.Clock.GetUtcNow()).ConfigureAwait(false);
            return;
        }

        GraphResponse response;
        try
        {
            response = await _core.ExecuteAsync(request, inBatch: false, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault of the emulator itself answers as Graph answers its own: 500 generalException, with the reason.
            response = _core.ErrorResponse(new GraphException(HttpStatusCode.InternalServerError, "generalException",
                ex.GetType().Name + ": " + ex.Message), request);
        }

        await WriteAsync(http, response, requestId, clientRequestId, _core.Clock.GetUtcNow()).ConfigureAwait(false);
    }

    private sealed class EmbeddedLifetime : Microsoft.Extensions.Hosting.IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
