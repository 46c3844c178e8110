using System.Globalization;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DanVan365.Functions.Tests.Security;

/// <summary>
/// The Functions' HTTP side in process: the production composition (<see cref="FunctionsSetup.AddDanVan365Functions"/>,
/// hence the production JwtBearer validation) on a TestServer, one endpoint per HTTP trigger in functions.metadata,
/// each invocation going through <see cref="EntraAuthenticationMiddleware"/> before the function class runs.
/// The only test-specific piece is the tenant's metadata (issuer and signing key), given to the same JwtBearer
/// options the way the tenant's OpenID configuration would be. Two wards: Hải An (bundled directory) and Lâm Hà,
/// whose directory names none of Hải An's people.
/// </summary>
public sealed class SecuredFunctionsHost : IAsyncDisposable
{
    public const string HaiAn = TestApp.GoodWard;
    public const string LamHa = "lam-ha";
    public const string LamHaHeadObjectId = "0f0e0d0c-0b0a-4909-8807-060504030201";

    private readonly WebApplication _app;
    private readonly WardHarness _harness;
    private readonly string _lamHaUnits;

    private SecuredFunctionsHost(WebApplication app, WardHarness harness, string lamHaUnits, InMemoryWardJobQueue queue)
    {
        _app = app;
        _harness = harness;
        _lamHaUnits = lamHaUnits;
        Queue = queue;
    }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Names of the functions whose body ran (after the middleware let the call through).</summary>
    public List<string> Ran { get; } = [];

    public InMemoryWardJobQueue Queue { get; }

    public static async Task<SecuredFunctionsHost> StartAsync(TestTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var harness = await WardHarness.StartAsync();
        var lamHaUnits = Path.Combine(Directory.CreateTempSubdirectory("danvan365-auth-").FullName, "units.json");
        await File.WriteAllTextAsync(lamHaUnits, LamHaDirectoryJson);
        var options = harness.Options();
        var settings = TestApp.Settings(options.GraphBaseUrl, options.SiteUrl!, options.GroupId!, withBadWard: false);
        settings["Wards:0:UnitsFile"] = Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn", "units.json");
        settings["Wards:1:Id"] = LamHa;
        settings["Wards:1:Name"] = "Phường Lâm Hà";
        settings["Wards:1:PlanTitle"] = "Dân vận 2026 – Phường Lâm Hà";
        settings["Wards:1:SiteUrl"] = "https://haian.sharepoint.com/sites/lam-ha";
        settings["Wards:1:GroupId"] = options.GroupId;
        settings["Wards:1:UnitsFile"] = lamHaUnits;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseTestServer();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDanVan365Functions(builder.Configuration);
        builder.Services.PostConfigure<JwtBearerOptions>(EntraAuthentication.Scheme, o =>
        {
            // What the tenant's /.well-known/openid-configuration and its keys would give.
            var metadata = new OpenIdConnectConfiguration { Issuer = TestTokens.IssuerOf(TestTokens.Tenant) };
            metadata.SigningKeys.Add(tokens.SigningKey);
            o.Configuration = metadata;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
        });
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<AdminFunctions>();
        builder.Services.AddSingleton<ReporterFunctions>();
        var queue = new InMemoryWardJobQueue();
        builder.Services.AddSingleton<IWardJobQueue>(queue);
        var app = builder.Build();
        var host = new SecuredFunctionsHost(app, harness, lamHaUnits, queue);
        foreach (var function in FunctionsMetadataFile.HttpTriggers())
        {
            string[] methods = [.. function.Methods.Select(m => m.ToUpperInvariant())];
            app.MapMethods("/api/" + function.Route, methods, (RequestDelegate)(http => host.RunAsync(function, http)));
        }

        await app.StartAsync();
        host.Client = app.GetTestClient();
        return host;
    }

    /// <summary>One invocation: the worker middleware, then (if it calls next) the function class.</summary>
    private async Task RunAsync(MetadataFunction function, HttpContext http)
    {
        var context = new InvocationContext(function, http.RequestServices, http);
        await new EntraAuthenticationMiddleware().Invoke(context, async invocation =>
        {
            lock (Ran)
            {
                Ran.Add(function.Name);
            }

            var result = await InvokeAsync(function.Name, http, invocation);
            await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        });
    }

    private static Task<IActionResult> InvokeAsync(string name, HttpContext http, Microsoft.Azure.Functions.Worker.FunctionContext context)
    {
        var services = http.RequestServices;
        return name switch
        {
            "Status" => services.GetRequiredService<ReporterFunctions>().Status(http.Request, context),
            "SubmitReport" => services.GetRequiredService<ReporterFunctions>().SubmitReport(http.Request, context),
            "SyncNow" => services.GetRequiredService<AdminFunctions>().SyncNow(http.Request, context),
            "CompileRoundReportNow" => services.GetRequiredService<AdminFunctions>()
                .CompileRoundReportNow(http.Request, int.Parse(Route(http, "round"), CultureInfo.InvariantCulture), context),
            "DispatchWards" => services.GetRequiredService<AdminFunctions>().DispatchWards(http.Request, Route(http, "job"), context),
            "WardJobOutcome" => services.GetRequiredService<AdminFunctions>().JobOutcome(http.Request, Route(http, "id"), context),

            // A function this host does not know yet still ran: the anonymous-call test then fails on it.
            _ => Task.FromResult<IActionResult>(new OkObjectResult("ran")),
        };
    }

    private static string Route(HttpContext http, string name) => (string)http.GetRouteValue(name)!;

    private const string LamHaDirectoryJson = $$"""
        {
          "units": [
            {
              "code": "VP", "name": "Văn phòng HĐND và UBND phường Lâm Hà", "kind": "office",
              "head": { "email": "vp.truong@lamha.example.vn", "objectId": "{{LamHaHeadObjectId}}", "displayName": "Hoàng Văn Lâm" }
            }
          ]
        }
        """;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _harness.DisposeAsync();
        File.Delete(_lamHaUnits);
    }
}
