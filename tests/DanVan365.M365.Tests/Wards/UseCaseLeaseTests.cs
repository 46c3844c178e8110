using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Wards;

/// <summary>Every use case that writes to a ward holds the ward's lease for its run (issue 13), against the local Graph.</summary>
public class UseCaseLeaseTests
{
    /// <summary>The site provisioned and the Hải An decision in "Quyết định", as a ward clerk leaves it.</summary>
    private static async Task<WardHarness> WardWithDecisionAsync()
    {
        var ward = await WardHarness.StartAsync(settings: WardLeaseTests.NoWait);
        using var session = ward.NewSession();
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);
        using var publisher = ward.NewPublisherSession();
        await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, WardHarness.DecisionFileName,
            await File.ReadAllBytesAsync(TestData.DecisionTextPath), CancellationToken.None);
        return ward;
    }

    private static Task Run(WardScopeUseCase useCase, WardHarness.Session session) => useCase switch
    {
        WardScopeUseCase.Intake => session.Get<DecisionIntake>().SyncAsync(force: true, CancellationToken.None),
        WardScopeUseCase.Provision => session.Get<WardSync>().ProvisionAsync(Catalogue, CancellationToken.None),
        WardScopeUseCase.Pull => session.Get<WardSync>().PullAsync(CancellationToken.None),
        WardScopeUseCase.Compile => session.Get<RoundCompilation>().CompileAsync(1, CancellationToken.None),
        WardScopeUseCase.Ingest => session.Get<ReportIngestion>().IngestChangesAsync(CancellationToken.None),
        WardScopeUseCase.Escalate => session.Get<WardEscalation>().RunFromLibraryAsync(dryRun: false, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(useCase)),
    };

    [Theory]
    [InlineData(WardScopeUseCase.Intake, "intake")]
    [InlineData(WardScopeUseCase.Provision, "provision")]
    [InlineData(WardScopeUseCase.Pull, "pull")]
    [InlineData(WardScopeUseCase.Compile, "compile")]
    [InlineData(WardScopeUseCase.Ingest, "ingest")]
    [InlineData(WardScopeUseCase.Escalate, "escalate")]
    public async Task UseCase_WardHeldByAnotherRunner_BusyAndNothingWritten(WardScopeUseCase useCase, string purpose)
    {
        await using var ward = await WardWithDecisionAsync();
        using var other = ward.NewSession();
        await using var held = await other.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        var writes = ward.Server.GetStats().Writes;
        var mails = ward.Server.GetStats().MailsSent;

        using var runner = ward.NewSession();
        var busy = await Assert.ThrowsAsync<WardBusyException>(() => Run(useCase, runner));

        Assert.Equal(purpose, busy.Purpose);
        Assert.Contains("Phường Hải An đang được một tiến trình khác cập nhật", busy.Message, StringComparison.Ordinal);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
        Assert.Equal(mails, ward.Server.GetStats().MailsSent);
    }

    [Fact]
    public async Task SyncAsync_IntakeRunsTheWardSyncInside_SameHolderReentersAndReleasesOnce()
    {
        await using var ward = await WardWithDecisionAsync();
        using var session = ward.NewSession();

        // The intake holds the lease and calls WardSync, which takes it again: with no wait, a second claim would be "busy".
        var report = await session.Get<DecisionIntake>().SyncAsync(force: true, CancellationToken.None);

        Assert.NotNull(report.Sync);
        Assert.True(report.Sync.Succeeded);
        Assert.False(session.Get<WardRunLease>().Held);
        Assert.Equal("|", await session.State.GetAsync(GraphWardLease.Key, CancellationToken.None));
    }
}

/// <summary>The ward use cases <see cref="UseCaseLeaseTests"/> runs.</summary>
public enum WardScopeUseCase
{
    Intake,
    Provision,
    Pull,
    Compile,
    Ingest,
    Escalate,
}
