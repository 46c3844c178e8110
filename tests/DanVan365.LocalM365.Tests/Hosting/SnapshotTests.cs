namespace DanVan365.LocalM365.Tests.Hosting;

/// <summary>A server started from another's snapshot holds a copy of its state: writes on either side stay on that side.</summary>
public sealed class SnapshotTests
{
    private static async Task<string> AddListAsync(LocalGraphFixture fx, string name, params string[] titles)
    {
        var list = await fx.Client.Sites[fx.Tenant.WardSiteId].Lists.PostAsync(new List { DisplayName = name });
        foreach (var title in titles)
        {
            await fx.Client.Sites[fx.Tenant.WardSiteId].Lists[list!.Id].Items.PostAsync(new ListItem
            {
                Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = title } },
            });
        }

        return list!.Id!;
    }

    private static async Task<List<string>> TitlesAsync(LocalGraphFixture fx, string listId)
    {
        var items = await fx.Client.Sites[fx.Tenant.WardSiteId].Lists[listId].Items.GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        return [.. items!.Value!.Select(i => (string)i.Fields!.AdditionalData["Title"])];
    }

    [Fact]
    public async Task StartAsync_FromSnapshot_SameStateCountersAtZeroAndEachCopyIndependent()
    {
        await using var original = await LocalGraphFixture.StartAsync();
        var listId = await AddListAsync(original, "Ảnh chụp", "một", "hai");
        using var snapshot = original.Server.Snapshot();

        await using var copy = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { Snapshot = snapshot });
        await using var other = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { Snapshot = snapshot });
        Assert.Equal(0, copy.Stats.Requests);
        Assert.Equal(original.Tenant.WardSiteId, copy.Tenant.WardSiteId);
        Assert.Equal(["một", "hai"], await TitlesAsync(copy, listId));

        await copy.Client.Sites[copy.Tenant.WardSiteId].Lists[listId].Items.PostAsync(new ListItem
        {
            Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "ba" } },
        });
        await AddListAsync(original, "Sau ảnh chụp");

        Assert.Equal(["một", "hai", "ba"], await TitlesAsync(copy, listId));
        Assert.Equal(["một", "hai"], await TitlesAsync(other, listId));
        Assert.Equal(["một", "hai"], await TitlesAsync(original, listId));
        var lists = await other.Client.Sites[other.Tenant.WardSiteId].Lists.GetAsync();
        Assert.DoesNotContain(lists!.Value!, l => l.DisplayName == "Sau ảnh chụp");
    }
}
