namespace DanVan365.Core.Sync;

/// <summary>Creates or upgrades the site's lists and library (idempotent). Implemented by the Graph adapter.</summary>
public interface ISiteProvisioner
{
    /// <summary>Ensures every list of <see cref="SiteSchema.All"/> and the given library folders exist.</summary>
    Task<ProvisionResult> EnsureAsync(IReadOnlyList<string> libraryFolders, CancellationToken cancellationToken);

    /// <summary>True when every list exists at the current schema version (no writes).</summary>
    Task<bool> IsProvisionedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when <see cref="EnsureAsync"/> with these folders would write nothing: every list at the current schema version
    /// and the library's folder set as recorded (reads only).
    /// </summary>
    Task<bool> IsCurrentAsync(IReadOnlyList<string> libraryFolders, CancellationToken cancellationToken);
}

/// <summary>What provisioning did.</summary>
public sealed record ProvisionResult(int ListsCreated, int ColumnsAdded, int FoldersCreated)
{
    public bool ChangedAnything => ListsCreated + ColumnsAdded + FoldersCreated + ColumnsRenamed > 0;

    /// <summary>Existing columns given the schema's display name (an older schema's wording; internal names never change).</summary>
    public int ColumnsRenamed { get; init; }

    /// <summary>How the plan was pinned in Teams (set by the ward's provisioning, which also makes the plan).</summary>
    public Planner.TeamsTabPin? TeamsTab { get; init; }
}

/// <summary>Reads and writes the rows of a list. Implemented by the Graph adapter.</summary>
public interface IListStore
{
    /// <summary>All rows of the list (paged reads), values canonical per <see cref="FieldValues"/>.</summary>
    Task<IReadOnlyList<CurrentRow>> ReadAsync(ListDefinition list, CancellationToken cancellationToken);

    /// <summary>
    /// Carries out a plan (batched). A create that meets the unique key is reconciled with the existing row; an update
    /// whose eTag moved is re-read and rebased (<see cref="SyncPlanner.Rebase"/>). Per-row failures go into the result.
    /// </summary>
    Task<ApplyResult> ApplyAsync(SyncPlan plan, IReadOnlyList<DesiredRow> desired, DateOnly today, CancellationToken cancellationToken);

    /// <summary>Writes system- or progress-columns of existing rows (batched).</summary>
    Task<ApplyResult> PatchAsync(ListDefinition list, IReadOnlyList<RowPatch> patches, CancellationToken cancellationToken);
}

/// <summary>
/// A write of columns sync's bookkeeping or Planner owns (e.g. the Planner task id, percent complete on a Phân công row).
/// With <see cref="ETag"/> it carries If-Match; a 412 is re-read and re-applied on the fresh row.
/// </summary>
public sealed record RowPatch(string Key, string ItemId, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The row's eTag as read; null writes unconditionally.</summary>
    public string? ETag { get; init; }
}

/// <summary>The outcome of applying a plan: what was written and what failed (per row, with the reason).</summary>
public sealed record ApplyResult(int Written, IReadOnlyList<RowFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>A row that could not be written.</summary>
public sealed record RowFailure(string Key, string Reason);

/// <summary>Small named values DanVan365 keeps between runs in the site (list Trạng thái đồng bộ), e.g. a delta token.</summary>
public interface IStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
