using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Drives (document libraries) and drive items: the routes for folders, uploads, versions, download, delta, listItem.</summary>
internal static partial class DriveHandlers
{
    public static void Register(Router router)
    {
        RegisterFor(router, "drives/{}", (ctx, reference) => RequireDrive(ctx, reference));
        RegisterFor(router, "sites/{}/drive", (ctx, reference) => RequireDrive(ctx, SiteHandlers.RequireSite(ctx,
            reference).Str("_drive")!));
        router.Add("GET", "drives/{}", ctx => GraphResponse.Ok(PresentDrive(ctx, RequireDrive(ctx, ctx[0]))));
        router.Add("PUT", "_upload/{}", UploadFragment);

        // Cancel: DELETE on the uploadUrl (driveitem-createuploadsession.md, "Cancel the upload session").
        router.Add("DELETE", "_upload/{}", ctx =>
        {
            RequireUploadToken(ctx, RequireSession(ctx));
            ctx.Store.Delete("uploadSession", ctx[0]);
            ctx.Store.DeleteBlob("upload:" + ctx[0]);
            return GraphResponse.NoContent();
        });
        // The pre-authenticated download URL (driveitem-get-content.md): its own token, no bearer.
        router.Add("GET", "_content/{}/{}", ctx =>
        {
            RequireDownloadToken(ctx, ctx[0], ctx[1]);
            var item = ctx.Store.Get("driveItem", ctx[0]) ?? throw GraphException.NotFound("itemNotFound",
                "The resource could not be found.");
            var bytes = ctx.Store.GetBlob(ctx[0] + "@" + ctx[1]) ?? throw GraphException.NotFound("itemNotFound",
                "The resource could not be found.");
            return new GraphResponse(200) { Bytes = bytes, ContentType = item.Obj("file")?.Str("mimeType") ?? "application/octet-stream" };
        });
    }

    private static void RegisterFor(Router router, string prefix, Func<OperationContext, string, JsonObject> drive)
    {
        router.Add("GET", prefix + "/items/{}/delta", ctx => Delta(ctx, drive(ctx, ctx[0])));
        router.Add("GET", prefix + "/items/{}", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            return GraphResponse.Ok(ODataQuery.Select(Present(ctx, RequireItem(ctx, d, ctx[1]), d), ctx.Request.QueryValue("$select")));
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-list-children
        router.Add("GET", prefix + "/items/{}/children", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var parent = RequireItem(ctx, d, ctx[1]);
            var children = ctx.Store.Children("driveItem", parent.Str("id")!).Select(c => (JsonNode)ODataQuery.Select(Present(ctx, c, d),
                ctx.Request.QueryValue("$select")));
            return GraphResponse.Ok(ctx.Collection(children, "drives('" + d.Str("id") + "')/items('" + parent.Str("id") + "')/children"));
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-post-children (conflictBehavior fail by default)
        router.Add("POST", prefix + "/items/{}/children", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var parent = RequireItem(ctx, d, ctx[1]);
            var body = ctx.Request.JsonBody();
            var name = body.Str("name") ?? throw GraphException.BadRequest("The item needs a name.");
            var behaviour = body.Str("@microsoft.graph.conflictBehavior") ?? "fail";
            if (body.Obj("folder") is null)
            {
                throw GraphException.BadRequest("Only folders can be created here; upload files with PUT …/content.");
            }

            var (item, created) = CreateOrReplace(ctx, d, parent, name, behaviour, content: null, Actors.IdentitySet(ctx));
            return created ? GraphResponse.Created(Present(ctx, item)) : new GraphResponse(200, Present(ctx, item)) { IsWrite = true };
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-put-content
        router.Add("PUT", prefix + "/items/{}/content", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var content = ctx.Request.Body;
            if (content.Length > SimpleUploadLimit)
            {
                throw new GraphException(HttpStatusCode.RequestEntityTooLarge, "requestEntityTooLarge",
                    "The request is too large for a simple upload (4 MB); use an upload session.");
            }

            var behaviour = ctx.Request.QueryValue("@microsoft.graph.conflictBehavior") ?? "replace";
            var (existing, parent, name) = ResolveForWrite(ctx, d, ctx[1]);
            if (existing is not null && existing.ContainsKey("folder"))
            {
                throw GraphException.BadRequest("The target is a folder.");
            }

            var (item, created) = CreateOrReplace(ctx, d, parent, name, behaviour, content, Actors.IdentitySet(ctx));
            return created ? GraphResponse.Created(Present(ctx, item)) : new GraphResponse(200, Present(ctx, item)) { IsWrite = true };
        });

        // Download: 302 to a pre-authenticated URL (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content).
        router.Add("GET", prefix + "/items/{}/content", ctx =>
        {
            var item = RequireItem(ctx, drive(ctx, ctx[0]), ctx[1]);
            if (!item.ContainsKey("file"))
            {
                throw GraphException.BadRequest("The item is not a file.");
            }

            var response = new GraphResponse(302);
            response.Headers["Location"] = DownloadUrl(ctx, item);
            return response;
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-list-versions (newest first, the current one included)
        router.Add("GET", prefix + "/items/{}/versions", ctx =>
        {
            var item = RequireItem(ctx, drive(ctx, ctx[0]), ctx[1]);
            var versions = new List<JsonNode>();
            var current = item["_ver"]!.GetValue<int>();
            for (var v = current; v >= 1; v--)
            {
                var blob = ctx.Store.GetBlob(item.Str("id") + "@" + v.ToString(CultureInfo.InvariantCulture));
                var modified = ((JsonArray)item["_versions"]!).Cast<JsonObject>()
                    .FirstOrDefault(x => x["v"]!.GetValue<int>() == v)?.Str("at") ?? item.Str("lastModifiedDateTime");
                versions.Add(new JsonObject
                {
                    ["id"] = v.ToString(CultureInfo.InvariantCulture) + ".0",
                    ["lastModifiedDateTime"] = modified,
                    ["size"] = blob?.LongLength ?? 0,
                });
            }

            return GraphResponse.Ok(ctx.Collection(versions, "driveItemVersions"));
        });
        router.Add("GET", prefix + "/items/{}/versions/{}/content", ctx =>
        {
            var item = RequireItem(ctx, drive(ctx, ctx[0]), ctx[1]);
            var version = ctx[2].Split('.')[0];
            var bytes = ctx.Store.GetBlob(item.Str("id") + "@" + version) ?? throw GraphException.NotFound("itemNotFound",
                "The version could not be found.");
            return new GraphResponse(200) { Bytes = bytes, ContentType = item.Obj("file")?.Str("mimeType") };
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession
        router.Add("POST", prefix + "/items/{}/createUploadSession", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var (existing, parent, name) = ResolveForWrite(ctx, d, ctx[1]);
            var body = ctx.Request.Body.Length > 0 ? ctx.Request.JsonBody() : [];
            var behaviour = body.Obj("item")?.Str("@microsoft.graph.conflictBehavior") ?? "replace";
            if (existing is not null && behaviour == "fail")
            {
                throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", "The specified item name already exists.");
            }

            var id = Ids.PlannerId();
            var token = Ids.Secret();
            var expires = GraphJson.Timestamp(ctx.Now.AddDays(1));
            ctx.Store.Put("uploadSession", id, string.Empty, new JsonObject
            {
                ["id"] = id,
                ["drive"] = d.Str("id"),
                ["parent"] = parent.Str("id"),
                ["name"] = name,
                ["behaviour"] = behaviour,
                ["received"] = 0L,
                ["token"] = token,

                // The fragments go to uploadUrl without the caller's Authorization: the session records who created it.
                ["by"] = Actors.IdentitySet(ctx),
                ["expirationDateTime"] = expires,
            });
            ctx.Store.PutBlob("upload:" + id, []);
            return new GraphResponse(200, new JsonObject
            {
                ["@odata.context"] = ctx.BaseUrl + "/$metadata#microsoft.graph.uploadSession",
                ["uploadUrl"] = UploadUrl(ctx, id, token),
                ["expirationDateTime"] = expires,
                ["nextExpectedRanges"] = new JsonArray("0-"),
            })
            { IsWrite = true };
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-delete
        router.Add("DELETE", prefix + "/items/{}", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var item = RequireItem(ctx, d, ctx[1]);
            ETags.CheckIfMatch(ctx, item.Str("eTag")!);
            DeleteTree(ctx, d, item);
            return GraphResponse.NoContent();
        });

        // The listItem behind a file in a document library, with its custom columns:
        // https://learn.microsoft.com/en-us/graph/api/resources/driveitem (listItem relationship)
        router.Add("GET", prefix + "/items/{}/listItem", ctx =>
        {
            var (list, listItem) = ListItemOf(ctx, drive(ctx, ctx[0]), ctx[1]);
            var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
            return GraphResponse.Ok(ListHandlers.PresentItem(ctx, list, listItem, expand.ContainsKey("fields"),
                expand.GetValueOrDefault("fields")));
        });
        router.Add("GET", prefix + "/items/{}/listItem/fields", ctx =>
        {
            var (list, listItem) = ListItemOf(ctx, drive(ctx, ctx[0]), ctx[1]);
            return GraphResponse.Ok(ListHandlers.PresentFields(list, listItem, ctx.Request.QueryValue("$select")));
        });
        router.Add("PATCH", prefix + "/items/{}/listItem/fields", ctx =>
        {
            var (list, listItem) = ListItemOf(ctx, drive(ctx, ctx[0]), ctx[1]);
            ETags.CheckIfMatch(ctx, ListHandlers.ItemETag(listItem));
            ListHandlers.UpdateFields(ctx.Core, list, listItem, ctx.Request.JsonBody(), ctx.NowText, Actors.IdentitySet(ctx));
            return GraphResponse.Ok(ListHandlers.PresentFields(list, listItem, ctx.Request.QueryValue("$select")));
        });
    }
}
