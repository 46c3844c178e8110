using System.Text.Json;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.Functions.Triggers;
using DanVan365.M365.Client;
using DanVan365.M365.Composition;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DanVan365.Cli.Serve;

/// <summary>
/// What `serve` runs on: the ward, its Graph (the local one), the decision (null: the library's decision in use, read as
/// the Functions read it, <see cref="LibraryPortalCatalogues"/>), the ward's clock, the page folder.
/// </summary>
public sealed record ServeSettings(WardContext Ward, M365Options Graph, TaskCatalogue? Catalogue, TimeProvider Clock,
    IConfiguration Configuration, int Port, string? PageFolder);

/// <summary>
/// `danvan365 serve`: Kestrel on 127.0.0.1 serving the local host page, tokens of <see cref="ServeTokens"/> (to same-origin
/// callers only), and /api/* run by the HTTP function classes themselves (the same code as the Functions), after the
/// production token validation
/// (<see cref="EntraAuthentication"/>, configured with the serve key as the tenant's signing key). Every request passes
/// <see cref="ServeGuards"/> first (its own Host only; a content security policy on every answer).
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;
    private readonly ServeTokens _tokens;

    private ServeHost(WebApplication app, ServeTokens tokens, Uri address)
    {
        _app = app;
        _tokens = tokens;
        Address = address;
    }

    /// <summary>The base address, e.g. http://127.0.0.1:5366/.</summary>
    public Uri Address { get; }

    public static async Task<ServeHost> StartAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tokens = new ServeTokens(TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, settings.Port));
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(settings.Configuration);
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, null);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:TenantId"] = ServeTokens.Tenant,
            ["AzureAd:ClientId"] = ServeTokens.ClientId,
        });
        var services = builder.Services;
        services.AddSingleton(settings.Clock);
        services.AddDanVan365(builder.Configuration);
        var ward = new Ward(settings.Ward.Id, settings.Ward.Name, settings.Ward.PlanTitle, settings.Graph, settings.Ward.Units,
            settings.Ward.Calendar, settings.Ward.Report, settings.Ward.YearEnd);
        services.AddSingleton<IWardRegistry>(new WardRegistry([ward]));
        services.AddSingleton<IWardJobs, WardJobs>();
        services.AddSingleton<IPortalCatalogues>(settings.Catalogue is { } fixedCatalogue
            ? new FixedCatalogues(fixedCatalogue)
            : new LibraryPortalCatalogues());
        services.AddSingleton<PortalFunctions>();
        services.AddSingleton<ReporterFunctions>();
        services.AddSingleton<ProposalFunctions>();
        services.AddSingleton<ScoreFunctions>();
        services.AddSingleton<RoundFunctions>();
        services.AddSingleton<ReturnFunctions>();
        services.AddMvcCore();
        services.AddEntraAuthentication(builder.Configuration);
        services.PostConfigure<JwtBearerOptions>(EntraAuthentication.Scheme, o =>
        {
            // What the tenant's metadata would publish: this process's key is the only signing key trusted.
            var metadata = new OpenIdConnectConfiguration { Issuer = ServeTokens.Issuer };
            metadata.SigningKeys.Add(tokens.SigningKey);
            o.Configuration = metadata;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
        });
        var app = builder.Build();
        app.Use((http, next) => ServeGuards.InvokeAsync(http, () => next(http)));
        MapPage(app, settings.PageFolder);
        app.MapGet("/_serve/token", (HttpContext http) => Token(http, tokens, settings.Ward));
        MapApi(app, "GET", "status", (s, r, c) => s.GetRequiredService<ReporterFunctions>().Status(r, c));
        MapApi(app, "POST", "submissions", (s, r, c) => s.GetRequiredService<ReporterFunctions>().SubmitReport(r, c));
        MapApi(app, "GET", "dashboard", (s, r, c) => s.GetRequiredService<PortalFunctions>().Dashboard(r, c));
        MapApi(app, "GET", "my/work", (s, r, c) => s.GetRequiredService<PortalFunctions>().MyWork(r, c));
        MapApi(app, "POST", "rounds", (s, r, c) => s.GetRequiredService<RoundFunctions>().Create(r, c));
        MapApi(app, "GET", "rounds", (s, r, c) => s.GetRequiredService<RoundFunctions>().List(r, c));
        MapApi(app, "POST", "proposals", (s, r, c) => s.GetRequiredService<ProposalFunctions>().Propose(r, c));
        MapApi(app, "GET", "proposals", (s, r, c) => s.GetRequiredService<ProposalFunctions>().List(r, c));
        MapApi(app, "POST", "rounds/{round}/units/{unit}/return", (s, r, c) => s.GetRequiredService<ReturnFunctions>()
            .Return(r, r.RouteValues["round"]?.ToString() ?? string.Empty, r.RouteValues["unit"]?.ToString() ?? string.Empty, c));
        MapApi(app, "POST", "proposals/{id}/review", (s, r, c) => s.GetRequiredService<ProposalFunctions>()
            .Review(r, r.RouteValues["id"]?.ToString() ?? string.Empty, c));
        MapApi(app, "POST", "proposals/{id}/decision", (s, r, c) => s.GetRequiredService<ProposalFunctions>()
            .Decide(r, r.RouteValues["id"]?.ToString() ?? string.Empty, c));
        MapApi(app, "GET", "scores", (s, r, c) => s.GetRequiredService<ScoreFunctions>().List(r, c));
        MapApi(app, "POST", "scores/approval", (s, r, c) => s.GetRequiredService<ScoreFunctions>().Approve(r, c));
        MapApi(app, "POST", "scores/{unit}/proposal", (s, r, c) => s.GetRequiredService<ScoreFunctions>()
            .Propose(r, r.RouteValues["unit"]?.ToString() ?? string.Empty, c));
        MapApi(app, "POST", "scores/{unit}/appraisal", (s, r, c) => s.GetRequiredService<ScoreFunctions>()
            .Appraise(r, r.RouteValues["unit"]?.ToString() ?? string.Empty, c));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServeHost(app, tokens, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _tokens.Dispose();
    }

    private static void MapPage(WebApplication app, string? folder)
    {
        app.MapGet("/", (HttpContext http) => File(http, folder, "index.html", "text/html; charset=utf-8"));
        app.MapGet("/local-host.js", (HttpContext http) => File(http, folder, Path.Combine("dist", "local-host.js"),
            "text/javascript; charset=utf-8"));
    }

    private static async Task File(HttpContext http, string? folder, string name, string contentType)
    {
        if (folder is null)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(ServePage.NotBuilt, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = contentType;
        await http.Response.SendFileAsync(Path.Combine(folder, name), http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task Token(HttpContext http, ServeTokens tokens, WardContext ward)
    {
        // A page of another site must not obtain a token (nor learn the directory's addresses through the 404 below).
        if (ServeGuards.IsCrossOriginCaller(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsJsonAsync(new ErrorBody(ServeGuards.CrossOrigin), Json, http.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        var email = http.Request.Query["as"].ToString().Trim();
        var person = email.Length == 0 ? ServeTokens.DefaultPerson(ward.Units) : ward.Units.FindPerson(email);
        if (person is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new ErrorBody($"Không có người với địa chỉ \"{email}\" trong danh bạ đơn vị."), Json,
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await http.Response.WriteAsJsonAsync(tokens.Issue(person), Json, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>One API route: deny by default (a valid token or 401, as the Functions' middleware), then the function class.</summary>
    private static void MapApi(WebApplication app, string method, string route,
        Func<IServiceProvider, HttpRequest, Microsoft.Azure.Functions.Worker.FunctionContext, Task<IActionResult>> function) =>
        app.MapMethods("/api/" + route, [method], async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(EntraAuthentication.Scheme).ConfigureAwait(false);
            if (!result.Succeeded || result.Principal?.Identity?.IsAuthenticated != true)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await http.Response.WriteAsJsonAsync(AuthenticationRefusal.InvalidToken, http.RequestAborted).ConfigureAwait(false);
                return;
            }

            http.User = result.Principal;
            var context = new ServeFunctionContext(http.RequestServices, route, http.RequestAborted);
            var answer = await function(http.RequestServices, http.Request, context).ConfigureAwait(false);
            await answer.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
        });

    private sealed class FixedCatalogues(TaskCatalogue catalogue) : IPortalCatalogues
    {
        public Task<TaskCatalogue> CatalogueAsync(WardScope scope, CancellationToken cancellationToken) => Task.FromResult(catalogue);
    }
}
