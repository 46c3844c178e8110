namespace DanVan365.Core.Sync;

/// <summary>What sync wants a row to hold: its key and the values of the columns sync owns (canonical strings).</summary>
public sealed record DesiredRow(string Key, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>
    /// Columns of <see cref="Fields"/> that record where the content came from (the decision number): outside the
    /// content hash, written only when the content itself changes, so a re-issued decision that leaves an entry
    /// unchanged leaves its row (and its provenance) untouched.
    /// </summary>
    public IReadOnlySet<string> Provenance { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The fields that are content (everything but <see cref="Provenance"/>).</summary>
    public IReadOnlyDictionary<string, string?> Content =>
        Provenance.Count == 0 ? Fields : Fields.Where(f => !Provenance.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value,
            StringComparer.Ordinal);
}

/// <summary>A row as it is in the list: item id, eTag and its values (canonical strings), people-owned columns included.</summary>
public sealed record CurrentRow(string ItemId, string Key, string? ETag, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>Who changed the row last (Graph's lastModifiedBy: a person, or the application), when Graph says.</summary>
    public Reporting.FileModifier? ModifiedBy { get; init; }

    /// <summary>When the row was changed last (Graph's lastModifiedDateTime), when Graph says.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>The row's address for people (Graph's listItem webUrl), when Graph says: links are never built by hand.</summary>
    public string? WebUrl { get; init; }
}

/// <summary>What to do with one row.</summary>
public enum ChangeKind
{
    Create,
    Update,
    Archive,
    Unchanged,
}

/// <summary>One planned change: the fields to write (only changed ones for an update) and their names.</summary>
public sealed record RowChange(
    ChangeKind Kind,
    string Key,
    string? ItemId,
    string? ETag,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<string> ChangedFields)
{
    /// <summary>
    /// The stamp the row's content hash column gets with this change (the seal of the desired content, or the legacy hash):
    /// a rebase or a re-create after a conflict writes it without the key.
    /// </summary>
    public string? Seal { get; init; }
}

/// <summary>The plan for one list.</summary>
public sealed record SyncPlan(ListDefinition List, IReadOnlyList<RowChange> Changes)
{
    /// <summary>Edits made around DanVan365 that this plan restores (a sync value changed under a seal that fails).</summary>
    public IReadOnlyList<Integrity.Intervention> Interventions { get; init; } = [];

    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>Changes that write (everything but unchanged).</summary>
    public IEnumerable<RowChange> Writes => Changes.Where(c => c.Kind != ChangeKind.Unchanged);

    /// <summary>Per-list counts in the closing-line format: "created=N updated=N archived=N unchanged=N".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"created={Count(ChangeKind.Create)} updated={Count(ChangeKind.Update)} archived={Count(ChangeKind.Archive)} " +
            $"unchanged={Count(ChangeKind.Unchanged)}");
}
