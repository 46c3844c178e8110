using DanVan365.Core.Errors;
using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IProposalStore"/> over the list Đề xuất điều chỉnh (<see cref="SiteSchema.Proposals"/>). Every column is
/// DanVan365's (people act through the API, the CLI and the web part), so a proposal is a plain create (POST) whose
/// unique ProposalId refuses a second create of the same id, and a change is a patch of its columns
/// (<see cref="GraphListStore.PatchAsync"/>). Rows are read through <see cref="GraphListStore.ReadAsync"/> (paged).
/// </summary>
public sealed class GraphProposalStore(SiteContext site, BatchRunner batches, GraphListStore lists) : IProposalStore
{
    private static readonly ListDefinition List = SiteSchema.Proposals;

    public async Task<ProposalListing> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await lists.ReadAsync(List, cancellationToken).ConfigureAwait(false);
        var items = new List<StoredProposal>();
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (ProposalRows.TryFromFields(row.Fields, out var proposal, out var problem))
            {
                items.Add(new StoredProposal(proposal!, row.ItemId));
            }
            else
            {
                problems.Add(problem!);
            }
        }

        return new ProposalListing(items, problems);
    }

    public async Task<bool> CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var operation = new BatchOperation("0", () =>
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            var body = new FieldValueSet { AdditionalData = GraphFields(ProposalRows.ToFields(proposal)) };
            return site.Client.Sites[siteId].Lists[listId].Items.ToPostRequestInformation(new ListItem { Fields = body });
        });
        var outcome = (await batches.RunAsync([operation], cancellationToken).ConfigureAwait(false))[operation.Id];
        if (outcome.IsSuccess)
        {
            return true;
        }

        if (UniqueKeyConflict.Is(outcome))
        {
            return false;
        }

        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        throw new RemoteServiceException($"create proposal {proposal.Id}", outcome.Status, code, requestId, message ?? "create failed");
    }

    public async Task UpdateAsync(StoredProposal current, Proposal updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var patch = new RowPatch(updated.Id, current.ItemId, ProposalRows.ToFields(updated));
        var result = await lists.PatchAsync(List, [patch], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new RemoteServiceException($"update proposal {updated.Id}", 500, "proposalNotSaved", null, result.Failures[0].Reason);
        }
    }

    private Dictionary<string, object> GraphFields(IReadOnlyDictionary<string, string?> fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Key,
            f => ColumnMapping.ToGraphValue(ColumnMapping.TypeOf(List, f.Key), f.Value, site.Dates)!, StringComparer.Ordinal);
}
