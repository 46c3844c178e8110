using System.Globalization;
using System.Text.Json;

namespace DanVan365.Core.Integrity;

/// <summary>
/// The form in which a text value comes back from Graph: the Graph SDK's JSON reader turns a string that System.Text.Json
/// reads as an ISO 8601 date-time into a date-time, which the adapters write back as "yyyy-MM-ddTHH:mm:ssZ". A seal covers
/// this form (<see cref="RecordSeal"/>), so a text value such as "2026-12-31" verifies after a write → read round trip.
/// </summary>
public static class IsoText
{
    /// <summary>Longest text System.Text.Json could read as a date-time ("yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm" and a bit).</summary>
    private const int Longest = 40;

    /// <summary>
    /// <paramref name="value"/> as a read gives it back: the UTC instant when it is an ISO 8601 date-time, else unchanged.
    /// </summary>
    public static string? AsRead(string? value)
    {
        if (value is null || value.Length is < 10 or > Longest || !char.IsAsciiDigit(value[0]))
        {
            return value;
        }

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value));
        return document.RootElement.TryGetDateTimeOffset(out var instant)
            ? instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value;
    }
}
