using DanVan365.Functions.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace DanVan365.Functions.Security;

/// <summary>
/// The one token validation of the HTTP functions: Microsoft.Identity.Web's JwtBearer scheme configured from the
/// <c>AzureAd__*</c> settings (signature from the tenant's published keys, audience = the API's client id or App ID URI,
/// lifetime), narrowed to a single tenant: the issuer must be this tenant's v2.0 or v1.0 issuer and the token's
/// <c>tid</c> must be this tenant. Unsigned tokens are refused (signed tokens required).
/// Tests give the signing keys the way the tenant's metadata would (JwtBearerOptions.Configuration); there is no
/// other switch.
/// </summary>
public static class EntraAuthentication
{
    /// <summary>The authentication scheme the middleware asks.</summary>
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public static IServiceCollection AddEntraAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EntraSettings.Section);
        services.AddAuthentication(Scheme).AddMicrosoftIdentityWebApi(
            _ => { },
            identity =>
            {
                section.Bind(identity);

                // The settings' defaults (the public cloud's instance) apply when AzureAd__Instance is not written.
                identity.Instance = (section.Get<EntraSettings>() ?? new EntraSettings()).Instance;
            },
            Scheme);
        services.Configure<JwtBearerOptions>(Scheme, options =>
        {
            var settings = section.Get<EntraSettings>() ?? new EntraSettings();
            var instance = settings.Instance.TrimEnd('/');
            var tenant = settings.TenantId?.Trim() ?? string.Empty;
            var parameters = options.TokenValidationParameters;
            parameters.ValidIssuers = [$"{instance}/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"];
            parameters.ValidateIssuer = true;
            parameters.ValidateAudience = true;
            parameters.ValidateLifetime = true;
            parameters.RequireExpirationTime = true;
            parameters.RequireSignedTokens = true;
            parameters.ValidateIssuerSigningKey = true;
        });
        return services;
    }
}
