using DanVan365.Core.Errors;

namespace DanVan365.M365.Client;

/// <summary>How the app authenticates to a real tenant. No client secrets: managed identity, workload identity federation or a
/// certificate.</summary>
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

    /// <summary>
    /// The site's time zone (regional settings), IANA or Windows id: date-only columns hold the site's local date.
    /// Ward sites are provisioned in Indochina Time (Asia/Ho_Chi_Minh).
    /// </summary>
    public string SiteTimeZone { get; set; } = Lists.SiteDates.DefaultTimeZone;

    /// <summary>Object id of the ward's Microsoft 365 group (owner of the Planner plan).</summary>
    public string? GroupId { get; set; }

    /// <summary>Mailbox the reminders are sent from (user principal name).</summary>
    public string? SenderMailbox { get; set; }

    /// <summary>Most attempts for one request (first try included) before giving up.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Total time one request may spend retrying.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// SharePoint resource units the app may spend per minute in this tenant (all wards together). 1,250 is under the
    /// 1,200 to 6,000 per app and minute of "Avoid getting throttled or blocked in SharePoint Online" only for the
    /// smallest tenants: set the tenant's own figure (https://learn.microsoft.com/sharepoint/dev/general-development/
    /// how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
    /// </summary>
    public int ResourceUnitsPerMinute { get; set; } = 1250;

    /// <summary>
    /// Pace a local Graph (<see cref="Local"/>) like a tenant. Off by default: the local Graph has no budget unless one is
    /// set on it (<c>POST /_emulator/faults</c>), so local runs and tests are paced only by its answers (429 +
    /// Retry-After). The city benchmark turns it on.
    /// </summary>
    public bool PaceLocal { get; set; }

    /// <summary>
    /// Local Graph only (<see cref="Local"/>): the object id of a user of the local tenant every request of this connection
    /// acts as, sent in the emulator-only header <see cref="LocalActingUserHeader"/> (README, "Local Graph"); null: the
    /// application, as in a tenant. Tests, `demo` and `serve` upload a unit's return as the unit's person with it.
    /// </summary>
    public string? LocalActingUserId { get; set; }

    /// <summary>A copy of these (local) options whose requests act as the local user <paramref name="userId"/>.</summary>
    public M365Options ActingAs(string userId)
    {
        var copy = (M365Options)MemberwiseClone();
        copy.LocalActingUserId = userId;
        copy.Validate();
        return copy;
    }

    /// <summary>
    /// A copy of the tenant's options for one ward of a city deployment: every tenant setting (credentials, pacing,
    /// zone, traffic decoration) as it is, the ward's own site, group and sender mailbox set. A whole copy, so a setting
    /// added later cannot be forgotten (issue 25 found eight pacing settings left at their defaults by a field-by-field copy).
    /// </summary>
    public M365Options ForWard(string siteUrl, string groupId, string? senderMailbox)
    {
        var copy = (M365Options)MemberwiseClone();
        copy.SiteUrl = siteUrl;
        copy.GroupId = groupId;
        copy.SenderMailbox = senderMailbox;
        return copy;
    }

    /// <summary>The local Graph's emulator-only header naming the user a request acts as (DanVan365.LocalM365
    /// Handlers/Actors.cs).</summary>
    public const string LocalActingUserHeader = "X-LocalM365-Acting-User";

    /// <summary>
    /// Function instances sharing the tenant's budget: each takes 1/InstanceCount of it (docs/architecture.md "Resilience").
    /// </summary>
    public int InstanceCount { get; set; } = 1;

    /// <summary>
    /// Planner requests per minute per tenant. Planner publishes no limit ("Service limits for Planner are not available",
    /// concepts/throttling-limits.md); 1,200 a minute (20 a second) stays below the per-app-per-tenant rates published for
    /// the neighbouring group workloads (Microsoft Teams: 30 requests a second) and lets a city's Planner work finish
    /// within the time its SharePoint budget needs anyway (docs/benchmarks.md "City benchmark"). A 429 pauses it for its Retry-After.
    /// </summary>
    public int PlannerRequestsPerMinute { get; set; } = 1200;

    /// <summary>Messages per minute per mailbox (Exchange Online sending limit: 30 messages a minute).</summary>
    public int MailMessagesPerMinute { get; set; } = 30;

    /// <summary>
    /// Length of the budget's minute. One minute in production; the city benchmark shortens it with the local
    /// Graph's timeScale (60 makes a minute last a second).
    /// </summary>
    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the tenant's circuit stays open after sustained 503s before one trial request.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every setting; throws <see cref="ConfigurationException"/> naming the first bad one.</summary>
    public void Validate()
    {
        Require(nameof(GraphBaseUrl), GraphBaseUrl);
        if (!Uri.TryCreate(GraphBaseUrl, UriKind.Absolute,
            out var graph) || (graph.Scheme != Uri.UriSchemeHttps && !(Local && graph.IsLoopback)))
        {
            throw new ConfigurationException($"{Section}:{nameof(GraphBaseUrl)}",
                "must be an absolute https URL (http only for a local Graph on 127.0.0.1).");
        }

        Require(nameof(SiteUrl), SiteUrl);
        if (!Uri.TryCreate(SiteUrl, UriKind.Absolute, out var site) || site.AbsolutePath.Length < 2)
        {
            throw new ConfigurationException($"{Section}:{nameof(SiteUrl)}",
                "must be the site's absolute URL, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ConfigurationException($"{Section}:{nameof(MaxAttempts)}", "must be between 1 and 10.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(SiteTimeZone ?? string.Empty, out _))
        {
            throw new ConfigurationException($"{Section}:{nameof(SiteTimeZone)}", "must be a time zone id, e.g. Asia/Ho_Chi_Minh.");
        }

        CheckBudget();
        if (LocalActingUserId is not null && (!Local || !Guid.TryParse(LocalActingUserId, out _)))
        {
            throw new ConfigurationException($"{Section}:{nameof(LocalActingUserId)}",
                "is for a local Graph only, and must be the object id (GUID) of one of its users.");
        }

        CheckTrafficOrganisation();
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

    private void CheckBudget()
    {
        if (ResourceUnitsPerMinute is < 10 or > 1_000_000)
        {
            throw new ConfigurationException($"{Section}:{nameof(ResourceUnitsPerMinute)}", "must be between 10 and 1000000.");
        }

        if (InstanceCount is < 1 or > 100)
        {
            throw new ConfigurationException($"{Section}:{nameof(InstanceCount)}", "must be between 1 and 100.");
        }

        if (PlannerRequestsPerMinute < 1 || MailMessagesPerMinute < 1)
        {
            throw new ConfigurationException($"{Section}:{nameof(PlannerRequestsPerMinute)}",
                "Planner and mail paces must be at least 1 a minute.");
        }

        if (BudgetWindow <= TimeSpan.Zero || RetryBudget <= TimeSpan.Zero || CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ConfigurationException($"{Section}:{nameof(BudgetWindow)}",
                "budget window, retry budget and circuit break must be positive.");
        }
    }

    private static void Require(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException($"{Section}:{name}", "is missing.");
        }
    }

    /// <summary>
    /// The organisation that runs the app, in the User-Agent every Graph request carries:
    /// <c>NONISV|{TrafficOrganisation}|DanVan365/{version}</c>, the decoration SharePoint asks of an enterprise
    /// application ("Avoid getting throttled or blocked in SharePoint Online", section "How to decorate your http traffic":
    /// well decorated traffic is prioritised over traffic that is not). One RFC 2616 token (letters, digits and
    /// <c>!#$%&amp;'*+-.^_`~</c>, at most 64; no '|', which separates the parts), e.g. <c>UBND-TP-Hai-Phong</c>.
    /// </summary>
    public string TrafficOrganisation { get; set; } = DefaultTrafficOrganisation;

    /// <summary>The organisation named when none is set: the project's own name.</summary>
    public const string DefaultTrafficOrganisation = "DanVan365";

    private void CheckTrafficOrganisation()
    {
        if (string.IsNullOrEmpty(TrafficOrganisation) || TrafficOrganisation.Length > 64
            || !TrafficOrganisation.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`~".Contains(c, StringComparison.Ordinal)))
        {
            throw new ConfigurationException($"{Section}:{nameof(TrafficOrganisation)}",
                "must be one word of at most 64 letters, digits or !#$%&'*+-.^_`~ (no spaces, no '|'), e.g. UBND-TP-Hai-Phong.");
        }
    }
}
