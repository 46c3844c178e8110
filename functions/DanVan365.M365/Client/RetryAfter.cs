using System.Globalization;
using System.Net.Http.Headers;

namespace DanVan365.M365.Client;

/// <summary>
/// How long Graph asked the caller to wait: the greater of Retry-After (seconds or an HTTP date; Graph "Throttling
/// guidance", concepts/throttling.md) and RateLimit-Reset (seconds until the window resets; SharePoint "Avoid getting
/// throttled or blocked in SharePoint Online", section on RateLimit headers).
/// </summary>
public static class RetryAfter
{
    /// <summary>The wait asked for by the headers, or null when they ask for none.</summary>
    public static TimeSpan? From(Func<string, string?> header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        TimeSpan? wait = null;
        if (header("Retry-After") is { } retryAfter)
        {
            wait = Seconds(retryAfter)
                ?? (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                    out var at) ? at - now : null);
        }

        if (header("RateLimit-Reset") is { } reset && Seconds(reset) is { } resetWait && (wait is null || resetWait > wait))
        {
            wait = resetWait;
        }

        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>Reads the headers of an HTTP response.</summary>
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return From(name => Header(response.Headers, name), now);
    }

    /// <summary>RateLimit-Remaining and RateLimit-Reset, when Graph sent them.</summary>
    public static (double Remaining, TimeSpan Reset)? RateLimit(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header("RateLimit-Remaining") is { } remaining
            && double.TryParse(remaining, NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
            ? (left, Seconds(header("RateLimit-Reset") ?? "0") ?? TimeSpan.Zero)
            : null;
    }

    public static string? Header(HttpResponseHeaders headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }

    private static TimeSpan? Seconds(string value) =>
        double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
