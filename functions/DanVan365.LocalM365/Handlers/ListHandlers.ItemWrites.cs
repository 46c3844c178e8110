using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Writing list items: create, update fields, unique-column checks, the item's eTag.</summary>
internal static partial class ListHandlers
{
    public static string ItemETag(JsonObject item) => "\"" + item.Str("_uid") + "," + item["_version"]!.GetValue<int>()
        .ToString(CultureInfo.InvariantCulture) + "\"";

    public static JsonObject RequireItem(OperationContext ctx, JsonObject list, string itemId) =>
        ctx.Store.Get("listItem", list.Str("id") + "/" + itemId)
        ?? throw GraphException.NotFound("itemNotFound", "The resource could not be found.");

    /// <summary>
    /// Creates an item; <paramref name="by"/> is the writer's identitySet (<see cref="Actors.IdentitySet(OperationContext)"/>),
    /// recorded as createdBy and lastModifiedBy (docs repo: api-reference/v1.0/resources/baseitem.md, resources/listitem.md).
    /// </summary>
    public static JsonObject CreateItem(EmulatorCore core, JsonObject list, JsonObject fields, string now, JsonObject by,
        string? contentType = null)
    {
        var listId = list.Str("id")!;
        var id = core.Store.NextCounter("items:" + listId).ToString(CultureInfo.InvariantCulture);
        var item = new JsonObject
        {
            ["id"] = id,
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            ["webUrl"] = list.Str("webUrl") + "/DispForm.aspx?ID=" + id,
            ["createdBy"] = by.DeepClone(),
            ["lastModifiedBy"] = by.DeepClone(),
            ["parentReference"] = new JsonObject { ["id"] = listId, ["siteId"] = list.Str("_site") },
            ["contentType"] = new JsonObject { ["id"] = "0x01", ["name"] = contentType ?? "Item" },
            ["_uid"] = Ids.NewGuid(),
            ["_version"] = 1,
            ["_fields"] = new JsonObject(),
        };
        ApplyFields(core, list, item, fields);
        core.Store.Put("listItem", listId + "/" + id, listId, item, logChange: true);
        return item;
    }

    /// <summary>
    /// Updates an item's fields; the writer <paramref name="by"/> becomes its lastModifiedBy, as Graph records whoever
    /// last changed an item, a person or the application (baseitem.md: "Identity of the user, device, and application
    /// that last modified the item").
    /// <para>A library's item is the file's row: the file (driveItem) is the same item, so a write of its columns makes the
    /// writer the driveItem's lastModifiedBy too, and moves its lastModifiedDateTime, by either route
    /// (…/lists/{list}/items/{id}/fields or …/drive/items/{id}/listItem/fields), while its cTag stays: "ETag for the
    /// content of the item. This eTag isn't changed if only the metadata is changed" (docs repo:
    /// api-reference/v1.0/resources/baseitem.md, resources/driveitem.md). The doc is silent on the driveItem's eTag and
    /// on delta for a column write: left unchanged here.</para>
    /// </summary>
    public static void UpdateFields(EmulatorCore core, JsonObject list, JsonObject item, JsonObject fields, string now, JsonObject by)
    {
        ApplyFields(core, list, item, fields);
        item["_version"] = item["_version"]!.GetValue<int>() + 1;
        item["lastModifiedDateTime"] = now;
        item["lastModifiedBy"] = by.DeepClone();
        var listId = list.Str("id")!;
        core.Store.Put("listItem", listId + "/" + item.Str("id"), listId, item, logChange: true);
        if (item.Str("_driveItem") is { } driveItemId && core.Store.Get("driveItem", driveItemId) is { } file)
        {
            file["lastModifiedBy"] = by.DeepClone();
            file["lastModifiedDateTime"] = now;
            core.Store.Put("driveItem", driveItemId, file.Obj("parentReference")?.Str("id") ?? string.Empty, file);
        }
    }

    private static void ApplyFields(EmulatorCore core, JsonObject list, JsonObject item, JsonObject input)
    {
        var stored = (JsonObject)item["_fields"]!;
        foreach (var (key, value) in input)
        {
            if (key.Contains('@', StringComparison.Ordinal) || key.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var column = FindColumn(list, key)
                ?? throw GraphException.BadRequest($"Field '{key}' is not recognized");
            var name = column.Str("name")!;
            if (column["readOnly"] is JsonValue ro && ro.GetValue<bool>())
            {
                throw GraphException.BadRequest($"Field '{name}' is read-only");
            }

            if (value is null)
            {
                stored.Remove(name);
                continue;
            }

            stored[name] = Coerce(column, value, core.Seed.SiteZone);
        }

        // Unique columns: a duplicate value → 409 (https://learn.microsoft.com/en-us/graph/api/resources/columndefinition ,
        // enforceUniqueValues).
        var listId = list.Str("id")!;
        foreach (var column in Columns(list).Where(c => c["enforceUniqueValues"] is JsonValue u && u.GetValue<bool>()))
        {
            var name = column.Str("name")!;
            if (stored[name] is not JsonValue mine)
            {
                continue;
            }

            var text = mine.ToString();
            var itemId = item.Str("id");
            foreach (var (otherId, theirs) in OthersValues(core, listId, name))
            {
                if (otherId != itemId && theirs is not null && string.Equals(theirs.ToString(), text, StringComparison.OrdinalIgnoreCase))
                {
                    throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists",
                        $"The list item could not be added or updated because duplicate values were found in the following field(s) in " +
                        $"the list: [{name}].");
                }
            }
        }
    }

    /// <summary>
    /// Each item's id and its value of one field (null when absent or not a plain value). SQLite reads the field out
    /// of the stored documents, so a write to a list with a unique column does not parse every item of the list.
    /// </summary>
    private static IEnumerable<(string? Id, JsonValue? Value)> OthersValues(EmulatorCore core, string listId, string field)
    {
        if (field.Contains('"', StringComparison.Ordinal))
        {
            // Not expressible as a SQLite JSON path label: read the documents.
            return core.Store.Children("listItem", listId).Select(other => (other.Str("id"),
                ((JsonObject)other["_fields"]!)[field] as JsonValue));
        }

        return core.Store.ChildValues("listItem", listId, "$._fields.\"" + field + "\"")
            .Select(row => (row.Id, row.Json is null ? null : JsonNode.Parse(row.Json) as JsonValue));
    }

    /// <summary>The local app as an identitySet; listitem-create.md and list-create.md show the user's id and displayName.</summary>
    private static JsonObject Identity() => new()
    {
        ["user"] = new JsonObject { ["displayName"] = "DanVan365 (local)", ["id"] = Ids.FromName("app:danvan365") },
    };
}
