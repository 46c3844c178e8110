using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using DanVan365.M365.Lists;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Library;

/// <summary>
/// The Báo cáo dân vận library through Graph's drive API. Small files go up with one PUT (Graph's simple upload takes
/// up to 4 MB: https://learn.microsoft.com/graph/api/driveitem-put-content); larger ones through an upload session
/// in 320 KiB multiples (https://learn.microsoft.com/graph/api/driveitem-createuploadsession). Replacing a file keeps
/// the earlier one as a version.
/// </summary>
public sealed class GraphLibraryStore(SiteContext site, BatchRunner batches, GraphSiteProvisioner provisioner) : ILibraryStore
{
    /// <summary>Graph's limit for a simple upload.</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>Upload session slice: a multiple of 320 KiB as the docs require.</summary>
    public const int SliceSize = 10 * 320 * 1024;

    private string? _driveId;

    private GraphServiceClient Client => site.Client;

    public async Task<LibraryFile> UploadAsync(string folder, string fileName, ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken)
    {
        var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
        var path = Combine(folder, fileName);
        var item = Client.Drives[driveId].Items["root"].ItemWithPath(path);
        DriveItem? uploaded;
        if (content.Length <= SimpleUploadLimit)
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            uploaded = await GraphErrors.Call($"upload {path}", () => item.Content.PutAsync(stream,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            var body = new CreateUploadSessionPostRequestBody
            {
                Item = new DriveItemUploadableProperties
                {
                    AdditionalData =
                    new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" }
                },
            };
            var session = await GraphErrors.Call($"upload session {path}", () => item.CreateUploadSession.PostAsync(body,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var task = new LargeFileUploadTask<DriveItem>(session, stream, SliceSize, Client.RequestAdapter);
            var result = await task.UploadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!result.UploadSucceeded)
            {
                throw new RemoteServiceException($"upload {path}", 500, "uploadFailed", null, "The upload session did not complete.");
            }

            uploaded = result.ItemResponse;
        }

        if (uploaded?.Id is { } uploadedId && uploaded.ListItem is null)
        {
            // The upload answer has no listItem; read it so the caller can set the file's columns.
            uploaded = await GraphErrors.Call($"get {path}",
                () => Client.Drives[driveId].Items[uploadedId].GetAsync(r => r.QueryParameters.Expand = [ListItemWithColumns],
                cancellationToken)).ConfigureAwait(false);
        }

        return ToFile(uploaded ?? throw new RemoteServiceException($"upload {path}", 500, "noItem", null, "Graph returned no item."),
            folder);
    }

    public async Task<IReadOnlyList<LibraryFile>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<LibraryFile>();
        DriveItemCollectionResponse? page;
        try
        {
            // The first page may have come in a person's read-ahead batch (GraphReadAhead).
            page = site.ReadAhead.TakeFolder(folder) ?? await Client.Drives[driveId].Items["root"].ItemWithPath(folder)
                .Children.GetAsync(r => r.QueryParameters.Expand = [ListItemWithColumns], cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (GraphErrors.Is(error, 404))
        {
            return files;
        }
        catch (ODataError error)
        {
            throw GraphErrors.From($"list {folder}", error);
        }

        while (page is not null)
        {
            files.AddRange((page.Value ?? []).Where(i => i.File is not null).Select(i => ToFile(i, folder)));
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphErrors.Call($"list {folder}",
                () => Client.Drives[driveId].Items["root"].ItemWithPath(folder).Children.WithUrl(next)
                .GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return files;
    }

    public async Task<byte[]> DownloadAsync(LibraryFile file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > maxBytes)
        {
            throw new InvalidInputException(file.Path, 0, $"file is {file.Size} bytes, more than the {maxBytes} allowed");
        }

        var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
        await using var stream = await GraphErrors.Call($"download {file.Path}",
            () => Client.Drives[driveId].Items[file.Id].Content.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new RemoteServiceException($"download {file.Path}", 404, "itemNotFound", null, "No content.");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidInputException(file.Path, 0, $"file is more than the {maxBytes} bytes allowed");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public async Task SetFieldsAsync(LibraryFile file, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fields);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var libraryId = await site.ListIdAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false);
        var listItemId = file.ListItemId ?? throw new RemoteServiceException($"update columns of {file.Path}", 404, "itemNotFound", null,
            "The file has no list item id.");
        var values =
            new FieldValueSet
            {
                AdditionalData = ColumnMapping.ToGraphFields(SiteSchema.Library, fields, site.Dates),
            };
        // https://learn.microsoft.com/graph/api/listitem-update — the file's listItem carries the library's columns.
        await GraphErrors.Call($"update columns of {file.Path}",
            () => Client.Sites[siteId].Lists[libraryId].Items[listItemId].Fields.PatchAsync(values,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<(IReadOnlyList<LibraryFile> Files, string Token)> ChangesAsync(string? token, Func<string, bool> include,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(include);
        var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
        var (changedIds, next) = await DeltaAsync(driveId, token, cancellationToken).ConfigureAwait(false);

        // Delta carries no columns and no parentReference.path ("When using delta you should always track items by id",
        // driveitem-delta.md, Remarks): read each changed file by id, with its path and list item (one batch per 20 files).
        var ids = changedIds.ToList();
        var operations = ids.Select((id, i) => new BatchOperation(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            () => Client.Drives[driveId].Items[id].ToGetRequestInformation(r => r.QueryParameters.Expand = [ListItemWithColumns])))
                .ToList();
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var files = new List<LibraryFile>();
        for (var i = 0; i < ids.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (outcome.Status == 404)
            {
                continue; // removed since the delta was read
            }

            if (!outcome.IsSuccess)
            {
                var (code, message, requestId) = GraphBodies.Error(outcome.Body);
                throw new RemoteServiceException("read changed file", outcome.Status, code, requestId, message ?? "failed");
            }

            var item = await Microsoft.Kiota.Abstractions.Serialization.KiotaJsonSerializer.DeserializeAsync(outcome.Body,
                DriveItem.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            if (item is not null && FolderOf(item.ParentReference?.Path) is { } folder && include(Combine(folder,
                item.Name ?? string.Empty)))
            {
                files.Add(ToFile(item, folder));
            }
        }

        return (files, next ?? token ?? string.Empty);
    }

    /// <summary>How often one read starts the enumeration again after a 410 before it gives up.</summary>
    private const int MaxDeltaRestarts = 3;

    /// <summary>
    /// The ids of files changed since the token (all files without one) and the next delta link, following every
    /// @odata.nextLink to the page that carries the @odata.deltaLink. A token the service can no longer serve answers 410
    /// Gone with a Location header holding "a new nextLink that starts a fresh delta enumeration from scratch"
    /// (driveitem-delta.md, Example 2), on the first page or on any page reached through a nextLink: what the pages gave
    /// so far is dropped and the enumeration starts again from there (at most <see cref="MaxDeltaRestarts"/> times); every
    /// file comes back, and ingestion skips the ones it has read.
    /// </summary>
    private async Task<(IReadOnlyCollection<string> Ids, string? DeltaLink)> DeltaAsync(string driveId, string? token,
        CancellationToken cancellationToken)
    {
        var delta = Client.Drives[driveId].Items["root"].Delta;
        // The same item may appear more than once: the last occurrence wins (driveitem-delta.md, Remarks).
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var link = token;
        var restarts = 0;
        while (true)
        {
            Microsoft.Graph.Drives.Item.Items.Item.Delta.DeltaGetResponse? page;
            try
            {
                page = await (link is null
                    ? delta.GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken)
                    : delta.WithUrl(link).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (Microsoft.Graph.Models.ODataErrors.ODataError error) when (link is not null && GraphErrors.Is(error, 410)
                && restarts < MaxDeltaRestarts)
            {
                restarts++;
                changed.Clear();
                link = error.ResponseHeaders is { } headers && headers.TryGetValue("Location", out var values)
                    ? values.FirstOrDefault() : null;
                continue;
            }
            catch (Microsoft.Graph.Models.ODataErrors.ODataError error)
            {
                throw GraphErrors.From("library delta", error);
            }

            foreach (var item in page?.Value ?? [])
            {
                if (item.Id is null)
                {
                    continue;
                }

                if (item.File is not null && item.Deleted is null)
                {
                    changed.Add(item.Id);
                }
                else
                {
                    changed.Remove(item.Id);
                }
            }

            if (page?.OdataDeltaLink is { } deltaLink)
            {
                return (changed, deltaLink);
            }

            if (page?.OdataNextLink is not { } nextLink)
            {
                return (changed, null);
            }

            link = nextLink;
        }
    }

    /// <summary>The library-relative folder of a parentReference path "/drives/{id}/root:/2026/Đợt 1/Nộp" ("" for the root).</summary>
    public static string? FolderOf(string? parentPath)
    {
        if (parentPath is null)
        {
            return null;
        }

        var at = parentPath.IndexOf("root:", StringComparison.Ordinal);
        return at < 0 ? null : Uri.UnescapeDataString(parentPath[(at + 5)..]).Trim('/');
    }

    public async Task EnsureFolderAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var libraryId = await site.ListIdAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false);
        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var paths = parts.Select((_, i) => string.Join('/', parts.Take(i + 1))).ToList();
        await provisioner.CreateFoldersAsync(siteId, libraryId, paths, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request <see cref="ListAsync"/> sends for a folder's first page (for a $batch).</summary>
    internal static Microsoft.Kiota.Abstractions.RequestInformation ChildrenRequest(GraphServiceClient client, string driveId,
        string folder) =>
        client.Drives[driveId].Items["root"].ItemWithPath(folder).Children
            .ToGetRequestInformation(r => r.QueryParameters.Expand = [ListItemWithColumns]);

    /// <summary>The library's drive id (once per run; a person's call takes it from the shared site map).</summary>
    internal async Task<string> DriveIdAsync(CancellationToken cancellationToken)
    {
        _driveId ??= site.SharedDriveId;
        if (_driveId is not null)
        {
            return _driveId;
        }

        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var libraryId = await site.ListIdAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false);
        var drive = await GraphErrors.Call("get library drive",
            () => Client.Sites[siteId].Lists[libraryId].Drive.GetAsync(r => r.QueryParameters.Select = ["id"],
            cancellationToken)).ConfigureAwait(false);
        _driveId = drive?.Id ?? throw new RemoteServiceException("get library drive", 404, "itemNotFound", null,
            "The library has no drive.");
        site.RememberDrive(_driveId);
        return _driveId;
    }

    /// <summary>
    /// The file's list item with the library's columns named: hidden columns (IngestedHash) come back only when named
    /// in the fields' $select (docs repo: api-reference/v1.0/resources/columndefinition.md).
    /// </summary>
    private static readonly string ListItemWithColumns =
        $"listItem($expand=fields($select={string.Join(',', SiteSchema.Library.Columns.Select(c => c.Name))}))";

    private static string Combine(string folder, string name) => string.IsNullOrEmpty(folder) ? name : folder.TrimEnd('/') + "/" + name;

    private LibraryFile ToFile(DriveItem item, string folder)
    {
        var dates = site.Dates;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in SiteSchema.Library.Columns)
        {
            if (item.ListItem?.Fields?.AdditionalData.TryGetValue(column.Name, out var value) == true)
            {
                fields[column.Name] = ColumnMapping.FromGraphValue(column.Type, GraphBodies.AsString(value), dates);
            }
        }

        return new LibraryFile(item.Id!, Combine(folder, item.Name ?? string.Empty), item.Name ?? string.Empty,
            item.CTag ?? item.ETag ?? string.Empty, item.Size ?? 0, item.WebUrl, fields, item.ListItem?.Id,
                ModifierOf(item.LastModifiedBy));
    }

    /// <summary>
    /// The driveItem's lastModifiedBy identitySet: the person (user) and the application, each an identity of id and
    /// displayName (docs repo: api-reference/v1.0/resources/baseitem.md, resources/identityset.md, resources/identity.md);
    /// null when the set names neither.
    /// </summary>
    internal static FileModifier? ModifierOf(IdentitySet? set) =>
        set?.User is null && set?.Application is null
            ? null
            : new FileModifier(set.User?.Id, set.User?.DisplayName, set.Application?.Id, set.Application?.DisplayName);
}
