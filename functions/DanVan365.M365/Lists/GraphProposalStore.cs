using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

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

    public async Task<bool> CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var operation = new BatchOperation("0", () =>
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            var body = new FieldValueSet { AdditionalData = GraphFields(ProposalSeals.SealedFields(proposal, seal)) };
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

    public async Task<bool> UpdateAsync(StoredProposal current, Proposal updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var fields = ProposalSeals.SealedFields(updated, seal);
        var operation = new BatchOperation("0", () =>
        {
            var body = new FieldValueSet
            {
                AdditionalData = ColumnMapping.ToGraphFields(List, fields, site.Dates),
            };

            // https://learn.microsoft.com/graph/api/listitem-update — If-Match: a row changed since it was read answers 412.
            var request = site.Client.Sites[siteId].Lists[listId].Items[current.ItemId].Fields.ToPatchRequestInformation(body);
            if (current.ETag is not null)
            {
                request.Headers.TryAdd("If-Match", current.ETag);
            }

            return request;
        });
        var outcome = (await batches.RunAsync([operation], cancellationToken).ConfigureAwait(false))[operation.Id];
        if (outcome.IsSuccess)
        {
            return true;
        }

        if (outcome.Status == 412)
        {
            // Our own first attempt may have landed before a retry (lost response): then the row already holds our change.
            var fresh = await lists.ReadByKeyAsync(siteId, listId, List, updated.Id, cancellationToken).ConfigureAwait(false);
            return fresh is not null
                && fields.All(f => FieldValues.Text(f.Value) == FieldValues.Text(fresh.Fields.GetValueOrDefault(f.Key)));
        }

        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        throw new RemoteServiceException($"update proposal {updated.Id}", outcome.Status, code, requestId, message ?? "update failed");
    }

    private Dictionary<string, object> GraphFields(IReadOnlyDictionary<string, string?> fields) =>
        ColumnMapping.ToGraphFields(List, fields.Where(f => f.Value is not null).ToDictionary(StringComparer.Ordinal), site.Dates);
}
