using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Lists;

public class SiteDatesTests
{
    [Fact]
    public async Task LastDay_FirstSync_ReadsBackSameDateAndGraphAnswersUtcInstantOfIctMidnight()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var report = await session.CatalogueSync.RunAsync(Catalogue, Units, dryRun: false, CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Failures));

        var row = (await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "3.5.a");
        Assert.Equal("2026-02-14", row.Fields["LastDay"]);

        // The raw answer: 14/02 at midnight in Indochina Time (UTC+7) is 13/02 17:00 UTC.
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var listId = await session.Site.ListIdAsync(SiteSchema.Tasks, CancellationToken.None);
        var item = await session.Site.Client.Sites[siteId].Lists[listId].Items[row.ItemId].GetAsync(r =>
            r.QueryParameters.Expand = ["fields($select=LastDay)"]);
        Assert.Equal("2026-02-13T17:00:00Z", GraphBodies.AsString(item!.Fields!.AdditionalData["LastDay"]));
    }

    [Fact]
    public async Task LastDay_IdenticalReRun_WritesNothing()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);
        var writes = ward.Server.GetStats().Writes;
        using var second = ward.NewSession();
        var report = await second.CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);

        Assert.Equal(0, report.Count(ChangeKind.Update));
        Assert.Equal(writes, ward.Server.GetStats().Writes);
    }

    [Theory]
    [InlineData("Asia/Ho_Chi_Minh", "2026-09-14", "2026-09-13T17:00:00Z")]
    [InlineData("UTC", "2026-09-14", "2026-09-14T00:00:00Z")]
    [InlineData("America/New_York", "2026-09-14", "2026-09-14T04:00:00Z")]
    public void ToGraph_LocalDate_UtcInstantOfSiteMidnight(string zone, string date, string expected)
    {
        var dates = SiteDates.For(zone);

        Assert.Equal(expected, dates.ToGraph(date));
        Assert.Equal(date, dates.FromGraph(expected));
    }

    [Theory]
    [InlineData("2026-09-13T17:00:00Z", "2026-09-14")]
    [InlineData("2026-09-13T16:59:59Z", "2026-09-13")]
    [InlineData("2026-09-14", "2026-09-14")]
    [InlineData(null, null)]
    public void FromGraph_IctSite_SiteLocalDate(string? raw, string? expected) =>
        Assert.Equal(expected, SiteDates.For("Asia/Ho_Chi_Minh").FromGraph(raw));

    /// <summary>
    /// A date-only value is the UTC instant of the site's midnight (datetimecolumn.md): midnight of another offset means
    /// the site is in another zone, and it is refused naming the setting, never read a day off (issue 25).
    /// </summary>
    [Theory]
    [InlineData("Asia/Ho_Chi_Minh", "2026-09-14T00:00:00Z", "UTC+00:00")]
    [InlineData("Asia/Ho_Chi_Minh", "2026-09-14T04:00:00Z", "UTC-04:00")]
    [InlineData("UTC", "2026-09-13T17:00:00Z", "UTC+07:00")]
    [InlineData("Asia/Ho_Chi_Minh", "2026-09-13T18:30:00Z", "UTC+05:30")]
    public void FromGraph_SiteInAnotherZone_RefusedNamingTheSettingAndTheSitesOffset(string zone, string raw, string offset)
    {
        var error = Assert.Throws<ConfigurationException>(() => SiteDates.For(zone).FromGraph(raw));

        Assert.Equal("M365:SiteTimeZone", error.Setting);
        Assert.Contains($"midnight {offset} (Graph answered '{raw}'), not at midnight in {zone}", error.Message, StringComparison.Ordinal);
    }
}
