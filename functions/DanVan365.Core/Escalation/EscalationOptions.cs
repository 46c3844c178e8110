using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Core.Escalation;

/// <summary>One rung of the ladder: <see cref="OffsetDays"/> relative to the last day (negative = before), and who gets mail.</summary>
public sealed class EscalationStep
{
    public EscalationStep()
    {
    }

    public EscalationStep(int offsetDays, params RecipientRole[] recipients)
    {
        OffsetDays = offsetDays;
        Recipients = [.. recipients];
    }

    /// <summary>Days relative to the last day: −7 = seven days before, +1 = the first day after.</summary>
    public int OffsetDays { get; set; }

    /// <summary>Roles that receive this step's mail (cumulative roles are listed explicitly).</summary>
    public List<RecipientRole> Recipients { get; set; } = [];
}

/// <summary>
/// The one courtesy reminder to a unit the committee only requests (section <c>Escalation:Courtesy</c>): such a unit never
/// climbs the ladder; its contact (the head, else the assignees) gets at most one reminder per item, worded as a request, on
/// the first working day on or after (last day + <see cref="OffsetDays"/>) and never after the last day. On or off per kind.
/// </summary>
public sealed class CourtesyReminderOptions
{
    /// <summary>The default offset: three days before the last day.</summary>
    public const int DefaultOffsetDays = -3;

    /// <summary>Days relative to the last day (0 or negative: the reminder goes out on or before the last day).</summary>
    public int OffsetDays { get; set; } = DefaultOffsetDays;

    /// <summary>Party bodies (directory kind "party-body"): on by default.</summary>
    public bool PartyBody { get; set; } = true;

    /// <summary>The Fatherland Front and the mass organisations (kind "front"): on by default.</summary>
    public bool Front { get; set; } = true;

    /// <summary>The residential groups (kind "residential-group"): on by default.</summary>
    public bool ResidentialGroup { get; set; } = true;

    /// <summary>Agencies, organisations and businesses outside the committee (kind "external"): off by default.</summary>
    public bool External { get; set; }

    /// <summary>True when a unit of this kind gets the courtesy reminder; never for the kinds the committee assigns (they climb
    /// the ladder).</summary>
    public bool IsOnFor(UnitKind kind) => kind switch
    {
        UnitKind.PartyBody => PartyBody,
        UnitKind.FrontOrMassOrganisation => Front,
        UnitKind.ResidentialGroup => ResidentialGroup,
        UnitKind.External => External,
        _ => false,
    };

    /// <summary>Throws <see cref="ConfigurationException"/> on an offset after the last day or more than a year before it.</summary>
    public void Validate()
    {
        var setting = $"{EscalationOptions.SectionName}:Courtesy:{nameof(OffsetDays)}";
        var offset = OffsetDays.ToString(CultureInfo.InvariantCulture);
        if (OffsetDays > 0)
        {
            throw new ConfigurationException(setting,
                $"the courtesy reminder goes out on or before the last day: give 0 or a negative number of days (got {offset}).");
        }

        if (OffsetDays < -366)
        {
            throw new ConfigurationException(setting, $"offset {offset} is more than a year before the last day.");
        }
    }
}

/// <summary>
/// Escalation settings (section <see cref="SectionName"/>). Defaults are the ladder of issue 7:
/// −7, −3, −1 → the unit's assignees; +1 → assignees + unit head; +3 → + head of the aggregating unit;
/// +7 → + the signer (vice-chairman). The ladder is for the units the committee assigns; the units it only requests get
/// at most the <see cref="Courtesy"/> reminder.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>
    /// The ladder. Empty (the default) means <see cref="DefaultSteps"/>. (Kept empty by default because the configuration
    /// binder appends to, rather than replaces, a pre-filled list.)
    /// </summary>
    public List<EscalationStep> Steps { get; set; } = [];

    /// <summary>Code of the unit that compiles reports (Hải An: Phòng Văn hóa - Xã hội). Null: take it from the decision.</summary>
    public string? AggregatingUnitCode { get; set; }

    /// <summary>E-mail address of the vice-chairman who signed the decision (the +7 rung).</summary>
    public string? SignerEmail { get; set; }

    /// <summary>Display name for the signer; null: the decision's signer name.</summary>
    public string? SignerDisplayName { get; set; }

    /// <summary>
    /// Holiday files, one per year (read at start by the CLI and the Functions; a ward may give its own). Empty: the
    /// embedded Hải An 2026 file. A year with no file is reported at start and counts weekends only.
    /// </summary>
    public List<string> HolidayFiles { get; set; } = [];

    /// <summary>The courtesy reminder to the units the committee only requests (<c>Escalation:Courtesy</c>).</summary>
    public CourtesyReminderOptions Courtesy { get; set; } = new();
    /// <summary>
    /// The page of the report form (the web part on the ward's site), linked from the notice of a returned submission with the
    /// round and unit; null: the notice links to the unit's rows in Báo cáo kết quả.
    /// </summary>
    public string? ReportFormUrl { get; set; }

    /// <summary>Subject prefix of the digest.</summary>
    public string SubjectPrefix { get; set; } = "[Dân vận]";

    /// <summary>The ladder of issue 7.</summary>
    public static IReadOnlyList<EscalationStep> DefaultSteps { get; } =
    [
        new(-7, RecipientRole.UnitAssignees),
        new(-3, RecipientRole.UnitAssignees),
        new(-1, RecipientRole.UnitAssignees),
        new(1, RecipientRole.UnitAssignees, RecipientRole.UnitHead),
        new(3, RecipientRole.UnitAssignees, RecipientRole.UnitHead, RecipientRole.AggregatingUnitHead),
        new(7, RecipientRole.UnitAssignees, RecipientRole.UnitHead, RecipientRole.AggregatingUnitHead, RecipientRole.Signer),
    ];

    /// <summary>The configured ladder (or the default), ordered by offset.</summary>
    public IReadOnlyList<EscalationStep> EffectiveSteps =>
        [.. (Steps.Count == 0 ? DefaultSteps : Steps).OrderBy(s => s.OffsetDays)];

    /// <summary>Throws <see cref="ConfigurationException"/> on a ladder that cannot work (duplicate offsets, a rung without
    /// recipients) or a courtesy reminder after the last day.</summary>
    public void Validate()
    {
        if (Courtesy is null)
        {
            throw new ConfigurationException($"{SectionName}:Courtesy", "the section is empty.");
        }

        Courtesy.Validate();
        var seen = new HashSet<int>();
        foreach (var step in EffectiveSteps)
        {
            var offset = step.OffsetDays.ToString(CultureInfo.InvariantCulture);
            if (!seen.Add(step.OffsetDays))
            {
                throw new ConfigurationException($"{SectionName}:Steps", $"offset {offset} appears twice.");
            }

            if (step.Recipients.Count == 0)
            {
                throw new ConfigurationException($"{SectionName}:Steps", $"the step at offset {offset} has no recipients.");
            }

            if (Math.Abs(step.OffsetDays) > 366)
            {
                throw new ConfigurationException($"{SectionName}:Steps", $"offset {offset} is more than a year.");
            }
        }

        if (SignerEmail is { Length: > 0 } && !Recipient.TryCreate(SignerEmail, SignerDisplayName, out _))
        {
            throw new ConfigurationException($"{SectionName}:SignerEmail", "not a usable e-mail address.");
        }
    }
}
