using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Upload sessions: fragment sizes, Content-Range parsing and assembling the file.</summary>
internal static partial class DriveHandlers
{
    /// <summary>Simple upload limit (https://learn.microsoft.com/en-us/graph/api/driveitem-put-content : "up to 4 MB"; larger files use an
    /// upload session).</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>Upload session fragments are multiples of 320 KiB, at most 60 MiB
    /// (https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession).</summary>
    public const int FragmentUnit = 320 * 1024;

    public const int MaxFragment = 60 * 1024 * 1024;

    private static GraphResponse UploadFragment(OperationContext ctx)
    {
        var id = ctx[0];
        var session = RequireSession(ctx);
        RequireUploadToken(ctx, session);
        var range = ctx.Request.Header("Content-Range") ?? throw GraphException.BadRequest("Content-Range is required.");
        var (start, end, total) = ParseRange(range);
        var body = ctx.Request.Body;
        var received = session["received"]!.GetValue<long>();
        if (start != received)
        {
            throw new GraphException(HttpStatusCode.RequestedRangeNotSatisfiable, "invalidRange",
                $"The fragment starts at {start} but the next expected byte is {received}.");
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
            })
            { IsWrite = true };
        }

        ctx.Store.Delete("uploadSession", id);
        ctx.Store.DeleteBlob("upload:" + id);
        var drive = RequireDrive(ctx, session.Str("drive")!);
        var parent = ctx.Store.Get("driveItem", session.Str("parent")!) ?? throw GraphException.NotFound("itemNotFound",
            "The parent folder no longer exists.");
        var by = session.Obj("by")?.DeepClone().AsObject() ?? Actors.IdentitySet(ctx, actingUserId: null);
        var (item, created) = CreateOrReplace(ctx, drive, parent, session.Str("name")!, session.Str("behaviour")!, combined, by);
        return new GraphResponse(created ? 201 : 200, Present(ctx, item)) { IsWrite = true };
    }

    private static JsonObject RequireSession(OperationContext ctx) =>
        ctx.Store.Get("uploadSession", ctx[0]) ?? throw GraphException.NotFound("itemNotFound",
            "The upload session was not found or has expired.");

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
