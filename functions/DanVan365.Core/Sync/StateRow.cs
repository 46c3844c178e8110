namespace DanVan365.Core.Sync;

/// <summary>
/// A Trạng thái đồng bộ row (<see cref="SiteSchema.State"/>) in types, with the column names of <see cref="StateColumns"/>:
/// what a store writes for a key (<see cref="Fields"/>, <see cref="Desired"/>) and what a reader gets back (<see cref="From"/>).
/// The value is kept as written (no canonical form: a delta token or a lease is compared exactly).
/// </summary>
public sealed record StateRow(string Key, string? Value)
{
    /// <summary>The row's columns: Title and the key column carry the key (the key column is the row's key), and the value.</summary>
    public IReadOnlyDictionary<string, string?> Fields() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [SiteSchema.Title] = Key,
        [StateColumns.Value] = Value,
    };

    /// <summary>The row as sync plans it (<see cref="SyncPlanner.Plan"/> adds the key column).</summary>
    public DesiredRow Desired() => new(Key, Fields());

    /// <summary>Reads a row: the key from the key column, else from the row's key.</summary>
    public static StateRow From(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = row.Fields.GetValueOrDefault(StateColumns.Key) is { Length: > 0 } column ? column : row.Key;
        return new StateRow(key, row.Fields.GetValueOrDefault(StateColumns.Value));
    }
}
