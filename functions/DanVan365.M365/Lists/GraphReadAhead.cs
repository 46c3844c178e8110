using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Client;
using DanVan365.M365.Library;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IReadAheadStore"/>: the reads a person's call will make, sent together as one JSON $batch (issue 25;
/// concepts/json-batching.md: up to 20 requests in one HTTP request, each answered on its own). The first page of each
/// answer is kept in the run's <see cref="SiteContext"/> and used once by the read it stands for (the list's rows, a state
/// key, a folder's files); later pages and every read not answered here go as usual. A 404 on a list or the drive forgets
/// the shared site map (its ids are stale) and the reads go as usual.
/// </summary>
internal sealed class GraphReadAhead(SiteContext site, BatchRunner batches, GraphLibraryStore library) : IReadAheadStore
{
    public async Task ReadAheadAsync(ReadAhead reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var operations = new List<(BatchOperation Operation, bool Folder, Func<string, Task> Keep)>();
        foreach (var list in reads.Lists.Distinct())
        {
            if (await site.FindAsync(list, cancellationToken).ConfigureAwait(false) is not { Id: { } listId })
            {
                continue;
            }

            operations.Add((Op(operations.Count, () => site.Client.Sites[siteId].Lists[listId].Items.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Expand = [GraphListStore.ExpandFields(list)];
                r.QueryParameters.Top = GraphListStore.PageSize;
            })), false, async body => site.ReadAhead.KeepList(list.DisplayName, await ItemsAsync(body).ConfigureAwait(false))));
        }

        if (reads.StateKeys.Count > 0 && await site.FindAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false) is
            { Id: { } stateId })
        {
            foreach (var key in reads.StateKeys.Distinct(StringComparer.Ordinal))
            {
                operations.Add((Op(operations.Count, () => GraphListStore.ByKeyRequest(site, siteId, stateId, SiteSchema.State, key)),
                    false, async body => site.ReadAhead.KeepState(key, await ItemsAsync(body).ConfigureAwait(false))));
            }
        }

        if (reads.Folders.Count > 0 && await site.FindAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false) is not null)
        {
            var driveId = await library.DriveIdAsync(cancellationToken).ConfigureAwait(false);
            foreach (var folder in reads.Folders.Distinct(StringComparer.Ordinal))
            {
                operations.Add((Op(operations.Count, () => GraphLibraryStore.ChildrenRequest(site.Client, driveId, folder)),
                    true, async body => site.ReadAhead.KeepFolder(folder, await KiotaJsonSerializer.DeserializeAsync(body,
                        DriveItemCollectionResponse.CreateFromDiscriminatorValue).ConfigureAwait(false))));
            }
        }

        if (operations.Count == 0)
        {
            return;
        }

        var outcomes = await batches.RunAsync([.. operations.Select(o => o.Operation)], cancellationToken).ConfigureAwait(false);
        foreach (var (operation, folder, keep) in operations)
        {
            var outcome = outcomes[operation.Id];
            if (outcome.IsSuccess)
            {
                await keep(outcome.Body).ConfigureAwait(false);
            }
            else if (outcome.Status == 404 && !folder)
            {
                // A list the shared map named is gone: its ids are stale (a missing folder is read as usual, and is empty).
                site.ForgetShared();
            }
        }
    }

    private static BatchOperation Op(int index, Func<Microsoft.Kiota.Abstractions.RequestInformation> build) =>
        new(index.ToString(System.Globalization.CultureInfo.InvariantCulture), build);

    private static Task<ListItemCollectionResponse?> ItemsAsync(string body) =>
        KiotaJsonSerializer.DeserializeAsync(body, ListItemCollectionResponse.CreateFromDiscriminatorValue);
}

/// <summary>First pages read ahead for one run, each taken once (thread-safe).</summary>
internal sealed class ReadAheadPages
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ListItemCollectionResponse> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListItemCollectionResponse> _state = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DriveItemCollectionResponse> _folders = new(StringComparer.Ordinal);

    public void KeepList(string list, ListItemCollectionResponse? page) => Keep(_lists, list, page);

    public void KeepState(string key, ListItemCollectionResponse? page) => Keep(_state, key, page);

    public void KeepFolder(string folder, DriveItemCollectionResponse? page) => Keep(_folders, folder, page);

    public ListItemCollectionResponse? TakeList(string list) => Take(_lists, list);

    public ListItemCollectionResponse? TakeState(string key) => Take(_state, key);

    public DriveItemCollectionResponse? TakeFolder(string folder) => Take(_folders, folder);

    public void Clear()
    {
        lock (_gate)
        {
            _lists.Clear();
            _state.Clear();
            _folders.Clear();
        }
    }

    private void Keep<T>(Dictionary<string, T> pages, string key, T? page)
        where T : class
    {
        if (page is null)
        {
            return;
        }

        lock (_gate)
        {
            pages[key] = page;
        }
    }

    private T? Take<T>(Dictionary<string, T> pages, string key)
        where T : class
    {
        lock (_gate)
        {
            return pages.Remove(key, out var page) ? page : null;
        }
    }
}
