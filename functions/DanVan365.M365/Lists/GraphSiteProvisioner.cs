using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using GraphList = Microsoft.Graph.Models.List;

namespace DanVan365.M365.Lists;

/// <summary>
/// Creates or upgrades the lists of <see cref="SiteSchema"/> and the library's folders. Idempotent: each list is created
/// with "schema vN" in its description, the library also with a stamp of its folder set, so a provisioned site costs one
/// read (GET lists). An older schema gets its missing columns added and its columns' display names brought up to date
/// (matched by internal name); existing data is never touched.
/// Updating a list is not a documented v1.0 operation (docs repo: api-reference/v1.0/resources/list.md lists get and
/// create only), so a later version or stamp is kept where a documented write reaches it: a row of the state list
/// ("schema:{list key}"), read only when the description is older.
/// </summary>
public sealed class GraphSiteProvisioner(SiteContext site, BatchRunner batches, TimeProvider clock, Core.Integrity.RecordSeal seal)
    : ISiteProvisioner
{
    // Its stamps are sealed like every state value; a stamp that does not verify is absent (the lists are checked again).
    private readonly GraphStateStore _state = new(site, new GraphListStore(site, batches), clock, seal, interventions: null);

    /// <summary>The state row holding a list's current schema description.</summary>
    public static string SchemaKey(ListDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return "schema:" + definition.Key;
    }

    public async Task<bool> IsProvisionedAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in SiteSchema.All)
        {
            var list = await site.FindAsync(definition, cancellationToken).ConfigureAwait(false);
            if (list is null || SiteSchema.VersionOf(await DescriptionAsync(definition, list,
                cancellationToken).ConfigureAwait(false)) < SiteSchema.Version)
            {
                return false;
            }
        }

        return true;
    }

    public async Task<bool> IsCurrentAsync(IReadOnlyList<string> libraryFolders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(libraryFolders);
        if (!await IsProvisionedAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // As step 3 of EnsureAsync decides whether to make folders: the stamp in the description, else the state row's.
        var stamp = SiteSchema.Stamp(libraryFolders);
        var library = await site.FindAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false);
        return library is not null && (SiteSchema.StampOf(library.Description) == stamp
            || SiteSchema.StampOf(await DescriptionAsync(SiteSchema.Library, library, cancellationToken,
                forStamp: true).ConfigureAwait(false)) == stamp);
    }

    public async Task<ProvisionResult> EnsureAsync(IReadOnlyList<string> libraryFolders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(libraryFolders);
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var stamp = SiteSchema.Stamp(libraryFolders);

        // 1. Missing lists, created with all their columns in one batch.
        var missing = new List<ListDefinition>();
        foreach (var definition in SiteSchema.All)
        {
            if (await site.FindAsync(definition, cancellationToken).ConfigureAwait(false) is null)
            {
                missing.Add(definition);
            }
        }

        var listsCreated = 0;
        if (missing.Count > 0)
        {
            var operations = missing.Select(d => new BatchOperation(d.Key, () => CreateListRequest(siteId, d),
                RetrySafe: true)).ToList(); // a repeated create answers 409 and the list is read again
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            foreach (var definition in missing)
            {
                var outcome = outcomes[definition.Key];
                // 409: another run created it meanwhile: fine, it is read again below.
                if (!outcome.IsSuccess && outcome.Status != 409)
                {
                    var (code, message, requestId) = GraphBodies.Error(outcome.Body);
                    throw new RemoteServiceException($"create list '{definition.DisplayName}'", outcome.Status, code, requestId,
                        message ?? "failed");
                }

                if (outcome.IsSuccess)
                {
                    listsCreated++;
                    site.Invalidate(System.Text.Json.JsonSerializer.Deserialize<CreatedList>(outcome.Body, JsonOptions) is { } created
                        ? new GraphList
                        {
                            Id = created.Id,
                            DisplayName = created.DisplayName,
                            Description = created.Description,
                            WebUrl = created.WebUrl
                        }
                        : null);
                }
                else
                {
                    site.Invalidate();
                }
            }
        }

        // 2. Lists of an older schema: add the columns they lack, give existing ones the schema's display names.
        var columnsAdded = 0;
        var columnsRenamed = 0;
        foreach (var definition in SiteSchema.All)
        {
            var list = await site.FindAsync(definition, cancellationToken).ConfigureAwait(false)
                ?? throw new RemoteServiceException($"create list '{definition.DisplayName}'", 404, "listNotFound", null,
                    "The list was not found after creating it.");
            if (SiteSchema.VersionOf(await DescriptionAsync(definition, list,
                cancellationToken).ConfigureAwait(false)) < SiteSchema.Version)
            {
                var (added, renamed) = await UpgradeAsync(siteId, list, definition, cancellationToken).ConfigureAwait(false);
                columnsAdded += added;
                columnsRenamed += renamed;
            }
        }

        // 3. Library folders, when the folder set changed (new decision, new round).
        var foldersCreated = 0;
        var library = await site.FindAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false);
        // The folder stamp is recorded only once the folders exist (a run killed between the two makes them again).
        var libraryIsNew = missing.Contains(SiteSchema.Library);
        if (library is not null && SiteSchema.StampOf(library.Description) != stamp
            && (libraryIsNew || SiteSchema.StampOf(await DescriptionAsync(SiteSchema.Library, library, cancellationToken,
                forStamp: true).ConfigureAwait(false)) != stamp))
        {
            foldersCreated = await CreateFoldersAsync(siteId, library.Id!, libraryFolders, cancellationToken).ConfigureAwait(false);
            await _state.SetAsync(SchemaKey(SiteSchema.Library), SiteSchema.Description(SiteSchema.Library, stamp),
                cancellationToken).ConfigureAwait(false);
        }

        return new ProvisionResult(listsCreated, columnsAdded, foldersCreated) { ColumnsRenamed = columnsRenamed };
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record CreatedList(string? Id, string? DisplayName, string? Description, string? WebUrl);

    /// <summary>Creates folders (parents first); an existing folder (409 nameAlreadyExists) counts as done.</summary>
    public async Task<int> CreateFoldersAsync(string siteId, string libraryId, IReadOnlyList<string> folders,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var drive = await GraphErrors.Call("get library drive",
            () => site.Client.Sites[siteId].Lists[libraryId].Drive.GetAsync(r => r.QueryParameters.Select = ["id"],
            cancellationToken)).ConfigureAwait(false);
        var driveId = drive?.Id ?? throw new RemoteServiceException("get library drive", 404, "itemNotFound", null,
            "The library has no drive.");
        var created = 0;
        // One batch per depth: items of a batch run in no set order, and a parent must exist before its children.
        foreach (var level in folders.GroupBy(f => f.Count(c => c == '/')).OrderBy(g => g.Key))
        {
            var operations = level.Select((path, i) => new BatchOperation(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                () => CreateFolderRequest(driveId, path), RetrySafe: true)).ToList(); // a repeated create answers 409: there
            var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            var paths = level.ToList();
            for (var i = 0; i < paths.Count; i++)
            {
                var outcome = outcomes[operations[i].Id];
                if (outcome.IsSuccess)
                {
                    created++;
                }
                else if (outcome.Status != 409)
                {
                    var (code, message, requestId) = GraphBodies.Error(outcome.Body);
                    throw new RemoteServiceException($"create folder '{paths[i]}'", outcome.Status, code, requestId, message ?? "failed");
                }
            }
        }

        return created;
    }

    private RequestInformation CreateFolderRequest(string driveId, string path)
    {
        var slash = path.LastIndexOf('/');
        var parent = slash < 0 ? null : path[..slash];
        var name = slash < 0 ? path : path[(slash + 1)..];
        var folder = new DriveItem
        {
            Name = name,
            Folder = new Folder(),
            // https://learn.microsoft.com/graph/api/driveitem-post-children — "fail": an existing folder answers 409.
            AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "fail" },
        };
        var children = parent is null
            ? site.Client.Drives[driveId].Items["root"].Children
            : site.Client.Drives[driveId].Items["root"].Children.WithUrl(
                $"{site.Connection.Options.GraphBaseUrl.TrimEnd('/')}/drives/{Uri.EscapeDataString(driveId)}" +
                $"/root:/{EscapePath(parent)}:/children");
        return children.ToPostRequestInformation(folder);
    }

    /// <summary>Percent-encodes each segment of a drive path (Vietnamese letters and spaces included), keeping the slashes.</summary>
    public static string EscapePath(string path) =>
        string.Join('/', (path ?? string.Empty).Split('/').Select(Uri.EscapeDataString));

    private RequestInformation CreateListRequest(string siteId, ListDefinition definition)
    {
        // https://learn.microsoft.com/graph/api/list-create — columns can be given at creation. The library's folder
        // stamp goes to the state list once its folders exist (a list's description cannot be updated later).
        var list = new GraphList
        {
            DisplayName = definition.DisplayName,
            Description = SiteSchema.Description(definition),
            Columns = [.. definition.Columns.Select(ColumnMapping.ToGraph)],
            ListProp = new ListInfo { Template = definition.IsLibrary ? "documentLibrary" : "genericList", Hidden = definition.Hidden },
        };
        return site.Client.Sites[siteId].Lists.ToPostRequestInformation(list);
    }

    private async Task<(int Added, int Renamed)> UpgradeAsync(string siteId, GraphList list, ListDefinition definition,
        CancellationToken cancellationToken)
    {
        var existing = await GraphErrors.Call($"get columns of '{definition.DisplayName}'",
            () => site.Client.Sites[siteId].Lists[list.Id].Columns.GetAsync(
                r => r.QueryParameters.Select = ["id", "name", "displayName", "hidden"], cancellationToken)).ConfigureAwait(false);
        // Hidden columns are listed only when "hidden" is in $select (docs repo: api-reference/v1.0/resources/columndefinition.md).
        var columns = (existing?.Value ?? []).Where(c => c.Name is not null).ToList();
        var names = columns.Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        var renamed = 0;
        // Columns are matched by internal name, never by display name; a column whose display name an older schema worded
        // differently gets the schema's (docs repo: api-reference/v1.0/api/columndefinition-update.md, PATCH of a list column).
        foreach (var (column, wanted) in columns.Select(c => (c, definition.Columns.FirstOrDefault(d => d.Name == c.Name)))
            .Where(x => x.Item2 is not null && x.c.Id is not null && !string.Equals(x.c.DisplayName, x.Item2.DisplayName,
                StringComparison.Ordinal)))
        {
            var update = new Microsoft.Graph.Models.ColumnDefinition { DisplayName = wanted!.DisplayName };
            await GraphErrors.Call($"rename column '{column.Name}' of '{definition.DisplayName}'",
                () => site.Client.Sites[siteId].Lists[list.Id].Columns[column.Id].PatchAsync(update,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            renamed++;
        }

        var added = 0;
        foreach (var column in definition.Columns.Where(c => !names.Contains(c.Name)))
        {
            // https://learn.microsoft.com/graph/api/list-post-columns
            await GraphErrors.Call($"add column '{column.Name}' to '{definition.DisplayName}'",
                () => site.Client.Sites[siteId].Lists[list.Id].Columns.PostAsync(ColumnMapping.ToGraph(column),
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            added++;
        }

        var current = await DescriptionAsync(definition, list, cancellationToken, forStamp: definition.IsLibrary).ConfigureAwait(false);
        var stamp = definition.IsLibrary ? SiteSchema.StampOf(current) : null;
        await _state.SetAsync(SchemaKey(definition), SiteSchema.Description(definition, stamp), cancellationToken).ConfigureAwait(false);
        return (added, renamed);
    }

    /// <summary>
    /// The list's schema description: the one it was created with, or the state row's when the description is older
    /// or, for the library, its folder stamp may have moved on.
    /// </summary>
    private async Task<string?> DescriptionAsync(ListDefinition definition, GraphList list, CancellationToken cancellationToken,
        bool forStamp = false)
    {
        if (SiteSchema.VersionOf(list.Description) >= SiteSchema.Version && !forStamp)
        {
            return list.Description;
        }

        // Folders are never deleted, so a folder stamp in the description still holds when it is the wanted one.

        if (await site.FindAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false) is null)
        {
            return list.Description;
        }

        var saved = await _state.GetAsync(SchemaKey(definition), cancellationToken).ConfigureAwait(false);
        return saved is not null && SiteSchema.VersionOf(saved) >= SiteSchema.VersionOf(list.Description) ? saved : list.Description;
    }
}
