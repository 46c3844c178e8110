namespace DanVan365.Core.Proposals;

/// <summary>
/// A proposal as stored: the row's item id (updates address the row) and its eTag as read (updates carry it in If-Match, so
/// a change made meanwhile by someone else is not overwritten); null writes unconditionally.
/// </summary>
public sealed record StoredProposal(Proposal Proposal, string ItemId, string? ETag = null);

/// <summary>
/// Every row of "Đề xuất điều chỉnh": those read, and the rows that could not be read (per-item problems). Rows whose seal
/// does not verify (<see cref="ProposalSeals"/>) are in <see cref="Ignored"/> only: no rule reads them.
/// </summary>
public sealed record ProposalListing(IReadOnlyList<StoredProposal> Items, IReadOnlyList<string> Problems)
{
    /// <summary>Rows DanVan365 did not write as they are: left in the list, used by nothing, reported.</summary>
    public IReadOnlyList<IgnoredProposal> Ignored { get; init; } = [];

    /// <summary>Every id a row holds, ignored rows included (the list's unique key refuses them all to a new proposal).</summary>
    public IEnumerable<string> TakenIds => Items.Select(i => i.Proposal.Id).Concat(Ignored.Select(i => i.RowKey));

    public IReadOnlyList<Proposal> Proposals => [.. Items.Select(i => i.Proposal)];

    public StoredProposal? Find(string id) =>
        Items.FirstOrDefault(i => string.Equals(i.Proposal.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The list "Đề xuất điều chỉnh" (<see cref="Sync.SiteSchema.Proposals"/>). Implemented by the Graph adapter.</summary>
public interface IProposalStore
{
    /// <summary>All rows (paged reads).</summary>
    Task<ProposalListing> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Creates the row; false when its id is already taken (the list's unique key: another proposal won the race).</summary>
    Task<bool> CreateAsync(Proposal proposal, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the proposal's columns over its row if it is still as read (<see cref="StoredProposal.ETag"/> in If-Match);
    /// false when it changed meanwhile (412: nothing written). Any other failure throws <see cref="Errors.RemoteServiceException"/>.
    /// </summary>
    Task<bool> UpdateAsync(StoredProposal current, Proposal updated, CancellationToken cancellationToken);
}

/// <summary>Writes the draft annex (.docx). Implemented by DanVan365.Documents.</summary>
public interface IAmendmentDraftDocuments
{
    byte[] Write(AmendmentDraft draft, DateOnly date);
}
