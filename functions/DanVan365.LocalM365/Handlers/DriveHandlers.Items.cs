using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Drives and the drive item tree: creating a drive, resolving ids and paths, creating, replacing, deleting and presenting
/// items.</summary>
internal static partial class DriveHandlers
{
    private static readonly FileExtensionContentTypeProvider MimeTypes = new();

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

    private static (JsonObject? Existing, JsonObject Parent, string Name) ResolveForWrite(OperationContext ctx, JsonObject drive,
        string reference)
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
    private static (JsonObject? Item, JsonObject Parent, string Name) Resolve(OperationContext ctx, JsonObject drive, string reference,
        bool allowMissingLeaf, bool createFolders)
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
                    child = NewItem(ctx, drive, current, parts[i], content: null, Actors.IdentitySet(ctx));
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
        ctx.Store.Children("driveItem", parentId).FirstOrDefault(c => string.Equals(c.Str("name"), name,
            StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// conflictBehavior fail → 409 nameAlreadyExists, replace → new version, rename → "name 1.ext". <paramref name="by"/> is the
    /// identitySet of who writes (<see cref="Actors"/>): createdBy and lastModifiedBy of a new item, lastModifiedBy of a replaced one.
    /// </summary>
    private static (JsonObject Item, bool Created) CreateOrReplace(OperationContext ctx, JsonObject drive, JsonObject parent, string name,
        string behaviour, byte[]? content, JsonObject by)
    {
        var existing = FindChild(ctx, parent.Str("id")!, name);
        if (existing is null)
        {
            return (NewItem(ctx, drive, parent, name, content, by), true);
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
                        return (NewItem(ctx, drive, parent, candidate, content, by), true);
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

                // Replacing keeps the earlier content as a version
                // (https://learn.microsoft.com/en-us/graph/api/resources/driveitemversion).
                var version = existing["_ver"]!.GetValue<int>() + 1;
                ((JsonArray)existing["_versions"]!).Add(new JsonObject { ["v"] = version, ["at"] = ctx.NowText });
                existing["_ver"] = version;
                ctx.Store.PutBlob(existing.Str("id") + "@" + version.ToString(CultureInfo.InvariantCulture), content);
                existing["size"] = content.LongLength;
                existing["lastModifiedDateTime"] = ctx.NowText;
                existing["lastModifiedBy"] = by;
                existing["eTag"] = "\"{" + existing.Str("id") + "}," + version.ToString(CultureInfo.InvariantCulture) + "\"";
                existing["cTag"] = "\"c:{" + existing.Str("id") + "}," + version.ToString(CultureInfo.InvariantCulture) + "\"";
                Save(ctx, drive, existing);
                return (existing, false);
        }
    }

    private static JsonObject NewItem(OperationContext ctx, JsonObject drive, JsonObject parent, string name, byte[]? content,
        JsonObject by)
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
            ["createdBy"] = by,
            ["lastModifiedBy"] = by.DeepClone(),
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
            item["file"] =
                new JsonObject { ["mimeType"] = MimeTypes.TryGetContentType(name, out var mime) ? mime : "application/octet-stream" };
            ctx.Store.PutBlob(id + "@1", content);
        }

        var list = ctx.Store.Get("list", drive.Str("_list")!)!;
        var listItem = ListHandlers.CreateItem(ctx.Core, list, new JsonObject { ["FileLeafRef"] = name }, ctx.NowText,
            Actors.IdentitySet(ctx), content is null ? "Folder" : "Document");
        item["_listItem"] = listItem.Str("id");
        // The row knows its file: a write of the row's columns is a write of the file (ListHandlers.UpdateFields).
        listItem["_driveItem"] = id;
        ctx.Store.Put("listItem", list.Str("id") + "/" + listItem.Str("id"), list.Str("id")!, listItem);
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

    private static JsonObject Present(OperationContext ctx, JsonObject item, JsonObject? drive = null)
    {
        var result = item.Public();
        if (result.Obj("folder") is { } folder)
        {
            folder["childCount"] = ctx.Store.Children("driveItem", item.Str("id")!).Count;
        }

        // $expand=listItem / listItem($expand=fields): the file's row in the library with its columns
        // (https://learn.microsoft.com/en-us/graph/api/resources/driveitem, listItem relationship).
        var expand = ctx.Request.QueryValue("$expand");
        if (drive is not null && expand is not null && ODataQuery.Expand(expand).ContainsKey("listItem")
            && item.Str("_listItem") is { } listItemId && drive.Str("_list") is { } listId && ctx.Store.Get("list", listId) is { } list)
        {
            var withFields = expand.Contains("$expand=fields", StringComparison.OrdinalIgnoreCase);
            result["listItem"] = ListHandlers.PresentItem(ctx, list, ListHandlers.RequireItem(ctx, list, listItemId), withFields,
                NestedFieldSelect(expand));
        }

        return result;
    }

    /// <summary>The a,b of "listItem($expand=fields($select=a,b))", or null.</summary>
    private static string? NestedFieldSelect(string expand)
    {
        var at = expand.IndexOf("fields($select=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + "fields($select=".Length;
        var end = expand.IndexOf(')', start);
        return end < 0 ? null : expand[start..end];
    }
}
