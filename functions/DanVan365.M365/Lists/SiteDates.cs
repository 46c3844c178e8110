using System.Globalization;
using DanVan365.Core.Sync;

namespace DanVan365.M365.Lists;

/// <summary>
/// Dates of date-only columns in the site's time zone. SharePoint keeps a date-only value as the site's local date
/// (the site's regional settings; Graph's siteSettings.timeZone, docs repo api-reference/beta/resources/sitesettings.md)
/// and Graph carries it as a dateTimeOffset (api-reference/v1.0/resources/datetimecolumn.md, format dateOnly): the UTC
/// instant of local midnight, so 14/09 on an ICT site reads <c>2026-09-13T17:00:00Z</c>. Written the same way, a date
/// round-trips, an identical re-run writes nothing, and no last day reads one day early.
/// </summary>
public sealed class SiteDates(TimeZoneInfo zone)
{
    /// <summary>The zone of the ward sites this product provisions: Indochina Time (UTC+7, no daylight saving).</summary>
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The zone for an IANA or Windows id; throws <see cref="TimeZoneNotFoundException"/> for an unknown one.</summary>
    public static SiteDates For(string? timeZoneId) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZoneId) ? DefaultTimeZone : timeZoneId));

    /// <summary>A canonical date ("yyyy-MM-dd") as the UTC instant of the site's local midnight.</summary>
    public string ToGraph(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var utc = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A value Graph returned for a date-only column, as the site's local date ("yyyy-MM-dd"); null stays null.</summary>
    public string? FromGraph(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (raw.Length > 10 && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
            out var instant))
        {
            var local = TimeZoneInfo.ConvertTime(instant, Zone);
            if (IsOtherZoneMidnight(instant))
            {
                // Midnight in another zone, not in the configured one: the site keeps its dates in that zone, and every
                // date-only value would be read (and written) a day off. Refused, never silently assumed (issue 25).
                throw Mismatch(raw, instant);
            }

            return FieldValues.Date(DateOnly.FromDateTime(local.DateTime));
        }

        return FieldValues.Canonical(ColumnType.DateOnly, raw);
    }

    /// <summary>
    /// Whether a date-only value Graph answered is midnight at a UTC offset (offsets are whole quarter hours) but not in the
    /// configured zone: the mark of a site in another zone. Any other time of day is read as the configured zone's date.
    /// </summary>
    public bool IsOtherZoneMidnight(DateTimeOffset instant) =>
        instant.UtcDateTime.TimeOfDay.Ticks % TimeSpan.FromMinutes(15).Ticks == 0
        && TimeZoneInfo.ConvertTime(instant, Zone).TimeOfDay != TimeSpan.Zero;

    /// <summary>
    /// The UTC offset whose midnight <paramref name="instant"/> is (a date-only value is the UTC instant of the site's local
    /// midnight: 17:00Z is midnight at UTC+07:00), as "UTC+07:00"; offsets run from −12:00 to +14:00.
    /// </summary>
    public static string MidnightOffset(DateTimeOffset instant)
    {
        var timeOfDay = instant.UtcDateTime.TimeOfDay;
        var offset = TimeSpan.FromDays(1) - timeOfDay;
        if (offset > TimeSpan.FromHours(14))
        {
            offset -= TimeSpan.FromDays(1);
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return "UTC" + sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The refusal when the site's dates are not kept in the configured zone (names the setting to fix).</summary>
    public Core.Errors.ConfigurationException Mismatch(string raw, DateTimeOffset instant) => new("M365:SiteTimeZone",
        $"the site keeps date-only values at midnight {MidnightOffset(instant)} (Graph answered '{raw}'), not at midnight in " +
        $"{Zone.Id}: every date-only column would be a day off. Set M365:SiteTimeZone to the site's time zone (SharePoint: " +
        "Site settings > Regional settings); `danvan365 doctor` checks it.");
}
