using DanVan365.Core.Units;

namespace DanVan365.Core.Planner;

/// <summary>
/// A person a Planner task is to be assigned to: the e-mail the task spec names them by, the unit whose task it is, and
/// their Entra object id from the unit directory when it gives one (docs/architecture.md "Authority").
/// </summary>
public sealed record PlannerAssignee(string Email, string UnitCode, string? ObjectId);

/// <summary>
/// Who a Planner sync must resolve to user ids, with the directory's object ids: a person with an object id is assigned by
/// it (no look-up in the tenant's directory); one without is looked up by mail or sign-in name, a fallback the adapter
/// warns about (no address in the log, only the unit's code).
/// </summary>
public static class PlannerAssignees
{
    /// <summary>
    /// The assignees of <paramref name="emails"/> (from <see cref="PlannerSyncPlanner.PeopleToResolve"/>), each with the
    /// unit of the first task that names them and the object id the directory gives that address (a person of that unit
    /// first, else anyone with that address).
    /// </summary>
    public static IReadOnlyList<PlannerAssignee> Of(IReadOnlySet<string> emails, IReadOnlyList<PlannerTaskSpec> specs, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(units);
        var result = new List<PlannerAssignee>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            foreach (var email in spec.AssigneeEmails.Where(e => emails.Contains(e) && seen.Add(e)))
            {
                result.Add(new PlannerAssignee(email, spec.UnitCode, ObjectIdOf(units, email, spec.UnitCode)));
            }
        }

        // People asked for that no task names (none today) are still resolved, by mail.
        result.AddRange(emails.Where(seen.Add).Order(StringComparer.OrdinalIgnoreCase)
            .Select(e => new PlannerAssignee(e, string.Empty, ObjectIdOf(units, e, null))));
        return result;
    }

    private static string? ObjectIdOf(UnitDirectory units, string email, string? unitCode) =>
        units.People.Where(p => p.ObjectId is not null && string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Unit == unitCode ? 0 : 1)
            .Select(p => p.ObjectId)
            .FirstOrDefault();
}
