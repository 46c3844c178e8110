using System.Globalization;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Reading list items: presenting an item and its fields, listing with $filter and paging, and delta.</summary>
internal static partial class ListHandlers
{
    private const string NonIndexedPrefer = "HonorNonIndexedQueriesWarningMayFailRandomly";

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
            var select = string.IsNullOrEmpty(fieldSelect) ? null : fieldSelect;
            result["fields"] = ODataQuery.Select(PresentFields(list, item, select), select);
        }

        return result;
    }

    /// <summary>
    /// An item's fields. Values of hidden columns are left out unless named in <paramref name="select"/>: "To list hidden
    /// field values on listItems, include the desired columns by name in your $select statement" (docs repo:
    /// api-reference/v1.0/resources/columndefinition.md).
    /// </summary>
    public static JsonObject PresentFields(JsonObject list, JsonObject item, string? select, bool includeHidden = false)
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

        if (!includeHidden)
        {
            var named = (select ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var column in Columns(list).Where(IsHidden))
            {
                var name = column.Str("name")!;
                if (!named.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    fields.Remove(name);
                }
            }
        }

        return fields;
    }

    private static GraphResponse ListItems(OperationContext ctx)
    {
        var list = RequireList(ctx);
        var request = ctx.Request;
        // The documented request of listitem-list.md writes the option without its "$": GET …/items?expand=fields(select=…).
        var expand = ODataQuery.Expand(request.QueryValue("$expand") ?? request.QueryValue("expand"));
        var items = ctx.Store.Children("listItem", list.Str("id")!);
        items.Sort((a, b) => long.Parse(a.Str("id")!, CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Str("id")!,
            CultureInfo.InvariantCulture)));

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
                    throw GraphException.BadRequest($"Field '{name}' cannot be referenced in filter or orderby as it is not indexed. " +
                        $"Provide the 'Prefer: {NonIndexedPrefer}' header to allow this, but be warned that such queries may fail on " +
                        $"large lists.");
                }
            }

            items = items.Where(item =>
            {
                var fields = PresentFields(list, item, null, includeHidden: true);
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
            next = ctx.SelfLink(new Dictionary<string, string?>
            {
                ["$skiptoken"] =
                ODataQuery.EncodeToken("Paged=TRUE&p_ID=" + page[^1].Str("id")),
                ["$top"] = top.ToString(CultureInfo.InvariantCulture)
            });
        }

        var select = request.QueryValue("$select");
        var values = page.Select(i => (JsonNode)ODataQuery.Select(PresentItem(ctx, list, i, expand.ContainsKey("fields"),
            expand.GetValueOrDefault("fields")), select, "fields"));
        return GraphResponse.Ok(ctx.Collection(values, "sites('" + list.Str("_site") + "')/lists('" + list.Str("id") + "')/items", next));
    }

    // https://learn.microsoft.com/en-us/graph/api/listitem-delta : every item first, then changes after the token, in pages
    // (Handlers/DeltaPages.cs: nextLink, deltaLink, $top, 410 resync with Location; docs repo: api-reference/v1.0/api/listitem-delta.md).
    private static GraphResponse ItemsDelta(OperationContext ctx)
    {
        var list = RequireList(ctx);
        var listId = list.Str("id")!;
        var expand = ODataQuery.Expand(ctx.Request.QueryValue("$expand"));
        return ctx.Core.Deltas.Respond(ctx, since =>
        {
            var values = new List<JsonNode>();
            if (since is null)
            {
                foreach (var item in ctx.Store.Children("listItem", listId))
                {
                    values.Add(PresentItem(ctx, list, item, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields")));
                }

                return values;
            }

            foreach (var id in ctx.Store.ChangedSince("listItem", listId, since.Value))
            {
                var item = ctx.Store.Get("listItem", id);
                values.Add(item is null
                    ? new JsonObject
                    {
                        ["id"] = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..],
                        ["deleted"] = new JsonObject { ["state"] = "deleted" }
                    }
                    : PresentItem(ctx, list, item, expand.ContainsKey("fields"), expand.GetValueOrDefault("fields")));
            }

            return values;
        }, "Collection(microsoft.graph.listItem)");
    }
}
