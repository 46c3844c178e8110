using System.Net.Http.Json;
using Microsoft.Graph.Drives.Item.Items.Item.Delta;

namespace DanVan365.LocalM365.Tests.Handlers;

/// <summary>Behaviour the local Graph takes from Microsoft's documentation where it used to be kinder (issue 12).</summary>
public sealed class FidelityTests
{
    [Fact]
    public async Task DriveDelta_Items_CarryNoParentPathButGetDoes()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var drive = await NewDriveAsync(fx);
        var file = await fx.Client.Drives[drive].Items["root:/2026/a.txt:"].Content.PutAsync(new MemoryStream("a"u8.ToArray()));

        var delta = await fx.Client.Drives[drive].Items["root"].Delta.GetAsDeltaGetResponseAsync();
        var item = await fx.Client.Drives[drive].Items[file!.Id].GetAsync();

        Assert.All(delta!.Value!, i => Assert.Null(i.ParentReference?.Path));
        Assert.Contains(delta.Value!, i => i.Id == file.Id);
        Assert.EndsWith("root:/2026", item!.ParentReference!.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriveDelta_ExpiredToken_Answers410ResyncWithLocationThatEnumeratesAgain()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var drive = await NewDriveAsync(fx);
        await fx.Client.Drives[drive].Items["root:/a.txt:"].Content.PutAsync(new MemoryStream("a"u8.ToArray()));
        var first = await fx.Client.Drives[drive].Items["root"].Delta.GetAsDeltaGetResponseAsync();
        using var set = await fx.Control.PostAsJsonAsync("/_emulator/faults", new { expireDeltaTokens = true });

        var error = await Assert.ThrowsAsync<ODataError>(() => new DeltaRequestBuilder(first!.OdataDeltaLink!,
            fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync());

        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal("resyncChangesApplyDifferences", error.Error!.Code);
        var location = error.ResponseHeaders["Location"].Single();
        var fresh = await new DeltaRequestBuilder(location, fx.Client.RequestAdapter).GetAsDeltaGetResponseAsync();
        Assert.Contains(fresh!.Value!, i => i.Name == "a.txt");
    }

    [Fact]
    public async Task Columns_Hidden_ListedOnlyWithHiddenInSelect()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = await fx.Client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Ẩn",
            Columns = [new ColumnDefinition { Name = "Visible", Text = new TextColumn() },
                new ColumnDefinition { Name = "Secret", Text = new TextColumn(), Hidden = true }],
        });

        var plain = await fx.Client.Sites[site].Lists[list!.Id].Columns.GetAsync();
        var withHidden = await fx.Client.Sites[site].Lists[list.Id].Columns.GetAsync(r => r.QueryParameters.Select = ["name", "hidden"]);

        Assert.DoesNotContain(plain!.Value!, c => c.Name == "Secret");
        Assert.Contains(plain.Value!, c => c.Name == "Visible");
        Assert.Contains(withHidden!.Value!, c => c.Name == "Secret" && c.Hidden == true);
    }

    [Fact]
    public async Task ItemFields_HiddenColumn_ReturnedOnlyWhenNamedInSelect()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = await fx.Client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Giá trị ẩn",
            Columns = [new ColumnDefinition { Name = "Secret", Text = new TextColumn(), Hidden = true }],
        });
        await fx.Client.Sites[site].Lists[list!.Id].Items.PostAsync(new ListItem
        {
            Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "a", ["Secret"] = "x" } },
        });

        var all = await fx.Client.Sites[site].Lists[list.Id].Items.GetAsync(r => r.QueryParameters.Expand = ["fields"]);
        var named = await fx.Client.Sites[site].Lists[list.Id].Items.GetAsync(r
            => r.QueryParameters.Expand = ["fields($select=Title,Secret)"]);

        Assert.False(all!.Value![0].Fields!.AdditionalData.ContainsKey("Secret"));
        Assert.Equal("x", named!.Value![0].Fields!.AdditionalData["Secret"]);
    }

    [Fact]
    public async Task GetUser_ByMailThatIsNotTheSignInName_Answers404ButFilterFindsThem()
    {
        await using var fx = await LocalGraphFixture.StartAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => fx.Client.Users["tran.thi.lan@haian.example.vn"].GetAsync());
        var byUpn = await fx.Client.Users["vp.chuyenvien1@haian.example.vn"].GetAsync();
        var byFilter = await fx.Client.Users.GetAsync(r
            => r.QueryParameters.Filter =
            "mail eq 'tran.thi.lan@haian.example.vn' or userPrincipalName eq 'tran.thi.lan@haian.example.vn'");

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal(byUpn!.Id, Assert.Single(byFilter!.Value!).Id);
    }

    [Fact]
    public async Task PlannerTask_StartLaterThanDue_Answers400AndPatchIsCheckedToo()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var plan = await fx.Client.Planner.Plans.PostAsync(new PlannerPlan
        {
            Title = "Ngày",
            Container = new PlannerPlanContainer { ContainerId = fx.Tenant.WardGroupId, Type = PlannerContainerType.Group },
        });
        var due = new DateTimeOffset(2026, 9, 14, 0, 0, 0, TimeSpan.Zero);

        var create = await Assert.ThrowsAsync<ODataError>(() => fx.Client.Planner.Tasks.PostAsync(
            new PlannerTask { PlanId = plan!.Id, Title = "sai", StartDateTime = due.AddDays(1), DueDateTime = due }));
        var task =
            await fx.Client.Planner.Tasks.PostAsync(new PlannerTask
            {
                PlanId = plan!.Id,
                Title = "đúng",
                StartDateTime = due,
                DueDateTime = due
            });
        var etag = (string)task!.AdditionalData["@odata.etag"];
        var patch = await Assert.ThrowsAsync<ODataError>(() => fx.Client.Planner.Tasks[task.Id].PatchAsync(
            new PlannerTask { StartDateTime = due.AddDays(2) }, r => r.Headers.Add("If-Match", etag)));

        Assert.Equal(400, create.ResponseStatusCode);
        Assert.Equal(400, patch.ResponseStatusCode);
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
