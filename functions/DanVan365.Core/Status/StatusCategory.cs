namespace DanVan365.Core.Status;

/// <summary>The status categories of the national task-tracking norm (docs/architecture.md "Status"), for tasks with a last day.</summary>
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

    /// <summary>All categories in display order with their labels.</summary>
    public static IReadOnlyList<(StatusCategory Category, string Label)> All => Labels;

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

/// <summary>Extension helpers over <see cref="StatusCategory"/> (labels and parsing live in <see cref="StatusCategoryLabels"/>).</summary>
public static class StatusCategories
{
    /// <summary>All categories in their official order.</summary>
    public static IReadOnlyList<StatusCategory> All { get; } = [.. StatusCategoryLabels.All.Select(x => x.Category)];

    /// <summary>The official wording (NFC), e.g. "Hoàn thành đúng hạn".</summary>
    public static string Label(this StatusCategory category) => StatusCategoryLabels.ToVietnamese(category);

    /// <summary>True when the task is finished (on time or late).</summary>
    public static bool IsCompleted(this StatusCategory category) =>
        category is StatusCategory.CompletedOnTime or StatusCategory.CompletedLate;

    /// <summary>True when the task is on time (completed on time, or in progress within its time).</summary>
    public static bool IsOnTime(this StatusCategory category) =>
        category is StatusCategory.CompletedOnTime or StatusCategory.InProgressOnTime;

    /// <summary>
    /// How far from done a category is, the one order used wherever several statuses of one task meet (several lead
    /// units, several reported words): completed on time 0, completed late 1, in progress on time 2, in progress overdue 3.
    /// The higher one counts, so a task is as done as its least advanced part.
    /// </summary>
    public static int Severity(this StatusCategory category) => category switch
    {
        StatusCategory.CompletedOnTime => 0,
        StatusCategory.CompletedLate => 1,
        StatusCategory.InProgressOnTime => 2,
        StatusCategory.InProgressOverdue => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown status category."),
    };

    /// <summary>The least advanced of <paramref name="categories"/> (highest <see cref="Severity"/>); null when empty.</summary>
    public static StatusCategory? LeastAdvanced(IEnumerable<StatusCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        StatusCategory? result = null;
        foreach (var category in categories)
        {
            if (result is not { } have || category.Severity() > have.Severity())
            {
                result = category;
            }
        }

        return result;
    }

    /// <summary>Parses a status word as typed by a person (see <see cref="StatusCategoryLabels.TryParse"/>).</summary>
    public static bool TryParse(string? text, out StatusCategory category) => StatusCategoryLabels.TryParse(text, out category);
}
