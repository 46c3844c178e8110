using System.Text;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Wards;

/// <summary>The decision in use is the last one that imported cleanly; a later bad file is refused once and blocks nothing.</summary>
public class DecisionInUseTests
{
    private const string GoodName = "qd-673-2026-hai-an.txt";
    private const string BadName = "qd-999-2026-hai-an.txt";

    private static async Task UploadAsync(WardHarness ward, string name, byte[] content)
    {
        using var session = ward.NewSession();
        var catalogue = Catalogue;
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(catalogue.Decision), CancellationToken.None);
        using var publisher = ward.NewPublisherSession();
        await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, name, content, CancellationToken.None);
    }

    [Fact]
    public async Task SyncAsync_LaterBadDecision_RefusedOnceAndGoodDecisionStillInUse()
    {
        await using var ward = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 15, 1, 0, 0, TimeSpan.Zero));
        await UploadAsync(ward, GoodName, await File.ReadAllBytesAsync(TestData.DecisionTextPath));
        using (var first = ward.NewSession())
        {
            Assert.True((await first.Get<DecisionIntake>().SyncAsync(force: false, CancellationToken.None)).Sync!.Succeeded);
        }

        await UploadAsync(ward, BadName, Encoding.UTF8.GetBytes("DỰ THẢO\nkhông phải quyết định"));
        using var session = ward.NewSession();
        var intake = session.Get<DecisionIntake>();

        var refused = await intake.SyncAsync(force: false, CancellationToken.None);
        var again = await intake.SyncAsync(force: false, CancellationToken.None);
        var current = await intake.CurrentAsync(CancellationToken.None);
        var compiled = await session.Get<RoundCompilation>().CompileAsync(1, CancellationToken.None);
        var ingested = await session.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None);

        Assert.StartsWith("rejected: ", refused.SkipReason, StringComparison.Ordinal);
        Assert.Equal("decision unchanged", again.SkipReason);
        var files = await session.Library.ListAsync(SiteSchema.DecisionFolder, CancellationToken.None);
        Assert.StartsWith("Không nhập được quyết định", files.Single(f => f.Name == BadName).Fields[LibraryNames.Rejection],
            StringComparison.Ordinal);
        Assert.Equal(GoodName, current!.File.Name);
        Assert.Equal(1, compiled.Report.Round.Number);
        Assert.NotNull(ingested);
    }
}
