using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Sites: GET /sites/root, /sites/{hostname}:/{path}:, /sites/{id}, and a site's default drive.</summary>
internal static class SiteHandlers
{
    public static void Register(Router router)
    {
        // https://learn.microsoft.com/en-us/graph/api/site-get (root, by id, by hostname and server-relative path)
        router.Add("GET", "sites/{}", ctx => GraphResponse.Ok(Present(ctx, RequireSite(ctx, ctx[0]))));

        // GET /sites/{id}/permissions needs Sites.FullControl.All, delegated or application
        // (https://learn.microsoft.com/en-us/graph/api/site-list-permissions, "Permissions"; microsoft-graph-docs-contrib
        // api-reference/v1.0/api/site-list-permissions.md). The local tenant plays the app as granted in
        // production, Sites.Selected only, so it is refused (403, as Graph refuses a token without the permission); the site
        // must exist first (404 otherwise).
        router.Add("GET", "sites/{}/permissions", ctx =>
        {
            RequireSite(ctx, ctx[0]);
            throw new GraphException(System.Net.HttpStatusCode.Forbidden, "accessDenied",
                "Access denied: listing a site's permissions requires Sites.FullControl.All.");
        });
        router.Add("GET", "sites/{}/drive", ctx => GraphResponse.Ok(DriveHandlers.PresentDrive(ctx, DriveHandlers.RequireDrive(ctx,
            RequireSite(ctx, ctx[0]).Str("_drive")!))));
        router.Add("GET", "sites/{}/drives", ctx =>
        {
            var site = RequireSite(ctx, ctx[0]);
            var drives = ctx.Store.Children("drive", site.Str("id")!).Select(d => (JsonNode)DriveHandlers.PresentDrive(ctx, d));
            return GraphResponse.Ok(ctx.Collection(drives, "drives"));
        });
    }

    public static string CreateSite(EmulatorCore core, string path, string displayName, string? description, string now)
    {
        var host = core.Seed.Hostname;
        var key = path.Length == 0 ? "root" : path;
        var id = host + "," + Ids.FromName("sitecollection:" + key) + "," + Ids.FromName("web:" + key);
        var name = path.Length == 0 ? string.Empty : path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];
        var site = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["displayName"] = displayName,
            ["description"] = description,
            ["webUrl"] = "https://" + host + path,
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            ["siteCollection"] = new JsonObject { ["hostname"] = host },
            ["_path"] = path,
        };
        if (path.Length == 0)
        {
            site["root"] = new JsonObject();
        }

        core.Store.Put("site", id, string.Empty, site);
        core.Store.PutMeta("sitepath:" + path.ToLowerInvariant(), id);
        var library = ListHandlers.CreateList(core, id, new JsonObject
        {
            ["displayName"] = "Documents",
            ["list"] = new JsonObject { ["template"] = "documentLibrary" },
        }, now, "Shared Documents");
        site["_drive"] = library.Str("_drive");
        core.Store.Put("site", id, string.Empty, site);
        return id;
    }

    public static JsonObject RequireSite(OperationContext ctx, string reference)
    {
        var store = ctx.Store;
        string? id;
        var host = store.GetMeta("tenant:hostname") ?? ctx.Core.Seed.Hostname;
        if (reference.Equals("root", StringComparison.OrdinalIgnoreCase) || reference.Equals(host, StringComparison.OrdinalIgnoreCase))
        {
            id = store.GetMeta("site:root");
        }
        else if (reference.Contains(":/", StringComparison.Ordinal))
        {
            var colon = reference.IndexOf(":/", StringComparison.Ordinal);
            var hostname = reference[..colon];
            var path = "/" + reference[(colon + 2)..].Trim('/');
            id = hostname.Equals(host, StringComparison.OrdinalIgnoreCase) ? store.GetMeta("sitepath:" + path.ToLowerInvariant()) : null;
        }
        else
        {
            id = reference;
        }

        return (id is null ? null : store.Get("site", id))
            ?? throw GraphException.NotFound("itemNotFound", "Requested site could not be found");
    }

    private static JsonObject Present(OperationContext ctx, JsonObject site) =>
        ODataQuery.Select(site.Public(), ctx.Request.QueryValue("$select"));
}
