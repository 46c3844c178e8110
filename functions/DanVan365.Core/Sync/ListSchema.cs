namespace DanVan365.Core.Sync;

/// <summary>Column types used by DanVan365's lists (a subset of SharePoint's column types).</summary>
public enum ColumnType
{
    Text,
    MultiLineText,
    Choice,
    DateOnly,
    Number,
    Boolean,
}

/// <summary>
/// Who owns a column's value (docs/architecture.md "Ownership"). A writer writes only the columns it owns; see
/// <see cref="ColumnOwnership"/>.
/// </summary>
public enum ColumnOwner
{
    /// <summary>What the decision says (title, units, due date): written by sync, which corrects hand edits.</summary>
    Sync,

    /// <summary>What people keep by hand in the list (notes); DanVan365 never writes it.</summary>
    People,

    /// <summary>The progress columns `pull` copies from Planner (percent complete, completion date, status).</summary>
    Planner,

    /// <summary>
    /// DanVan365's own bookkeeping (Planner task ids, claims, ingestion stamps): written by sync and pull, never by people.
    /// </summary>
    System,

    /// <summary>
    /// What an approved adjustment proposal sets on Phân công (the extended last day, issue 17): written only by the
    /// proposals use case, so sync (which owns the decision's last day) never "corrects" it back.
    /// </summary>
    Proposals,
}

/// <summary>A list column: stable ASCII internal name, Vietnamese display name.</summary>
public sealed record ColumnDefinition(
    string Name,
    string DisplayName,
    ColumnType Type,
    ColumnOwner Owner = ColumnOwner.Sync,
    bool Indexed = false,
    bool Unique = false,
    bool Hidden = false,
    IReadOnlyList<string>? Choices = null);

/// <summary>A list (or document library) of the ward's site.</summary>
/// <param name="Key">Stable key used in code ("tasks", "assignments", …).</param>
/// <param name="DisplayName">Vietnamese name shown in SharePoint.</param>
/// <param name="KeyColumn">The unique, indexed column that identifies a row (null for the library).</param>
/// <param name="Columns">Columns besides Title.</param>
/// <param name="IsLibrary">A document library rather than a generic list.</param>
/// <param name="Hidden">Hidden from site navigation.</param>
public sealed record ListDefinition(
    string Key,
    string DisplayName,
    string? KeyColumn,
    IReadOnlyList<ColumnDefinition> Columns,
    bool IsLibrary = false,
    bool Hidden = false)
{
    public ColumnDefinition Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"List '{Key}' has no column '{name}'.");

    /// <summary>Columns sync writes.</summary>
    public IEnumerable<ColumnDefinition> SyncColumns => Columns.Where(c => c.Owner == ColumnOwner.Sync);

    /// <summary>The owner of a column: Title and the key column are sync's; null for a column the list does not have.</summary>
    public ColumnOwner? OwnerOf(string name)
    {
        if (name == SiteSchema.Title || name == KeyColumn)
        {
            return ColumnOwner.Sync;
        }

        return Columns.FirstOrDefault(c => c.Name == name)?.Owner;
    }
}
