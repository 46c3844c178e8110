using DanVan365.Core.Integrity;
using DanVan365.Core.Scoring;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;

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
    private readonly GuardedRowWrites _writes = new(site, batches, lists);

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

    public Task<bool> CreateAsync(ScoreRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A lost answer to our own create: the row holds exactly our values, so it is written.
        return _writes.CreateAsync(List, record.Key, ScoreRows.SealedValues(record, seal), acceptOwnRow: true, "score", cancellationToken);
    }

    public Task<bool> UpdateAsync(StoredScore current, ScoreRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        return _writes.UpdateAsync(List, updated.Key, current.ItemId, current.ETag, ScoreRows.SealedValues(updated, seal), "score",
            cancellationToken);
    }
}
