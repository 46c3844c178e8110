using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Tests.Jobs;

public class SyncCatalogueJobTests
{
    [Fact]
    public async Task SyncCatalogueAsync_GroupIsATeam_SyncsAndLogsTheWebsiteTabPin()
    {
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var logger = new ListLogger<WardJobs>();
        var jobs = new WardJobs(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), harness.Clock, logger);

        var first = await jobs.SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
        var again = await jobs.SyncCatalogueAsync(TestApp.GoodWard, force: true, CancellationToken.None);

        Assert.True(first.Synced);
        Assert.Equal(0, first.Failures);
        // No Planner tab is configured (teams-configuring-builtin-tabs.md: not supported): the website tab is logged.
        var pinned = Assert.Single(logger.Entries, e => e.EventId == 1005);
        Assert.Equal(LogLevel.Information, pinned.Level);
        Assert.Contains("WebsiteTab", pinned.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Entries, e => e.EventId == 1006);
        Assert.True(again.Synced);
    }
}
