using Microsoft.Graph.Sites.Item.Lists.Item.Items.Delta;
using static DanVan365.LocalM365.Tests.Handlers.SitesAndListsTests;

namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class ListItemsTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public ListItemsTests(LocalGraphFixture fx) => _fx = fx;

    private GraphServiceClient Client => _fx.Client;

    private string Site => _fx.Tenant.WardSiteId;

    [Fact]
    public async Task CreateItem_TypedFields_ReturnsTypedValuesAndETag()
    {
        var list = await NewListAsync();
        var item = await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem
        {
            Fields = Fields(("Title", "Tuyên truyền"), ("Code", "1.1"), ("Due", "2026-09-14T00:00:00+07:00"), ("Percent", 40), ("Archived",
                false), ("Notes", "dòng 1\ndòng 2")),
        });
        Assert.NotNull(item!.ETag);
        Assert.Contains(",1", item.ETag);
        var fields = item.Fields!.AdditionalData;
        Assert.Equal("1.1", fields["Code"]);
        // The wire value is "2026-09-13T17:00:00Z"; the SDK hands date strings over as dates.
        Assert.Equal(new DateTimeOffset(2026, 9, 13, 17, 0, 0, TimeSpan.Zero), fields["Due"] switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(d.ToUniversalTime()),
            var other => DateTimeOffset.Parse(other.ToString()!, System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(false, fields["Archived"]);
        Assert.Equal(40d, Convert.ToDouble(fields["Percent"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsNotType<string>(fields["Percent"]);
        Assert.Equal("dòng 1\ndòng 2", fields["Notes"]);
    }

    [Fact]
    public async Task CreateItem_UnknownField_Throws400()
    {
        var list = await NewListAsync();
        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Nope", "x")) }));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
    }

    [Fact]
    public async Task CreateItem_DuplicateUniqueValue_Throws409()
    {
        var list = await NewListAsync();
        await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "3.5.a")) });
        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "3.5.a")) }));
        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("nameAlreadyExists", error.Error!.Code);
    }

    [Fact]
    public async Task UniqueValue_ComparedIgnoringCase_AndAnItemMayKeepItsOwn()
    {
        var list = await NewListAsync();
        var items = Client.Sites[Site].Lists[list].Items;
        var first = await items.PostAsync(new ListItem { Fields = Fields(("Code", "Nhiệm-vụ.1")) });
        await items.PostAsync(new ListItem { Fields = Fields(("Code", "khác")) });

        // Re-saving an item's own value is no duplicate; another item's value differing only in case is one.
        await items[first!.Id].Fields.PatchAsync(Fields(("Code", "Nhiệm-vụ.1"), ("Percent", 5)));
        var error = await Assert.ThrowsAsync<ODataError>(() => items.PostAsync(new ListItem { Fields = Fields(("Code", "NHIỆM-VỤ.1")) }));
        Assert.Equal(409, error.ResponseStatusCode);
        error = await Assert.ThrowsAsync<ODataError>(() => items[first.Id].Fields.PatchAsync(Fields(("Code", "KHÁC"))));
        Assert.Equal(409, error.ResponseStatusCode);
    }

    [Fact]
    public async Task GetItem_ExpandFieldsWithSelect_ReturnsOnlySelectedFields()
    {
        var list = await NewListAsync();
        var created =
            await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem
            {
                Fields = Fields(("Title", "T"), ("Code", "2.1"), ("Notes",
            "n"))
            });
        var item = await Client.Sites[Site].Lists[list].Items[created!.Id].GetAsync(rc
            => rc.QueryParameters.Expand = ["fields($select=Code,Title)"]);
        var fields = item!.Fields!.AdditionalData;
        Assert.Equal("2.1", fields["Code"]);
        Assert.Equal("T", fields["Title"]);
        Assert.False(fields.ContainsKey("Notes"));
    }

    [Fact]
    public async Task PatchFields_StaleIfMatch_Throws412AndCurrentSucceeds()
    {
        var list = await NewListAsync();
        var created =
            await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "4.1"), ("Percent", 0)) });
        var stale = created!.ETag!;
        var updated = await Client.Sites[Site].Lists[list].Items[created.Id].Fields.PatchAsync(Fields(("Percent", 50)),
            rc => rc.Headers.Add("If-Match", stale));
        Assert.Equal(50d, Convert.ToDouble(updated!.AdditionalData["Percent"], System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Sites[Site].Lists[list].Items[created.Id].Fields.PatchAsync(Fields(("Percent", 60)), rc => rc.Headers.Add("If-Match",
            stale)));
        Assert.Equal(412, error.ResponseStatusCode);

        var current = await Client.Sites[Site].Lists[list].Items[created.Id].GetAsync();
        Assert.NotEqual(stale, current!.ETag);
        await Client.Sites[Site].Lists[list].Items[created.Id].Fields.PatchAsync(Fields(("Percent", 70)), rc => rc.Headers.Add("If-Match",
            current.ETag!));
    }

    [Fact]
    public async Task DeleteItem_Existing_RemovesIt()
    {
        var list = await NewListAsync();
        var created = await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "5.1")) });
        await Client.Sites[Site].Lists[list].Items[created!.Id].DeleteAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site].Lists[list].Items[created.Id].GetAsync());
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("itemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task GetItems_TopWithPageIterator_FollowsNextLinks()
    {
        var list = await NewListAsync();
        for (var i = 1; i <= 7; i++)
        {
            await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "p." + i)) });
        }

        var first = await Client.Sites[Site].Lists[list].Items.GetAsync(rc =>
        {
            rc.QueryParameters.Top = 3;
            rc.QueryParameters.Expand = ["fields($select=Code)"];
        });
        Assert.Equal(3, first!.Value!.Count);
        Assert.NotNull(first.OdataNextLink);

        var codes = new List<string>();
        var iterator = PageIterator<ListItem, ListItemCollectionResponse>.CreatePageIterator(Client, first, item =>
        {
            codes.Add((string)item.Fields!.AdditionalData["Code"]);
            return true;
        });
        await iterator.IterateAsync();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => "p." + i), codes);
    }

    [Fact]
    public async Task GetItems_FilterOnIndexedFields_ReturnsMatches()
    {
        var list = await NewListAsync();
        await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "O'Brien"), ("Archived", false)) });
        await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "6.2"), ("Archived", true)) });
        await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "6.3"), ("Archived", false)) });

        var quoted = await Client.Sites[Site].Lists[list].Items.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = "fields/Code eq 'O''Brien'";
            rc.QueryParameters.Expand = ["fields"];
        });
        Assert.Equal("O'Brien", Assert.Single(quoted!.Value!).Fields!.AdditionalData["Code"]);

        var both = await Client.Sites[Site].Lists[list].Items.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = "fields/Archived eq false and fields/Code eq '6.3'";
            rc.QueryParameters.Expand = ["fields"];
        });
        Assert.Equal("6.3", Assert.Single(both!.Value!).Fields!.AdditionalData["Code"]);
    }

    [Fact]
    public async Task GetItems_FilterOnNonIndexedFieldWithoutPrefer_Throws400()
    {
        var list = await NewListAsync();
        await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "7.1"), ("Percent", 10)) });
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site].Lists[list].Items.GetAsync(rc
            => rc.QueryParameters.Filter = "fields/Percent eq 10"));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("HonorNonIndexedQueriesWarningMayFailRandomly", error.Error!.Message);

        var ok = await Client.Sites[Site].Lists[list].Items.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = "fields/Percent eq 10";
            rc.Headers.Add("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly");
        });
        Assert.Single(ok!.Value!);
    }

    [Fact]
    public async Task Delta_WithToken_ReturnsOnlyChangesAndDeletions()
    {
        var list = await NewListAsync();
        var a = await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "d.1")) });
        var b = await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "d.2")) });

        var initial = await Client.Sites[Site].Lists[list].Items.Delta.GetAsDeltaGetResponseAsync(rc
            => rc.QueryParameters.Expand = ["fields"]);
        Assert.Equal(2, initial!.Value!.Count);
        Assert.NotNull(initial.OdataDeltaLink);

        var none = await new DeltaRequestBuilder(initial.OdataDeltaLink!, Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.Empty(none!.Value!);

        await Client.Sites[Site].Lists[list].Items[a!.Id].Fields.PatchAsync(Fields(("Title", "sửa")));
        await Client.Sites[Site].Lists[list].Items[b!.Id].DeleteAsync();
        var c = await Client.Sites[Site].Lists[list].Items.PostAsync(new ListItem { Fields = Fields(("Code", "d.3")) });

        var changes = await new DeltaRequestBuilder(none.OdataDeltaLink!, Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.Equal(3, changes!.Value!.Count);
        Assert.Equal("sửa", changes.Value.Single(i => i.Id == a.Id).Fields!.AdditionalData["Title"]);
        Assert.NotNull(changes.Value.Single(i => i.Id == b.Id).Deleted);
        Assert.Contains(changes.Value, i => i.Id == c!.Id);
    }

    private async Task<string> NewListAsync()
    {
        var list = await Client.Sites[Site].Lists.PostAsync(NewList("Danh sách " + Guid.NewGuid().ToString("N")[..8]));
        return list!.Id!;
    }
}
