using DanVan365.Core.Lockdown;
using DanVan365.Core.Sync;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Tests.Configuration;

/// <summary>The Functions log the protections report at start (event 1080), per ward, against the local Graph.</summary>
public class ProtectionsAtStartTests
{
    [Fact]
    public async Task CheckAllAsync_ProvisionedWard_OneEntryPerProtectionEvent1080MissingOrUnverifiedAsWarnings()
    {
        await using var harness = await WardHarness.StartAsync();
        using (var session = harness.NewSession())
        {
            await session.Provisioner.EnsureAsync(SiteSchema.Folders(Bundled.Catalogue.Decision), CancellationToken.None);
        }

        using var app = new TestApp(harness);
        var logger = new ListLogger<ProtectionsAtStart>();
        using var check = new ProtectionsAtStart(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), logger);

        var missing = await check.CheckAllAsync(CancellationToken.None);

        Assert.Equal(0, missing);
        // The directory, the seal key, each list, the site's time zone, then what stays unverified.
        Assert.Equal(3 + SiteSchema.All.Count + WardProtections.Unverifiable().Count(), logger.Entries.Count);
        Assert.All(logger.Entries, e => Assert.Equal(1080, e.EventId));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information
            && e.Message == "Protections ward=hai-an: list:state InPlace");
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning
            && e.Message == "Protections ward=hai-an: lists.members-read-only Unverified");
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains('@', StringComparison.Ordinal));
        Assert.Contains(app.Get<IEnumerable<IHostedService>>(), s => s is ProtectionsAtStart);
    }

    [Fact]
    public async Task CheckAllAsync_WardWhoseSiteDoesNotExist_ReportedAsMissingOtherWardStillChecked()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness, withBadWard: true);
        var logger = new ListLogger<ProtectionsAtStart>();
        using var check = new ProtectionsAtStart(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), logger);

        var missing = await check.CheckAllAsync(CancellationToken.None);

        Assert.True(missing > 0);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning
            && e.Message == $"Protections ward={TestApp.BadWard}: site.readable Missing");
        Assert.Contains(logger.Entries, e => e.Message == $"Protections ward={TestApp.GoodWard}: directory.object-ids InPlace");
    }

    [Fact]
    public async Task StartAsync_ThenStopAsync_HostNotKeptWaitingAndStopsCleanly()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);
        using var check = new ProtectionsAtStart(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(),
            new ListLogger<ProtectionsAtStart>());

        var start = check.StartAsync(CancellationToken.None);

        Assert.True(start.IsCompleted);
        await check.StopAsync(CancellationToken.None);
    }
}
