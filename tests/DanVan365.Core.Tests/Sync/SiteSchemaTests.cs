using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

public class SiteSchemaTests
{
    [Fact]
    public void All_EveryListWithKey_HasUniqueIndexedKeyColumn()
    {
        foreach (var list in SiteSchema.All.Where(l => l.KeyColumn is not null))
        {
            var key = list.Column(list.KeyColumn!);
            Assert.True(key.Unique && key.Indexed, list.Key);
        }
    }

    [Fact]
    public void All_InternalNames_AreAscii()
    {
        foreach (var column in SiteSchema.All.SelectMany(l => l.Columns))
        {
            Assert.True(column.Name.All(char.IsAsciiLetterOrDigit), column.Name);
        }
    }

    [Fact]
    public void Folders_TwoRounds_ParentsBeforeChildren()
    {
        var decision = new Decision("673/QĐ-UBND", new DateOnly(2026, 2, 12), "", "", [], "VHXH",
            [new ReportingRound(1, new DateOnly(2026, 9, 14), ""), new ReportingRound(2, new DateOnly(2026, 11, 19), "")]);

        var folders = SiteSchema.Folders(decision);

        Assert.Equal(["2026", "2026/Đợt 1", "2026/Đợt 1/Mẫu", "2026/Đợt 1/Nộp", "2026/Đợt 1/Tổng hợp", "2026/Đợt 2", "2026/Đợt 2/Mẫu",
            "2026/Đợt 2/Nộp", "2026/Đợt 2/Tổng hợp", "Quyết định"], folders);
    }

    [Theory]
    [InlineData("DanVan365 (tasks) schema v1", 1)]
    [InlineData("DanVan365 (tasks) schema v12", 12)]
    [InlineData("DanVan365 (library) schema v3 stamp abc123", 3)]
    [InlineData("something else", 0)]
    [InlineData(null, 0)]
    public void VersionOf_Description_ReadsVersion(string? description, int expected)
    {
        Assert.Equal(expected, SiteSchema.VersionOf(description));
    }

    [Fact]
    public void Description_RoundTrips_ThroughVersionOf()
    {
        Assert.Equal(SiteSchema.Version, SiteSchema.VersionOf(SiteSchema.Description(SiteSchema.Tasks)));
    }

    [Fact]
    public void StampOf_LibraryDescription_ReadsStamp()
    {
        var stamp = SiteSchema.Stamp(["2026", "Quyết định"]);
        Assert.Equal(stamp, SiteSchema.StampOf(SiteSchema.Description(SiteSchema.Library, stamp)));
        Assert.Null(SiteSchema.StampOf(SiteSchema.Description(SiteSchema.Library)));
        Assert.NotEqual(stamp, SiteSchema.Stamp(["2026", "Quyết định", "2027"]));
        Assert.NotEqual(SiteSchema.Stamp(["a", "b"]), SiteSchema.Stamp(["b", "a"]));
    }
}
