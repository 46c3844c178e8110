using DanVan365.Core.Errors;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Configuration;

/// <summary>
/// Validates the settings at start (registered with ValidateOnStart): the host does not start with a missing or
/// malformed setting, and the failure names it (e.g. "Wards:1:SiteUrl", "M365:TenantId", "AzureAd:ClientId").
/// </summary>
public sealed class FunctionsSettingsValidator : IValidateOptions<FunctionsSettings>
{
    public ValidateOptionsResult Validate(string? name, FunctionsSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            WardRegistry.Build(options);
            ValidateEntra(options.AzureAd);
            ValidateIntegrity(options);
            return ValidateOptionsResult.Success;
        }
        catch (ConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }

    /// <summary>
    /// A tenant needs the seal key (docs/architecture.md "Records people can trust"): without it no owned value could
    /// be proved, so the host does not start. Its format is checked by <see cref="Core.Integrity.IntegrityOptions.Validate"/>.
    /// </summary>
    private static void ValidateIntegrity(FunctionsSettings options)
    {
        options.Integrity.Validate();
        if (!options.M365.Local && options.Integrity.Key() is null)
        {
            throw new ConfigurationException($"{Core.Integrity.IntegrityOptions.SectionName}:SealKey",
                "is missing (base64, at least 32 bytes; in Azure a Key Vault reference, see infra/README.md).");
        }
    }

    private static void ValidateEntra(EntraSettings entra)
    {
        if (!Uri.TryCreate(entra.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            throw new ConfigurationException($"{EntraSettings.Section}:{nameof(EntraSettings.Instance)}",
                "must be an absolute https URL, e.g. https://login.microsoftonline.com/.");
        }

        if (string.IsNullOrWhiteSpace(entra.TenantId))
        {
            throw new ConfigurationException($"{EntraSettings.Section}:{nameof(EntraSettings.TenantId)}", "is missing.");
        }

        if (!Guid.TryParse(entra.TenantId, out _))
        {
            throw new ConfigurationException($"{EntraSettings.Section}:{nameof(EntraSettings.TenantId)}", "must be a GUID.");
        }

        if (string.IsNullOrWhiteSpace(entra.ClientId))
        {
            throw new ConfigurationException($"{EntraSettings.Section}:{nameof(EntraSettings.ClientId)}", "is missing.");
        }
    }
}
