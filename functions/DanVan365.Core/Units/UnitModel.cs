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
    IReadOnlyList<string> Assignees);
