using DanVan365.Core.Errors;

namespace DanVan365.M365.Client;

/// <summary>How the app authenticates to a real tenant. No client secrets: managed identity, workload identity federation or a certificate.</summary>
public enum CredentialKind
{
    ManagedIdentity,
    WorkloadIdentity,
    Certificate,
}

/// <summary>
/// Settings of the Microsoft 365 target (section "M365" in Functions settings, or a --tenant JSON file).
/// For the local Graph only <see cref="GraphBaseUrl"/> and <see cref="SiteUrl"/> matter.
/// </summary>
public sealed class M365Options
{
    public const string Section = "M365";

    /// <summary>Graph endpoint, e.g. https://graph.microsoft.com/v1.0 (or the local Graph's base URL).</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>True when talking to DanVan365.LocalM365 (any bearer token is accepted).</summary>
    public bool Local { get; set; }

    /// <summary>Entra ID tenant id (GUID).</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id of the app registration, or of the user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    public CredentialKind Credential { get; set; } = CredentialKind.ManagedIdentity;

    /// <summary>Path of a PFX/PEM certificate (Credential = Certificate).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The ward's site, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Object id of the ward's Microsoft 365 group (owner of the Planner plan).</summary>
    public string? GroupId { get; set; }

    /// <summary>Mailbox the reminders are sent from (user principal name).</summary>
    public string? SenderMailbox { get; set; }

    /// <summary>Most attempts for one request (first try included) before giving up.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Total time one request may spend retrying.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Checks every setting; throws <see cref="ConfigurationException"/> naming the first bad one.</summary>
    public void Validate()
    {
        Require(nameof(GraphBaseUrl), GraphBaseUrl);
        if (!Uri.TryCreate(GraphBaseUrl, UriKind.Absolute, out var graph) || (graph.Scheme != Uri.UriSchemeHttps && !(Local && graph.IsLoopback)))
        {
            throw new ConfigurationException($"{Section}:{nameof(GraphBaseUrl)}", "must be an absolute https URL (http only for a local Graph on 127.0.0.1).");
        }

        Require(nameof(SiteUrl), SiteUrl);
        if (!Uri.TryCreate(SiteUrl, UriKind.Absolute, out var site) || site.AbsolutePath.Length < 2)
        {
            throw new ConfigurationException($"{Section}:{nameof(SiteUrl)}", "must be the site's absolute URL, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ConfigurationException($"{Section}:{nameof(MaxAttempts)}", "must be between 1 and 10.");
        }

        if (Local)
        {
            return;
        }

        Require(nameof(TenantId), TenantId);
        if (!Guid.TryParse(TenantId, out _))
        {
            throw new ConfigurationException($"{Section}:{nameof(TenantId)}", "must be a GUID.");
        }

        if (Credential != CredentialKind.ManagedIdentity || ClientId is not null)
        {
            Require(nameof(ClientId), ClientId);
        }

        if (Credential == CredentialKind.Certificate)
        {
            Require(nameof(CertificatePath), CertificatePath);
        }
    }

    private static void Require(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException($"{Section}:{name}", "is missing.");
        }
    }
}
