using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DanVan365.Cli.Serve;

/// <summary>
/// What `serve` checks and sends on every request, before any route runs:
/// <list type="bullet">
/// <item>the Host header must name this server itself (127.0.0.1 or localhost, with the port it listens on): a page of
/// another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) sends its own name and is answered 421 Misdirected
/// Request (RFC 9110 §15.5.20) with nothing else;</item>
/// <item>every answer carries a content security policy (no framing: clickjacking; scripts, styles, data from this origin
/// only) and X-Content-Type-Options: nosniff.</item>
/// </list>
/// The token endpoint also refuses callers of another origin (<see cref="IsCrossOriginCaller"/>).
/// </summary>
public static class ServeGuards
{
    /// <summary>
    /// The page's policy: its script and the API from this origin only; styles also inline, because the page's own
    /// &lt;style&gt; and Fluent UI's runtime styles (Griffel inserts &lt;style&gt; elements) are inline; images also as data:
    /// URIs (Fluent's icons); nothing may frame it, and no plug-ins, base URL or form target elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>The answer to a request whose Host is not this server (DNS rebinding or a misdirected request).</summary>
    public const string WrongHost = "Yêu cầu không gửi tới đúng máy chủ DanVan365 cục bộ: chỉ chấp nhận 127.0.0.1 hoặc localhost "
        + "với cổng của máy chủ này.";

    /// <summary>The answer of the token endpoint to a caller of another origin.</summary>
    public const string CrossOrigin = "Không cấp phiên đăng nhập thử cho trang của một địa chỉ khác.";

    /// <summary>Sends the security headers, then answers 421 to a Host that is not this server's, else runs the route.</summary>
    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!IsOwnHost(http.Request.Host, http.Connection.LocalPort))
        {
            http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(WrongHost, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="host"/> is 127.0.0.1 or localhost with the port this connection came in on.</summary>
    public static bool IsOwnHost(HostString host, int localPort) =>
        host.HasValue && host.Port == localPort
        && (host.Host.Equals("127.0.0.1", StringComparison.Ordinal) || host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when a browser says the request comes from a page of another origin: an Origin header that is not this server's
    /// own (https://fetch.spec.whatwg.org/#origin-header), or Sec-Fetch-Site other than same-origin or none (a typed address)
    /// (https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header). A client that is not a browser sends neither.
    /// </summary>
    public static bool IsCrossOriginCaller(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !origin.Equals(OwnOrigin(request), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    private static string OwnOrigin(HttpRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host.Host}:{request.Host.Port}");
}
