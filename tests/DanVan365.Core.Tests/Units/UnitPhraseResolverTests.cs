using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

public class UnitPhraseResolverTests
{
    private const string GroupCell = "Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc";

    [Fact]
    public async Task Resolve_ParallelFirstLookupsOnFreshDirectories_SameAnswerAsSequential()
    {
        var expected = UnitDirectory.LoadDefault().Resolve(GroupCell);
        Assert.True(expected.IsResolved);
        Assert.NotEmpty(expected.Units);

        // Many fresh directories, each hit by many threads at once on its very first lookup (the lazy tables).
        for (var round = 0; round < 20; round++)
        {
            var directory = UnitDirectory.LoadDefault();
            const int Threads = 8;
            using var start = new Barrier(Threads);
            var results = new PhraseResolutionHolder[Threads];
            var workers = Enumerable.Range(0, Threads).Select(i => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                results[i] = new PhraseResolutionHolder(directory.Resolve(GroupCell), directory.ClosestName("Phòng Văn hoá").Name);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.All(results, r =>
            {
                Assert.Equal(expected.Units, r.Resolution.Units);
                Assert.True(r.Resolution.IsResolved);
            });
            Assert.Single(results.Select(r => r.Closest).Distinct());
        }
    }

    [Fact]
    public void Phrases_RepeatedAccess_OneResolverPerDirectory()
    {
        var directory = UnitDirectory.LoadDefault();
        var seen = new UnitPhraseResolver[16];

        Parallel.For(0, seen.Length, i => seen[i] = directory.Phrases);

        Assert.All(seen, r => Assert.Same(seen[0], r));
    }

    [Fact]
    public void Resolve_PlainDirectoryWithoutGroups_ResolvesUnitNamesAndCodes()
    {
        var directory = new UnitDirectory([new Unit("VHXH", "Phòng Văn hóa - Xã hội", [], UnitKind.Office, null, []),
            new Unit("KT", "Phòng Kinh tế", ["Kinh tế"], UnitKind.Office, null, [])]);

        var resolution = directory.Resolve("Phòng Văn hóa - Xã hội chủ trì; Kinh tế phối hợp");

        Assert.Equal(["VHXH", "KT"], resolution.Units);
        Assert.Empty(directory.Groups);
        Assert.Same(PhraseRules.Default, directory.Rules);
    }

    private sealed record PhraseResolutionHolder(PhraseResolution Resolution, string Closest);
}
