using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Lists, columns and list items of a site: the routes, and creating and finding lists.</summary>
internal static partial class ListHandlers
{
    public static void Register(Router router)
    {
        // https://learn.microsoft.com/en-us/graph/api/list-list
        router.Add("GET", "sites/{}/lists", ctx =>
        {
            var site = SiteHandlers.RequireSite(ctx, ctx[0]);
            var lists = ctx.Store.Children("list", site.Str("id")!).Select(l => (JsonNode)PresentList(ctx, l));
            return GraphResponse.Ok(ctx.Collection(lists, "sites('" + site.Str("id") + "')/lists"));
        });

        // https://learn.microsoft.com/en-us/graph/api/list-create
        router.Add("POST", "sites/{}/lists", ctx =>
        {
            var site = SiteHandlers.RequireSite(ctx, ctx[0]);
            var list = CreateList(ctx.Core, site.Str("id")!, ctx.Request.JsonBody(), ctx.NowText, null);
            return GraphResponse.Created(PresentList(ctx, list, forceColumns: true));
        });

        router.Add("GET", "sites/{}/lists/{}", ctx => GraphResponse.Ok(PresentList(ctx, RequireList(ctx))));

        // No PATCH on a list: updating a list is not a documented v1.0 operation (docs repo:
        // api-reference/v1.0/resources/list.md lists get, create and the item operations only; there is no
        // api-reference/v1.0/api/list-update.md). The router answers 405 for the method on this path.

        // https://learn.microsoft.com/en-us/graph/api/list-list-columns , https://learn.microsoft.com/en-us/graph/api/list-post-columns
        router.Add("GET", "sites/{}/lists/{}/columns", ctx =>
        {
            var list = RequireList(ctx);
            var select = ctx.Request.QueryValue("$select");
            var columns = ListedColumns(list, select).Select(c => (JsonNode)ODataQuery.Select(c.Public(), select));
            return GraphResponse.Ok(ctx.Collection(columns, "columns"));
        });
        router.Add("POST", "sites/{}/lists/{}/columns", ctx =>
        {
            var list = RequireList(ctx);
            var column = NormaliseColumn(ctx.Request.JsonBody());
            var columns = (JsonArray)list["_columns"]!;
            if (FindColumn(list, column.Str("name")!) is not null)
            {
                throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists",
                    $"A duplicate field name \"{column.Str("name")}\" was found.");
            }

            columns.Add(column);
            ctx.Store.Put("list", list.Str("id")!, list.Str("_site")!, list);
            return GraphResponse.Created(column.Public());
        });

        // https://learn.microsoft.com/en-us/graph/api/columndefinition-update (docs repo:
        // api-reference/v1.0/api/columndefinition-update.md): "For columns in site or list, you can update any property of
        // columnDefinition other than the id property"; 200 with the updated column.
        router.Add("PATCH", "sites/{}/lists/{}/columns/{}", ctx =>
        {
            var list = RequireList(ctx);
            var column = Columns(list).FirstOrDefault(c => c.Str("id") == ctx[2])
                ?? throw GraphException.NotFound("itemNotFound", $"Column '{ctx[2]}' does not exist.");
            UpdateColumn(list, column, ctx.Request.JsonBody());
            ctx.Store.Put("list", list.Str("id")!, list.Str("_site")!, list);
            return GraphResponse.Ok(column.Public());
        });

        router.Add("GET", "sites/{}/lists/{}/drive", ctx =>
        {
            var list = RequireList(ctx);
            var driveId = list.Str("_drive") ?? throw GraphException.NotFound("itemNotFound",
                "This list is not a document library: it has no drive.");
            return GraphResponse.Ok(DriveHandlers.PresentDrive(ctx, DriveHandlers.RequireDrive(ctx, driveId)));
        });

        // https://learn.microsoft.com/en-us/graph/api/listitem-delta
        router.Add("GET", "sites/{}/lists/{}/items/delta", ItemsDelta);

        // https://learn.microsoft.com/en-us/graph/api/listitem-list
        router.Add("GET", "sites/{}/lists/{}/items", ListItems);

        // https://learn.microsoft.com/en-us/graph/api/listitem-create
        router.Add("POST", "sites/{}/lists/{}/items", ctx =>
        {
            var list = RequireList(ctx);
            if (list.Str("_drive") is not null)
            {
                throw GraphException.BadRequest("Files and folders should only be added to a DocumentLibrary via the OneDrive API");
            }

            var body = ctx.Request.JsonBody();
            var item = CreateItem(ctx.Core, list, body.Obj("fields") ?? [], ctx.NowText, Actors.IdentitySet(ctx));
            return GraphResponse.Created(PresentItem(ctx, list, item, includeFields: true, fieldSelect: null));
        });

        // https://learn.microsoft.com/en-us/graph/api/listitem-get
        router.Add("GET", "sites/{}/lists/{}/items/{}", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
            var result = PresentItem(ctx, list, item, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields"));
            return GraphResponse.Ok(ODataQuery.Select(result, ctx.Request.QueryValue("$select"), "fields"));
        });

        router.Add("GET", "sites/{}/lists/{}/items/{}/fields", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            var select = ctx.Request.QueryValue("$select");
            return GraphResponse.Ok(ODataQuery.Select(PresentFields(list, item, select), select));
        });

        // https://learn.microsoft.com/en-us/graph/api/listitem-update : If-Match with a stale eTag → 412.
        router.Add("PATCH", "sites/{}/lists/{}/items/{}/fields", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            ETags.CheckIfMatch(ctx, ItemETag(item));
            UpdateFields(ctx.Core, list, item, ctx.Request.JsonBody(), ctx.NowText, Actors.IdentitySet(ctx));
            return GraphResponse.Ok(PresentFields(list, item, null));
        });

        router.Add("PATCH", "sites/{}/lists/{}/items/{}", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            ETags.CheckIfMatch(ctx, ItemETag(item));
            if (ctx.Request.JsonBody().Obj("fields") is { } fields)
            {
                UpdateFields(ctx.Core, list, item, fields, ctx.NowText, Actors.IdentitySet(ctx));
            }

            return GraphResponse.Ok(PresentItem(ctx, list, item, includeFields: true, fieldSelect: null));
        });

        // https://learn.microsoft.com/en-us/graph/api/listitem-delete
        router.Add("DELETE", "sites/{}/lists/{}/items/{}", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            ETags.CheckIfMatch(ctx, ItemETag(item));
            var listId = list.Str("id")!;
            ctx.Store.Delete("listItem", listId + "/" + item.Str("id"), listId);
            return GraphResponse.NoContent();
        });
    }

    public static JsonObject CreateList(EmulatorCore core, string siteId, JsonObject body, string now, string? urlName)
    {
        var store = core.Store;
        var displayName = body.Str("displayName") ?? throw GraphException.BadRequest("The list needs a displayName.");
        if (store.Children("list", siteId).Any(l => string.Equals(l.Str("displayName"), displayName, StringComparison.OrdinalIgnoreCase)))
        {
            // https://learn.microsoft.com/en-us/graph/api/list-create : a list with the same name → 409 nameAlreadyExists.
            throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists",
                $"A list, survey, discussion board, or document library with the specified title '{displayName}' already exists in this " +
                $"Web site.");
        }

        var facet = body.Obj("list")?.CloneObj() ?? [];
        var template = facet.Str("template") ?? "genericList";
        facet["template"] = template;
        facet["hidden"] = facet["hidden"] is JsonValue h && h.GetValue<bool>();
        facet["contentTypesEnabled"] = false;
        var site = store.Get("site", siteId)!;
        var id = Ids.NewGuid();
        var name = urlName ?? new string(displayName.Where(c => c is not ' ' and not '/' and not ':' and not '\\').ToArray());
        var isLibrary = template == "documentLibrary";
        var columns = new JsonArray();
        foreach (var system in SystemColumns(isLibrary))
        {
            columns.Add(system);
        }

        foreach (var node in body["columns"] as JsonArray ?? [])
        {
            var column = NormaliseColumn((JsonObject)node!);
            if (columns.Any(c => string.Equals(((JsonObject)c!).Str("name"), column.Str("name"), StringComparison.OrdinalIgnoreCase)))
            {
                throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists",
                    $"A duplicate field name \"{column.Str("name")}\" was found.");
            }

            columns.Add(column);
        }

        var path = (site.Str("_path") ?? string.Empty) + (isLibrary ? "/" : "/Lists/") + name;
        var list = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["displayName"] = displayName,
            ["description"] = body.Str("description") ?? string.Empty,
            ["webUrl"] = "https://" + core.Seed.Hostname + path,
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            // list-create.md: the created list carries createdBy and lastModifiedBy (identitySet).
            ["createdBy"] = Identity(),
            ["lastModifiedBy"] = Identity(),
            ["eTag"] = "\"" + id + ",0\"",
            ["list"] = facet,
            ["parentReference"] = new JsonObject { ["siteId"] = siteId },
            ["_site"] = siteId,
            ["_columns"] = columns,
        };
        if (isLibrary)
        {
            list["_drive"] = DriveHandlers.CreateDrive(core, siteId, id, displayName, "https://" + core.Seed.Hostname + path, now);
        }

        store.Put("list", id, siteId, list);
        return list;
    }

    public static JsonObject RequireList(OperationContext ctx)
    {
        var site = SiteHandlers.RequireSite(ctx, ctx[0]);
        return FindList(ctx, site.Str("id")!, ctx[1])
            ?? throw GraphException.NotFound("itemNotFound", "The specified list was not found");
    }

    /// <summary>A list by id or by title (both are documented for GET /sites/{id}/lists/{list-id or title}).</summary>
    public static JsonObject? FindList(OperationContext ctx, string siteId, string reference)
    {
        if (ctx.Store.Get("list", reference) is { } byId && byId.Str("_site") == siteId)
        {
            return byId;
        }

        return ctx.Store.Children("list", siteId).FirstOrDefault(l =>
            string.Equals(l.Str("displayName"), reference, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Str("name"), reference, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject PresentList(OperationContext ctx, JsonObject list, bool forceColumns = false)
    {
        var result = list.Public();
        var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
        if (forceColumns || expand.ContainsKey("columns"))
        {
            var nested = expand.GetValueOrDefault("columns");
            result["columns"] = new JsonArray([.. ListedColumns(list, nested).Select(c => (JsonNode)c.Public())]);
        }

        return ODataQuery.Select(result, ctx.Request.QueryValue("$select"), "columns");
    }
}
