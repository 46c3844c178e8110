using System.Globalization;
using System.Text;

namespace DanVan365.M365.Permissions;

/// <summary>How the permission of a <see cref="GraphPermissionEntry"/> reaches the app's managed identity.</summary>
public enum GrantKind
{
    /// <summary>A Microsoft Graph application permission (app role) on the identity's service principal.</summary>
    GraphAppRole,

    /// <summary>Exchange Online RBAC for Applications, scoped to the ward mailboxes (never a tenant-wide Entra grant).</summary>
    ExchangeRbac,

    /// <summary>No permission of its own: a $batch envelope (each inner request is checked) or a pre-authenticated URL.</summary>
    None,
}

/// <summary>
/// One Graph call the adapter makes: <paramref name="Route"/> in the local Graph's notation (a captured segment is
/// <c>{}</c>, path addressing such as <c>root:/a/b:</c> is one segment), the API page that documents it, and the
/// least-privileged application permission DanVan365 holds for it.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Route">Path template, e.g. <c>/sites/{}/lists</c>.</param>
/// <param name="Feature">What the app uses the call for (one of the README table's rows).</param>
/// <param name="Permission">The application permission (for <see cref="GrantKind.None"/>: empty).</param>
/// <param name="Kind">How the permission is granted.</param>
/// <param name="DocPage">The Graph API page (learn.microsoft.com/graph/api/&lt;page&gt;) whose permission table was read.</param>
public sealed record GraphPermissionEntry(string Method, string Route, string Feature, string Permission, GrantKind Kind, string DocPage)
{
    /// <summary>The key the local Graph's statistics use for this route, e.g. <c>GET /sites/{}/lists</c>.</summary>
    public string RouteKey => Method + " " + Route;
}

/// <summary>
/// Every Microsoft Graph call DanVan365.M365 makes and the application permission that covers it, least privilege:
/// the single source of the grant script's permission list (infra/grant-graph-permissions.sh) and of the README's
/// permission table (<see cref="ToMarkdown"/>). SharePoint calls all run under <c>Sites.Selected</c> with a per-site
/// grant of <see cref="SiteRole"/> (docs: concepts/permissions-selected-overview.md): the tenant-wide permissions the
/// API pages list (e.g. list-create: <c>Sites.Manage.All</c>) are never granted.
/// </summary>
public static class GraphPermissionManifest
{
    /// <summary>
    /// The role of the per-site grant. Creating lists and adding columns (list-create documents <c>Sites.Manage.All</c>,
    /// above <c>Sites.ReadWrite.All</c>) is more than <c>write</c> ("read and modify the metadata and contents"); the
    /// narrowest role above it is <c>manage</c>, short of <c>fullcontrol</c>, which also manages permissions.
    /// </summary>
    public const string SiteRole = "manage";

    private const string Sites = "Sites.Selected";
    private const string Tasks = "Tasks.ReadWrite.All";
    private const string Lists = "lists, library, files";
    private const string Planner = "Planner";

    /// <summary>The table, grouped by feature.</summary>
    public static IReadOnlyList<GraphPermissionEntry> Entries { get; } =
    [
        Site("GET", "/sites/{}", "site-get"),
        Site("GET", "/sites/{}/lists", "list-list"),
        Site("POST", "/sites/{}/lists", "list-create"),
        Site("GET", "/sites/{}/lists/{}/columns", "list-list-columns"),
        Site("POST", "/sites/{}/lists/{}/columns", "list-post-columns"),
        Site("PATCH", "/sites/{}/lists/{}/columns/{}", "columndefinition-update"),
        Site("GET", "/sites/{}/lists/{}/drive", "drive-get"),
        Site("GET", "/sites/{}/lists/{}/items", "listitem-list"),
        Site("GET", "/sites/{}/lists/{}/items/{}", "listitem-get"),
        Site("POST", "/sites/{}/lists/{}/items", "listitem-create"),
        Site("PATCH", "/sites/{}/lists/{}/items/{}/fields", "listitem-update"),
        Site("DELETE", "/sites/{}/lists/{}/items/{}", "listitem-delete"),
        Site("GET", "/drives/{}/items/{}", "driveitem-get"),
        Site("GET", "/drives/{}/items/{}/children", "driveitem-list-children"),
        Site("POST", "/drives/{}/items/{}/children", "driveitem-post-children"),
        Site("PUT", "/drives/{}/items/{}/content", "driveitem-put-content"),
        Site("GET", "/drives/{}/items/{}/content", "driveitem-get-content"),
        Site("POST", "/drives/{}/items/{}/createUploadSession", "driveitem-createuploadsession"),
        Site("GET", "/drives/{}/items/{}/delta", "driveitem-delta"),
        new("GET", "/groups/{}/planner/plans", Planner, Tasks, GrantKind.GraphAppRole, "plannergroup-list-plans"),
        new("POST", "/planner/plans", Planner, Tasks, GrantKind.GraphAppRole, "planner-post-plans"),
        new("GET", "/planner/plans/{}", Planner, Tasks, GrantKind.GraphAppRole, "plannerplan-get"),
        new("GET", "/planner/plans/{}/buckets", Planner, Tasks, GrantKind.GraphAppRole, "plannerplan-list-buckets"),
        new("GET", "/planner/plans/{}/tasks", Planner, Tasks, GrantKind.GraphAppRole, "plannerplan-list-tasks"),
        new("GET", "/planner/plans/{}/details", Planner, Tasks, GrantKind.GraphAppRole, "plannerplandetails-get"),
        new("PATCH", "/planner/plans/{}/details", Planner, Tasks, GrantKind.GraphAppRole, "plannerplandetails-update"),
        new("POST", "/planner/buckets", Planner, Tasks, GrantKind.GraphAppRole, "planner-post-buckets"),
        new("GET", "/planner/buckets/{}/tasks", Planner, Tasks, GrantKind.GraphAppRole, "plannerbucket-list-tasks"),
        new("POST", "/planner/tasks", Planner, Tasks, GrantKind.GraphAppRole, "planner-post-tasks"),
        new("GET", "/planner/tasks/{}", Planner, Tasks, GrantKind.GraphAppRole, "plannertask-get"),
        new("PATCH", "/planner/tasks/{}", Planner, Tasks, GrantKind.GraphAppRole, "plannertask-update"),
        new("GET", "/planner/tasks/{}/details", Planner, Tasks, GrantKind.GraphAppRole, "plannertaskdetails-get"),
        new("PATCH", "/planner/tasks/{}/details", Planner, Tasks, GrantKind.GraphAppRole, "plannertaskdetails-update"),
        new("GET", "/users", "assignees (unit people to user ids)", "User.Read.All", GrantKind.GraphAppRole, "user-list"),
        new("GET", "/teams/{}", "Teams tab", "Team.ReadBasic.All", GrantKind.GraphAppRole, "team-get"),
        new("GET", "/teams/{}/primaryChannel", "Teams tab", "Channel.ReadBasic.All", GrantKind.GraphAppRole, "team-get-primarychannel"),
        new("GET", "/teams/{}/channels/{}/tabs", "Teams tab", "TeamsTab.Read.All", GrantKind.GraphAppRole, "channel-list-tabs"),
        new("POST", "/teams/{}/channels/{}/tabs", "Teams tab", "TeamsTab.Create", GrantKind.GraphAppRole, "channel-post-tabs"),
        new("POST", "/users/{}/sendMail", "e-mail from the ward mailbox", "Mail.Send", GrantKind.ExchangeRbac, "user-sendmail"),
        new("POST", "/$batch", "batches of the calls above", "", GrantKind.None, "json-batching"),
        new("GET", "/_content/{}/{}", "file download (pre-authenticated URL)", "", GrantKind.None, "driveitem-get-content"),
        new("PUT", "/_upload/{}", "large file upload (pre-authenticated URL)", "", GrantKind.None, "driveitem-createuploadsession"),
        new("DELETE", "/_upload/{}", "large file upload (pre-authenticated URL)", "", GrantKind.None, "driveitem-createuploadsession"),
    ];

    /// <summary>The Graph application permissions (app roles) the identity needs: the union of the table's, sorted.</summary>
    public static IReadOnlyList<string> GraphAppRoles { get; } =
        [.. Entries.Where(e => e.Kind == GrantKind.GraphAppRole).Select(e => e.Permission).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The row for a call, by the local Graph's route key (<c>GET /sites/{}/lists</c>), or null.</summary>
    public static GraphPermissionEntry? Find(string routeKey) =>
        Entries.FirstOrDefault(e => string.Equals(e.RouteKey, routeKey, StringComparison.Ordinal));

    /// <summary>The README's permission table: one row per feature, its permission and the API pages it rests on.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| feature | application permission | Graph calls (API page) |\n|---|---|---|\n");
        foreach (var feature in Entries.Where(e => e.Kind != GrantKind.None).GroupBy(e => (e.Feature, e.Permission, e.Kind)))
        {
            var (name, permission, kind) = feature.Key;
            var granted = kind switch
            {
                GrantKind.ExchangeRbac => $"`{permission}` through Exchange RBAC for Applications, the ward mailbox only",
                _ when permission == Sites => $"`{permission}` + a `{SiteRole}` grant on the ward's site only",
                _ => $"`{permission}`",
            };
            var pages = string.Join(", ", feature.Select(e => e.DocPage).Distinct());
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {granted} | {pages} |\n");
        }

        return text.ToString();
    }

    private static GraphPermissionEntry Site(string method, string route, string page) =>
        new(method, route, Lists, Sites, GrantKind.GraphAppRole, page);
}
