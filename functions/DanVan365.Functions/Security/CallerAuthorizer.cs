using System.Security.Claims;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;

namespace DanVan365.Functions.Security;

/// <summary>The app roles of the API's app registration.</summary>
public static class AppRoles
{
    /// <summary>Sync and compile.</summary>
    public const string Admin = "DanVan.Admin";

    /// <summary>Submit a report (for the caller's own unit) and read status.</summary>
    public const string Reporter = "DanVan.Reporter";
}

/// <summary>The authorization decision for an HTTP call.</summary>
public enum AuthOutcome
{
    Allowed,

    /// <summary>No valid token: 401.</summary>
    Unauthenticated,

    /// <summary>A valid token without the role, or for another unit: 403.</summary>
    Forbidden,
}

/// <summary>The decision and, when refused, why (no personal data: the reason is logged).</summary>
public sealed record AuthDecision(AuthOutcome Outcome, string Reason)
{
    public static AuthDecision Allow { get; } = new(AuthOutcome.Allowed, "allowed");

    public bool Allowed => Outcome == AuthOutcome.Allowed;

    /// <summary>The HTTP status of a refusal (401/403), or 200.</summary>
    public int StatusCode => Outcome switch
    {
        AuthOutcome.Unauthenticated => 401,
        AuthOutcome.Forbidden => 403,
        _ => 200,
    };
}

/// <summary>
/// Authorization of the HTTP functions, from the caller's ClaimsPrincipal (authenticated by
/// <see cref="EntraAuthenticationMiddleware"/>): app roles from the token's "roles" claim, and for reporters the units
/// whose head or assignee has the token's object id ("oid") in the ward's unit directory. E-mail, UPN and names are
/// never used: people can change them. A person without an object id in the directory is matched by nobody.
/// </summary>
public static class CallerAuthorizer
{
    /// <summary>The object id claim as Entra ID writes it, and as the JwtBearer handler maps it.</summary>
    public static readonly IReadOnlyList<string> ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];

    private static readonly string[] RoleClaims = ["roles", ClaimTypes.Role];

    /// <summary>Allowed when the caller is authenticated and holds one of <paramref name="roles"/>.</summary>
    public static AuthDecision RequireRole(ClaimsPrincipal? caller, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (caller?.Identity?.IsAuthenticated != true)
        {
            return new AuthDecision(AuthOutcome.Unauthenticated, "no valid Entra ID token");
        }

        return roles.Any(r => HasRole(caller, r))
            ? AuthDecision.Allow
            : new AuthDecision(AuthOutcome.Forbidden, "missing app role " + string.Join(" or ", roles));
    }

    /// <summary>
    /// Allowed when the caller is a reporter who may submit (and read) the report of <paramref name="unitCode"/> by the one
    /// rule of <see cref="ReportSubmitters.MaySubmit"/>, the same as a library upload's: one of the unit's people, or the
    /// head of <paramref name="aggregatingUnitCode"/> (the decision's aggregating unit). The app role is the API's own door.
    /// </summary>
    public static AuthDecision RequireReporterOf(ClaimsPrincipal? caller, string unitCode, UnitDirectory units, string? aggregatingUnitCode)
    {
        ArgumentNullException.ThrowIfNull(units);
        var role = RequireRole(caller, AppRoles.Reporter);
        if (!role.Allowed)
        {
            return role;
        }

        return ReportSubmitters.MaySubmit(units, unitCode, aggregatingUnitCode, ObjectIdOf(caller!))
            ? AuthDecision.Allow
            : new AuthDecision(AuthOutcome.Forbidden, "the caller may not submit for unit " + unitCode);
    }

    /// <summary>
    /// The report form's first gate, before the ward's decision is read (deny by default): a reporter who is one of the
    /// unit's people, or the head of some unit (who may be the aggregating unit's head: only the decision says which, so
    /// <see cref="RequireReporterOf"/> decides once it is read). Anyone else is refused here.
    /// </summary>
    public static AuthDecision RequirePossibleSubmitter(ClaimsPrincipal? caller, string unitCode, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var role = RequireRole(caller, AppRoles.Reporter);
        if (!role.Allowed)
        {
            return role;
        }

        var objectId = ObjectIdOf(caller!);
        return ReportSubmitters.MaySubmit(units, unitCode, aggregatingUnitCode: null, objectId)
            || units.Units.Any(u => ReportSubmitters.IsAggregatingHead(units, u.Code, objectId))
            ? AuthDecision.Allow
            : new AuthDecision(AuthOutcome.Forbidden, "the caller may not submit for unit " + unitCode);
    }

    /// <summary>
    /// Allowed for an administrator, or for a reporter whom the ward's directory (<paramref name="units"/>) names as the
    /// head or an assignee of one of its units: a reporter's wards are only those whose directory names them.
    /// </summary>
    public static AuthDecision RequireWardMember(ClaimsPrincipal? caller, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var role = RequireRole(caller, AppRoles.Reporter, AppRoles.Admin);
        if (!role.Allowed || HasRole(caller!, AppRoles.Admin))
        {
            return role;
        }

        return UnitsOf(caller!, units).Count > 0
            ? AuthDecision.Allow
            : new AuthDecision(AuthOutcome.Forbidden, "the ward's unit directory does not name the caller");
    }

    /// <summary>
    /// Allowed when the ward's directory (<paramref name="units"/>) names the caller's object id as a person (any role),
    /// or, with <paramref name="orAdmin"/>, when the caller is an administrator. The role itself is checked before.
    /// </summary>
    public static AuthDecision RequireDirectoryPerson(ClaimsPrincipal? caller, UnitDirectory units, bool orAdmin)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (caller?.Identity?.IsAuthenticated != true)
        {
            return new AuthDecision(AuthOutcome.Unauthenticated, "no valid Entra ID token");
        }

        return PersonOf(caller, units) is not null || (orAdmin && HasRole(caller, AppRoles.Admin))
            ? AuthDecision.Allow
            : new AuthDecision(AuthOutcome.Forbidden, "the ward's unit directory does not name the caller");
    }

    /// <summary>The address of the directory person whose object id the token carries (never the token's e-mail or name).</summary>
    public static string? PersonOf(ClaimsPrincipal caller, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(units);
        var objectId = ObjectIdOf(caller);
        return objectId is null
            ? null
            : units.People.FirstOrDefault(p => ReportSubmitters.SameId(p.ObjectId, objectId))?.Email;
    }

    /// <summary>Codes of the units whose head or one of whose assignees has the caller's object id.</summary>
    public static IReadOnlyList<string> UnitsOf(ClaimsPrincipal caller, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(units);
        return ReportSubmitters.UnitsOf(units, ObjectIdOf(caller));
    }

    /// <summary>The caller's Entra object id (a GUID, lower case), or null when the token has none or two different ones.</summary>
    public static string? ObjectIdOf(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var ids = ObjectIdClaims.SelectMany(caller.FindAll)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Distinct()
            .ToList();
        return ids is [var single] && single != Guid.Empty ? single.ToString("D") : null;
    }

    private static bool HasRole(ClaimsPrincipal caller, string role) =>
        RoleClaims.Any(type => caller.FindAll(type).Any(c => string.Equals(c.Value, role, StringComparison.Ordinal)));
}
