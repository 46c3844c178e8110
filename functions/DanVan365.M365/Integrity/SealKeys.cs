using System.Security.Cryptography;
using System.Text;
using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;
using DanVan365.M365.Client;

namespace DanVan365.M365.Integrity;

/// <summary>
/// The seal of a target (docs/architecture.md "Records people can trust"). A tenant needs <c>Integrity:SealKey</c>
/// (a Key Vault reference in Azure): without it nothing starts, since every owned value would otherwise be unprovable.
/// The embedded local Microsoft 365 has no members to protect against and no vault: its key is derived from the local
/// site's address, stable across runs of the same local tenant, and never used for a real tenant.
/// </summary>
public static class SealKeys
{
    public static RecordSeal For(IntegrityOptions options, M365Options target)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        if (options.Key() is { } key)
        {
            return new RecordSeal(key, options.PreviousKey());
        }

        if (!target.Local)
        {
            throw new ConfigurationException($"{IntegrityOptions.SectionName}:{nameof(IntegrityOptions.SealKey)}",
                "is required for a Microsoft 365 tenant (base64, at least 32 bytes; a Key Vault reference in Azure).");
        }

        var local = SHA256.HashData(Encoding.UTF8.GetBytes("DanVan365 local seal\n" + (target.SiteUrl ?? target.GraphBaseUrl)));
        return new RecordSeal(local);
    }

    /// <summary>Where the target's key comes from (the protections report); never throws.</summary>
    public static Core.Lockdown.SealKeySource SourceFor(IntegrityOptions options, M365Options target)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            if (options.Key() is not null)
            {
                return options.PreviousKey() is null ? Core.Lockdown.SealKeySource.Configured : Core.Lockdown.SealKeySource.Rotating;
            }
        }
        catch (ConfigurationException)
        {
            return Core.Lockdown.SealKeySource.Missing;
        }

        return target.Local ? Core.Lockdown.SealKeySource.LocalDerived : Core.Lockdown.SealKeySource.Missing;
    }
}
