using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Drive delta: the whole tree first, then the changes after a token.</summary>
internal static partial class DriveHandlers
{
    // https://learn.microsoft.com/en-us/graph/api/driveitem-delta : everything first, then changes after the token, in pages
    // (Handlers/DeltaPages.cs: nextLink, deltaLink, $top, 410 resync with Location). Items carry no parentReference.path
    // ("When using delta you should always track items by id"; docs repo: api-reference/v1.0/api/driveitem-delta.md, Remarks).
    private static GraphResponse Delta(OperationContext ctx, JsonObject drive)
    {
        var driveId = drive.Str("id")!;
        return ctx.Core.Deltas.Respond(ctx, since =>
        {
            var values = new List<JsonNode>();
            if (since is null)
            {
                var stack = new Stack<JsonObject>();
                stack.Push(ctx.Store.Get("driveItem", drive.Str("_root")!)!);
                while (stack.Count > 0)
                {
                    var item = stack.Pop();
                    values.Add(WithoutPath(Present(ctx, item)));
                    foreach (var child in ctx.Store.Children("driveItem", item.Str("id")!).AsEnumerable().Reverse())
                    {
                        stack.Push(child);
                    }
                }

                return values;
            }

            foreach (var id in ctx.Store.ChangedSince("driveItem", driveId, since.Value))
            {
                values.Add(ctx.Store.Get("driveItem", id) is { } item
                    ? WithoutPath(Present(ctx, item))
                    : new JsonObject { ["id"] = id, ["deleted"] = new JsonObject { ["state"] = "deleted" } });
            }

            return values;
        }, "Collection(driveItem)");
    }

    private static JsonObject WithoutPath(JsonObject item)
    {
        item.Obj("parentReference")?.Remove("path");
        return item;
    }
}
