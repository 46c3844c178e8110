using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IProposalStore"/> over the list Đề xuất điều chỉnh (<see cref="SiteSchema.Proposals"/>). Every column is
/// DanVan365's (people act through the API, the CLI and the web part), so a proposal is a plain create (POST) whose
/// unique ProposalId (and unique ClientRequestId, when the client gave one) refuses a second create of the same proposal,
/// and a change is a patch of its columns carrying the eTag the
/// row was read with (If-Match): a 412 means someone else changed it meanwhile and the change is not written (no rebase,
/// unlike <see cref="GraphListStore.PatchAsync"/>: a review must not overwrite another's). Rows are read through
/// <see cref="GraphListStore.ReadAsync"/> (paged).
/// <para>Every write carries the row's seal (<see cref="ProposalSeals"/>); a row whose seal fails is read into
/// <see cref="ProposalListing.Ignored"/>, never into the proposals the rules use.</para>
/// </summary>
public sealed class GraphProposalStore(SiteContext site, BatchRunner batches, GraphListStore lists, RecordSeal seal) : IProposalStore
{
    private static readonly ListDefinition List = SiteSchema.Proposals;
    private readonly GuardedRowWrites _writes = new(site, batches, lists);

    public async Task<ProposalListing> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await lists.ReadAsync(List, cancellationToken).ConfigureAwait(false);
        var items = new List<StoredProposal>();
        var problems = new List<string>();
        var ignored = new List<IgnoredProposal>();
        foreach (var row in rows)
        {
            if (ProposalSeals.Check(row, seal) == SealCheck.Broken)
            {
                var state = row.Fields.GetValueOrDefault(ProposalColumns.State);
                ignored.Add(new IgnoredProposal(row.Key, state, row.ModifiedBy, row.Modified));
            }
            else if (ProposalRows.TryFromFields(row.Fields, out var proposal, out var problem))
            {
                items.Add(new StoredProposal(proposal!, row.ItemId, row.ETag));
            }
            else
            {
                problems.Add(problem!);
            }
        }

        return new ProposalListing(items, problems) { Ignored = ignored };
    }

    public Task<bool> CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return _writes.CreateAsync(List, proposal.Id, ProposalSeals.SealedFields(proposal, seal), acceptOwnRow: false, "proposal",
            cancellationToken);
    }

    public Task<bool> UpdateAsync(StoredProposal current, Proposal updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        return _writes.UpdateAsync(List, updated.Id, current.ItemId, current.ETag, ProposalSeals.SealedFields(updated, seal), "proposal",
            cancellationToken);
    }
}
