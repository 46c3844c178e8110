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

    [Fact]
    public async Task ChangesAsync_FirstEnumerationGoneOnANextLinkPage_RestartsFromLocationAndReturnsEveryFile()
    {
        await using var ward = await WardHarness.StartAsync(deltaPageSize: 2);
        await ProvisionAsync(ward);
        using var setup = ward.NewSession();
        var names = new[] { "a.docx", "b.docx", "c.docx", "d.docx", "e.docx" };
        foreach (var name in names)
        {
            await setup.Library.UploadAsync("2026/Đợt 1/Nộp", name, new byte[] { 1, 2, 3 }, CancellationToken.None);
        }

        // The tokens expire just before the first page reached through a nextLink (the second delta request).
        var watch = new DeltaWatch(ward.Server, expireBefore: 2);
        using var session = ward.NewSession(watch);

        var (files, token) = await session.Library.ChangesAsync(null, InSubmissions, CancellationToken.None);

        Assert.Equal(410, watch.Statuses[1]);
        Assert.Equal(200, watch.Statuses[^1]);
        Assert.True(watch.Statuses.Count > 4, "the enumeration was read again, in pages");
        Assert.Equal(names, files.Select(f => f.Path[(f.Path.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
        var (none, _) = await ward.NewSession().Library.ChangesAsync(token, InSubmissions, CancellationToken.None);
        Assert.Empty(none);
    }

    [Fact]
    public async Task ChangesAsync_ChangesGoneOnANextLinkPage_RestartsLikeTheFirstPage()
    {
        await using var ward = await WardHarness.StartAsync(deltaPageSize: 2);
        await ProvisionAsync(ward);
        using var setup = ward.NewSession();
        await setup.Library.UploadAsync("2026/Đợt 1/Nộp", "old.docx", new byte[] { 1 }, CancellationToken.None);
        var (_, saved) = await setup.Library.ChangesAsync(null, InSubmissions, CancellationToken.None);
        foreach (var name in new[] { "x.docx", "y.docx", "z.docx" })
        {
            await setup.Library.UploadAsync("2026/Đợt 1/Nộp", name, new byte[] { 4 }, CancellationToken.None);
        }

        // The saved deltaLink works; its second page (a nextLink) answers 410.
        var watch = new DeltaWatch(ward.Server, expireBefore: 2);
        using var session = ward.NewSession(watch);

        var (files, token) = await session.Library.ChangesAsync(saved, InSubmissions, CancellationToken.None);

        Assert.Equal([200, 410], watch.Statuses.Take(2));
        // A fresh enumeration gives every file (ingestion skips the ones it has read), and a token that works.
        Assert.Equal(["old.docx", "x.docx", "y.docx", "z.docx"], files.Select(f => f.Path[(f.Path.LastIndexOf('/') + 1)..])
            .Order(StringComparer.Ordinal));
        Assert.NotEqual(saved, token);
        var (none, _) = await ward.NewSession().Library.ChangesAsync(token, InSubmissions, CancellationToken.None);
        Assert.Empty(none);
    }

    private static async Task ProvisionAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        await session.Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);
    }

    /// <summary>Records the status of each delta request and expires the local Graph's delta tokens before the Nth.</summary>
    private sealed class DeltaWatch(DanVan365.LocalM365.LocalGraphServer server, int expireBefore) : DelegatingHandler
    {
        private readonly List<int> _statuses = [];

        public IReadOnlyList<int> Statuses
        {
            get
            {
                lock (_statuses)
                {
                    return [.. _statuses];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isDelta = request.RequestUri!.AbsolutePath.Contains("/delta", StringComparison.Ordinal);
            if (isDelta && Statuses.Count + 1 == expireBefore)
            {
                server.ExpireDeltaTokens();
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (isDelta)
            {
                lock (_statuses)
                {
                    _statuses.Add((int)response.StatusCode);
                }
            }

            return response;
        }
    }
}
