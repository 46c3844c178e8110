namespace DanVan365.LocalM365;

/// <summary>How to start a <see cref="LocalGraphServer"/>.</summary>
public sealed class LocalGraphServerOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Folder for state (graph.db) and outbox/; null keeps state in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>State to start from (see <see cref="LocalGraphServer.Snapshot"/>) instead of the seed; the snapshot is left
    /// unchanged. With <see cref="DataDirectory"/>, it replaces what graph.db held.</summary>
    public LocalGraphSnapshot? Snapshot { get; set; }

    /// <summary>Seed file replacing the embedded Hải An seed (see Seed/seed.json for the format).</summary>
    public string? SeedFile { get; set; }

    /// <summary>Where sent mail goes as .eml; defaults to DATA/outbox, or nowhere in memory mode.</summary>
    public string? OutboxDirectory { get; set; }

    /// <summary>The clock for timestamps (createdDateTime, mail Date, error dates).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Wards to seed: ward 1 is the seed's (Hải An), wards 2..N get generated sites, groups and mailboxes.</summary>
    public int Wards { get; set; } = 1;

    /// <summary>The sites' time zone (IANA or Windows id) replacing the seed's "sharePoint.timeZone" (default Asia/Ho_Chi_Minh).</summary>
    public string? SiteTimeZone { get; set; }

    /// <summary>Browser origins allowed to call the Graph routes (CORS); none by default. Control routes never allow any.</summary>
    public IReadOnlyList<string> CorsOrigins { get; set; } = [];

    /// <summary>
    /// Clock of the wire: the resource-unit budget's minute (SharePoint's per-app window, see ResourceUnitBudget and
    /// https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online)
    /// and the injected latency; real time unless a test fakes it.
    /// </summary>
    public TimeProvider BudgetClock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Items in a delta page when the request gives no $top (driveitem-delta.md, listitem-delta.md: results come in pages
    /// linked by @odata.nextLink; the documentation names no size). Small values make every delta reader follow nextLinks.
    /// </summary>
    public int DeltaPageSize { get; set; } = 200;

    /// <summary>Optional logging for the web host; null logs nothing.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}

/// <summary>Counters since start or the last reset (also GET /_emulator/stats).</summary>
/// <param name="Requests">HTTP requests received on Graph routes (a $batch envelope counts once; control endpoints are not
/// counted).</param>
/// <param name="BatchItems">Requests inside $batch envelopes.</param>
/// <param name="Writes">State-changing operations that succeeded, top-level or inside a batch.</param>
/// <param name="Throttled">429 answers given by the fault injector.</param>
/// <param name="ServerErrors">503 answers given by the fault injector.</param>
/// <param name="MailsSent">Messages accepted by sendMail.</param>
/// <param name="ByRoute">Operations per route template, e.g. "GET /sites/{}/lists/{}/items".</param>
/// <param name="ResourceUnits">SharePoint resource units spent (see <see cref="ResourceUnitBudget"/>), throttled requests included.</param>
public sealed record EmulatorStats(
    long Requests,
    long BatchItems,
    long Writes,
    long Throttled,
    long ServerErrors,
    long MailsSent,
    IReadOnlyDictionary<string, long> ByRoute,
    long ResourceUnits = 0)
{
    /// <summary>Requests per User-Agent header as received ("" when none), envelopes of $batch once.</summary>
    public IReadOnlyDictionary<string, long> UserAgents { get; init; } = new Dictionary<string, long>();
}

/// <summary>Injected faults (also POST /_emulator/faults). Zero turns a fault off.</summary>
/// <param name="ThrottleEvery">Every Nth operation answers 429 with Retry-After.</param>
/// <param name="RetryAfterSeconds">Retry-After value for 429 and 503.</param>
/// <param name="ServerErrorEvery">Every Nth operation answers 503.</param>
/// <param name="DelayMs">Latency added to every request.</param>
/// <param name="AfterExecution">The injected 429/503 is answered after the operation took effect (a lost response).</param>
/// <param name="ConflictEvery">Every Nth Planner write answers 409 (planner-overview: clients re-read and resolve).</param>
/// <param name="ExpireDeltaTokens">Every delta token presented, a nextLink's too, answers 410 Gone (driveitem-delta: resync).</param>
/// <param name="ResourceUnitsPerMinute">SharePoint's per-app budget: past it, 429 until the minute ends (0: no budget).</param>
/// <param name="TimeScale">How much faster than real time the budget's minute runs (60: a minute lasts a second).</param>
public sealed record EmulatorFaults(
    int ThrottleEvery = 0,
    int RetryAfterSeconds = 1,
    int ServerErrorEvery = 0,
    int DelayMs = 0,
    bool AfterExecution = false,
    int ConflictEvery = 0,
    bool ExpireDeltaTokens = false,
    int ResourceUnitsPerMinute = 0,
    double TimeScale = 1);

/// <summary>A user to add at runtime (also POST /_emulator/users).</summary>
/// <param name="UserPrincipalName">Sign-in name, e.g. vp.truong@haian.example.vn.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Mail">Mail address; defaults to the UPN.</param>
/// <param name="JobTitle">Job title.</param>
/// <param name="Department">Department (unit name).</param>
/// <param name="Id">Object id; derived from the UPN when null.</param>
/// <param name="MemberOfWardGroup">Whether to add the user to the ward's Microsoft 365 group (default true).</param>
public sealed record EmulatorUser(
    string UserPrincipalName,
    string DisplayName,
    string? Mail = null,
    string? JobTitle = null,
    string? Department = null,
    string? Id = null,
    bool MemberOfWardGroup = true);

/// <summary>Ids of the seeded tenant, for callers that need them without a lookup.</summary>
/// <param name="TenantDomain">e.g. haian.example.vn.</param>
/// <param name="SharePointHostname">e.g. haian.sharepoint.com.</param>
/// <param name="RootSiteId">The root site's id.</param>
/// <param name="WardSiteId">The ward site's id (/sites/phuong-hai-an).</param>
/// <param name="WardSitePath">The ward site's server-relative path.</param>
/// <param name="WardGroupId">The ward's Microsoft 365 group (also the team) id.</param>
/// <param name="GeneralChannelId">The team's General channel id.</param>
public sealed record SeededTenant(
    string TenantDomain,
    string SharePointHostname,
    string RootSiteId,
    string WardSiteId,
    string WardSitePath,
    string WardGroupId,
    string GeneralChannelId);
