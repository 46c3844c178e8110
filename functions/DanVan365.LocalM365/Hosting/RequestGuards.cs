using System.Net;
using Microsoft.AspNetCore.Http;

namespace DanVan365.LocalM365;

/// <summary>
/// Deny by default at the door. Control routes (/_emulator/*) change or reveal the whole tenant: they refuse any request
/// carrying an Origin header (a browser page, possibly another site's: https://fetch.spec.whatwg.org/#origin-header) and
/// any Host that is not loopback (DNS rebinding). Graph routes answer CORS only for the origins given with
/// --cors-origin, as a tenant does for the origins an app registration allows; the emulator-only acting-user header is
/// refused on the same terms as the control routes; others get no CORS headers and their
/// preflight is refused (https://developer.mozilla.org/docs/Web/HTTP/CORS; https://learn.microsoft.com/graph/best-practices-concept).
/// </summary>
internal static class RequestGuards
{
    public static async Task InvokeAsync(HttpContext http, Func<Task> next, IReadOnlyList<string> corsOrigins)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var origin = http.Request.Headers.Origin.ToString();

        // The emulator-only acting-user header (Handlers/Actors.cs) lets a request act as a person: like the control routes,
        // never from a browser page nor from another machine.
        if (http.Request.Headers.ContainsKey(Handlers.Actors.ActingUserHeader)
            && (origin.Length > 0 || !IsLoopbackHost(http.Request.Host) || http.Connection.RemoteIpAddress is not { } remote
                || !IPAddress.IsLoopback(remote)))
        {
            http.Response.StatusCode = (int)HttpStatusCode.Forbidden;
            return;
        }

        if (path.StartsWith("/_emulator", StringComparison.OrdinalIgnoreCase))
        {
            if (origin.Length > 0 || !IsLoopbackHost(http.Request.Host))
            {
                http.Response.StatusCode = (int)HttpStatusCode.Forbidden;
                return;
            }

            await next().ConfigureAwait(false);
            return;
        }

        var allowed = origin.Length > 0 && corsOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
        if (origin.Length > 0 && HttpMethods.IsOptions(http.Request.Method))
        {
            http.Response.StatusCode = allowed ? (int)HttpStatusCode.NoContent : (int)HttpStatusCode.Forbidden;
            if (allowed)
            {
                AddCors(http, origin);
                http.Response.Headers.AccessControlAllowMethods = "GET, POST, PATCH, PUT, DELETE";
                http.Response.Headers.AccessControlAllowHeaders =
                    http.Request.Headers.AccessControlRequestHeaders.ToString() is { Length: > 0 } asked
                    ? asked
                    : "Authorization, Content-Type";
                http.Response.Headers.AccessControlMaxAge = "600";
            }

            return;
        }

        if (allowed)
        {
            AddCors(http, origin);
        }

        await next().ConfigureAwait(false);
    }

    private static void AddCors(HttpContext http, string origin)
    {
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.AccessControlExposeHeaders =
            "request-id, client-request-id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
        http.Response.Headers.Vary = "Origin";
    }

    private static bool IsLoopbackHost(HostString host) =>
        host.HasValue && (host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
