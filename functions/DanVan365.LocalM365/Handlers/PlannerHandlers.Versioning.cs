using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Planner resource versioning and presentation: PATCH with If-Match, eTags, order hints, paging, merge rules.</summary>
internal static partial class PlannerHandlers
{
    private static GraphResponse Patch(OperationContext ctx, string kind, string id, Action<JsonObject, JsonObject> apply)
    {
        var entity = Require(ctx, kind, id);
        CheckIfMatch(ctx, entity);
        apply(entity, ctx.Request.JsonBody());
        entity["_etag"] = NewETag(ctx);
        var parent = kind switch
        {
            "task" => entity.Str("planId")!,
            "bucket" => entity.Str("planId")!,
            "plan" => entity.Str("owner")!,
            _ => string.Empty,
        };
        ctx.Store.Put(kind, id, parent, entity);

        // 204 unless the caller asks for the object with Prefer: return=representation (planner-overview, "Planner resource versioning").
        return ctx.PreferRepresentation ? new GraphResponse(200, Present(entity)) { IsWrite = true } : GraphResponse.NoContent();
    }

    private static void CheckIfMatch(OperationContext ctx, JsonObject entity)
    {
        var ifMatch = ctx.Request.Header("If-Match");
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new GraphException(HttpStatusCode.PreconditionFailed, "PreconditionFailed",
                "The If-Match header must be specified for this kind of request.");
        }

        if (ifMatch.Trim() != "*" && !ETags.Equal(ifMatch, entity.Str("_etag")!))
        {
            throw new GraphException(HttpStatusCode.PreconditionFailed, "resourceModified",
                "The request ETag value does not match the object's current ETag value. Read the object again and retry.");
        }
    }

    private static GraphResponse Paged(OperationContext ctx, List<JsonObject> tasks)
    {
        var top = ODataQuery.Top(ctx.Request, 100, 400);
        var skip = int.TryParse(ODataQuery.DecodeToken(ctx.Request.QueryValue("$skiptoken")), out var s) ? s : 0;
        var page = tasks.Skip(skip).Take(top).Select(t => (JsonNode)Present(t));
        var next = skip + top < tasks.Count
            ? ctx.SelfLink(new Dictionary<string, string?>
            {
                ["$skiptoken"] = ODataQuery.EncodeToken((skip + top)
                .ToString(CultureInfo.InvariantCulture)),
                ["$top"] = top.ToString(CultureInfo.InvariantCulture)
            })
            : null;
        return GraphResponse.Ok(ctx.Collection(page, "Collection(microsoft.graph.plannerTask)", next));
    }

    private static JsonObject Require(OperationContext ctx, string kind, string id) =>
        ctx.Store.Get(kind, id) ?? throw GraphException.NotFound("NotFound", "The requested item is not found.");

    private static JsonObject Present(JsonObject entity)
    {
        var result = new JsonObject { ["@odata.etag"] = entity.Str("_etag") };
        foreach (var (k, v) in entity.Public())
        {
            result[k] = v?.DeepClone();
        }

        return result;
    }

    private static void Merge(JsonObject entity, JsonObject body, string property, bool removeOnNull, bool removeOnFalse = false)
    {
        if (body.Obj(property) is not { } patch)
        {
            return;
        }

        var current = entity.Obj(property) ?? new JsonObject();
        foreach (var (k, v) in patch)
        {
            if ((v is null && removeOnNull) || (removeOnFalse && v is JsonValue b && b.TryGetValue<bool>(out var flag) && !flag))
            {
                current.Remove(k);
            }
            else
            {
                current[k] = v?.DeepClone();
            }
        }

        entity[property] = current.DeepClone();
    }

    private static string NewETag(OperationContext ctx)
    {
        var n = ctx.Store.NextCounter("planner-etag");
        var text = "'" + n.ToString(CultureInfo.InvariantCulture) + "-Planner  @@@@@@@@@@@@@@@@'";
        return "W/\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\"";
    }

    /// <summary>Order hints: " !" (or none) asks the service for one;
    /// https://learn.microsoft.com/en-us/graph/planner-order-hint-format</summary>
    private static string OrderHint(OperationContext ctx, string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested) && requested.Trim() != "!")
        {
            return requested;
        }

        return "8585" + ctx.Store.NextCounter("orderhint").ToString("D9", CultureInfo.InvariantCulture);
    }

    private static GraphException Limit(string code, string message) => new(HttpStatusCode.Forbidden, code, message);

    private static JsonObject Identity() => new()
    {
        ["user"] = new JsonObject { ["id"] = Ids.FromName("app:danvan365"), ["displayName"] = "DanVan365 (local)" },
    };
}
