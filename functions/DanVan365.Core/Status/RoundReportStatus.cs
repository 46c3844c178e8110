namespace DanVan365.Core.Status;

/// <summary>
/// Status of an ongoing ("Thường xuyên") task, which has no last day: it is judged per reporting round
/// (docs/architecture.md "Status": reported / not reported).
/// </summary>
public enum RoundReportStatus
{
    /// <summary>Đã báo cáo: the unit's report for the round is in.</summary>
    Reported,

    /// <summary>Chưa báo cáo: no report yet for the round.</summary>
    NotReported,
}

/// <summary>Vietnamese labels of <see cref="RoundReportStatus"/>.</summary>
public static class RoundReportStatusLabels
{
    /// <summary>"Đã báo cáo" or "Chưa báo cáo".</summary>
    public static string ToVietnamese(RoundReportStatus status) => status switch
    {
        RoundReportStatus.Reported => "Đã báo cáo",
        RoundReportStatus.NotReported => "Chưa báo cáo",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown round report status."),
    };

    /// <summary>
    /// The status word of an ongoing task in a round as written in lists and reports:
    /// "Thường xuyên - đã báo cáo" or "Thường xuyên - chưa báo cáo".
    /// </summary>
    public static string OngoingLabel(RoundReportStatus status) => status switch
    {
        RoundReportStatus.Reported => "Thường xuyên - đã báo cáo",
        RoundReportStatus.NotReported => "Thường xuyên - chưa báo cáo",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown round report status."),
    };

    /// <summary>Every status word a Tình trạng cell may hold: the four categories, then the two ongoing words.</summary>
    public static IReadOnlyList<string> AllStatusWords { get; } =
    [
        .. StatusCategoryLabels.All.Select(x => x.Label),
        OngoingLabel(RoundReportStatus.Reported),
        OngoingLabel(RoundReportStatus.NotReported),
    ];

    /// <summary>Parses "Đã báo cáo" / "Chưa báo cáo" (NFC/NFD-, case- and whitespace-insensitive).</summary>
    public static bool TryParse(string? text, out RoundReportStatus status)
    {
        status = default;
        if (text is null)
        {
            return false;
        }

        var key = StatusText.Normalise(text);
        foreach (var candidate in new[] { RoundReportStatus.Reported, RoundReportStatus.NotReported })
        {
            if (string.Equals(key, StatusText.Normalise(ToVietnamese(candidate)), StringComparison.Ordinal)
                || string.Equals(key, StatusText.Normalise(candidate.ToString()), StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }
}
