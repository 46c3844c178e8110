namespace DanVan365.Core.Sync;

/// <summary>A write of a column the writer does not own (a programming error: refused before anything is written).</summary>
public sealed class ColumnOwnershipException : ArgumentException
{
    public ColumnOwnershipException(string list, string column, ColumnOwner writer, ColumnOwner? owner)
        : base(owner is null
            ? $"Column '{column}' of list '{list}' does not exist; {writer} may not write it."
            : $"Column '{column}' of list '{list}' is owned by {owner}, not by {writer}.")
    {
        List = list;
        Column = column;
        Writer = writer;
        Owner = owner;
    }

    public string List { get; }

    public string Column { get; }

    public ColumnOwner Writer { get; }

    public ColumnOwner? Owner { get; }
}

/// <summary>
/// The one check of docs/architecture.md "Ownership": nobody writes a column it does not own. Sync writes sync columns, `pull`
/// writes Planner columns, people write people columns; DanVan365's bookkeeping (<see cref="ColumnOwner.System"/>)
/// is written by sync and pull, never by people. Unknown columns are refused (deny by default).
/// </summary>
public static class ColumnOwnership
{
    /// <summary>True when <paramref name="writer"/> may write <paramref name="column"/> of <paramref name="list"/>.</summary>
    public static bool MayWrite(ListDefinition list, ColumnOwner writer, string column)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.OwnerOf(column) is { } owner
            && (owner == writer || (owner == ColumnOwner.System && writer is ColumnOwner.Sync or ColumnOwner.Planner));
    }

    /// <summary>Throws <see cref="ColumnOwnershipException"/> for the first column <paramref name="writer"/> does not own.</summary>
    public static void EnsureWritable(ListDefinition list, ColumnOwner writer, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(columns);
        if (writer == ColumnOwner.System)
        {
            throw new ArgumentOutOfRangeException(nameof(writer), writer, "System is bookkeeping, not a writer.");
        }

        foreach (var column in columns)
        {
            if (!MayWrite(list, writer, column))
            {
                throw new ColumnOwnershipException(list.Key, column, writer, list.OwnerOf(column));
            }
        }
    }
}
