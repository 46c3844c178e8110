using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Integrity;

/// <summary>What DanVan365 did about a value it owns that someone changed outside it.</summary>
public enum InterventionAction
{
    /// <summary>The value was put back from its source (the catalogue, the approved proposals, the app's records).</summary>
    Restored,

    /// <summary>The row was left as it is but not used (e.g. a proposal whose state the workflow did not set).</summary>
    Ignored,

    /// <summary>The file or row was refused with the reason on it (e.g. a decision uploaded by someone who may not).</summary>
    Refused,
}

/// <summary>
/// One edit made around DanVan365 (docs/architecture.md "Records people can trust"): in which list, row and column, the
/// value found and the value restored, who changed the row last and when (Graph's lastModifiedBy and
/// lastModifiedDateTime), what was done and why. Recorded once in Nhật ký can thiệp (<see cref="Key"/> is unique) and
/// reported to the head of the aggregating unit in the next digest.
/// </summary>
public sealed record Intervention(string List, string RowKey, string Column, string? Found, string? Restored,
    InterventionAction Action, string Reason, FileModifier? By, DateTimeOffset? At)
{
    /// <summary>
    /// The idempotency key: the same edit seen by two runs is recorded once; a new edit of the same cell (another value
    /// or another time) is a new record.
    /// </summary>
    public string Key => SyncPlanner.ContentHash(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["list"] = List,
        ["row"] = RowKey,
        ["column"] = Column,
        ["found"] = Found,
        ["at"] = At?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["action"] = Action.ToString(),
    });
}

/// <summary>An intervention as recorded in the list, with its row id (to mark it reported).</summary>
public sealed record RecordedIntervention(string ItemId, string Key, Intervention Intervention, DateOnly RecordedOn);

/// <summary>Nhật ký can thiệp. Implemented by the Graph adapter.</summary>
public interface IInterventionLog
{
    /// <summary>Records each intervention once (an already recorded key is not an error). Per-row failures are returned.</summary>
    Task<IReadOnlyList<RowFailure>> RecordAsync(IReadOnlyList<Intervention> interventions, DateOnly today,
        CancellationToken cancellationToken);

    /// <summary>The interventions no digest has reported yet, oldest first.</summary>
    Task<IReadOnlyList<RecordedIntervention>> UnreportedAsync(CancellationToken cancellationToken);

    /// <summary>Marks interventions as reported on <paramref name="reportedOn"/> (after the digest went out).</summary>
    Task<IReadOnlyList<RowFailure>> MarkReportedAsync(IReadOnlyList<RecordedIntervention> interventions, DateOnly reportedOn,
        CancellationToken cancellationToken);
}
