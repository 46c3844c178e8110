namespace DanVan365.Core.Status;

/// <summary>The status categories of the national task-tracking norm (DESIGN.md, "Status"), for tasks with a last day.</summary>
public enum StatusCategory
{
    /// <summary>Hoàn thành đúng hạn: completed on or before the last day.</summary>
    CompletedOnTime,

    /// <summary>Hoàn thành quá hạn: completed after the last day.</summary>
    CompletedLate,

    /// <summary>Đang thực hiện trong hạn: open, today is on or before the last day.</summary>
    InProgressOnTime,

    /// <summary>Đang thực hiện quá hạn: open, today is after the last day.</summary>
    InProgressOverdue,
}

/// <summary>Vietnamese labels of <see cref="StatusCategory"/> (as written in the norm, NFC).</summary>
public static class StatusCategoryLabels
{
    private static readonly (StatusCategory Category, string Label)[] Labels =
    [
        (StatusCategory.CompletedOnTime, "Hoàn thành đúng hạn"),
        (StatusCategory.CompletedLate, "Hoàn thành quá hạn"),
        (StatusCategory.InProgressOnTime, "Đang thực hiện trong hạn"),
        (StatusCategory.InProgressOverdue, "Đang thực hiện quá hạn"),
    ];

    /// <summary>The Vietnamese label, e.g. "Hoàn thành đúng hạn".</summary>
    public static string ToVietnamese(StatusCategory category)
    {
        foreach (var (c, label) in Labels)
        {
            if (c == category)
            {
                return label;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown status category.");
    }

    /// <summary>
    /// Parses a Vietnamese label (or the enum name). Insensitive to Unicode normalisation form (NFC/NFD),
    /// case, and whitespace (leading/trailing trimmed, inner runs — including non-breaking spaces — collapsed).
    /// </summary>
    public static bool TryParse(string? text, out StatusCategory category)
    {
        category = default;
        if (text is null)
        {
            return false;
        }

        var key = StatusText.Normalise(text);
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var (c, label) in Labels)
        {
            if (string.Equals(key, StatusText.Normalise(label), StringComparison.Ordinal)
                || string.Equals(key, StatusText.Normalise(c.ToString()), StringComparison.Ordinal))
            {
                category = c;
                return true;
            }
        }

        return false;
    }
}
