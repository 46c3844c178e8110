using System.Globalization;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Drive delta: the whole tree first, then the changes after a token.</summary>
internal static partial class DriveHandlers
{
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
}
