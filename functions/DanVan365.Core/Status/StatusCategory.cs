using System.Text;

namespace DanVan365.Core.Status;

/// <summary>The national task-tracking status categories (DESIGN.md, "Status").</summary>
public enum StatusCategory
{
    /// <summary>Hoàn thành đúng hạn.</summary>
    CompletedOnTime,

    /// <summary>Hoàn thành quá hạn.</summary>
    CompletedLate,

    /// <summary>Đang thực hiện trong hạn.</summary>
    InProgressOnTime,

    /// <summary>Đang thực hiện quá hạn.</summary>
    InProgressOverdue,
}

/// <summary>Vietnamese labels of <see cref="StatusCategory"/> and a forgiving parser (NFC/NFD-, case- and whitespace-insensitive).</summary>
public static class StatusCategories
{
    /// <summary>All categories in their official order.</summary>
    public static IReadOnlyList<StatusCategory> All { get; } =
        [StatusCategory.CompletedOnTime, StatusCategory.CompletedLate, StatusCategory.InProgressOnTime, StatusCategory.InProgressOverdue];

    /// <summary>The official wording (NFC), e.g. "Hoàn thành đúng hạn".</summary>
    public static string Label(this StatusCategory category) => category switch
    {
        StatusCategory.CompletedOnTime => "Hoàn thành đúng hạn",
        StatusCategory.CompletedLate => "Hoàn thành quá hạn",
        StatusCategory.InProgressOnTime => "Đang thực hiện trong hạn",
        StatusCategory.InProgressOverdue => "Đang thực hiện quá hạn",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>True when the task is finished (on time or late).</summary>
    public static bool IsCompleted(this StatusCategory category) =>
        category is StatusCategory.CompletedOnTime or StatusCategory.CompletedLate;

    /// <summary>True when the task is on time (completed on time, or in progress within its time).</summary>
    public static bool IsOnTime(this StatusCategory category) =>
        category is StatusCategory.CompletedOnTime or StatusCategory.InProgressOnTime;

    /// <summary>
    /// Parses a status word as typed by a person: NFC and NFD alike, any case, extra spaces and a trailing
    /// full stop ignored. Returns false for empty or unknown text.
    /// </summary>
    public static bool TryParse(string? text, out StatusCategory category)
    {
        category = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = Key(text);
        foreach (var candidate in All)
        {
            if (string.Equals(Key(candidate.Label()), key, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }

        return false;
    }

    private static string Key(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', ';').Trim();
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
