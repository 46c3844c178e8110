using DanVan365.Core.Escalation;
using DanVan365.Core.Sync;
using DanVan365.M365.Escalation;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Lists;

/// <summary>Issue 13, "Columns sync owns are corrected when a person edits them".</summary>
public class HandEditTests
{
    private const string Key = "3.5.a|VHXH";

    /// <summary>Monday 23/02/2026, 08:00 ICT: 3.5.a (last day 14/02/2026) is overdue.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_PersonEditedLastDay_RowCorrectedOnlyThatRowWritten()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        using var session = ward.NewSession();
        await HandEditLastDayAsync(session, Key, "2026-12-31T00:00:00Z");
        var writes = ward.Server.GetStats().Writes;

        var report = await ward.NewSession().CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        // The row put right, and the edit recorded in Nhật ký can thiệp.
        Assert.Equal(2, ward.Server.GetStats().Writes - writes);
        var row = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == Key);
        Assert.Equal("2026-02-14", row.Fields["LastDay"]);
    }

    [Fact]
    public async Task RunAsync_EscalationAfterHandEditAndSync_UsesTheDecisionsLastDay()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        using var session = ward.NewSession();
        // A person moves the last day to the end of the year: reminders must not follow it.
        await HandEditLastDayAsync(session, Key, "2026-12-31T00:00:00Z");
        await ward.NewSession().CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);

        using var run = ward.NewSession();
        var links = await EscalationSiteLinks.ForSiteAsync(run.Site, CancellationToken.None);
        var report = await run.Get<EscalationRun>()
            .RunAsync(EscalationSetup.For(Catalogue, Units), links, dryRun: true, CancellationToken.None);

        var items = report.Digests.SelectMany(d => d.Digest.Notifications).Select(n => n.Item.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("PC:" + Key, items);
    }

    private static async Task HandEditLastDayAsync(WardHarness.Session session, string key, string value)
    {
        var row = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == key);
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var listId = await session.Site.ListIdAsync(SiteSchema.Assignments, CancellationToken.None);
        await session.Connection.Client.Sites[siteId].Lists[listId].Items[row.ItemId].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["LastDay"] = value } });
    }
}
