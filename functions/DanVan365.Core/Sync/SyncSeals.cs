using DanVan365.Core.Integrity;

namespace DanVan365.Core.Sync;

/// <summary>
/// The seal of the values sync owns in a row (docs/architecture.md "Records people can trust"), kept in the row's content
/// hash column: <see cref="RecordSeal"/> over the list, the row's key and the desired content (provenance left out). Pure:
/// <see cref="SyncPlanner"/> is given the seal, never the key's configuration.
/// </summary>
public static class SyncSeals
{
    /// <summary>Why a restored sync value is recorded (Nhật ký can thiệp's reason column).</summary>
    public const string EditedReason =
        "Giá trị do DanVan365 quản lý bị sửa ngoài hệ thống (chứng thực không khớp); đã khôi phục theo quyết định đang áp dụng.";

    /// <summary>What the content hash column holds for <paramref name="content"/>: its seal, or the unkeyed hash without one.</summary>
    public static string Stamp(ListDefinition list, string key, IReadOnlyDictionary<string, string?> content, RecordSeal? seal)
    {
        ArgumentNullException.ThrowIfNull(list);
        return seal is null ? SyncPlanner.ContentHash(content) : seal.Seal(list.Key, key, content);
    }

    /// <summary>
    /// True when DanVan365 wrote the row's current values of <paramref name="columns"/>: its seal verifies them (current or
    /// previous key), or its stamp is the legacy unkeyed hash of them (rows written before seals: the upgrade path).
    /// </summary>
    public static bool Trusted(ListDefinition list, string key, IEnumerable<string> columns, CurrentRow have, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(have);
        ArgumentNullException.ThrowIfNull(seal);
        var values = columns.ToDictionary(c => c, c => FieldValues.Text(have.Fields.GetValueOrDefault(c)), StringComparer.Ordinal);
        var stored = have.Fields.GetValueOrDefault(SiteSchema.ContentHash);
        return seal.Verify(list.Key, key, values, stored) != SealCheck.Broken
            || (stored is { Length: 32 } && stored == SyncPlanner.ContentHash(values));
    }

    /// <summary>One restoration per differing column: found (the row's value) → restored (the desired value).</summary>
    public static IEnumerable<Intervention> Restorations(ListDefinition list, string key, IReadOnlyDictionary<string, string?> diff,
        CurrentRow have)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(have);
        return diff.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new Intervention(list.DisplayName, key,
            ColumnName(list, d.Key), FieldValues.Text(have.Fields.GetValueOrDefault(d.Key)), FieldValues.Text(d.Value),
            InterventionAction.Restored, EditedReason, have.ModifiedBy, have.Modified));
    }

    /// <summary>A column's Vietnamese display name (Title is "Tiêu đề").</summary>
    public static string ColumnName(ListDefinition list, string column)
    {
        ArgumentNullException.ThrowIfNull(list);
        return column == SiteSchema.Title ? "Tiêu đề" : list.Columns.FirstOrDefault(c => c.Name == column)?.DisplayName ?? column;
    }
}
