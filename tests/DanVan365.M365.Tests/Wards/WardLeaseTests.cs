using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Wards;

/// <summary>Issue 13, "One writer per ward at a time": the lease in the ward's site, against the local Graph.</summary>
public class WardLeaseTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly TaskCatalogue Catalogue = DecisionImporters.Import(TestData.DecisionTextPath, Units);

    [Fact]
    public async Task TryAcquireAsync_HeldByAnotherRunner_SecondGetsNothingUntilExpiry()
    {
        await using var ward = await WardHarness.StartAsync();
        using var setup = ward.NewSession();
        await setup.Provisioner.EnsureAsync([], CancellationToken.None);
        using var first = ward.NewSession();
        using var second = ward.NewSession();

        // Two claimants at once against one site: exactly one wins.
        var claims = await Task.WhenAll(
            first.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None),
            second.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None));
        Assert.Single(claims, c => c is not null);
        Assert.Null(await second.Get<IWardLease>().TryAcquireAsync("pull", TimeSpan.Zero, CancellationToken.None));

        // The holder crashed (never released): after the expiry the lease is taken over.
        ward.Clock.Advance(WardLeaseTimes.Duration + TimeSpan.FromSeconds(1));
        var takenOver = await second.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(takenOver);
        await takenOver.DisposeAsync();
        var afterRelease = await first.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(afterRelease);
    }

    [Fact]
    public async Task SyncAsync_WardHeldByAnotherRunner_BusyAndNothingWritten()
    {
        await using var ward = await WardHarness.StartAsync();
        using var setup = ward.NewSession();
        await setup.Provisioner.EnsureAsync([], CancellationToken.None);
        await using var held = await setup.Get<IWardLease>().TryAcquireAsync("sync", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        var writes = ward.Server.GetStats().Writes;

        using var runner = ward.NewSession();
        var busy = await Assert.ThrowsAsync<WardBusyException>(() => runner.SyncAllAsync(Catalogue, Units));

        Assert.Contains("đang được một lượt chạy khác cập nhật", busy.Message, StringComparison.Ordinal);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
    }
}
