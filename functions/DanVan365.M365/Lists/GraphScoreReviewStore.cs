using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;
using DanVan365.Core.Scoring;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IScoreReviewStore"/> over the list Chấm điểm (<see cref="SiteSchema.Scores"/>), as
/// <see cref="GraphProposalStore"/> does for proposals: a new row is a plain create whose unique ScoreKey refuses a second row
/// of the same year and unit, a change is a patch of the row's columns carrying the eTag it was read with (If-Match: a 412 is
/// "changed meanwhile", never rebased), and every write carries the row's seal (<see cref="ScoreRows"/>). A row whose seal fails
/// is read into <see cref="ScoreListing.Ignored"/>, never into the rows the rules use.
/// </summary>
public sealed class GraphScoreReviewStore(SiteContext site, BatchRunner batches, GraphListStore lists, RecordSeal seal)
    : IScoreReviewStore
{
    private static readonly ListDefinition List = SiteSchema.Scores;

    public async Task<ScoreListing> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await lists.ReadAsync(List, cancellationToken).ConfigureAwait(false);
        var items = new List<StoredScore>();
        var problems = new List<string>();
        var ignored = new List<IgnoredScore>();
        foreach (var row in rows)
        {
            if (ScoreRows.Check(row, seal) == SealCheck.Broken)
            {
                ignored.Add(new IgnoredScore(row.Key, row.Fields.GetValueOrDefault(ScoreColumns.State), row.ModifiedBy, row.Modified)
                {
                    ItemId = row.ItemId,
                    ETag = row.ETag,
                });
            }
            else if (ScoreRows.TryRead(row, out var record, out var problem))
            {
                items.Add(new StoredScore(record!, row.ItemId, row.ETag));
            }
            else
            {
                problems.Add(problem!);
            }
        }

        return new ScoreListing(items, problems, ignored);
    }

    public async Task<bool> CreateAsync(ScoreRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var fields = ScoreRows.SealedValues(record, seal);
        var operation = new BatchOperation("0", () =>
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            var body = new FieldValueSet
            {
                AdditionalData = ColumnMapping.ToGraphFields(List, fields.Where(f => f.Value is not null)
                    .ToDictionary(StringComparer.Ordinal), site.Dates),
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
            // A lost answer to our own create: the row holds exactly our values, so it is written.
            var fresh = await lists.ReadByKeyAsync(siteId, listId, List, record.Key, cancellationToken).ConfigureAwait(false);
            return fresh is not null && Holds(fresh, fields);
        }

        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        throw new RemoteServiceException($"create score {record.Key}", outcome.Status, code, requestId, message ?? "create failed");
    }

    public async Task<bool> UpdateAsync(StoredScore current, ScoreRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var fields = ScoreRows.SealedValues(updated, seal);
        var operation = new BatchOperation("0", () =>
        {
            var body = new FieldValueSet { AdditionalData = ColumnMapping.ToGraphFields(List, fields, site.Dates) };

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
            var fresh = await lists.ReadByKeyAsync(siteId, listId, List, updated.Key, cancellationToken).ConfigureAwait(false);
            return fresh is not null && Holds(fresh, fields);
        }

        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        throw new RemoteServiceException($"update score {updated.Key}", outcome.Status, code, requestId, message ?? "update failed");
    }

    private static bool Holds(CurrentRow row, IReadOnlyDictionary<string, string?> fields) =>
        fields.All(f => FieldValues.Text(f.Value) == FieldValues.Text(row.Fields.GetValueOrDefault(f.Key)));
}
