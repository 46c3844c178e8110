using DriveDelta = Microsoft.Graph.Drives.Item.Items.Item.Delta.DeltaRequestBuilder;
using ListDelta = Microsoft.Graph.Sites.Item.Lists.Item.Items.Delta.DeltaRequestBuilder;

namespace DanVan365.LocalM365.Tests.Handlers;

/// <summary>
/// Delta in pages (docs repo: api-reference/v1.0/api/driveitem-delta.md, listitem-delta.md): pages linked by
/// @odata.nextLink, the last one carrying @odata.deltaLink, $top honoured; a token the service can no longer serve, a
/// nextLink's included, answers 410 Gone with a Location that starts a fresh enumeration.
/// </summary>
public sealed class DeltaPagingTests
{
    [Fact]
    public async Task DriveDelta_MoreItemsThanAPage_FollowsNextLinksToTheDeltaLink()
    {
        await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { DeltaPageSize = 2 });
        var drive = await NewDriveAsync(fx);
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt", "d.txt" })
        {
            await fx.Client.Drives[drive].Items["root:/" + name + ":"].Content.PutAsync(new MemoryStream("x"u8.ToArray()));
        }

        var pages = new List<Microsoft.Graph.Drives.Item.Items.Item.Delta.DeltaGetResponse>();
        var page = await fx.Client.Drives[drive].Items["root"].Delta.GetAsDeltaGetResponseAsync();
        pages.Add(page!);
        while (page!.OdataNextLink is { } next)
        {
            page = await new DriveDelta(next, fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();
            pages.Add(page!);
        }

        // Root and four files, two a page: three pages; only the last carries the deltaLink.
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.True(p.Value!.Count <= 2));
        Assert.All(pages[..^1], p => Assert.Null(p.OdataDeltaLink));
        Assert.NotNull(pages[^1].OdataDeltaLink);
        Assert.Equal(["a.txt", "b.txt", "c.txt", "d.txt"], pages.SelectMany(p => p.Value!).Where(i => i.File is not null)
            .Select(i => i.Name!).Order(StringComparer.Ordinal));
        var none = await new DriveDelta(pages[^1].OdataDeltaLink!, fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.Empty(none!.Value!);
    }

    [Fact]
    public async Task DriveDelta_NextLinkAfterTokensExpired_Answers410WithLocationThatEnumeratesAgain()
    {
        await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { DeltaPageSize = 2 });
        var drive = await NewDriveAsync(fx);
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt" })
        {
            await fx.Client.Drives[drive].Items["root:/" + name + ":"].Content.PutAsync(new MemoryStream("x"u8.ToArray()));
        }

        var first = await fx.Client.Drives[drive].Items["root"].Delta.GetAsDeltaGetResponseAsync();
        using (var expire = await fx.Control.PostAsync(new Uri("/_emulator/delta/expire", UriKind.Relative), null))
        {
            expire.EnsureSuccessStatusCode();
        }

        var error = await Assert.ThrowsAsync<ODataError>(() => new DriveDelta(first!.OdataNextLink!, fx.Client.RequestAdapter)
            .GetAsDeltaGetResponseAsync());

        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal("resyncChangesApplyDifferences", error.Error!.Code);
        var fresh = await new DriveDelta(error.ResponseHeaders["Location"].Single(), fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.NotNull(fresh!.OdataNextLink);
        Assert.Equal(2, fresh.Value!.Count);
    }

    [Fact]
    public async Task ListItemDelta_TopAndToken_PagesTheChangesOnly()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var name = "Trang " + Guid.NewGuid().ToString("N")[..8];
        var list = (await fx.Client.Sites[site].Lists.PostAsync(SitesAndListsTests.NewList(name)))!.Id;
        await fx.Client.Sites[site].Lists[list].Items.PostAsync(new ListItem { Fields = SitesAndListsTests.Fields(("Code", "p.0")) });
        var latest = await new ListDelta($"{fx.Server.BaseUrl}/sites/{site}/lists/{list}/items/delta?token=latest",
            fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.Empty(latest!.Value!);
        for (var i = 1; i <= 3; i++)
        {
            var item = new ListItem { Fields = SitesAndListsTests.Fields(("Code", "p." + i)) };
            await fx.Client.Sites[site].Lists[list].Items.PostAsync(item);
        }

        var url = latest.OdataDeltaLink + "&$top=2&$expand=fields";
        var first = await new ListDelta(url, fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        var second = await new ListDelta(first!.OdataNextLink!, fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();

        Assert.Equal(2, first.Value!.Count);
        Assert.Null(first.OdataDeltaLink);
        Assert.Single(second!.Value!);
        Assert.NotNull(second.OdataDeltaLink);
        Assert.Equal(["p.1", "p.2", "p.3"], first.Value.Concat(second.Value!).Select(i => (string)i.Fields!.AdditionalData["Code"]));
    }

    private static async Task<string> NewDriveAsync(LocalGraphFixture fx)
    {
        var site = fx.Tenant.WardSiteId;
        var library = await fx.Client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Thư viện " + Guid.NewGuid().ToString("N")[..8],
            ListProp = new ListInfo { Template = "documentLibrary" },
        });
        return (await fx.Client.Sites[site].Lists[library!.Id].Drive.GetAsync())!.Id!;
    }
}
