namespace DanVan365.Core.Units;

/// <summary>
/// The role names of <see cref="Person.Role"/> as the unit directory file gives them (the one set of constants: the
/// directory reader, the submitters' rule, escalation, proposals, the API and `serve` all use these).
/// </summary>
public static class PersonRoles
{
    /// <summary>The head of a unit (thủ trưởng).</summary>
    public const string Head = "head";

    /// <summary>A person a unit assigns to the work (cán bộ được phân công).</summary>
    public const string Assignee = "assignee";

    /// <summary>The committee's officer who signs the decision (a person outside the units).</summary>
    public const string Signer = "signer";

    /// <summary>
    /// The chairman of the People's Committee (Chủ tịch): named among a decision's recipients ("CT, các PCT") and in the
    /// directory so the product knows who leads the committee; not a rung of the reminder ladder.
    /// </summary>
    public const string Chairman = "chairman";

    /// <summary>
    /// A person outside the units who may publish the ward's decisions to the library (e.g. a clerk of the committee); the
    /// people of a unit with "publishesDecisions" and the signer publish too (<see cref="DecisionPublishers"/>).
    /// </summary>
    public const string Publisher = "publisher";

    /// <summary>Any other person the directory lists (the role a listed person gets when the file gives none).</summary>
    public const string Member = "member";

    /// <summary>The roles that make a person one of a unit's people: its head and its assignees.</summary>
    public static IReadOnlyList<string> UnitPeople { get; } = [Head, Assignee];

    /// <summary>
    /// True when <paramref name="role"/> (as a directory file wrote it) is <paramref name="name"/>: trimmed,
    /// case-insensitive, so a hand-edited file's "Signer" is the signer everywhere.
    /// </summary>
    public static bool Is(string? role, string name) => string.Equals(role?.Trim(), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="role"/> makes a person one of their unit's people (head or assignee).</summary>
    public static bool IsUnitPerson(string? role) => Is(role, Head) || Is(role, Assignee);
}
