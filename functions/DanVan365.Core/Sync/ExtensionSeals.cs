using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;

namespace DanVan365.Core.Sync;

/// <summary>What putting Phân công's extended last days right writes, and the edits around DanVan365 it found.</summary>
public sealed record ExtensionRepair(IReadOnlyList<RowPatch> Patches, IReadOnlyList<Intervention> Interventions);

/// <summary>
/// The seal of Phân công's "Hạn sau gia hạn" (<see cref="AssignmentColumns.ExtendedLastDay"/>, owned by the proposals), in the
/// row's <see cref="SiteSchema.Seal"/> column (docs/architecture.md "Records people can trust"). A row never extended has
/// neither a date nor a seal. Every sync verifies the seals of the rows it read anyway (no request); a row whose seal fails
/// is recomputed from the approved proposals (<see cref="EffectiveDeadlines"/>), restored and, when the value differed,
/// reported. Pure.
/// </summary>
public static class ExtensionSeals
{
    /// <summary>Why a restored extended last day is recorded.</summary>
    public const string EditedReason =
        "Hạn sau gia hạn chỉ do DanVan365 ghi theo đề xuất gia hạn đã được chấp thuận; đã khôi phục theo các đề xuất đã chấp thuận.";

    private static ListDefinition List => SiteSchema.Assignments;

    /// <summary>
    /// The fields a write of <paramref name="extendedLastDay"/> on row <paramref name="rowKey"/> carries: the date and its seal.
    /// </summary>
    public static Dictionary<string, string?> Fields(RecordSeal seal, string rowKey, DateOnly? extendedLastDay)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var fields = AssignmentRow.ExtensionFields(extendedLastDay);
        fields[SiteSchema.Seal] = extendedLastDay is null ? null : seal.Seal(List.Key, rowKey, Values(FieldValues.Date(extendedLastDay)));
        return fields;
    }

    /// <summary>Whether DanVan365 wrote the row's extended last day (an empty cell without a seal is a row never extended).</summary>
    public static SealCheck Check(CurrentRow row, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(seal);
        var value = FieldValues.Text(row.Fields.GetValueOrDefault(AssignmentColumns.ExtendedLastDay));
        var stored = FieldValues.Text(row.Fields.GetValueOrDefault(SiteSchema.Seal));
        return value is null && stored is null ? SealCheck.Valid : seal.Verify(List.Key, row.Key, Values(value), stored);
    }

    /// <summary>True when a row (not archived) has an extended last day DanVan365 did not write, or one to re-seal.</summary>
    public static bool NeedRepair(IEnumerable<CurrentRow> rows, RecordSeal seal) =>
        rows.Any(r => !IsArchived(r) && Check(r, seal) != SealCheck.Valid);

    /// <summary>
    /// The writes that make every row's extended last day what <paramref name="deadlines"/> (from the approved proposals)
    /// give, sealed; a value that differed under a failing seal is an edit around DanVan365 (reported), a differing value
    /// under a valid seal is a legitimate recomputation (a proposal decided or closed), a value equal under a failing or
    /// previous key's seal is re-sealed silently.
    /// </summary>
    public static ExtensionRepair Plan(IEnumerable<CurrentRow> rows, IReadOnlyDictionary<string, EffectiveDeadline> deadlines,
        RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(deadlines);
        var patches = new List<RowPatch>();
        var interventions = new List<Intervention>();
        foreach (var row in rows)
        {
            if (IsArchived(row) || AssignmentRow.From(row) is not { } assignment)
            {
                continue;
            }

            var want = deadlines.TryGetValue(assignment.Key.ToString(), out var d) && d.IsExtended ? d.EffectiveLastDay : null;
            var found = FieldValues.Text(row.Fields.GetValueOrDefault(AssignmentColumns.ExtendedLastDay));
            var check = Check(row, seal);
            var differs = !string.Equals(found, FieldValues.Date(want), StringComparison.Ordinal);
            if (check == SealCheck.Valid && !differs)
            {
                continue;
            }

            patches.Add(new RowPatch(row.Key, row.ItemId, Fields(seal, row.Key, want)) { ETag = row.ETag });
            if (check == SealCheck.Broken && differs)
            {
                interventions.Add(new Intervention(List.DisplayName, row.Key, List.Column(AssignmentColumns.ExtendedLastDay).DisplayName,
                    found, FieldValues.Date(want), InterventionAction.Restored, EditedReason, row.ModifiedBy, row.Modified));
            }
        }

        return new ExtensionRepair(patches, interventions);
    }

    private static Dictionary<string, string?> Values(string? extendedLastDay) => new(StringComparer.Ordinal)
    {
        [AssignmentColumns.ExtendedLastDay] = extendedLastDay,
    };

    private static bool IsArchived(CurrentRow row) => row.Fields.GetValueOrDefault(SiteSchema.Archived) == "true";
}
