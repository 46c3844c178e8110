using DanVan365.Functions;
using DanVan365.Functions.Security;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<EntraAuthenticationMiddleware>();
builder.Services.AddDanVan365Functions(builder.Configuration);
await builder.Build().RunAsync().ConfigureAwait(false);
