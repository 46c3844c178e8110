using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Wards;

/// <summary>The parsed-decision cache (issue 25): a catalogue is reused only for the same ward, file, name and version.</summary>
public class ParsedDecisionsTests
{
    private static readonly WardContext Ward = new("hai-an", "Phường Hải An", "Dân vận 2026 – Phường Hải An", Bundled.Units,
        WardCalendar.WeekendsOnly);

    private static LibraryFile File(string id = "item-1", string version = "\"c:{1},1\"", string name = "qd-673.txt") =>
        new(id, "Quyết định/" + name, name, version, 100, "https://x.sharepoint.com/sites/w/Quyet%20dinh/" + name,
            new Dictionary<string, string?>());

    private static Func<Task<TaskCatalogue>> Counting(List<string> reads, string label) => () =>
    {
        reads.Add(label);
        return Task.FromResult(Bundled.Catalogue);
    };

    [Fact]
    public async Task GetAsync_SameFileAndVersion_ReadOnce()
    {
        var cache = new ParsedDecisions();
        var reads = new List<string>();

        var first = await cache.GetAsync(Ward, File(), Counting(reads, "a"));
        var second = await cache.GetAsync(Ward, File(), Counting(reads, "b"));

        Assert.Equal(["a"], reads);
        Assert.Same(first, second);
        Assert.Equal((1L, 1L), (cache.Misses, cache.Hits));
    }

    [Theory]
    [InlineData("item-1", "\"c:{1},2\"", "qd-673.txt")]
    [InlineData("item-2", "\"c:{1},1\"", "qd-673.txt")]
    [InlineData("item-1", "\"c:{1},1\"", "qd-673.docx")]
    public async Task GetAsync_OtherVersionFileOrName_ReadAgain(string id, string version, string name)
    {
        var cache = new ParsedDecisions();
        var reads = new List<string>();
        await cache.GetAsync(Ward, File(), Counting(reads, "a"));

        await cache.GetAsync(Ward, File(id, version, name), Counting(reads, "b"));

        Assert.Equal(["a", "b"], reads);
    }

    [Fact]
    public async Task GetAsync_OtherWardOrDirectory_ReadAgain()
    {
        var cache = new ParsedDecisions();
        var reads = new List<string>();
        await cache.GetAsync(Ward, File(), Counting(reads, "a"));

        await cache.GetAsync(Ward with { Id = "le-chan" }, File(), Counting(reads, "b"));
        await cache.GetAsync(Ward with { Units = Core.Units.UnitDirectory.LoadDefault() }, File(), Counting(reads, "c"));

        Assert.Equal(["a", "b", "c"], reads);
    }

    [Fact]
    public async Task GetAsync_NoVersion_NeverKept()
    {
        var cache = new ParsedDecisions();
        var reads = new List<string>();

        await cache.GetAsync(Ward, File(version: ""), Counting(reads, "a"));
        await cache.GetAsync(Ward, File(version: ""), Counting(reads, "b"));

        Assert.Equal(["a", "b"], reads);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task GetAsync_BadFile_RefusalKeptForThatVersion()
    {
        var cache = new ParsedDecisions();
        var reads = 0;
        Task<TaskCatalogue> Bad()
        {
            reads++;
            throw new InvalidInputException("qd-673.txt", 3, "no table");
        }

        var first = await Assert.ThrowsAsync<InvalidInputException>(() => cache.GetAsync(Ward, File(), Bad));
        var again = await Assert.ThrowsAsync<InvalidInputException>(() => cache.GetAsync(Ward, File(), Bad));

        Assert.Equal(1, reads);
        Assert.Equal(first.Message, again.Message);
    }

    [Fact]
    public async Task GetAsync_ManyVersionsAndWards_Bounded()
    {
        var cache = new ParsedDecisions();
        var reads = new List<string>();
        for (var version = 0; version < 5; version++)
        {
            await cache.GetAsync(Ward, File(version: "v" + version), Counting(reads, "v" + version));
        }

        Assert.Equal(ParsedDecisions.PerWard, cache.Count);
        for (var ward = 0; ward < ParsedDecisions.Capacity + 5; ward++)
        {
            await cache.GetAsync(Ward with { Id = "w" + ward }, File(), Counting(reads, "w" + ward));
        }

        Assert.Equal(ParsedDecisions.Capacity, cache.Count);
        // The newest versions stay; the oldest were let go (read again).
        await cache.GetAsync(Ward with { Id = "w" + (ParsedDecisions.Capacity + 4) }, File(), Counting(reads, "hit"));
        await cache.GetAsync(Ward with { Id = "w0" }, File(), Counting(reads, "w0 again"));
        Assert.DoesNotContain("hit", reads);
        Assert.Contains("w0 again", reads);
    }

    [Fact]
    public async Task GetAsync_ConcurrentCallers_EveryAnswerIsTheFilesCatalogue()
    {
        var cache = new ParsedDecisions();
        var calls = Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            cache.GetAsync(Ward with { Id = "w" + (i % 8) }, File(version: "v" + (i % 3)), () => Task.FromResult(Bundled.Catalogue))));

        var all = await Task.WhenAll(calls);

        Assert.All(all, c => Assert.Same(Bundled.Catalogue, c));
        Assert.True(cache.Count <= ParsedDecisions.Capacity);
    }
}
