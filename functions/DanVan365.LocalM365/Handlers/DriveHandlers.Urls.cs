using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>
/// The two URLs Graph hands out that carry their own authorization instead of the bearer: an upload session's uploadUrl
/// and the download URL a GET …/content redirects to. Everything else (…/content, createUploadSession) needs the bearer
/// (LocalGraphServer's /v1.0 routes).
/// </summary>
internal static partial class DriveHandlers
{
    /// <summary>The query parameter that carries a URL's authorization (SharePoint's upload and download URLs name it so).</summary>
    public const string UrlTokenParameter = "tempauth";

    /// <summary>
    /// The uploadUrl of a session. createUploadSession's page (api-reference/v1.0/api/driveitem-createuploadsession.md,
    /// https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession, "Remarks"): "Only send the Authorization
    /// header and bearer token when issuing the POST during the first step. Don't include it when you issue the PUT call."
    /// So the URL itself is the authorization: it carries a token made for this one session (<see cref="Ids.Secret"/>),
    /// and the upload routes refuse a request without it (<see cref="RequireUploadToken"/>).
    /// </summary>
    private static string UploadUrl(OperationContext ctx, string sessionId, string token) =>
        ctx.Core.RootUrl + "/_upload/" + sessionId + "?" + UrlTokenParameter + "=" + token;

    /// <summary>
    /// A PUT, GET or DELETE on an uploadUrl counts only with the session's own token (a fixed-time comparison); without it,
    /// 401 as Graph answers a request that is not authenticated (https://learn.microsoft.com/en-us/graph/errors).
    /// </summary>
    private static void RequireUploadToken(OperationContext ctx, JsonObject session)
    {
        if (!SameToken(ctx.Request.QueryValue(UrlTokenParameter), session.Str("token")))
        {
            throw Unauthenticated("The upload URL's authorization is missing or does not match the upload session.");
        }
    }

    /// <summary>
    /// The pre-authenticated download URL of a file's version. driveitem-get-content's page
    /// (api-reference/v1.0/api/driveitem-get-content.md, https://learn.microsoft.com/en-us/graph/api/driveitem-get-content):
    /// GET …/content "returns a 302 Found response redirecting to a preauthenticated download URL", and those URLs "don't
    /// require an Authorization header to download". The URL carries an HMAC of the item and version under this process's
    /// key (<see cref="EmulatorCore.UrlKey"/>), so knowing an item's id is not enough to download it.
    /// </summary>
    private static string DownloadUrl(OperationContext ctx, JsonObject item)
    {
        var id = item.Str("id")!;
        var version = item["_ver"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        return ctx.Core.RootUrl + "/_content/" + id + "/" + version + "?" + UrlTokenParameter + "=" + DownloadToken(ctx, id, version);
    }

    /// <summary>A GET on a download URL counts only with the token <see cref="DownloadUrl"/> put in it; without it, 401.</summary>
    private static void RequireDownloadToken(OperationContext ctx, string id, string version)
    {
        if (!SameToken(ctx.Request.QueryValue(UrlTokenParameter), DownloadToken(ctx, id, version)))
        {
            throw Unauthenticated("The download URL's authorization is missing or does not match the file.");
        }
    }

    private static string DownloadToken(OperationContext ctx, string id, string version) =>
        Convert.ToBase64String(HMACSHA256.HashData(ctx.Core.UrlKey, Encoding.UTF8.GetBytes(id + "@" + version)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool SameToken(string? given, string? expected) =>
        given is { Length: > 0 } && expected is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static GraphException Unauthenticated(string message) =>
        new(HttpStatusCode.Unauthorized, "unauthenticated", message);
}
