namespace DanVan365.Core.Time;

/// <summary>The ward's time zone: Asia/Ho_Chi_Minh (ICT, UTC+7, no daylight saving). Code reads the clock only through <see
/// cref="TimeProvider"/>.</summary>
public static class WardTime
{
    /// <summary>ICT's fixed offset.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The ward's time zone (falls back to a fixed UTC+7 zone where the tz database is missing).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>Now, in ICT.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>Today's date in ICT.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The last instant of a day in ICT (23:59:59 local), as UTC: how a last day is stored as a due date/time.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), Offset).ToUniversalTime();

    /// <summary>The start of a day in ICT (00:00 local), as UTC.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The ICT calendar date of an instant.</summary>
    public static DateOnly ToWardDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", Offset, "Indochina Time", "Indochina Time");
        }
    }
}
