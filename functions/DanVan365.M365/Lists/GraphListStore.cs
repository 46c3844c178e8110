using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IListStore"/> over Graph list items. Reads page through `items?$expand=fields($select=…)`; writes go as
/// $batch (20 per request). Every PATCH carries the item's eTag in If-Match; a 412 (someone changed the row) is
/// re-read and rebased so people's columns survive; a create that meets the unique key (409: a retried or concurrent
/// create) is recognised as "already there" and reconciled, never duplicated.
/// </summary>
public sealed class GraphListStore(SiteContext site, BatchRunner batches) : IListStore
{
    /// <summary>Items per page when reading a list.</summary>
    public const int PageSize = 500;

    private const int MaxRebaseRounds = 3;

    public async Task<IReadOnlyList<CurrentRow>> ReadAsync(ListDefinition list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(list, cancellationToken).ConfigureAwait(false);
        var items = site.Client.Sites[siteId].Lists[listId].Items;
        var rows = new List<CurrentRow>();
        // The first page may have come in a person's read-ahead batch (GraphReadAhead); the rest are read here.
        var page = site.ReadAhead.TakeList(list.DisplayName) ?? await GraphErrors.Call($"read {list.DisplayName}", () => items.GetAsync(r =>
        {
            r.QueryParameters.Expand = [ExpandFields(list)];
            r.QueryParameters.Top = PageSize;
        }, cancellationToken)).ConfigureAwait(false);
        while (page is not null)
        {
            rows.AddRange((page.Value ?? []).Select(item => ToRow(list, item, site.Dates)).OfType<CurrentRow>());
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphErrors.Call($"read {list.DisplayName}",
                () => items.WithUrl(next).GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return rows;
    }

    public async Task<ApplyResult> ApplyAsync(SyncPlan plan, IReadOnlyList<DesiredRow> desired, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(desired);
        var list = plan.List;
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(list, cancellationToken).ConfigureAwait(false);
        var desiredByKey = desired.ToDictionary(d => d.Key.Normalize(System.Text.NormalizationForm.FormC), StringComparer.Ordinal);
        var failures = new List<RowFailure>();
        var written = 0;

        var pending = plan.Writes.ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var operations = pending.Select((change, i) => new BatchOperation(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                () => BuildRequest(siteId, listId, list, change),
                // A create repeated after a lost response meets the unique key and is reconciled below (read by key).
                RetrySafe: true)).ToList();
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var again = new List<RowChange>();
            for (var i = 0; i < pending.Count; i++)
            {
                var change = pending[i];
                var outcome = outcomes[operations[i].Id];
                if (outcome.IsSuccess)
                {
                    written++;
                    continue;
                }

                // The key exists on create (UniqueKeyConflict: status and text) (a create retried after a lost response, or another run).
                // 412: the eTag moved.
                // 404 on update: a person deleted the row; sync recreates what the decision says.
                var conflict = (change.Kind == ChangeKind.Create && UniqueKeyConflict.Is(outcome))
                    || (change.Kind != ChangeKind.Create && outcome.Status == 412);
                if (conflict && round < MaxRebaseRounds)
                {
                    var fresh = await ReadByKeyAsync(siteId, listId, list, change.Key, cancellationToken).ConfigureAwait(false);
                    var want = desiredByKey.GetValueOrDefault(change.Key);
                    if (fresh is null)
                    {
                        again.Add(change.Kind == ChangeKind.Create ? change : Fit(list, Recreate(list, change, want)));
                        continue;
                    }

                    var rebased = Fit(list, SyncPlanner.Rebase(change, want, fresh, today));
                    if (rebased.Kind != ChangeKind.Unchanged)
                    {
                        again.Add(rebased);
                    }

                    continue;
                }

                if (change.Kind == ChangeKind.Update && outcome.Status == 404 && round < MaxRebaseRounds
                    && desiredByKey.TryGetValue(change.Key, out var missing))
                {
                    again.Add(Fit(list, Recreate(list, change, missing)));
                    continue;
                }

                failures.Add(outcome.FailureOf(change.Key));
            }

            pending = again;
        }

        return new ApplyResult(written, failures);
    }

    public async Task<ApplyResult> PatchAsync(ListDefinition list, IReadOnlyList<RowPatch> patches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(patches);
        if (patches.Count == 0)
        {
            return new ApplyResult(0, []);
        }

        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(list, cancellationToken).ConfigureAwait(false);
        var failures = new List<RowFailure>();
        var written = 0;
        var pending = patches.ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            var operations = pending.Select((p, i) => new BatchOperation(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                () => PatchRequest(siteId, listId, list, p))).ToList();
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var again = new List<RowPatch>();
            for (var i = 0; i < pending.Count; i++)
            {
                var outcome = outcomes[operations[i].Id];
                if (outcome.IsSuccess)
                {
                    written++;
                    continue;
                }

                // 412: someone changed the row since it was read. Re-read it and re-apply what still differs.
                if (outcome.Status == 412 && round < MaxRebaseRounds)
                {
                    var fresh = await ReadByKeyAsync(siteId, listId, list, pending[i].Key, cancellationToken).ConfigureAwait(false);
                    if (fresh is not null && Reapply(pending[i], fresh) is { } rebased)
                    {
                        again.Add(rebased);
                    }
                    else if (fresh is not null)
                    {
                        written++;
                    }

                    continue;
                }

                failures.Add(outcome.FailureOf(pending[i].Key));
            }

            pending = again;
        }

        return new ApplyResult(written, failures);
    }

    /// <summary>
    /// A patch re-applied on a row re-read after a 412: only the fields that still differ, with the fresh eTag; a value the
    /// person wrote meanwhile into a column that must never be cleared (a completion date) is not cleared. Null when nothing
    /// is left to write.
    /// </summary>
    private static RowPatch? Reapply(RowPatch patch, CurrentRow fresh)
    {
        var fields = patch.Fields
            .Where(f => FieldValues.Text(f.Value) != FieldValues.Text(fresh.Fields.GetValueOrDefault(f.Key)))
            .Where(f => !(f.Key == AssignmentColumns.CompletedOn && f.Value is null))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return fields.Count == 0 ? null : new RowPatch(patch.Key, fresh.ItemId, fields) { ETag = fresh.ETag };
    }

    private RequestInformation PatchRequest(string siteId, string listId, ListDefinition list, RowPatch patch)
    {
        var fields = new FieldValueSet
        {
            AdditionalData = ColumnMapping.ToGraphFields(list, patch.Fields, site.Dates),
        };

        // https://learn.microsoft.com/graph/api/listitem-update — If-Match: a row changed meanwhile answers 412.
        var request = site.Client.Sites[siteId].Lists[listId].Items[patch.ItemId].Fields.ToPatchRequestInformation(fields);
        if (patch.ETag is not null)
        {
            request.Headers.TryAdd("If-Match", patch.ETag);
        }

        return request;
    }

    /// <summary>
    /// Reads one row by its key (an indexed, unique column, so the filter is allowed without the Prefer header);
    /// <paramref name="paceFirst"/>: the read goes before queued ward runs (<see cref="PaceFirstOption"/>, the lease's).
    /// </summary>
    /// <param name="inspect">When given, receives the answer's headers (e.g. the server's Date).</param>
    public async Task<CurrentRow?> ReadByKeyAsync(string siteId, string listId, ListDefinition list, string key,
        CancellationToken cancellationToken, bool paceFirst = false,
        Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options.HeadersInspectionHandlerOption? inspect = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var page = await GraphErrors.Call($"find {list.DisplayName} {key}",
            () => site.Client.Sites[siteId].Lists[listId].Items.GetAsync(r =>
        {
            r.QueryParameters.Expand = [$"fields($select={string.Join(',', SelectedFields(list))})"];
            r.QueryParameters.Filter = $"fields/{list.KeyColumn} eq {OData.Quote(key)}";
            if (paceFirst)
            {
                r.Options.Add(new PaceFirstOption());
            }

            if (inspect is not null)
            {
                r.Options.Add(inspect);
            }
        }, cancellationToken)).ConfigureAwait(false);
        return (page?.Value ?? []).Select(item => ToRow(list, item, site.Dates)).OfType<CurrentRow>().FirstOrDefault();
    }

    /// <summary>
    /// The rows whose key is from <paramref name="from"/> (included) to <paramref name="before"/> (excluded): one query
    /// (listitem-list documents eq, ne, lt, gt, le, ge and startswith in $filter; the key is one indexed column).
    /// </summary>
    public async Task<IReadOnlyList<CurrentRow>> ReadKeyRangeAsync(string siteId, string listId, ListDefinition list, string from,
        string before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var rows = new List<CurrentRow>();
        var page = await GraphErrors.Call($"find {list.DisplayName} {from}..{before}",
            () => site.Client.Sites[siteId].Lists[listId].Items.GetAsync(r =>
        {
            r.QueryParameters.Expand = [$"fields($select={string.Join(',', SelectedFields(list))})"];
            r.QueryParameters.Filter =
                $"fields/{list.KeyColumn} ge {OData.Quote(from)} and fields/{list.KeyColumn} lt {OData.Quote(before)}";
        }, cancellationToken)).ConfigureAwait(false);
        while (page is not null)
        {
            rows.AddRange((page.Value ?? []).Select(item => ToRow(list, item, site.Dates)).OfType<CurrentRow>());
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphErrors.Call($"find {list.DisplayName} {from}..{before}",
                () => site.Client.Sites[siteId].Lists[listId].Items.WithUrl(next).GetAsync(cancellationToken: cancellationToken))
                .ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>
    /// Drops sync's bookkeeping columns (content hash, archive flag) from a rebased or recreated change when the list
    /// has none (e.g. Báo cáo kết quả, whose rows are planned by <see cref="Core.Reporting.ReportRows"/>).
    /// </summary>
    private static RowChange Fit(ListDefinition list, RowChange change)
    {
        var names = list.Columns.Select(c => c.Name).Append(SiteSchema.Title).ToHashSet(StringComparer.Ordinal);
        if (change.Fields.Keys.All(names.Contains))
        {
            return change;
        }

        var fields = change.Fields.Where(f => names.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return fields.Count == 0
            ? change with { Kind = ChangeKind.Unchanged, Fields = fields, ChangedFields = [] }
            : change with { Fields = fields, ChangedFields = [.. fields.Keys.Order(StringComparer.Ordinal)] };
    }

    private static RowChange Recreate(ListDefinition list, RowChange change, DesiredRow? want)
    {
        if (want is null)
        {
            return change;
        }

        var fields = new Dictionary<string, string?>(want.Fields, StringComparer.Ordinal)
        {
            [list.KeyColumn!] = change.Key,
            [SiteSchema.ContentHash] = change.Seal ?? SyncPlanner.ContentHash(want.Content),
            [SiteSchema.Archived] = FieldValues.Bool(false),
        };
        return new RowChange(ChangeKind.Create, change.Key, null, null, fields, [.. fields.Keys]) { Seal = change.Seal };
    }

    private RequestInformation BuildRequest(string siteId, string listId, ListDefinition list, RowChange change)
    {
        var fields = new FieldValueSet { AdditionalData = new Dictionary<string, object>(StringComparer.Ordinal) };
        foreach (var (name, value) in change.Fields)
        {
            fields.AdditionalData[name] = ColumnMapping.ToGraphValue(ColumnMapping.TypeOf(list, name), value, site.Dates)!;
        }

        var items = site.Client.Sites[siteId].Lists[listId].Items;
        if (change.Kind == ChangeKind.Create)
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            return items.ToPostRequestInformation(new ListItem { Fields = fields });
        }

        // https://learn.microsoft.com/graph/api/listitem-update — If-Match makes a concurrent edit a 412, not a lost update.
        var request = items[change.ItemId].Fields.ToPatchRequestInformation(fields);
        if (change.ETag is not null)
        {
            request.Headers.TryAdd("If-Match", change.ETag);
        }

        return request;
    }

    /// <summary>The $expand of a list's item reads: its fields, the columns named (hidden ones come only when named).</summary>
    internal static string ExpandFields(ListDefinition list) => $"fields($select={string.Join(',', SelectedFields(list))})";

    /// <summary>The request <see cref="ReadByKeyAsync"/> sends (for a $batch).</summary>
    internal static RequestInformation ByKeyRequest(SiteContext site, string siteId, string listId, ListDefinition list, string key) =>
        site.Client.Sites[siteId].Lists[listId].Items.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Expand = [ExpandFields(list)];
            r.QueryParameters.Filter = $"fields/{list.KeyColumn} eq {OData.Quote(key)}";
        });

    /// <summary>The first row of a page read by key (<see cref="ByKeyRequest"/>), or null.</summary>
    internal static CurrentRow? FirstRow(SiteContext site, ListDefinition list, ListItemCollectionResponse page) =>
        (page.Value ?? []).Select(item => ToRow(list, item, site.Dates)).OfType<CurrentRow>().FirstOrDefault();

    private static IEnumerable<string> SelectedFields(ListDefinition list) =>
        list.Columns.Select(c => c.Name).Prepend(SiteSchema.Title);

    private static CurrentRow? ToRow(ListDefinition list, ListItem item, SiteDates dates)
    {
        var data = item.Fields?.AdditionalData;
        if (data is null || item.Id is null)
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in SelectedFields(list))
        {
            values[name] = ColumnMapping.FromGraphValue(ColumnMapping.TypeOf(list, name), data.TryGetValue(name,
                out var raw) ? GraphBodies.AsString(raw) : null, dates);
        }

        var key = values.GetValueOrDefault(list.KeyColumn!);
        // A row without a key was typed in by hand: it is not sync's to manage.
        return key is null ? null : new CurrentRow(item.Id, key, item.AdditionalData.TryGetValue("@odata.etag",
            out var etag) ? GraphBodies.AsString(etag) : item.ETag, values)
        {
            ModifiedBy = Library.GraphLibraryStore.ModifierOf(item.LastModifiedBy),
            Modified = item.LastModifiedDateTime,
            WebUrl = item.WebUrl,
        };
    }
}
