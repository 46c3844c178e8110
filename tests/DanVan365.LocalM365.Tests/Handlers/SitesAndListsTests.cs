namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class SitesAndListsTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public SitesAndListsTests(LocalGraphFixture fx) => _fx = fx;

    private GraphServiceClient Client => _fx.Client;

    private string Site => _fx.Tenant.WardSiteId;

    [Fact]
    public async Task GetSite_Root_ReturnsRootSite()
    {
        var site = await Client.Sites["root"].GetAsync();
        Assert.Equal(_fx.Tenant.RootSiteId, site!.Id);
        Assert.NotNull(site.Root);
        Assert.Equal("haian.sharepoint.com", site.SiteCollection!.Hostname);
    }

    [Fact]
    public async Task GetSite_ByHostnameAndPath_ReturnsWardSite()
    {
        var byPath = await Client.Sites["haian.sharepoint.com:/sites/phuong-hai-an:"].GetAsync();
        Assert.Equal(Site, byPath!.Id);
        var byId = await Client.Sites[byPath.Id].GetAsync();
        Assert.Equal("Phường Hải An", byId!.DisplayName);
        Assert.StartsWith("haian.sharepoint.com,", byId.Id);
    }

    [Fact]
    public async Task CreateList_WithColumns_ReturnsListAndColumns()
    {
        var list = await Client.Sites[Site].Lists.PostAsync(NewList("Nhiệm vụ dân vận " + Guid.NewGuid().ToString("N")[..6]));
        Assert.NotNull(list?.Id);
        Assert.Equal("genericList", list!.ListProp!.Template);

        // Hidden columns are listed only with "hidden" in $select (columndefinition.md).
        var columns = await Client.Sites[Site].Lists[list.Id].Columns.GetAsync(r => r.QueryParameters.Select =
            ["name", "hidden", "enforceUniqueValues", "indexed", "text", "choice", "dateTime", "number", "boolean"]);
        var code = Assert.Single(columns!.Value!, c => c.Name == "Code");
        Assert.True(code.EnforceUniqueValues);
        Assert.True(code.Indexed);
        Assert.True(Assert.Single(columns.Value!, c => c.Name == "Notes").Text!.AllowMultipleLines);
        Assert.Equal(["Thường xuyên", "Có thời hạn"], Assert.Single(columns.Value!, c => c.Name == "Kind").Choice!.Choices!);
        Assert.NotNull(Assert.Single(columns.Value!, c => c.Name == "Due").DateTime);
        Assert.NotNull(Assert.Single(columns.Value!, c => c.Name == "Percent").Number);
        Assert.NotNull(Assert.Single(columns.Value!, c => c.Name == "Archived").Boolean);
        Assert.True(Assert.Single(columns.Value!, c => c.Name == "Secret").Hidden);
    }

    [Fact]
    public async Task CreateList_SameDisplayName_Throws409()
    {
        var name = "Trùng " + Guid.NewGuid().ToString("N")[..6];
        await Client.Sites[Site].Lists.PostAsync(new List { DisplayName = name });
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Sites[Site].Lists.PostAsync(new List { DisplayName = name }));
        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("nameAlreadyExists", error.Error!.Code);
    }

    [Fact]
    public async Task GetLists_WithSelect_ReturnsOnlySelectedAndHiddenFlag()
    {
        var name = "Nhật ký thông báo " + Guid.NewGuid().ToString("N")[..6];
        await Client.Sites[Site].Lists.PostAsync(new List
        {
            DisplayName = name,
            Description = "ẩn",
            ListProp = new ListInfo { Template = "genericList", Hidden = true }
        });
        var lists = await Client.Sites[Site].Lists.GetAsync(rc => rc.QueryParameters.Select = ["id", "displayName", "list"]);
        var hidden = Assert.Single(lists!.Value!, l => l.DisplayName == name);
        Assert.True(hidden.ListProp!.Hidden);
        Assert.Null(hidden.Description);
        Assert.Null(hidden.WebUrl);
    }

    [Fact]
    public async Task PatchList_NotADocumentedOperation_Throws405AndKeepsDescription()
    {
        var list =
            await Client.Sites[Site].Lists.PostAsync(new List
            {
                DisplayName = "Mô tả " + Guid.NewGuid().ToString("N")[..6],
                Description = "cũ"
            });
        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Sites[Site].Lists[list!.Id].PatchAsync(new List { Description = "mới" }));
        Assert.Equal(405, error.ResponseStatusCode);
        var again = await Client.Sites[Site].Lists[list!.Id].GetAsync();
        Assert.Equal("cũ", again!.Description);
    }

    [Fact]
    public async Task PostColumn_NewColumn_AppearsAndAcceptsValues()
    {
        var list = await Client.Sites[Site].Lists.PostAsync(new List { DisplayName = "Cột " + Guid.NewGuid().ToString("N")[..6] });
        var column =
            await Client.Sites[Site].Lists[list!.Id].Columns.PostAsync(new ColumnDefinition
            {
                Name = "UnitCode",
                Text = new TextColumn(),
                Indexed = true
            });
        Assert.Equal("UnitCode", column!.Name);
        var item = await Client.Sites[Site].Lists[list.Id].Items.PostAsync(new ListItem { Fields = Fields(("UnitCode", "VP")) });
        Assert.Equal("VP", item!.Fields!.AdditionalData["UnitCode"]);
    }

    [Fact]
    public async Task CreateList_DocumentLibrary_HasDrive()
    {
        var library = await Client.Sites[Site].Lists.PostAsync(new List
        {
            DisplayName = "Báo cáo dân vận " + Guid.NewGuid().ToString("N")[..6],
            ListProp = new ListInfo { Template = "documentLibrary" },
        });
        Assert.Equal("documentLibrary", library!.ListProp!.Template);
        var drive = await Client.Sites[Site].Lists[library.Id].Drive.GetAsync();
        Assert.Equal("documentLibrary", drive!.DriveType);
        var root = await Client.Drives[drive.Id].Root.GetAsync();
        Assert.NotNull(root!.Root);
    }

    internal static List NewList(string name) => new()
    {
        DisplayName = name,
        Description = "Danh mục nhiệm vụ",
        ListProp = new ListInfo { Template = "genericList" },
        Columns =
        [
            new ColumnDefinition { Name = "Code", Text = new TextColumn(), Indexed = true, EnforceUniqueValues = true },
            new ColumnDefinition { Name = "Notes", Text = new TextColumn { AllowMultipleLines = true } },
            new ColumnDefinition { Name = "Kind", Choice = new ChoiceColumn { Choices = ["Thường xuyên", "Có thời hạn"] } },
            new ColumnDefinition { Name = "Due", DateTime = new DateTimeColumn(), Indexed = true },
            new ColumnDefinition { Name = "Percent", Number = new NumberColumn() },
            new ColumnDefinition { Name = "Archived", Boolean = new BooleanColumn(), Indexed = true },
            new ColumnDefinition { Name = "Secret", Text = new TextColumn(), Hidden = true },
        ],
    };

    internal static FieldValueSet Fields(params (string Name, object Value)[] values) =>
        new() { AdditionalData = values.ToDictionary(v => v.Name, v => v.Value) };
}
