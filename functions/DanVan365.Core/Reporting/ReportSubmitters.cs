using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>
/// The one rule of "who may submit a unit's report" (issue 21), for both paths: the report form (the Functions' POST
/// /api/submissions and the unit's work it reads first) and a return uploaded to the library (ingestion checks the file's
/// last modifier, <see cref="ReturnUploaders"/>). People are matched by Entra object id in the ward's unit directory, never
/// by name or e-mail. Pure.
/// <list type="bullet">
/// <item>The unit's people: its head or an assignee (<see cref="PersonRoles.UnitPeople"/>).</item>
/// <item>The administrator of the ward's reports: the head of the aggregating unit (the decision's "tổng hợp, theo dõi
/// chung" unit, Phòng Văn hóa - Xã hội in Hải An), who compiles the returns and may submit for any unit (e.g. a return
/// that reached them on paper or by mail), on either path.</item>
/// </list>
/// The API asks one more thing before this rule, deliberately and only there: the caller's token must carry the app role
/// DanVan.Reporter (the API's door; a library upload has SharePoint's permissions instead).
/// </summary>
public static class ReportSubmitters
{
    /// <summary>True when the person with <paramref name="objectId"/> may submit the report of <paramref name="unitCode"/>.</summary>
    /// <param name="units">The ward's unit directory.</param>
    /// <param name="unitCode">The unit whose report it is.</param>
    /// <param name="aggregatingUnitCode">The unit that compiles the returns (the decision's), or null when none.</param>
    /// <param name="objectId">The person's Entra object id.</param>
    public static bool MaySubmit(UnitDirectory units, string unitCode, string? aggregatingUnitCode, string? objectId) =>
        IsPersonOf(units, unitCode, objectId) || IsAggregatingHead(units, aggregatingUnitCode, objectId);

    /// <summary>True when <paramref name="objectId"/> is the head or an assignee of <paramref name="unitCode"/>.</summary>
    public static bool IsPersonOf(UnitDirectory units, string unitCode, string? objectId)
    {
        ArgumentNullException.ThrowIfNull(units);
        return UnitsOf(units, objectId).Contains(unitCode, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="objectId"/> is the head of the aggregating unit (the reports' administrator).</summary>
    public static bool IsAggregatingHead(UnitDirectory units, string? aggregatingUnitCode, string? objectId)
    {
        ArgumentNullException.ThrowIfNull(units);
        return !string.IsNullOrWhiteSpace(aggregatingUnitCode) && units.People.Any(p => string.Equals(p.Unit, aggregatingUnitCode,
            StringComparison.Ordinal) && PersonRoles.Is(p.Role, PersonRoles.Head) && SameId(p.ObjectId, objectId));
    }

    /// <summary>Codes of the units whose head or one of whose assignees has <paramref name="objectId"/> (directory order).</summary>
    public static IReadOnlyList<string> UnitsOf(UnitDirectory units, string? objectId)
    {
        ArgumentNullException.ThrowIfNull(units);
        return [.. units.People
            .Where(p => p.Unit is not null && PersonRoles.IsUnitPerson(p.Role) && SameId(p.ObjectId, objectId))
            .Select(p => p.Unit!)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Object ids compare trimmed and case-insensitively (a GUID in any case); a missing id matches nobody.</summary>
    public static bool SameId(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
