namespace DanVan365.Functions.Configuration;

/// <summary>
/// One ward as configured in the "Wards" section (app settings <c>Wards__N__Id</c>, <c>Wards__N__SiteUrl</c>, …).
/// <see cref="SiteUrl"/>, <see cref="GroupId"/> and <see cref="SenderMailbox"/> fall back to the "M365" section
/// (<c>M365__SiteUrl</c>, …), which suits a Function App that serves one ward.
/// </summary>
public sealed class WardSettings
{
    /// <summary>Stable id used in queue messages and HTTP calls (lower-case letters, digits, '-'), e.g. "hai-an".</summary>
    public string? Id { get; set; }

    /// <summary>The ward's name as people write it, e.g. "Phường Hải An" (used in logs and texts).</summary>
    public string? Name { get; set; }

    /// <summary>The ward's SharePoint site, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Object id of the ward's Microsoft 365 group (owner of the plan).</summary>
    public string? GroupId { get; set; }

    /// <summary>Title of the ward's Planner plan, e.g. "Dân vận 2026 – Phường Hải An".</summary>
    public string? PlanTitle { get; set; }

    /// <summary>Path of the ward's unit directory (JSON); empty: the Hải An directory that ships with the project.</summary>
    public string? UnitsFile { get; set; }

    /// <summary>Path of the ward's scoring model (JSON, docs/scoring.md); empty: the model that ships with the project.</summary>
    public string? ScoringFile { get; set; }

    /// <summary>Mailbox the ward's reminders are sent from.</summary>
    public string? SenderMailbox { get; set; }

    /// <summary>The ward's holiday files, one per year; empty: <c>Escalation:HolidayFiles</c> (or the bundled Hải An 2026 file).</summary>
    public List<string> HolidayFiles { get; set; } = [];

    /// <summary>
    /// How the ward closes its compiled report (<c>Wards__N__Report__Recipients__0</c>, <c>…__Signer</c>, …); what is not
    /// set comes from the decision (<see cref="DanVan365.Core.Reporting.WardIdentity.From"/>).
    /// </summary>
    public DanVan365.Core.Reporting.ReportOptions Report { get; set; } = new();
}

/// <summary>The Functions' settings: the tenant ("M365") and the wards ("Wards").</summary>
public sealed class FunctionsSettings
{
    public const string WardsSection = "Wards";

    /// <summary>Tenant-wide Graph settings (identity, endpoint) and the defaults of a single ward.</summary>
    public DanVan365.M365.Client.M365Options M365 { get; set; } = new();

    /// <summary>The seal key of the values DanVan365 owns (section "Integrity"; a Key Vault reference in Azure).</summary>
    public DanVan365.Core.Integrity.IntegrityOptions Integrity { get; set; } = new();

    public List<WardSettings> Wards { get; set; } = [];

    /// <summary>The escalation ladder and the holiday files of wards that give none (bound and validated by AddDanVan365).</summary>
    public DanVan365.Core.Escalation.EscalationOptions Escalation { get; set; } = new();

    /// <summary>The Entra ID app registration whose tokens the HTTP functions accept ("AzureAd" section).</summary>
    public EntraSettings AzureAd { get; set; } = new();
}

/// <summary>Settings of the API's app registration (the Microsoft.Identity.Web "AzureAd" section).</summary>
public sealed class EntraSettings
{
    public const string Section = "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Tenant id (GUID) whose tokens are accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id of the API's app registration: the tokens' audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>Optional App ID URI, e.g. api://danvan365-hai-an (also accepted as audience).</summary>
    public string? Audience { get; set; }
}
