using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace DanVan365.M365.Client;

/// <summary>Reads values out of Graph bodies (AdditionalData of Kiota models, or raw JSON of batch items).</summary>
public static class GraphBodies
{
    /// <summary>A value from a model's AdditionalData as a plain string (invariant culture), or null.</summary>
    public static string? AsString(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        UntypedNull => null,
        UntypedString us => us.GetValue(),
        UntypedBoolean ub => ub.GetValue() ? "true" : "false",
        UntypedInteger ui => ui.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedLong ul => ul.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDouble ud => ud.GetValue().ToString("R", CultureInfo.InvariantCulture),
        UntypedFloat uf => uf.GetValue().ToString("R", CultureInfo.InvariantCulture),
        UntypedDecimal um => um.GetValue().ToString(CultureInfo.InvariantCulture),
        JsonElement je => AsString(je),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string? AsString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        _ => element.GetRawText(),
    };

    /// <summary>Graph's error code and request id from an error body, for messages.</summary>
    public static (string? Code, string? Message, string? RequestId) Error(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrEmpty(body) ? "{}" : body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                var requestId = error.TryGetProperty("innerError", out var inner) && inner.TryGetProperty("request-id",
                    out var r) ? r.GetString() : null;
                return (code, message, requestId);
            }
        }
        catch (JsonException)
        {
            // Not JSON: report the status alone.
        }

        return (null, null, null);
    }
}
