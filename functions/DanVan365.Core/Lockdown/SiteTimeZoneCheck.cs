namespace DanVan365.Core.Lockdown;

/// <summary>
/// What the app can tell of the site's time zone. Graph v1.0 answers no site time zone (docs repo
/// api-reference/v1.0/resources/site.md has no settings; siteSettings.timeZone is beta only,
/// api-reference/beta/resources/sitesettings.md), but every date-only value it answers is the UTC instant of the site's
/// local midnight (api-reference/v1.0/resources/datetimecolumn.md, format dateOnly): read values show the zone.
/// </summary>
/// <param name="Configured">The configured zone (M365:SiteTimeZone).</param>
/// <param name="ValuesRead">Date-only values read.</param>
/// <param name="SiteOffset">When a value is not midnight in <paramref name="Configured"/>: the UTC offset whose midnight it is.</param>
/// <param name="Sample">That value, as Graph answered it.</param>
public sealed record SiteZoneReading(string Configured, int ValuesRead, string? SiteOffset = null, string? Sample = null);

/// <summary>The protections line for the site's time zone (doctor): a site in another zone puts every date a day off.</summary>
public static class SiteTimeZoneCheck
{
    public const string Key = "site.time-zone";

    private const string Protection = "Múi giờ của trang khớp cấu hình M365:SiteTimeZone (các cột ngày)";

    public static ProtectionCheck From(SiteZoneReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.SiteOffset is { } offset)
        {
            return new ProtectionCheck(Key, ProtectionState.Missing, Protection,
                $"trang lưu ngày theo nửa đêm {offset} (Graph trả về {reading.Sample}), cấu hình là {reading.Configured}: mọi cột " +
                "ngày sẽ lệch một ngày; đặt M365:SiteTimeZone theo múi giờ của trang (Cài đặt trang > Thiết lập vùng), " +
                "đồng bộ sẽ từ chối chạy cho đến khi khớp");
        }

        if (reading.ValuesRead == 0)
        {
            return new ProtectionCheck(Key, ProtectionState.Unverified, Protection,
                $"cấu hình là {reading.Configured}; Graph v1.0 không cho đọc múi giờ của trang và chưa có giá trị ngày nào để " +
                "đối chiếu: chạy lại sau lần đồng bộ đầu, hoặc xem Cài đặt trang > Thiết lập vùng");
        }

        return new ProtectionCheck(Key, ProtectionState.InPlace, Protection,
            $"{reading.ValuesRead} giá trị ngày đọc được đều là nửa đêm theo {reading.Configured}");
    }
}
