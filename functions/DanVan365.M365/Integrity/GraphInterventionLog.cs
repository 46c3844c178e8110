using System.Globalization;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using DanVan365.M365.Lists;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Integrity;

/// <summary>
/// <see cref="IInterventionLog"/> over the list Nhật ký can thiệp (<see cref="SiteSchema.Interventions"/>). A record is a
/// plain create (POST, batched) of a sealed row; the key column is unique, so the same intervention seen again (another
/// run, a retried batch) meets 409 and counts as already recorded. Rows whose seal does not verify (added or edited by a
/// person) are never reported as DanVan365's.
/// </summary>
public sealed class GraphInterventionLog(SiteContext site, BatchRunner batches, GraphListStore lists, RecordSeal seal)
    : IInterventionLog
{
    private static readonly ListDefinition List = SiteSchema.Interventions;

    public async Task<IReadOnlyList<RowFailure>> RecordAsync(IReadOnlyList<Intervention> interventions, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        var distinct = interventions.DistinctBy(i => i.Key, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var operations = distinct.Select((intervention, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () =>
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            var values = new Dictionary<string, string?>(InterventionRow.Values(intervention, today), StringComparer.Ordinal);
            values[SiteSchema.Seal] = seal.Seal(List.Key, intervention.Key, InterventionRow.Sealed(values));
            var body = new FieldValueSet
            {
                AdditionalData = ColumnMapping.ToGraphFields(List, values.Where(v => v.Value is not null)
                    .ToDictionary(StringComparer.Ordinal), site.Dates),
            };
            return site.Client.Sites[siteId].Lists[listId].Items.ToPostRequestInformation(new ListItem { Fields = body });
        }, RetrySafe: true)).ToList(); // a repeated create meets the unique key: already recorded
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var failures = new List<RowFailure>();
        for (var i = 0; i < distinct.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (!outcome.IsSuccess && !UniqueKeyConflict.Is(outcome))
            {
                failures.Add(outcome.FailureOf(distinct[i].Key));
            }
        }

        return failures;
    }

    public async Task<IReadOnlyList<RecordedIntervention>> UnreportedAsync(CancellationToken cancellationToken)
    {
        var rows = await lists.ReadAsync(List, cancellationToken).ConfigureAwait(false);
        return [.. rows.Where(r => !InterventionRow.IsReported(r))
            .Select(r => InterventionRow.Read(r, seal))
            .OfType<RecordedIntervention>()
            .OrderBy(r => r.Intervention.At ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<RowFailure>> MarkReportedAsync(IReadOnlyList<RecordedIntervention> interventions,
        DateOnly reportedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        var patches = interventions.Select(i => new RowPatch(i.Key, i.ItemId, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [InterventionColumns.ReportedOn] = FieldValues.Date(reportedOn),
        })).ToList();
        var result = await lists.PatchAsync(List, patches, cancellationToken).ConfigureAwait(false);
        return result.Failures;
    }
}
