using DanVan365.Core.Lockdown;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Lists;

/// <summary>
/// The site's time zone as doctor reads it (issue 25): Graph v1.0 answers none (site.md; siteSettings is beta), so the
/// date-only values the site answers (datetimecolumn.md: the UTC instant of its midnight) are compared with the setting.
/// </summary>
public class GraphSiteInspectorTests
{
    [Fact]
    public async Task TimeZoneAsync_SyncedSiteInTheConfiguredZone_InPlaceForTwoRequests()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, WardHarness.DefaultStart);
        using var session = ward.NewSession();
        var inspector = new GraphSiteInspector(session.Site);
        await inspector.ListsAsync(CancellationToken.None);
        var before = session.Requests;

        var reading = await inspector.TimeZoneAsync(CancellationToken.None);

        Assert.Equal(2, session.Requests - before);
        Assert.Equal("Asia/Ho_Chi_Minh", reading.Configured);
        Assert.True(reading.ValuesRead > 0);
        Assert.Null(reading.SiteOffset);
        Assert.Equal(ProtectionState.InPlace, SiteTimeZoneCheck.From(reading).State);
    }

    [Fact]
    public async Task TimeZoneAsync_SiteNotProvisioned_UnverifiedWithoutReadingRows()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();

        var reading = await new GraphSiteInspector(session.Site).TimeZoneAsync(CancellationToken.None);

        Assert.Equal(0, reading.ValuesRead);
        var check = SiteTimeZoneCheck.From(reading);
        Assert.Equal(ProtectionState.Unverified, check.State);
        Assert.Contains("Graph v1.0 không cho đọc múi giờ của trang", check.Detail, StringComparison.Ordinal);
    }
}
