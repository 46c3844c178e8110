namespace DanVan365.Core.Units;

/// <summary>Kinds of unit (docs/architecture.md "Units").</summary>
public enum UnitKind
{
    Office,
    PublicServiceUnit,
    PartyBody,
    FrontOrMassOrganisation,
    External,
}

/// <summary>A unit of the ward (or an external party named in the decision).</summary>
/// <param name="Code">Stable ASCII code, e.g. "VHXH".</param>
/// <param name="Name">Full Vietnamese name, e.g. "Phòng Văn hóa - Xã hội".</param>
/// <param name="Aliases">Other spellings found in decisions.</param>
/// <param name="Kind">Kind of unit.</param>
/// <param name="Head">Head's e-mail address (placeholder people in the defaults).</param>
/// <param name="Assignees">People who do the unit's tasks (e-mail addresses).</param>
public sealed record Unit(
    string Code,
    string Name,
    IReadOnlyList<string> Aliases,
    UnitKind Kind,
    string? Head,
    IReadOnlyList<string> Assignees)
{
    /// <summary>
    /// True for the office that issues the ward's decisions (directory "publishesDecisions": in Hải An the Văn phòng HĐND
    /// và UBND): its head and assignees may put a decision in the library's "Quyết định" (<see cref="DecisionPublishers"/>).
    /// </summary>
    public bool PublishesDecisions { get; init; }
}
