using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Lists;

/// <summary>
/// The two guarded writes of a list whose rows people change through the app only (Đề xuất điều chỉnh, Chấm điểm): a create
/// that a unique column refuses the second time, and a PATCH that carries the eTag the row was read with. Both tell a lost
/// answer to our own write (the row already holds exactly our values) from someone else's write.
/// </summary>
internal sealed class GuardedRowWrites(SiteContext site, BatchRunner batches, GraphListStore lists)
{
    /// <summary>
    /// Creates the row (POST, non-null values only). True when written, or when a unique column refuses it and
    /// <paramref name="acceptOwnRow"/> finds the row already holding exactly <paramref name="fields"/> (a lost answer);
    /// false when a unique column refuses it otherwise. Any other failure throws with Graph's status, code and request-id.
    /// </summary>
    public async Task<bool> CreateAsync(ListDefinition list, string key, IReadOnlyDictionary<string, string?> fields, bool acceptOwnRow,
        string what, CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(list, cancellationToken).ConfigureAwait(false);
        var operation = new BatchOperation("0", () =>
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            var body = new FieldValueSet
            {
                AdditionalData = ColumnMapping.ToGraphFields(list,
                    fields.Where(f => f.Value is not null).ToDictionary(StringComparer.Ordinal), site.Dates),
            };
            return site.Client.Sites[siteId].Lists[listId].Items.ToPostRequestInformation(new ListItem { Fields = body });
        });
        var outcome = (await batches.RunAsync([operation], cancellationToken).ConfigureAwait(false))[operation.Id];
        if (outcome.IsSuccess)
        {
            return true;
        }

        if (UniqueKeyConflict.Is(outcome))
        {
            return acceptOwnRow && await HoldsAsync(siteId, listId, list, key, fields, cancellationToken).ConfigureAwait(false);
        }

        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        throw new RemoteServiceException($"create {what} {key}", outcome.Status, code, requestId, message ?? "create failed");
    }

    /// <summary>
    /// Patches the row's columns with If-Match <paramref name="etag"/>. True when written, or when the 412 is our own first
    /// attempt that landed before a retry (the row holds exactly <paramref name="fields"/>); false when someone changed the row
    /// meanwhile (nothing written). Any other failure throws with Graph's status, code and request-id.
    /// </summary>
    public async Task<bool> UpdateAsync(ListDefinition list, string key, string itemId, string? etag,
        IReadOnlyDictionary<string, string?> fields, string what, CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(list, cancellationToken).ConfigureAwait(false);
        var operation = new BatchOperation("0", () =>
        {
            var body = new FieldValueSet { AdditionalData = ColumnMapping.ToGraphFields(list, fields, site.Dates) };

            // https://learn.microsoft.com/graph/api/listitem-update — If-Match: a row changed since it was read answers 412.
            var request = site.Client.Sites[siteId].Lists[listId].Items[itemId].Fields.ToPatchRequestInformation(body);
            if (etag is not null)
            {
                request.Headers.TryAdd("If-Match", etag);
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
            return await HoldsAsync(siteId, listId, list, key, fields, cancellationToken).ConfigureAwait(false);
        }

        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        throw new RemoteServiceException($"update {what} {key}", outcome.Status, code, requestId, message ?? "update failed");
    }

    private async Task<bool> HoldsAsync(string siteId, string listId, ListDefinition list, string key,
        IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        var fresh = await lists.ReadByKeyAsync(siteId, listId, list, key, cancellationToken).ConfigureAwait(false);
        return fresh is not null && fields.All(f => FieldValues.Text(f.Value) == FieldValues.Text(fresh.Fields.GetValueOrDefault(f.Key)));
    }
}
