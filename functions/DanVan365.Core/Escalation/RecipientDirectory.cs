using DanVan365.Core.Units;

namespace DanVan365.Core.Escalation;

/// <summary>Who a role is for one unit's item, plus anything that could not be resolved.</summary>
public sealed record RecipientResolution(IReadOnlyList<(Recipient Recipient, IReadOnlyList<RecipientRole> Roles)> Recipients,
    IReadOnlyList<string> Problems);

/// <summary>Resolves <see cref="RecipientRole"/>s to people through the unit directory (heads, assignees) and options (signer).</summary>
public sealed class RecipientDirectory
{
    private readonly IReadOnlyDictionary<string, string> _displayNames;

    /// <param name="units">The ward's unit directory.</param>
    /// <param name="aggregatingUnitCode">Unit whose head receives the +3 rung (Hải An: Phòng Văn hóa - Xã hội).</param>
    /// <param name="signer">The vice-chairman (+7 rung); null when not configured (reported as a problem when needed).</param>
    /// <param name="displayNames">Optional display names by e-mail address (case-insensitive), e.g. from the tenant's users.</param>
    public RecipientDirectory(UnitDirectory units, string? aggregatingUnitCode, Recipient? signer,
        IReadOnlyDictionary<string, string>? displayNames = null)
    {
        Units = units ?? throw new ArgumentNullException(nameof(units));
        AggregatingUnitCode = aggregatingUnitCode;
        Signer = signer;
        _displayNames = displayNames is null
            ? new Dictionary<string, string>()
            : displayNames.ToDictionary(p => p.Key.Trim(), p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    public UnitDirectory Units { get; }

    public string? AggregatingUnitCode { get; }

    public Recipient? Signer { get; }

    /// <summary>
    /// Builds the directory from options: aggregating unit = options or the decision's; signer = options' address with
    /// options' display name or the decision's signer name.
    /// </summary>
    public static RecipientDirectory From(UnitDirectory units, EscalationOptions options, string? decisionAggregatingUnit = null,
        string? decisionSignerName = null, IReadOnlyDictionary<string, string>? displayNames = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Recipient.TryCreate(options.SignerEmail, options.SignerDisplayName ?? decisionSignerName, out var signer);
        var aggregating = string.IsNullOrWhiteSpace(options.AggregatingUnitCode) ? decisionAggregatingUnit : options.AggregatingUnitCode;
        return new RecipientDirectory(units, aggregating, signer, displayNames);
    }

    /// <summary>The unit's full name, or the code when the unit is unknown.</summary>
    public string UnitName(string unitCode) => Units.Find(unitCode)?.Name ?? unitCode;

    /// <summary>The people for these roles on an item of <paramref name="unitCode"/>, deduplicated by address (a person holding two roles
    /// gets one mail).</summary>
    public RecipientResolution Resolve(IEnumerable<RecipientRole> roles, string unitCode)
    {
        var order = new List<string>();
        var found = new Dictionary<string, (Recipient Recipient, List<RecipientRole> Roles)>(StringComparer.Ordinal);
        var problems = new List<string>();
        var unit = Units.Find(unitCode);

        void Add(string? address, RecipientRole role, string what)
        {
            if (string.IsNullOrWhiteSpace(address))
            {
                problems.Add($"Chưa có {what}.");
                return;
            }

            var trimmed = address.Trim();
            if (!Recipient.TryCreate(trimmed, _displayNames.GetValueOrDefault(trimmed), out var recipient))
            {
                problems.Add($"Địa chỉ e-mail không hợp lệ của {what}: '{MailText.HeaderSafe(trimmed)}'.");
                return;
            }

            if (!found.TryGetValue(recipient!.Key, out var entry))
            {
                entry = (recipient, []);
                found[recipient.Key] = entry;
                order.Add(recipient.Key);
            }

            if (!entry.Roles.Contains(role))
            {
                entry.Roles.Add(role);
            }
        }

        foreach (var role in roles.Distinct())
        {
            switch (role)
            {
                case RecipientRole.UnitAssignees:
                    if (unit is null)
                    {
                        problems.Add($"Không tìm thấy đơn vị '{unitCode}' trong danh bạ đơn vị.");
                    }
                    else if (unit.Assignees.Count == 0)
                    {
                        problems.Add($"Chưa có người được giao của {unit.Name} ({unit.Code}).");
                    }
                    else
                    {
                        foreach (var a in unit.Assignees)
                        {
                            Add(a, role, $"người được giao của {unit.Name} ({unit.Code})");
                        }
                    }

                    break;
                case RecipientRole.UnitHead:
                    if (unit is null)
                    {
                        problems.Add($"Không tìm thấy đơn vị '{unitCode}' trong danh bạ đơn vị.");
                    }
                    else
                    {
                        Add(unit.Head, role, $"thủ trưởng của {unit.Name} ({unit.Code})");
                    }

                    break;
                case RecipientRole.AggregatingUnitHead:
                    var aggregating = AggregatingUnitCode is null ? null : Units.Find(AggregatingUnitCode);
                    if (aggregating is null)
                    {
                        problems.Add($"Không tìm thấy đơn vị tổng hợp '{AggregatingUnitCode ?? "(chưa cấu hình)"}'.");
                    }
                    else
                    {
                        Add(aggregating.Head, role, $"thủ trưởng đơn vị tổng hợp {aggregating.Name} ({aggregating.Code})");
                    }

                    break;
                case RecipientRole.Signer:
                    if (Signer is null)
                    {
                        problems.Add($"Chưa cấu hình e-mail của người ký quyết định ({EscalationOptions.SectionName}:SignerEmail).");
                    }
                    else
                    {
                        Add(Signer.Address, role, "người ký quyết định");
                        if (found.TryGetValue(Signer.Key, out var s) && s.Recipient.DisplayName == s.Recipient.Address)
                        {
                            found[Signer.Key] = (Signer, s.Roles);
                        }
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(roles), role, "Unknown recipient role.");
            }
        }

        var list = order.Select(k => (found[k].Recipient, (IReadOnlyList<RecipientRole>)found[k].Roles)).ToList();
        return new RecipientResolution(list, problems);
    }
}
