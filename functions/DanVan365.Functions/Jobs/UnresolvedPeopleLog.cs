using DanVan365.Core.Units;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// People a sync could not resolve in the directory (Planner tasks are made without them): logged by the Functions, not
/// only printed by the CLI. Names and e-mail addresses are personal data and never logged: the count and the units they
/// belong to. They have no object id either (a person with one is assigned by it, unlooked-up: GraphPeopleDirectory), so
/// the admin finds them by unit in the units file.
/// </summary>
internal static partial class UnresolvedPeopleLog
{
    /// <summary>Logs one warning when <paramref name="unresolved"/> (e-mail addresses, as the sync reports them) is not empty.</summary>
    public static void Write(ILogger logger, string wardId, UnitDirectory units, IReadOnlyList<string> unresolved)
    {
        if (unresolved.Count == 0)
        {
            return;
        }

        var people = units.People
            .Where(p => unresolved.Contains(p.Email, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var unitCodes = people.Select(p => p.Unit ?? "-").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        PeopleNotResolved(logger, wardId, unresolved.Count, string.Join(',', unitCodes));
    }

    [LoggerMessage(EventId = 5400, Level = LogLevel.Warning,
        Message = "SyncCatalogue ward={Ward}: {Count} person(s) without objectId not found in the directory, tasks made " +
        "without them; add their objectId in the units file; units={Units}")]
    private static partial void PeopleNotResolved(ILogger logger, string ward, int count, string units);
}
