using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Handlers;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;

namespace DanVan365.LocalM365.Tests.Handlers;

/// <summary>createdBy / lastModifiedBy of drive items as identitySets (resources/identityset.md, resources/identity.md).</summary>
public sealed class DriveIdentityTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public DriveIdentityTests(LocalGraphFixture fx) => _fx = fx;

    private GraphServiceClient Client => _fx.Client;

    [Fact]
    public async Task PutContent_AppOnly_CreatedAndLastModifiedByTheApplication()
    {
        var drive = await NewDriveAsync();

        var item = await Client.Drives[drive].Items["root:/Nộp/app.docx:"].Content.PutAsync(new MemoryStream("x"u8.ToArray()));

        Assert.Null(item!.LastModifiedBy!.User);
        Assert.Equal(Actors.ApplicationId, item.LastModifiedBy.Application!.Id);
        Assert.Equal("DanVan365", item.LastModifiedBy.Application.DisplayName);
        Assert.Equal(Actors.ApplicationId, item.CreatedBy!.Application!.Id);
    }

    [Fact]
    public async Task PutContent_ActingUsers_CreatedByFirstLastModifiedBySecondInGetChildrenAndDelta()
    {
        var drive = await NewDriveAsync();
        var (first, second) = await TwoUsersAsync();

        await Client.Drives[drive].Items["root:/Nộp/bao-cao.docx:"].Content.PutAsync(new MemoryStream("1"u8.ToArray()),
            r => r.Headers.Add(Actors.ActingUserHeader, first.Id!));
        var replaced = await Client.Drives[drive].Items["root:/Nộp/bao-cao.docx:"].Content.PutAsync(new MemoryStream("2"u8.ToArray()),
            r => r.Headers.Add(Actors.ActingUserHeader, second.Id!));

        var got = await Client.Drives[drive].Items[replaced!.Id].GetAsync();
        var children = await Client.Drives[drive].Items["root:/Nộp:"].Children.GetAsync();
        var delta = await RawAsync($"/v1.0/drives/{drive}/items/root/delta");
        var inDelta = delta["value"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == replaced.Id)!;
        foreach (var item in new[] { replaced, got!, Assert.Single(children!.Value!) })
        {
            Assert.Equal(first.Id, item.CreatedBy!.User!.Id);
            Assert.Equal(first.DisplayName, item.CreatedBy.User.DisplayName);
            Assert.Equal(second.Id, item.LastModifiedBy!.User!.Id);
            Assert.Equal(second.DisplayName, item.LastModifiedBy.User.DisplayName);
            Assert.Null(item.LastModifiedBy.Application);
        }

        Assert.Equal(second.Id, inDelta["lastModifiedBy"]!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(first.Id, inDelta["createdBy"]!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchListItemFields_AppAfterAPersonsUpload_FileLastModifiedByTheAppCTagUnchanged()
    {
        var (drive, listId) = await NewDriveWithListAsync();
        var (user, _) = await TwoUsersAsync();
        var uploaded = await Client.Drives[drive].Items["root:/Nộp/bao-cao.docx:"].Content.PutAsync(new MemoryStream("1"u8.ToArray()),
            r => r.Headers.Add(Actors.ActingUserHeader, user.Id!));

        // baseitem.md: lastModifiedBy is whoever last modified the item; a column write by the app (the drive route).
        // (The SDK has no builder for …/items/{id}/listItem/fields: the documented URL, sent as is.)
        using (var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1.0/drives/{drive}/items/{uploaded!.Id}/listItem/fields"))
        {
            patch.Headers.Add("Authorization", "Bearer local-token");
            patch.Content = new StringContent("""{"Title":"đã xử lý"}""", System.Text.Encoding.UTF8, "application/json");
            using var response = await _fx.Control.SendAsync(patch);
            response.EnsureSuccessStatusCode();
        }

        var got = await Client.Drives[drive].Items[uploaded.Id].GetAsync(r => r.QueryParameters.Expand = ["listItem"]);
        Assert.Null(got!.LastModifiedBy!.User);
        Assert.Equal(Actors.ApplicationId, got.LastModifiedBy.Application!.Id);
        Assert.Equal(Actors.ApplicationId, got.ListItem!.LastModifiedBy!.Application!.Id);
        Assert.Equal(uploaded.CTag, got.CTag);
        Assert.Equal(user.Id, got.CreatedBy!.User!.Id);

        // The list's route writes the same item: a person's column write makes the person the file's last modifier.
        await Client.Sites[_fx.Tenant.WardSiteId].Lists[listId].Items[got.ListItem.Id].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["Title"] = "sửa tay" },
        }, r => r.Headers.Add(Actors.ActingUserHeader, user.Id!));

        var after = await Client.Drives[drive].Items[uploaded.Id].GetAsync();
        Assert.Equal(user.Id, after!.LastModifiedBy!.User!.Id);
        Assert.Equal(uploaded.CTag, after.CTag);
    }

    [Fact]
    public async Task UploadSession_ActingUserWhenCreated_RecordedOnTheUploadedFile()
    {
        var drive = await NewDriveAsync();
        var (user, _) = await TwoUsersAsync();
        var data = new byte[(4 * 1024 * 1024) + 100];
        var session = await Client.Drives[drive].Items["root:/Nộp/lon.docx:"].CreateUploadSession.PostAsync(
            new CreateUploadSessionPostRequestBody(), r => r.Headers.Add(Actors.ActingUserHeader, user.Id!));

        var upload = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(data), 10 * 320 * 1024, Client.RequestAdapter);
        var result = await upload.UploadAsync();

        Assert.True(result.UploadSucceeded);
        var item = await Client.Drives[drive].Items["root:/Nộp/lon.docx:"].GetAsync();
        Assert.Equal(user.Id, item!.LastModifiedBy!.User!.Id);
    }

    [Fact]
    public async Task PutContent_ActingUserNotInTenant_BadRequestAndNothingWritten()
    {
        var drive = await NewDriveAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Drives[drive].Items["root:/Nộp/x.docx:"].Content.PutAsync(
            new MemoryStream("x"u8.ToArray()), r => r.Headers.Add(Actors.ActingUserHeader, Guid.NewGuid().ToString())));

        Assert.Equal(400, error.ResponseStatusCode);
        var missing = await Assert.ThrowsAsync<ODataError>(() => Client.Drives[drive].Items["root:/Nộp/x.docx:"].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
    }

    [Fact]
    public async Task ActingUserHeader_FromABrowserPage_Forbidden()
    {
        var (user, _) = await TwoUsersAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/sites/root");
        request.Headers.Add("Authorization", "Bearer local-token");
        request.Headers.Add("Origin", "http://127.0.0.1:8080");
        request.Headers.Add(Actors.ActingUserHeader, user.Id);

        using var response = await _fx.Control.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(User First, User Second)> TwoUsersAsync()
    {
        var users = (await Client.Users.GetAsync())!.Value!;
        return (users[0], users[1]);
    }

    private async Task<JsonNode> RawAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Authorization", "Bearer local-token");
        using var response = await _fx.Control.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<string> NewDriveAsync() => (await NewDriveWithListAsync()).Drive;

    private async Task<(string Drive, string List)> NewDriveWithListAsync()
    {
        var site = _fx.Tenant.WardSiteId;
        var library = await Client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Thư viện " + Guid.NewGuid().ToString("N")[..8],
            ListProp = new ListInfo { Template = "documentLibrary" },
        });
        return ((await Client.Sites[site].Lists[library!.Id].Drive.GetAsync())!.Id!, library.Id!);
    }
}
