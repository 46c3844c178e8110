using System.Globalization;
using System.Text;

namespace DanVan365.Core.Sync;

/// <summary>
/// Canonical string forms of column values, so desired and current rows compare exactly:
/// text in Unicode NFC (null when empty), dates "yyyy-MM-dd", numbers invariant, booleans "true"/"false".
/// </summary>
public static class FieldValues
{
    public static string? Text(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Normalize(NormalizationForm.FormC);

    public static string? Date(DateOnly? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string? Number(double? value) =>
        value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Canonicalises a value read back from a list (already a string) for the column's type.</summary>
    public static string? Canonical(ColumnType type, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return type == ColumnType.Boolean ? "false" : null;
        }

        return type switch
        {
            ColumnType.Boolean => Bool(string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase) || raw == "1"),
            ColumnType.DateOnly => ParseDate(raw) is { } d ? Date(d) : raw,
            ColumnType.Number => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? Number(n) : raw,
            _ => Text(raw),
        };
    }

    /// <summary>Reads a date-only column value ("2026-02-14" or "2026-02-14T00:00:00Z").</summary>
    public static DateOnly? ParseDate(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length < 10)
        {
            return null;
        }

        return DateOnly.TryParseExact(raw.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d) ? d : null;
    }
}
