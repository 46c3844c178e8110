using System.Security.Claims;
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
/// Authorization of the HTTP functions, from the caller's ClaimsPrincipal (authenticated by the Entra ID middleware):
/// app roles from the token's "roles" claim, and for reporters the units whose head or assignee is the caller
/// (matched on the token's preferred_username / upn / email, case-insensitively).
/// </summary>
public static class CallerAuthorizer
{
    private static readonly string[] RoleClaims = ["roles", ClaimTypes.Role];

    private static readonly string[] NameClaims = ["preferred_username", "upn", ClaimTypes.Upn, "email", ClaimTypes.Email, "unique_name"];

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

    /// <summary>Allowed when the caller is a reporter and belongs to <paramref name="unitCode"/> in <paramref name="units"/>.</summary>
    public static AuthDecision RequireReporterOf(ClaimsPrincipal? caller, string unitCode, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var role = RequireRole(caller, AppRoles.Reporter);
        if (!role.Allowed)
        {
            return role;
        }

        return UnitsOf(caller!, units).Contains(unitCode, StringComparer.Ordinal)
            ? AuthDecision.Allow
            : new AuthDecision(AuthOutcome.Forbidden, "the caller does not belong to unit " + unitCode);
    }

    /// <summary>Codes of the units whose head or one of whose assignees is the caller.</summary>
    public static IReadOnlyList<string> UnitsOf(ClaimsPrincipal caller, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(units);
        var names = NameClaims.SelectMany(c => caller.FindAll(c)).Select(c => c.Value.Trim()).Where(v => v.Contains('@', StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            return [];
        }

        return [.. units.Units.Where(u => (u.Head is not null && names.Contains(u.Head)) || u.Assignees.Any(names.Contains)).Select(u => u.Code)];
    }

    private static bool HasRole(ClaimsPrincipal caller, string role) =>
        RoleClaims.Any(type => caller.FindAll(type).Any(c => string.Equals(c.Value, role, StringComparison.Ordinal)));
}
