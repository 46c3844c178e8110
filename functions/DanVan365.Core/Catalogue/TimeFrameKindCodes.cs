namespace DanVan365.Core.Catalogue;

/// <summary>The stable codes of <see cref="TimeFrameKind"/> used in JSON and in list choices ("ongoing", "before", …,
/// "year-onward").</summary>
public static class TimeFrameKindCodes
{
    public static string ToCode(this TimeFrameKind kind) => kind switch
    {
        TimeFrameKind.Ongoing => "ongoing",
        TimeFrameKind.Before => "before",
        TimeFrameKind.Quarter => "quarter",
        TimeFrameKind.Month => "month",
        TimeFrameKind.Year => "year",
        TimeFrameKind.YearOnward => "year-onward",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind with this code, or null (unknown or empty).</summary>
    public static TimeFrameKind? FromCode(string? code) =>
        Enum.GetValues<TimeFrameKind>().Where(k => k.ToCode() == code).Select(k => (TimeFrameKind?)k).FirstOrDefault();
}
