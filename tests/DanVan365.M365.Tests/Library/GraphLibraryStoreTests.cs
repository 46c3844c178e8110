using DanVan365.Core.Sync;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Library;

public class GraphLibraryStoreTests
{
    private static bool InSubmissions(string path) => path.StartsWith("2026/Đợt 1/Nộp/", StringComparison.Ordinal);

    [Fact]
    public async Task ChangesAsync_ThenToken_ReturnsOnlyNewOrChangedFilesUnderTheFolder()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var catalogue = Catalogue;
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(catalogue.Decision), CancellationToken.None);
        await session.Library.UploadAsync("2026/Đợt 1/Nộp", "a.docx", new byte[] { 1, 2, 3 }, CancellationToken.None);
        await session.Library.UploadAsync("2026/Đợt 1/Mẫu", "m.docx", new byte[] { 4 }, CancellationToken.None);

        var (first, token) = await session.Library.ChangesAsync(null, InSubmissions, CancellationToken.None);
        var (none, token2) = await session.Library.ChangesAsync(token, InSubmissions, CancellationToken.None);
        await session.Library.UploadAsync("2026/Đợt 1/Nộp", "b.docx", new byte[] { 5 }, CancellationToken.None);
        var (second, _) = await session.Library.ChangesAsync(token2, InSubmissions, CancellationToken.None);

        var file = Assert.Single(first);
        Assert.Equal("2026/Đợt 1/Nộp/a.docx", file.Path);
        Assert.NotNull(file.ListItemId);
        Assert.Empty(none);
        Assert.Equal("2026/Đợt 1/Nộp/b.docx", Assert.Single(second).Path);
    }

    [Fact]
    public async Task StateStore_SetTwice_KeepsOneRowWithTheLastValue()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var catalogue = Catalogue;
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(catalogue.Decision), CancellationToken.None);

        Assert.Null(await session.State.GetAsync("library-delta", CancellationToken.None));
        await session.State.SetAsync("library-delta", "token-1", CancellationToken.None);
        await session.State.SetAsync("library-delta", "token-2 'có dấu'", CancellationToken.None);

        Assert.Equal("token-2 'có dấu'", await ward.NewSession().State.GetAsync("library-delta", CancellationToken.None));
        Assert.Single(await session.Lists.ReadAsync(SiteSchema.State, CancellationToken.None), r => r.Key == "library-delta");
    }
}
