using System.Text;
using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.M365.Tests.Reporting;

/// <summary>
/// Issue 23: the ad hoc rounds file lives in the library, where members can edit it. A round a member moved (here its last
/// day) no longer verifies: it is used by nothing, keeps its number, stays in the file and is recorded in Nhật ký can thiệp.
/// </summary>
public class AdHocRoundTrustTests
{
    /// <summary>Monday 01/06/2026, 08:00 ICT.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private static AdHocRoundRequest Request(string title) => new(title, new DateOnly(2026, 6, 10), ["KTHTDT"], ["2.2"]);

    [Fact]
    public async Task ReadAsync_RoundEditedByAMember_IgnoredKeptInTheFileAndRecorded()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        using (var session = ward.NewSession())
        {
            var created = await session.Get<WardRounds>().CreateAsync(Catalogue, Request("Báo cáo đột xuất về nhà ở xã hội"), VhxhHead,
                CancellationToken.None);
            Assert.Equal(4, created.Round!.Number);
        }

        using (var member = ward.NewSessionAs("KTHTDT"))
        {
            var file = Assert.Single(await member.Library.ListAsync("2026", CancellationToken.None),
                f => f.Name == ReportLibrary.RoundsFileName);
            var text = Encoding.UTF8.GetString(await member.Library.DownloadAsync(file, ReportRounds.MaxFileBytes, CancellationToken.None));
            await member.Library.UploadAsync("2026", ReportLibrary.RoundsFileName,
                Encoding.UTF8.GetBytes(text.Replace("2026-06-10", "2026-12-31", StringComparison.Ordinal)), CancellationToken.None);
        }

        using var reader = ward.NewSession();
        var listing = await reader.Get<ReportRounds>().ReadAsync(Catalogue.Decision, CancellationToken.None);
        Assert.Equal([1, 2, 3], listing.Rounds.Select(r => r.Number));
        Assert.Equal(InterventionAction.Ignored, Assert.Single(listing.Ignored).Action);

        // A new round takes the next number; the edited entry stays in the file as the member left it.
        var next = await reader.Get<WardRounds>().CreateAsync(Catalogue, Request("Đợt đột xuất thứ hai"), VhxhHead, CancellationToken.None);
        Assert.Equal(5, next.Round!.Number);
        var stored = ReportRounds.Parse(await DownloadRoundsAsync(reader), "x");
        Assert.Equal([(4, new DateOnly(2026, 12, 31)), (5, new DateOnly(2026, 6, 10))], stored.Select(r => (r.Number, r.LastDay)));

        var escalation = await reader.Get<WardEscalation>().RunAsync(Catalogue, dryRun: false, CancellationToken.None);

        Assert.True(escalation.Succeeded, string.Join("\n", escalation.Failures));
        var log = await reader.Lists.ReadAsync(SiteSchema.Interventions, CancellationToken.None);
        var recorded = Assert.Single(log, r => r.Fields[InterventionColumns.ListName] == SiteSchema.Library.DisplayName);
        Assert.Equal((InterventionWords.Ignored, ward.PersonOf("KTHTDT")),
            (recorded.Fields[InterventionColumns.Action], recorded.Fields[InterventionColumns.ChangedById]));
    }

    private static async Task<byte[]> DownloadRoundsAsync(WardHarness.Session session)
    {
        var files = await session.Library.ListAsync("2026", CancellationToken.None);
        var file = Assert.Single(files, f => f.Name == ReportLibrary.RoundsFileName);
        return await session.Library.DownloadAsync(file, ReportRounds.MaxFileBytes, CancellationToken.None);
    }
}
