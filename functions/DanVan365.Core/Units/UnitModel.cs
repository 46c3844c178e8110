namespace DanVan365.Core.Units;

/// <summary>Kinds of unit (docs/architecture.md "Units").</summary>
public enum UnitKind
{
    /// <summary>An office of the People's Committee (phòng, văn phòng, trung tâm): assigned.</summary>
    Office,

    /// <summary>A public service unit of the committee (đơn vị sự nghiệp công lập): assigned.</summary>
    PublicServiceUnit,

    /// <summary>A body of the Party (Ban Xây dựng Đảng, Đảng ủy cơ quan Đảng): requested.</summary>
    PartyBody,

    /// <summary>The Fatherland Front and the mass organisations: requested.</summary>
    FrontOrMassOrganisation,

    /// <summary>The residential groups (tổ dân phố): requested.</summary>
    ResidentialGroup,

    /// <summary>Agencies, organisations and businesses outside the committee: requested.</summary>
    External,
}

/// <summary>
/// How the committee stands to a unit (docs/architecture.md "Units"): it <em>assigns</em> work to its own offices and
/// public service units ("giao") and only <em>requests</em> ("đề nghị") the Party's bodies, the Front, the residential
/// groups and outside organisations.
/// </summary>
public enum UnitAuthority
{
    /// <summary>The committee assigns the unit: reminders, escalation to the committee's leaders, reports required.</summary>
    Assigned,

    /// <summary>The committee requests the unit: at most a courtesy reminder, never escalated, reports optional.</summary>
    Requested,
}

/// <summary>The one rule from a unit's kind to the committee's authority over it.</summary>
public static class UnitAuthorities
{
    /// <summary>Offices and public service units are assigned; every other kind is requested.</summary>
    public static UnitAuthority Of(UnitKind kind) =>
        kind is UnitKind.Office or UnitKind.PublicServiceUnit ? UnitAuthority.Assigned : UnitAuthority.Requested;
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

    /// <summary>
    /// The unit's abbreviation in document numbers and "Lưu: VT, …" (directory "abbreviation", e.g. "VHXH" or "KT, HT&amp;ĐT");
    /// null: the code stands for it.
    /// </summary>
    public string? Abbreviation { get; init; }

    /// <summary>True while <see cref="Kind"/> is a guess of `danvan365 init` a person must confirm (directory "kindToCheck").</summary>
    public bool KindToCheck { get; init; }

    /// <summary>Assigned or requested, from <see cref="Kind"/> (<see cref="UnitAuthorities.Of"/>).</summary>
    public UnitAuthority Authority => UnitAuthorities.Of(Kind);

    /// <summary>True when the committee assigns this unit (an office or a public service unit).</summary>
    public bool IsAssigned => Authority == UnitAuthority.Assigned;
}
