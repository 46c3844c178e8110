using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Drives (document libraries) and drive items: folders, uploads, versions, download, delta, listItem.</summary>
internal static class DriveHandlers
{
    /// <summary>Simple upload limit (https://learn.microsoft.com/en-us/graph/api/driveitem-put-content : "up to 4 MB"; larger files use an upload session).</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>Upload session fragments are multiples of 320 KiB, at most 60 MiB (https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession).</summary>
    public const int FragmentUnit = 320 * 1024;

    public const int MaxFragment = 60 * 1024 * 1024;

    private static readonly FileExtensionContentTypeProvider MimeTypes = new();

    public static void Register(Router router)
    {
        RegisterFor(router, "drives/{}", (ctx, reference) => RequireDrive(ctx, reference));
        RegisterFor(router, "sites/{}/drive", (ctx, reference) => RequireDrive(ctx, SiteHandlers.RequireSite(ctx, reference).Str("_drive")!));
        router.Add("GET", "drives/{}", ctx => GraphResponse.Ok(PresentDrive(ctx, RequireDrive(ctx, ctx[0]))));
        router.Add("PUT", "_upload/{}", UploadFragment);
        router.Add("DELETE", "_upload/{}", ctx =>
        {
            ctx.Store.Delete("uploadSession", ctx[0]);
            ctx.Store.DeleteBlob("upload:" + ctx[0]);
            return GraphResponse.NoContent();
        });
        router.Add("GET", "_content/{}/{}", ctx =>
        {
            var item = ctx.Store.Get("driveItem", ctx[0]) ?? throw GraphException.NotFound("itemNotFound", "The resource could not be found.");
            var bytes = ctx.Store.GetBlob(ctx[0] + "@" + ctx[1]) ?? throw GraphException.NotFound("itemNotFound", "The resource could not be found.");
            return new GraphResponse(200) { Bytes = bytes, ContentType = item.Obj("file")?.Str("mimeType") ?? "application/octet-stream" };
        });
    }

    private static void RegisterFor(Router router, string prefix, Func<OperationContext, string, JsonObject> drive)
    {
        router.Add("GET", prefix + "/items/{}/delta", ctx => Delta(ctx, drive(ctx, ctx[0])));
        router.Add("GET", prefix + "/items/{}", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            return GraphResponse.Ok(ODataQuery.Select(PresentExpanded(ctx, d, RequireItem(ctx, d, ctx[1])), ctx.Request.QueryValue("$select")));
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-list-children
        router.Add("GET", prefix + "/items/{}/children", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var parent = RequireItem(ctx, d, ctx[1]);
            var children = ctx.Store.Children("driveItem", parent.Str("id")!).Select(c => (JsonNode)ODataQuery.Select(PresentExpanded(ctx, d, c), ctx.Request.QueryValue("$select")));
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

            var (item, created) = CreateOrReplace(ctx, d, parent, name, behaviour, content: null);
            return created ? GraphResponse.Created(Present(ctx, item)) : new GraphResponse(200, Present(ctx, item)) { IsWrite = true };
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-put-content
        router.Add("PUT", prefix + "/items/{}/content", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var content = ctx.Request.Body;
            if (content.Length > SimpleUploadLimit)
            {
                throw new GraphException(HttpStatusCode.RequestEntityTooLarge, "requestEntityTooLarge", "The request is too large for a simple upload (4 MB); use an upload session.");
            }

            var behaviour = ctx.Request.QueryValue("@microsoft.graph.conflictBehavior") ?? "replace";
            var (existing, parent, name) = ResolveForWrite(ctx, d, ctx[1]);
            if (existing is not null && existing.ContainsKey("folder"))
            {
                throw GraphException.BadRequest("The target is a folder.");
            }

            var (item, created) = CreateOrReplace(ctx, d, parent, name, behaviour, content);
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
            response.Headers["Location"] = ctx.Core.RootUrl + "/_content/" + item.Str("id") + "/" + item["_ver"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
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
                var modified = ((JsonArray)item["_versions"]!).Cast<JsonObject>().FirstOrDefault(x => x["v"]!.GetValue<int>() == v)?.Str("at") ?? item.Str("lastModifiedDateTime");
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
            var bytes = ctx.Store.GetBlob(item.Str("id") + "@" + version) ?? throw GraphException.NotFound("itemNotFound", "The version could not be found.");
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
            var expires = GraphJson.Timestamp(ctx.Now.AddDays(1));
            ctx.Store.Put("uploadSession", id, string.Empty, new JsonObject
            {
                ["id"] = id,
                ["drive"] = d.Str("id"),
                ["parent"] = parent.Str("id"),
                ["name"] = name,
                ["behaviour"] = behaviour,
                ["received"] = 0L,
                ["expirationDateTime"] = expires,
            });
            ctx.Store.PutBlob("upload:" + id, []);
            return new GraphResponse(200, new JsonObject
            {
                ["@odata.context"] = ctx.BaseUrl + "/$metadata#microsoft.graph.uploadSession",
                ["uploadUrl"] = ctx.Core.RootUrl + "/_upload/" + id,
                ["expirationDateTime"] = expires,
                ["nextExpectedRanges"] = new JsonArray("0-"),
            }) { IsWrite = true };
        });

        // https://learn.microsoft.com/en-us/graph/api/driveitem-delete
        router.Add("DELETE", prefix + "/items/{}", ctx =>
        {
            var d = drive(ctx, ctx[0]);
            var item = RequireItem(ctx, d, ctx[1]);
            ListHandlers.CheckIfMatch(ctx, item.Str("eTag")!);
            DeleteTree(ctx, d, item);
            return GraphResponse.NoContent();
        });

        // The listItem behind a file in a document library, with its custom columns:
        // https://learn.microsoft.com/en-us/graph/api/resources/driveitem (listItem relationship)
        router.Add("GET", prefix + "/items/{}/listItem", ctx =>
        {
            var (list, listItem) = ListItemOf(ctx, drive(ctx, ctx[0]), ctx[1]);
            var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
            return GraphResponse.Ok(ListHandlers.PresentItem(ctx, list, listItem, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields")));
        });
        router.Add("GET", prefix + "/items/{}/listItem/fields", ctx =>
        {
            var (list, listItem) = ListItemOf(ctx, drive(ctx, ctx[0]), ctx[1]);
            return GraphResponse.Ok(ListHandlers.PresentFields(list, listItem));
        });
        router.Add("PATCH", prefix + "/items/{}/listItem/fields", ctx =>
        {
            var (list, listItem) = ListItemOf(ctx, drive(ctx, ctx[0]), ctx[1]);
            ListHandlers.CheckIfMatch(ctx, ListHandlers.ItemETag(listItem));
            ListHandlers.UpdateFields(ctx.Core, list, listItem, ctx.Request.JsonBody(), ctx.NowText);
            return GraphResponse.Ok(ListHandlers.PresentFields(list, listItem));
        });
    }

    public static string CreateDrive(EmulatorCore core, string siteId, string listId, string name, string webUrl, string now)
    {
        var id = Ids.DriveId("drive:" + siteId + ":" + listId);
        var rootId = Ids.DriveItemId();
        core.Store.Put("drive", id, siteId, new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["driveType"] = "documentLibrary",
            ["description"] = string.Empty,
            ["webUrl"] = webUrl,
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            ["_list"] = listId,
            ["_root"] = rootId,
            ["_site"] = siteId,
        });
        core.Store.Put("driveItem", rootId, string.Empty, new JsonObject
        {
            ["id"] = rootId,
            ["name"] = "root",
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            ["eTag"] = "\"{" + rootId + "},1\"",
            ["cTag"] = "\"c:{" + rootId + "},0\"",
            ["size"] = 0,
            ["webUrl"] = webUrl,
            ["root"] = new JsonObject(),
            ["folder"] = new JsonObject(),
            ["parentReference"] = new JsonObject { ["driveId"] = id, ["driveType"] = "documentLibrary", ["siteId"] = siteId },
            ["_drive"] = id,
            ["_path"] = string.Empty,
            ["_ver"] = 1,
            ["_versions"] = new JsonArray(),
        });
        return id;
    }

    public static JsonObject RequireDrive(OperationContext ctx, string id) =>
        ctx.Store.Get("drive", id) ?? throw GraphException.NotFound("itemNotFound", "The drive could not be found.");

    public static JsonObject PresentDrive(OperationContext ctx, JsonObject drive)
    {
        var result = drive.Public();
        result["@odata.context"] = ctx.BaseUrl + "/$metadata#drives/$entity";
        return ODataQuery.Select(result, ctx.Request.QueryValue("$select"));
    }

    private static JsonObject RequireItem(OperationContext ctx, JsonObject drive, string reference)
    {
        var (item, _, _) = Resolve(ctx, drive, reference, allowMissingLeaf: false, createFolders: false);
        return item!;
    }

    private static (JsonObject? Existing, JsonObject Parent, string Name) ResolveForWrite(OperationContext ctx, JsonObject drive, string reference)
    {
        if (!reference.Contains(":/", StringComparison.Ordinal))
        {
            var item = RequireItem(ctx, drive, reference);
            var parent = ctx.Store.Get("driveItem", item.Obj("parentReference")!.Str("id")!)!;
            return (item, parent, item.Str("name")!);
        }

        var (existing, parentItem, name) = Resolve(ctx, drive, reference, allowMissingLeaf: true, createFolders: true);
        return (existing, parentItem, name);
    }

    /// <summary>Resolves "root", an item id, or "root:/a/b" / "{id}:/a/b" (path-based addressing).</summary>
    private static (JsonObject? Item, JsonObject Parent, string Name) Resolve(OperationContext ctx, JsonObject drive, string reference, bool allowMissingLeaf, bool createFolders)
    {
        var driveId = drive.Str("id")!;
        var colon = reference.IndexOf(":/", StringComparison.Ordinal);
        var start = colon < 0 ? reference : reference[..colon];
        var current = start.Equals("root", StringComparison.OrdinalIgnoreCase)
            ? ctx.Store.Get("driveItem", drive.Str("_root")!)
            : ctx.Store.Get("driveItem", start);
        if (current is null || current.Str("_drive") != driveId)
        {
            throw GraphException.NotFound("itemNotFound", "The resource could not be found.");
        }

        if (colon < 0)
        {
            return (current, current, current.Str("name")!);
        }

        var parts = reference[(colon + 2)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return (current, current, current.Str("name")!);
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var child = FindChild(ctx, current.Str("id")!, parts[i]);
            var last = i == parts.Length - 1;
            if (child is null)
            {
                if (last && allowMissingLeaf)
                {
                    return (null, current, parts[i]);
                }

                if (!last && createFolders)
                {
                    child = NewItem(ctx, drive, current, parts[i], content: null);
                }
                else
                {
                    throw GraphException.NotFound("itemNotFound", "The resource could not be found.");
                }
            }

            if (last)
            {
                return (child, current, parts[i]);
            }

            current = child;
        }

        throw new InvalidOperationException("unreachable");
    }

    private static JsonObject? FindChild(OperationContext ctx, string parentId, string name) =>
        ctx.Store.Children("driveItem", parentId).FirstOrDefault(c => string.Equals(c.Str("name"), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>conflictBehavior fail → 409 nameAlreadyExists, replace → new version, rename → "name 1.ext".</summary>
    private static (JsonObject Item, bool Created) CreateOrReplace(OperationContext ctx, JsonObject drive, JsonObject parent, string name, string behaviour, byte[]? content)
    {
        var existing = FindChild(ctx, parent.Str("id")!, name);
        if (existing is null)
        {
            return (NewItem(ctx, drive, parent, name, content), true);
        }

        switch (behaviour.ToLowerInvariant())
        {
            case "fail":
                throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", "The specified item name already exists.");
            case "rename":
                var stem = Path.GetFileNameWithoutExtension(name);
                var ext = Path.GetExtension(name);
                for (var n = 1; ; n++)
                {
                    var candidate = stem + " " + n.ToString(CultureInfo.InvariantCulture) + ext;
                    if (FindChild(ctx, parent.Str("id")!, candidate) is null)
                    {
                        return (NewItem(ctx, drive, parent, candidate, content), true);
                    }
                }

            default:
                if (content is null)
                {
                    return (existing, false);
                }

                if (existing.ContainsKey("folder"))
                {
                    throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", "A folder with this name already exists.");
                }

                // Replacing keeps the earlier content as a version (https://learn.microsoft.com/en-us/graph/api/resources/driveitemversion).
                var version = existing["_ver"]!.GetValue<int>() + 1;
                ((JsonArray)existing["_versions"]!).Add(new JsonObject { ["v"] = version, ["at"] = ctx.NowText });
                existing["_ver"] = version;
                ctx.Store.PutBlob(existing.Str("id") + "@" + version.ToString(CultureInfo.InvariantCulture), content);
                existing["size"] = content.LongLength;
                existing["lastModifiedDateTime"] = ctx.NowText;
                existing["eTag"] = "\"{" + existing.Str("id") + "}," + version.ToString(CultureInfo.InvariantCulture) + "\"";
                existing["cTag"] = "\"c:{" + existing.Str("id") + "}," + version.ToString(CultureInfo.InvariantCulture) + "\"";
                Save(ctx, drive, existing);
                return (existing, false);
        }
    }

    private static JsonObject NewItem(OperationContext ctx, JsonObject drive, JsonObject parent, string name, byte[]? content)
    {
        if (name.IndexOfAny(['"', '*', ':', '<', '>', '?', '/', '\\', '|']) >= 0)
        {
            throw GraphException.BadRequest("The name contains characters that are not allowed: \" * : < > ? / \\ |");
        }

        var id = Ids.DriveItemId();
        var driveId = drive.Str("id")!;
        var parentPath = parent.Str("_path")!;
        var path = parentPath + "/" + name;
        var item = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["createdDateTime"] = ctx.NowText,
            ["lastModifiedDateTime"] = ctx.NowText,
            ["eTag"] = "\"{" + id + "},1\"",
            ["cTag"] = "\"c:{" + id + "},1\"",
            ["size"] = content?.LongLength ?? 0,
            ["webUrl"] = drive.Str("webUrl") + path,
            ["createdBy"] = new JsonObject { ["user"] = new JsonObject { ["displayName"] = "DanVan365 (local)" } },
            ["parentReference"] = new JsonObject
            {
                ["driveId"] = driveId,
                ["driveType"] = "documentLibrary",
                ["id"] = parent.Str("id"),
                ["name"] = parent.Str("name"),
                ["path"] = "/drives/" + driveId + "/root:" + parentPath,
                ["siteId"] = drive.Str("_site"),
            },
            ["_drive"] = driveId,
            ["_path"] = path,
            ["_ver"] = 1,
            ["_versions"] = new JsonArray(new JsonObject { ["v"] = 1, ["at"] = ctx.NowText }),
        };
        if (content is null)
        {
            item["folder"] = new JsonObject { ["childCount"] = 0 };
        }
        else
        {
            item["file"] = new JsonObject { ["mimeType"] = MimeTypes.TryGetContentType(name, out var mime) ? mime : "application/octet-stream" };
            ctx.Store.PutBlob(id + "@1", content);
        }

        var list = ctx.Store.Get("list", drive.Str("_list")!)!;
        var listItem = ListHandlers.CreateItem(ctx.Core, list, new JsonObject { ["FileLeafRef"] = name }, ctx.NowText, content is null ? "Folder" : "Document");
        item["_listItem"] = listItem.Str("id");
        Save(ctx, drive, item);
        return item;
    }

    private static void Save(OperationContext ctx, JsonObject drive, JsonObject item)
    {
        ctx.Store.Put("driveItem", item.Str("id")!, item.Obj("parentReference")!.Str("id") ?? string.Empty, item);
        ctx.Store.LogChange("driveItem", drive.Str("id")!, item.Str("id")!);
    }

    private static void DeleteTree(OperationContext ctx, JsonObject drive, JsonObject item)
    {
        if (item.ContainsKey("root"))
        {
            throw new GraphException(HttpStatusCode.Forbidden, "accessDenied", "The root folder cannot be deleted.");
        }

        foreach (var child in ctx.Store.Children("driveItem", item.Str("id")!))
        {
            DeleteTree(ctx, drive, child);
        }

        var listId = drive.Str("_list")!;
        if (item.Str("_listItem") is { } listItemId)
        {
            ctx.Store.Delete("listItem", listId + "/" + listItemId, listId);
        }

        ctx.Store.Delete("driveItem", item.Str("id")!, drive.Str("id"));
    }

    private static (JsonObject List, JsonObject ListItem) ListItemOf(OperationContext ctx, JsonObject drive, string reference)
    {
        var item = RequireItem(ctx, drive, reference);
        var list = ctx.Store.Get("list", drive.Str("_list")!)!;
        var listItemId = item.Str("_listItem") ?? throw GraphException.NotFound("itemNotFound", "The root folder has no list item.");
        return (list, ListHandlers.RequireItem(ctx, list, listItemId));
    }

    /// <summary>An item with $expand=listItem (and listItem($expand=fields)) honoured, as Graph does for library files.</summary>
    private static JsonObject PresentExpanded(OperationContext ctx, JsonObject drive, JsonObject item)
    {
        var result = Present(ctx, item);
        var raw = ctx.Request.QueryValue("$expand");
        if (ODataQuery.Expand(raw).ContainsKey("listItem") && item.Str("_listItem") is { } listItemId && ctx.Store.Get("list", drive.Str("_list")!) is { } list)
        {
            var includeFields = raw!.Contains("$expand=fields", StringComparison.OrdinalIgnoreCase);
            result["listItem"] = ListHandlers.PresentItem(ctx, list, ListHandlers.RequireItem(ctx, list, listItemId), includeFields, null);
        }

        return result;
    }

    private static JsonObject Present(OperationContext ctx, JsonObject item)
    {
        var result = item.Public();
        if (result.Obj("folder") is { } folder)
        {
            folder["childCount"] = ctx.Store.Children("driveItem", item.Str("id")!).Count;
        }

        return result;
    }

    // https://learn.microsoft.com/en-us/graph/api/driveitem-delta : everything first, then changes after the token.
    private static GraphResponse Delta(OperationContext ctx, JsonObject drive)
    {
        var driveId = drive.Str("id")!;
        var token = ODataQuery.DecodeToken(ctx.Request.QueryValue("token"));
        var values = new List<JsonNode>();
        if (token is null)
        {
            var stack = new Stack<JsonObject>();
            stack.Push(ctx.Store.Get("driveItem", drive.Str("_root")!)!);
            while (stack.Count > 0)
            {
                var item = stack.Pop();
                values.Add(Present(ctx, item));
                foreach (var child in ctx.Store.Children("driveItem", item.Str("id")!).AsEnumerable().Reverse())
                {
                    stack.Push(child);
                }
            }
        }
        else
        {
            foreach (var id in ctx.Store.ChangedSince("driveItem", driveId, long.Parse(token, CultureInfo.InvariantCulture)))
            {
                values.Add(ctx.Store.Get("driveItem", id) is { } item
                    ? Present(ctx, item)
                    : new JsonObject { ["id"] = id, ["deleted"] = new JsonObject { ["state"] = "deleted" } });
            }
        }

        var result = ctx.Collection(values, "Collection(driveItem)");
        result["@odata.deltaLink"] = ctx.SelfLink(new Dictionary<string, string?> { ["token"] = ODataQuery.EncodeToken(ctx.Store.CurrentSequence().ToString(CultureInfo.InvariantCulture)) });
        return GraphResponse.Ok(result);
    }

    private static GraphResponse UploadFragment(OperationContext ctx)
    {
        var id = ctx[0];
        var session = ctx.Store.Get("uploadSession", id) ?? throw GraphException.NotFound("itemNotFound", "The upload session was not found or has expired.");
        var range = ctx.Request.Header("Content-Range") ?? throw GraphException.BadRequest("Content-Range is required.");
        var (start, end, total) = ParseRange(range);
        var body = ctx.Request.Body;
        var received = session["received"]!.GetValue<long>();
        if (start != received)
        {
            throw new GraphException(HttpStatusCode.RequestedRangeNotSatisfiable, "invalidRange", $"The fragment starts at {start} but the next expected byte is {received}.");
        }

        if (end - start + 1 != body.Length)
        {
            throw GraphException.BadRequest("The Content-Range does not match the length of the fragment.");
        }

        if (body.Length > MaxFragment)
        {
            throw new GraphException(HttpStatusCode.RequestEntityTooLarge, "requestEntityTooLarge", "A fragment may be at most 60 MiB.");
        }

        var isLast = end == total - 1;
        if (!isLast && body.Length % FragmentUnit != 0)
        {
            throw GraphException.BadRequest("The fragment size must be a multiple of 320 KiB (327,680 bytes).");
        }

        var buffer = ctx.Store.GetBlob("upload:" + id) ?? [];
        var combined = new byte[buffer.Length + body.Length];
        buffer.CopyTo(combined, 0);
        body.CopyTo(combined, buffer.Length);
        if (!isLast)
        {
            ctx.Store.PutBlob("upload:" + id, combined);
            session["received"] = combined.LongLength;
            ctx.Store.Put("uploadSession", id, string.Empty, session);
            return new GraphResponse(202, new JsonObject
            {
                ["expirationDateTime"] = session.Str("expirationDateTime"),
                ["nextExpectedRanges"] = new JsonArray(combined.LongLength.ToString(CultureInfo.InvariantCulture) + "-"),
            }) { IsWrite = true };
        }

        ctx.Store.Delete("uploadSession", id);
        ctx.Store.DeleteBlob("upload:" + id);
        var drive = RequireDrive(ctx, session.Str("drive")!);
        var parent = ctx.Store.Get("driveItem", session.Str("parent")!) ?? throw GraphException.NotFound("itemNotFound", "The parent folder no longer exists.");
        var (item, created) = CreateOrReplace(ctx, drive, parent, session.Str("name")!, session.Str("behaviour")!, combined);
        return new GraphResponse(created ? 201 : 200, Present(ctx, item)) { IsWrite = true };
    }

    private static (long Start, long End, long Total) ParseRange(string header)
    {
        // "bytes 0-327679/1000000"
        var text = header.Trim();
        if (text.StartsWith("bytes", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..].Trim();
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (slash < 0 || dash < 0 || dash > slash
            || !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(text[(dash + 1)..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || !long.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            || end < start || end >= total)
        {
            throw GraphException.BadRequest($"Invalid Content-Range '{header}'.");
        }

        return (start, end, total);
    }
}
