using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using static DanVan365.LocalM365.Tests.Handlers.SitesAndListsTests;

namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class DriveTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public DriveTests(LocalGraphFixture fx) => _fx = fx;

    private GraphServiceClient Client => _fx.Client;

    [Fact]
    public async Task CreateFolder_ConflictBehaviours_FailRenameReplace()
    {
        var drive = await NewDriveAsync();
        var folder = await Client.Drives[drive].Items["root"].Children.PostAsync(Folder("2026", "fail"));
        Assert.NotNull(folder!.Folder);

        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Drives[drive].Items["root"].Children.PostAsync(Folder("2026",
            "fail")));
        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("nameAlreadyExists", error.Error!.Code);

        var renamed = await Client.Drives[drive].Items["root"].Children.PostAsync(Folder("2026", "rename"));
        Assert.Equal("2026 1", renamed!.Name);
        var replaced = await Client.Drives[drive].Items["root"].Children.PostAsync(Folder("2026", "replace"));
        Assert.Equal(folder.Id, replaced!.Id);
    }

    [Fact]
    public async Task PathAddressing_NestedFolders_ChildrenAndItemByPath()
    {
        var drive = await NewDriveAsync();
        var year = await Client.Drives[drive].Items["root"].Children.PostAsync(Folder("2026", "fail"));
        await Client.Drives[drive].Items[year!.Id].Children.PostAsync(Folder("Đợt 1", "fail"));
        var round = await Client.Drives[drive].Items["root:/2026/Đợt 1:"].GetAsync();
        Assert.Equal("Đợt 1", round!.Name);
        await Client.Drives[drive].Items["root:/2026/Đợt 1:"].Children.PostAsync(Folder("Mẫu", "fail"));
        var children = await Client.Drives[drive].Items["root:/2026/Đợt 1:"].Children.GetAsync();
        Assert.Equal("Mẫu", Assert.Single(children!.Value!).Name);
    }

    [Fact]
    public async Task PutContent_ReplaceKeepsVersions_DownloadReturnsLatest()
    {
        var drive = await NewDriveAsync();
        var v1 = await Client.Drives[drive].Items["root:/2026/Quyết định/qd.txt:"].Content.PutAsync(new MemoryStream("bản 1"u8.ToArray()));
        var v2 =
            await Client.Drives[drive].Items["root:/2026/Quyết định/qd.txt:"].Content.PutAsync(
                new MemoryStream("bản 2 dài hơn"u8.ToArray()));
        Assert.Equal(v1!.Id, v2!.Id);
        Assert.NotEqual(v1.ETag, v2.ETag);

        var versions = await Client.Drives[drive].Items[v2.Id].Versions.GetAsync();
        Assert.Equal(["2.0", "1.0"], versions!.Value!.Select(v => v.Id));

        await using var stream = await Client.Drives[drive].Items[v2.Id].Content.GetAsync();
        using var reader = new StreamReader(stream!);
        Assert.Equal("bản 2 dài hơn", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task PutContent_Over4MB_Throws413()
    {
        var drive = await NewDriveAsync();
        var error = await Assert.ThrowsAsync<ODataError>(()
            => Client.Drives[drive].Items["root:/lon.bin:"].Content.PutAsync(new MemoryStream(new byte[(4 * 1024 * 1024) + 1])));
        Assert.Equal(413, error.ResponseStatusCode);
    }

    [Fact]
    public async Task UploadSession_LargeFileUploadTask_UploadsInChunks()
    {
        var drive = await NewDriveAsync();
        var data = new byte[(5 * 1024 * 1024) + 12345];
        new Random(7).NextBytes(data);
        var session =
            await Client.Drives[drive].Items["root:/2026/Tổng " +
            "hợp/bao-cao.docx:"].CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
            {
                Item = new DriveItemUploadableProperties
                {
                    AdditionalData =
                new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" }
                },
            });
        Assert.NotNull(session!.UploadUrl);

        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(data), 320 * 1024 * 4, Client.RequestAdapter);
        var result = await task.UploadAsync();
        Assert.True(result.UploadSucceeded);
        Assert.Equal(data.LongLength, result.ItemResponse.Size);

        await using var stream = await Client.Drives[drive].Items["root:/2026/Tổng hợp/bao-cao.docx:"].Content.GetAsync();
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public async Task UploadSession_FragmentNotMultipleOf320KiB_Rejected()
    {
        var drive = await NewDriveAsync();
        var session =
            await Client.Drives[drive].Items["root:/le.bin:"].CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody());
        var task = new LargeFileUploadTask<DriveItem>(session!, new MemoryStream(new byte[1_000_000]), 300_000, Client.RequestAdapter);
        await Assert.ThrowsAnyAsync<Exception>(() => task.UploadAsync());
    }

    [Fact]
    public async Task Delta_AfterUpload_ReturnsNewItemOnly()
    {
        var drive = await NewDriveAsync();
        var initial = await Client.Drives[drive].Items["root"].Delta.GetAsDeltaGetResponseAsync();
        Assert.Single(initial!.Value!);
        var file = await Client.Drives[drive].Items["root:/a.txt:"].Content.PutAsync(new MemoryStream("a"u8.ToArray()));
        var changes = await new Microsoft.Graph.Drives.Item.Items.Item.Delta.DeltaRequestBuilder(initial.OdataDeltaLink!,
            Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.Contains(changes!.Value!, i => i.Id == file!.Id);
    }

    [Fact]
    public async Task ListItemFields_CustomLibraryColumn_PatchAndRead()
    {
        var site = _fx.Tenant.WardSiteId;
        var library = await Client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Nộp " + Guid.NewGuid().ToString("N")[..6],
            ListProp = new ListInfo { Template = "documentLibrary" },
            Columns = [new ColumnDefinition { Name = "UnitCode", Text = new TextColumn(), Indexed = true }],
        });
        var drive = (await Client.Sites[site].Lists[library!.Id].Drive.GetAsync())!.Id!;
        var file = await Client.Drives[drive].Items["root:/vp.docx:"].Content.PutAsync(new MemoryStream([1, 2, 3]));
        var listItem = await Client.Drives[drive].Items[file!.Id].ListItem.GetAsync();
        await Client.Sites[site].Lists[library.Id].Items[listItem!.Id].Fields.PatchAsync(Fields(("UnitCode", "VP")));
        var withFields = await Client.Drives[drive].Items[file.Id].ListItem.GetAsync(rc => rc.QueryParameters.Expand = ["fields"]);
        var fields = withFields!.Fields!;
        Assert.Equal("VP", fields.AdditionalData["UnitCode"]);
        Assert.Equal("vp.docx", fields.AdditionalData["FileLeafRef"]);

        var items = await Client.Sites[site].Lists[library.Id].Items.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = "fields/UnitCode eq 'VP'";
            rc.QueryParameters.Expand = ["fields"];
        });
        Assert.Single(items!.Value!);
    }

    [Fact]
    public async Task SiteDrive_Default_IsDocumentsLibrary()
    {
        var drive = await Client.Sites[_fx.Tenant.WardSiteId].Drive.GetAsync();
        Assert.Equal("Documents", drive!.Name);
    }

    private static DriveItem Folder(string name, string behaviour) => new()
    {
        Name = name,
        Folder = new Folder(),
        AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = behaviour },
    };

    private async Task<string> NewDriveAsync()
    {
        var site = _fx.Tenant.WardSiteId;
        var library = await Client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Thư viện " + Guid.NewGuid().ToString("N")[..8],
            ListProp = new ListInfo { Template = "documentLibrary" },
        });
        return (await Client.Sites[site].Lists[library!.Id].Drive.GetAsync())!.Id!;
    }
}
