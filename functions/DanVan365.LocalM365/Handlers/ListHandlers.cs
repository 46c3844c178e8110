using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Lists, columns and list items of a site.</summary>
internal static class ListHandlers
{
    private const string NonIndexedPrefer = "HonorNonIndexedQueriesWarningMayFailRandomly";

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

        // https://learn.microsoft.com/en-us/graph/api/list-update
        router.Add("PATCH", "sites/{}/lists/{}", ctx =>
        {
            var list = RequireList(ctx);
            var body = ctx.Request.JsonBody();
            foreach (var name in new[] { "displayName", "description" })
            {
                if (body.ContainsKey(name))
                {
                    list[name] = body[name]?.DeepClone();
                }
            }

            if (body.Obj("list") is { } facet && facet["hidden"] is JsonValue hidden)
            {
                list.Obj("list")!["hidden"] = hidden.GetValue<bool>();
            }

            list["lastModifiedDateTime"] = ctx.NowText;
            ctx.Store.Put("list", list.Str("id")!, list.Str("_site")!, list);
            return GraphResponse.Ok(PresentList(ctx, list));
        });

        // https://learn.microsoft.com/en-us/graph/api/list-list-columns , https://learn.microsoft.com/en-us/graph/api/list-post-columns
        router.Add("GET", "sites/{}/lists/{}/columns", ctx =>
        {
            var list = RequireList(ctx);
            var columns = Columns(list).Select(c => (JsonNode)c.Public());
            return GraphResponse.Ok(ctx.Collection(columns, "columns"));
        });
        router.Add("POST", "sites/{}/lists/{}/columns", ctx =>
        {
            var list = RequireList(ctx);
            var column = NormaliseColumn(ctx.Request.JsonBody());
            var columns = (JsonArray)list["_columns"]!;
            if (FindColumn(list, column.Str("name")!) is not null)
            {
                throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", $"A duplicate field name \"{column.Str("name")}\" was found.");
            }

            columns.Add(column);
            ctx.Store.Put("list", list.Str("id")!, list.Str("_site")!, list);
            return GraphResponse.Created(column.Public());
        });

        router.Add("GET", "sites/{}/lists/{}/drive", ctx =>
        {
            var list = RequireList(ctx);
            var driveId = list.Str("_drive") ?? throw GraphException.NotFound("itemNotFound", "This list is not a document library: it has no drive.");
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
            var item = CreateItem(ctx.Core, list, body.Obj("fields") ?? [], ctx.NowText);
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
            return GraphResponse.Ok(ODataQuery.Select(PresentFields(list, item), ctx.Request.QueryValue("$select")));
        });

        // https://learn.microsoft.com/en-us/graph/api/listitem-update : If-Match with a stale eTag → 412.
        router.Add("PATCH", "sites/{}/lists/{}/items/{}/fields", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            CheckIfMatch(ctx, ItemETag(item));
            UpdateFields(ctx.Core, list, item, ctx.Request.JsonBody(), ctx.NowText);
            return GraphResponse.Ok(PresentFields(list, item));
        });

        router.Add("PATCH", "sites/{}/lists/{}/items/{}", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            CheckIfMatch(ctx, ItemETag(item));
            if (ctx.Request.JsonBody().Obj("fields") is { } fields)
            {
                UpdateFields(ctx.Core, list, item, fields, ctx.NowText);
            }

            return GraphResponse.Ok(PresentItem(ctx, list, item, includeFields: true, fieldSelect: null));
        });

        // https://learn.microsoft.com/en-us/graph/api/listitem-delete
        router.Add("DELETE", "sites/{}/lists/{}/items/{}", ctx =>
        {
            var list = RequireList(ctx);
            var item = RequireItem(ctx, list, ctx[2]);
            CheckIfMatch(ctx, ItemETag(item));
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
            throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", $"A list, survey, discussion board, or document library with the specified title '{displayName}' already exists in this Web site.");
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
                throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", $"A duplicate field name \"{column.Str("name")}\" was found.");
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

    public static JsonObject RequireItem(OperationContext ctx, JsonObject list, string itemId) =>
        ctx.Store.Get("listItem", list.Str("id") + "/" + itemId)
        ?? throw GraphException.NotFound("itemNotFound", "The resource could not be found.");

    public static JsonObject CreateItem(EmulatorCore core, JsonObject list, JsonObject fields, string now, string? contentType = null)
    {
        var listId = list.Str("id")!;
        var id = core.Store.NextCounter("items:" + listId).ToString(CultureInfo.InvariantCulture);
        var item = new JsonObject
        {
            ["id"] = id,
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            ["webUrl"] = list.Str("webUrl") + "/DispForm.aspx?ID=" + id,
            ["createdBy"] = Identity(),
            ["lastModifiedBy"] = Identity(),
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

    public static void UpdateFields(EmulatorCore core, JsonObject list, JsonObject item, JsonObject fields, string now)
    {
        ApplyFields(core, list, item, fields);
        item["_version"] = item["_version"]!.GetValue<int>() + 1;
        item["lastModifiedDateTime"] = now;
        var listId = list.Str("id")!;
        core.Store.Put("listItem", listId + "/" + item.Str("id"), listId, item, logChange: true);
    }

    public static string ItemETag(JsonObject item) => "\"" + item.Str("_uid") + "," + item["_version"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>If-Match against the current eTag: a stale one → 412 (https://learn.microsoft.com/en-us/graph/errors , resourceModified).</summary>
    public static void CheckIfMatch(OperationContext ctx, string current)
    {
        var ifMatch = ctx.Request.Header("If-Match");
        if (ifMatch is null || ifMatch.Trim() == "*")
        {
            return;
        }

        if (!ETagEquals(ifMatch, current))
        {
            throw new GraphException(HttpStatusCode.PreconditionFailed, "resourceModified", "The request ETag value '" + ifMatch + "' does not match the object's ETag value '" + current + "'.");
        }
    }

    public static bool ETagEquals(string a, string b) => Normalise(a) == Normalise(b);

    public static JsonObject PresentItem(OperationContext ctx, JsonObject list, JsonObject item, bool includeFields, string? fieldSelect)
    {
        var etag = ItemETag(item);
        var result = new JsonObject { ["@odata.etag"] = etag };
        foreach (var (k, v) in item)
        {
            // The public properties, as GraphJson.Public copies them (without a second copy).
            if (!k.StartsWith('_'))
            {
                result[k] = v?.DeepClone();
            }
        }

        result["eTag"] = etag;
        if (includeFields)
        {
            result["fields"] = ODataQuery.Select(PresentFields(list, item), string.IsNullOrEmpty(fieldSelect) ? null : fieldSelect);
        }

        return result;
    }

    public static JsonObject PresentFields(JsonObject list, JsonObject item)
    {
        var fields = new JsonObject { ["@odata.etag"] = ItemETag(item) };
        foreach (var (k, v) in (JsonObject)item["_fields"]!)
        {
            fields[k] = v?.DeepClone();
        }

        var id = item.Str("id")!;
        fields["id"] = id;
        fields["ContentType"] = item.Obj("contentType")?.Str("name") ?? "Item";
        fields["Modified"] = item.Str("lastModifiedDateTime");
        fields["Created"] = item.Str("createdDateTime");
        fields["AuthorLookupId"] = "1";
        fields["EditorLookupId"] = "1";
        fields["_UIVersionString"] = item["_version"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) + ".0";
        fields["Attachments"] = false;
        fields["Edit"] = string.Empty;
        fields["ItemChildCount"] = "0";
        fields["FolderChildCount"] = "0";
        if (list.Str("_drive") is null && !fields.ContainsKey("Title"))
        {
            fields["Title"] = null;
        }

        return fields;
    }

    private static GraphResponse ListItems(OperationContext ctx)
    {
        var list = RequireList(ctx);
        var request = ctx.Request;
        var expand = ODataQuery.Expand(request.QueryValue("$expand"));
        var items = ctx.Store.Children("listItem", list.Str("id")!);
        items.Sort((a, b) => long.Parse(a.Str("id")!, CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Str("id")!, CultureInfo.InvariantCulture)));

        if (request.QueryValue("$filter") is { Length: > 0 } filterText)
        {
            var filter = ODataFilter.Parse(filterText);
            var honourNonIndexed = request.Header("Prefer")?.Contains(NonIndexedPrefer, StringComparison.OrdinalIgnoreCase) == true;
            foreach (var path in filter.Paths)
            {
                var name = path.StartsWith("fields/", StringComparison.OrdinalIgnoreCase) ? path[7..] : path;
                if (name.Equals("id", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var column = FindColumn(list, name)
                    ?? throw GraphException.BadRequest($"Field '{name}' is not recognized");

                // Filtering on a column that is not indexed fails unless the caller accepts the risk with the Prefer
                // header: https://learn.microsoft.com/en-us/graph/api/listitem-list
                if (!IsIndexed(column) && !honourNonIndexed)
                {
                    throw GraphException.BadRequest($"Field '{name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: {NonIndexedPrefer}' header to allow this, but be warned that such queries may fail on large lists.");
                }
            }

            items = items.Where(item =>
            {
                var fields = PresentFields(list, item);
                return filter.Matches(path =>
                {
                    var name = path.StartsWith("fields/", StringComparison.OrdinalIgnoreCase) ? path[7..] : path;
                    return fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
                });
            }).ToList();
        }

        // Paging with $top and @odata.nextLink: https://learn.microsoft.com/en-us/graph/paging
        var top = ODataQuery.Top(request, 200, 5000);
        var after = 0L;
        if (ODataQuery.DecodeToken(request.QueryValue("$skiptoken")) is { } token)
        {
            after = long.Parse(token[(token.LastIndexOf('=') + 1)..], CultureInfo.InvariantCulture);
        }

        var page = items.Where(i => long.Parse(i.Str("id")!, CultureInfo.InvariantCulture) > after).ToList();
        string? next = null;
        if (page.Count > top)
        {
            page = page.Take(top).ToList();
            next = ctx.SelfLink(new Dictionary<string, string?> { ["$skiptoken"] = ODataQuery.EncodeToken("Paged=TRUE&p_ID=" + page[^1].Str("id")), ["$top"] = top.ToString(CultureInfo.InvariantCulture) });
        }

        var select = request.QueryValue("$select");
        var values = page.Select(i => (JsonNode)ODataQuery.Select(PresentItem(ctx, list, i, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields")), select, "fields"));
        return GraphResponse.Ok(ctx.Collection(values, "sites('" + list.Str("_site") + "')/lists('" + list.Str("id") + "')/items", next));
    }

    private static GraphResponse ItemsDelta(OperationContext ctx)
    {
        var list = RequireList(ctx);
        var listId = list.Str("id")!;
        var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
        var token = ODataQuery.DecodeToken(ctx.Request.QueryValue("token"));
        var values = new List<JsonNode>();
        if (token is null)
        {
            foreach (var item in ctx.Store.Children("listItem", listId))
            {
                values.Add(PresentItem(ctx, list, item, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields")));
            }
        }
        else
        {
            var since = long.Parse(token, CultureInfo.InvariantCulture);
            foreach (var id in ctx.Store.ChangedSince("listItem", listId, since))
            {
                var item = ctx.Store.Get("listItem", id);
                values.Add(item is null
                    ? new JsonObject { ["id"] = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..], ["deleted"] = new JsonObject { ["state"] = "deleted" } }
                    : PresentItem(ctx, list, item, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields")));
            }
        }

        var result = ctx.Collection(values, "Collection(microsoft.graph.listItem)");
        var deltaLink = ctx.SelfLink(new Dictionary<string, string?> { ["token"] = ODataQuery.EncodeToken(ctx.Store.CurrentSequence().ToString(CultureInfo.InvariantCulture)) });
        result["@odata.deltaLink"] = deltaLink;
        return GraphResponse.Ok(result);
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

            stored[name] = Coerce(column, value);
        }

        // Unique columns: a duplicate value → 409 (https://learn.microsoft.com/en-us/graph/api/resources/columndefinition , enforceUniqueValues).
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
                    throw new GraphException(HttpStatusCode.Conflict, "nameAlreadyExists", $"The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [{name}].");
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
            return core.Store.Children("listItem", listId).Select(other => (other.Str("id"), ((JsonObject)other["_fields"]!)[field] as JsonValue));
        }

        return core.Store.ChildValues("listItem", listId, "$._fields.\"" + field + "\"")
            .Select(row => (row.Id, row.Json is null ? null : JsonNode.Parse(row.Json) as JsonValue));
    }

    private static JsonNode Coerce(JsonObject column, JsonNode value)
    {
        var name = column.Str("name");
        string Bad(string kind) => $"Invalid value for field '{name}': {kind} expected.";
        if (column.ContainsKey("boolean"))
        {
            if (value is JsonValue b && b.TryGetValue<bool>(out var flag))
            {
                return flag;
            }

            if (value is JsonValue s && s.TryGetValue<string>(out var str) && (str is "1" or "0" || bool.TryParse(str, out _)))
            {
                return str is "1" || (bool.TryParse(str, out var parsed) && parsed);
            }

            throw GraphException.BadRequest(Bad("a boolean"));
        }

        if (column.ContainsKey("number") || column.ContainsKey("currency"))
        {
            if (value is JsonValue n && n.TryGetValue<double>(out var d))
            {
                return JsonValue.Create(d)!;
            }

            if (value is JsonValue s && s.TryGetValue<string>(out var str) && double.TryParse(str, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return JsonValue.Create(parsed)!;
            }

            throw GraphException.BadRequest(Bad("a number"));
        }

        if (column.ContainsKey("dateTime"))
        {
            if (value is JsonValue s && s.TryGetValue<string>(out var str)
                && DateTimeOffset.TryParse(str, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
            {
                return GraphJson.Timestamp(dt);
            }

            throw GraphException.BadRequest(Bad("a date and time"));
        }

        if (column.ContainsKey("text") || column.ContainsKey("choice"))
        {
            if (value is JsonValue s)
            {
                return s.TryGetValue<string>(out var str) ? str : s.ToJsonString();
            }

            throw GraphException.BadRequest(Bad("text"));
        }

        return value.DeepClone();
    }

    private static JsonObject NormaliseColumn(JsonObject input)
    {
        var column = input.CloneObj();
        var name = column.Str("name") ?? column.Str("displayName") ?? throw GraphException.BadRequest("A column needs a name.");
        column["name"] = name;
        column["id"] ??= Ids.NewGuid();
        column["displayName"] ??= name;
        column["description"] ??= string.Empty;
        column["columnGroup"] ??= "Custom Columns";
        foreach (var flag in new[] { "hidden", "indexed", "enforceUniqueValues", "required", "readOnly" })
        {
            column[flag] = column[flag] is JsonValue v && v.GetValue<bool>();
        }

        if (column["enforceUniqueValues"]!.GetValue<bool>())
        {
            // SharePoint indexes a column when it is made unique.
            column["indexed"] = true;
        }

        if (!new[] { "text", "choice", "dateTime", "number", "boolean", "currency", "personOrGroup", "lookup", "hyperlinkOrPicture", "calculated" }.Any(column.ContainsKey))
        {
            column["text"] = new JsonObject();
        }

        if (column.Obj("text") is { } text)
        {
            text["allowMultipleLines"] = text["allowMultipleLines"] is JsonValue m && m.GetValue<bool>();
            text["maxLength"] ??= 255;
        }

        return column;
    }

    private static IEnumerable<JsonObject> SystemColumns(bool library)
    {
        static JsonObject Sys(string name, string displayName, string type, bool readOnly, bool indexed = false)
        {
            var column = new JsonObject
            {
                ["id"] = Ids.FromName("column:" + name),
                ["name"] = name,
                ["displayName"] = displayName,
                ["description"] = string.Empty,
                ["columnGroup"] = "Custom Columns",
                ["hidden"] = false,
                ["indexed"] = indexed,
                ["enforceUniqueValues"] = false,
                ["required"] = false,
                ["readOnly"] = readOnly,
            };
            column[type] = new JsonObject();
            return column;
        }

        if (library)
        {
            yield return Sys("FileLeafRef", "Name", "text", readOnly: false);
        }

        yield return Sys("Title", "Title", "text", readOnly: false);
        yield return Sys("ID", "ID", "number", readOnly: true, indexed: true);
        yield return Sys("ContentType", "Content Type", "text", readOnly: true);
        yield return Sys("Modified", "Modified", "dateTime", readOnly: true);
        yield return Sys("Created", "Created", "dateTime", readOnly: true);
    }

    private static IEnumerable<JsonObject> Columns(JsonObject list) => ((JsonArray)list["_columns"]!).Cast<JsonObject>();

    /// <summary>The column with exactly this name, else the first whose name differs only in case.</summary>
    private static JsonObject? FindColumn(JsonObject list, string name)
    {
        JsonObject? ignoringCase = null;
        foreach (var column in Columns(list))
        {
            var columnName = column.Str("name");
            if (columnName == name)
            {
                return column;
            }

            if (ignoringCase is null && string.Equals(columnName, name, StringComparison.OrdinalIgnoreCase))
            {
                ignoringCase = column;
            }
        }

        return ignoringCase;
    }

    private static bool IsIndexed(JsonObject column) => column["indexed"] is JsonValue v && v.GetValue<bool>();

    private static JsonObject PresentList(OperationContext ctx, JsonObject list, bool forceColumns = false)
    {
        var result = list.Public();
        var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
        if (forceColumns || expand.ContainsKey("columns"))
        {
            result["columns"] = new JsonArray([.. Columns(list).Select(c => (JsonNode)c.Public())]);
        }

        return ODataQuery.Select(result, ctx.Request.QueryValue("$select"), "columns");
    }

    private static JsonObject Identity() => new()
    {
        ["user"] = new JsonObject { ["displayName"] = "DanVan365 (local)" },
    };

    private static string Normalise(string etag)
    {
        var s = etag.Trim();
        if (s.StartsWith("W/", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        return s.Trim('"');
    }
}
