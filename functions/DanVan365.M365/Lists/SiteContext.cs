using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using Microsoft.Graph;
using GraphList = Microsoft.Graph.Models.List;

namespace DanVan365.M365.Lists;

/// <summary>
/// The ward's site and its lists, looked up once per run (one request each) and cached: a no-change sync reads
/// the site, the lists and the items of the two synced lists, and nothing else. A person's call starts from the ids its
/// earlier calls resolved (<paramref name="shared"/>, <see cref="WardSiteMaps"/>); a list missing there is looked up again.
/// </summary>
public sealed class SiteContext(GraphConnection connection, SiteMap? shared = null)
{
    private string? _siteId = shared?.SiteId;
    private IReadOnlyDictionary<string, GraphList>? _lists = shared?.SiteId is null ? null : shared.Lists;
    private bool _listsShared = shared?.SiteId is not null && shared.Lists is not null;

    public GraphServiceClient Client => connection.Client;

    public GraphConnection Connection => connection;

    /// <summary>The site's time zone for date-only columns (M365:SiteTimeZone).</summary>
    public SiteDates Dates { get; } = SiteDates.For(connection.Options.SiteTimeZone);

    /// <summary>The site id, from the configured site URL (GET /sites/{hostname}:/{server-relative-path}).</summary>
    public async Task<string> SiteIdAsync(CancellationToken cancellationToken)
    {
        if (_siteId is not null)
        {
            return _siteId;
        }

        var url = new Uri(connection.Options.SiteUrl!);
        // https://learn.microsoft.com/graph/api/site-getbypath
        var site = await GraphErrors.Call("get site",
            () => Client.Sites[$"{url.Host}:{url.AbsolutePath.TrimEnd('/')}:"].GetAsync(r => r.QueryParameters.Select = ["id",
            "displayName", "webUrl"], cancellationToken)).ConfigureAwait(false);
        _siteId = site?.Id ?? throw new RemoteServiceException("get site", 404, "itemNotFound", null, $"Site {url} not found.");
        shared?.Remember(_siteId, null, null);
        return _siteId;
    }

    /// <summary>The site's lists by display name (NFC).</summary>
    public async Task<IReadOnlyDictionary<string, GraphList>> ListsAsync(CancellationToken cancellationToken)
    {
        if (_lists is not null)
        {
            return _lists;
        }

        var siteId = await SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var lists = new Dictionary<string, GraphList>(StringComparer.Ordinal);
        var page = await GraphErrors.Call("get lists", () => Client.Sites[siteId].Lists.GetAsync(r => r.QueryParameters.Select = ["id",
            "displayName", "description", "list", "webUrl"], cancellationToken)).ConfigureAwait(false);
        while (page is not null)
        {
            foreach (var list in page.Value ?? [])
            {
                if (list.DisplayName is not null)
                {
                    lists[list.DisplayName.Normalize(System.Text.NormalizationForm.FormC)] = list;
                }
            }

            if (page.OdataNextLink is null)
            {
                break;
            }

            var next = page.OdataNextLink;
            page = await GraphErrors.Call("get lists",
                () => Client.Sites[siteId].Lists.WithUrl(next).GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        _lists = lists;
        _listsShared = false;
        shared?.Remember(siteId, lists, null);
        return lists;
    }

    /// <summary>The list for a schema definition, or null when it does not exist yet.</summary>
    public async Task<GraphList?> FindAsync(ListDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var name = definition.DisplayName.Normalize(System.Text.NormalizationForm.FormC);
        var lists = await ListsAsync(cancellationToken).ConfigureAwait(false);
        if (!lists.ContainsKey(name) && _listsShared)
        {
            // The shared map may predate the list (provisioned since): look the lists up afresh before calling it absent.
            _lists = null;
            lists = await ListsAsync(cancellationToken).ConfigureAwait(false);
        }

        return lists.GetValueOrDefault(name);
    }

    /// <summary>The ids the shared map gave this call are not trusted any more (one answered 404): forget them.</summary>
    internal void ForgetShared()
    {
        shared?.Forget();
        _listsShared = false;
    }

    /// <summary>The library's drive id from the shared map, or null.</summary>
    internal string? SharedDriveId => _siteId is not null && shared?.SiteId == _siteId ? shared.DriveId : null;

    /// <summary>Remembers the library's drive id for later calls (only when a shared map is used).</summary>
    internal void RememberDrive(string driveId)
    {
        if (_siteId is not null)
        {
            shared?.Remember(_siteId, null, driveId);
        }
    }

    /// <summary>Pages read ahead in one $batch (<see cref="GraphReadAhead"/>), each used once; forgotten with the state's.</summary>
    internal ReadAheadPages ReadAhead { get; } = new();

    /// <summary>The list id for a schema definition; fails when the site is not provisioned.</summary>
    public async Task<string> ListIdAsync(ListDefinition definition, CancellationToken cancellationToken)
    {
        var list = await FindAsync(definition, cancellationToken).ConfigureAwait(false);
        return list?.Id ?? throw new SiteNotProvisionedException(definition.DisplayName);
    }

    /// <summary>
    /// Links a Planner task carries, as Graph gives them (never built by hand): the list Nhiệm vụ dân vận and the library
    /// at their webUrl (api-reference/v1.0/resources/list.md), from the run's cached list lookup: no request more. The
    /// decision file's name is not made into an address: a file synced from the CLI need not be in the library.
    /// </summary>
    public async Task<Core.Planner.PlannerLinks> PlannerLinksAsync(string? decisionFileName, CancellationToken cancellationToken)
    {
        var tasks = await FindAsync(SiteSchema.Tasks, cancellationToken).ConfigureAwait(false);
        var library = await FindAsync(SiteSchema.Library, cancellationToken).ConfigureAwait(false);
        var tasksUrl = tasks?.WebUrl;
        return new Core.Planner.PlannerLinks(_ => tasksUrl, decisionFileName is null ? null : library?.WebUrl);
    }

    /// <summary>
    /// Rows of the state list read ahead in this run, by key (see <see cref="GraphStateStore"/>); null when none were read or
    /// they were forgotten.
    /// </summary>
    internal Dictionary<string, CurrentRow>? StateReadAhead { get; set; }

    /// <summary>
    /// Forgets the state rows read ahead: what was read before the ward's lease was claimed is read again under it (another
    /// runner may have written meanwhile).
    /// </summary>
    public void ForgetStateReadAhead()
    {
        StateReadAhead = null;
        ReadAhead.Clear();
    }

    /// <summary>Forgets the cached lists (after provisioning changed them).</summary>
    public void Invalidate(GraphList? changed = null)
    {
        if (changed?.DisplayName is not null && _lists is not null)
        {
            var copy = new Dictionary<string, GraphList>(_lists, StringComparer.Ordinal)
            {
                [changed.DisplayName.Normalize(System.Text.NormalizationForm.FormC)] = changed,
            };
            _lists = copy;
            return;
        }

        _lists = null;
    }
}
