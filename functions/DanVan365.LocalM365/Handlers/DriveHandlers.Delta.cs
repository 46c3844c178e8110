using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Drive delta: the whole tree first, then the changes after a token.</summary>
internal static partial class DriveHandlers
{
    // https://learn.microsoft.com/en-us/graph/api/driveitem-delta : everything first, then changes after the token.
    // Items carry no parentReference.path ("When using delta you should always track items by id"). A token the service
    // no longer knows answers 410 Gone, code resyncChangesApplyDifferences, with a Location header holding a link
    // that starts a fresh enumeration (docs repo: api-reference/v1.0/api/driveitem-delta.md, Example 2 and Remarks).
    private static GraphResponse Delta(OperationContext ctx, JsonObject drive)
    {
        var driveId = drive.Str("id")!;
        var token = ODataQuery.DecodeToken(ctx.Request.QueryValue("token"));
        if (ctx.Request.QueryValue("token") is { Length: > 0 }
            && (ctx.Core.Faults.ExpireDeltaTokens || !long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var known)
                || known > ctx.Store.CurrentSequence()))
        {
            var gone = new GraphException(HttpStatusCode.Gone, "resyncChangesApplyDifferences",
                "The delta token is no longer valid. Start a fresh enumeration from the Location header.");
            gone.Headers["Location"] = ctx.SelfLink(new Dictionary<string, string?> { ["token"] = null });
            throw gone;
        }

        var values = new List<JsonNode>();
        if (token is null)
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
        }
        else
        {
            foreach (var id in ctx.Store.ChangedSince("driveItem", driveId, long.Parse(token, CultureInfo.InvariantCulture)))
            {
                values.Add(ctx.Store.Get("driveItem", id) is { } item
                    ? WithoutPath(Present(ctx, item))
                    : new JsonObject { ["id"] = id, ["deleted"] = new JsonObject { ["state"] = "deleted" } });
            }
        }

        var result = ctx.Collection(values, "Collection(driveItem)");
        var next = ODataQuery.EncodeToken(ctx.Store.CurrentSequence().ToString(CultureInfo.InvariantCulture));
        result["@odata.deltaLink"] = ctx.SelfLink(new Dictionary<string, string?> { ["token"] = next });
        return GraphResponse.Ok(result);
    }

    private static JsonObject WithoutPath(JsonObject item)
    {
        item.Obj("parentReference")?.Remove("path");
        return item;
    }
}
