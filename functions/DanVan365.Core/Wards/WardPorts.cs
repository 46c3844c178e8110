using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Units;

namespace DanVan365.Core.Wards;

/// <summary>Links into the ward's site that Planner tasks and e-mails carry. Implemented by the Graph adapter.</summary>
public interface ISiteLinks
{
    /// <summary>Links a Planner task carries (its catalogue row, the decision file in the library).</summary>
    Task<PlannerLinks> PlannerLinksAsync(string? decisionFileName, CancellationToken cancellationToken);

    /// <summary>Links a reminder carries (Phân công row, Planner task, the unit's reports).</summary>
    Task<EscalationLinks> EscalationLinksAsync(CancellationToken cancellationToken);
}

/// <summary>Requests sent to Microsoft 365 by this run so far (reports print request budgets). Implemented by the Graph adapter.</summary>
public interface IRequestMeter
{
    long Requests { get; }
}

/// <summary>Reads a decision's bytes into a validated catalogue. Implemented by DanVan365.Documents (one importer per format).</summary>
public interface IDecisionReader
{
    /// <summary>Bad input throws <see cref="Errors.InvalidInputException"/> naming <paramref name="fileName"/> and the line.</summary>
    TaskCatalogue Read(ReadOnlyMemory<byte> content, string fileName, UnitDirectory units);
}

/// <summary>
/// What a call is about to read, to be fetched together (issue 25): the lists' rows, state keys and folders' files. Each read
/// answered ahead is used once, by the next read of the same thing in the run; anything not answered is read as usual.
/// </summary>
public sealed record ReadAhead(IReadOnlyList<Sync.ListDefinition> Lists, IReadOnlyList<string> StateKeys, IReadOnlyList<string> Folders);

/// <summary>Fetches a <see cref="ReadAhead"/> in as few requests as it can (Graph: one $batch). Implemented by the Graph adapter.</summary>
public interface IReadAheadStore
{
    Task ReadAheadAsync(ReadAhead reads, CancellationToken cancellationToken);
}
