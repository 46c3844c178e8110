using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;

namespace DanVan365.LocalM365.Tests.Handlers;

/// <summary>
/// The drive's content and upload routes over raw HTTP (the SDK always sends a token): …/content and createUploadSession
/// need the bearer; the uploadUrl and the download URL carry their own token instead (driveitem-createuploadsession.md,
/// driveitem-get-content.md).
/// </summary>
public sealed class DriveAuthorizationTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public DriveAuthorizationTests(LocalGraphFixture fx) => _fx = fx;

    private GraphServiceClient Client => _fx.Client;

    [Fact]
    public async Task GetContent_WithoutBearer_Returns401()
    {
        var (drive, file) = await NewFileAsync("doc.txt", "bí mật");
        using var http = NoRedirects();
        using var response = await http.GetAsync(new Uri($"{_fx.Server.BaseUrl}/drives/{drive}/items/{file}/content"));
        await AssertUnauthorizedAsync(response, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task PutContent_WithoutBearer_Returns401AndWritesNothing()
    {
        var (drive, file) = await NewFileAsync("doc.txt", "bản gốc");
        using var http = NoRedirects();
        using var body = new ByteArrayContent("giả mạo"u8.ToArray());
        using var response = await http.PutAsync(new Uri($"{_fx.Server.BaseUrl}/drives/{drive}/items/{file}/content"), body);
        await AssertUnauthorizedAsync(response, "InvalidAuthenticationToken");
        Assert.Equal("bản gốc", await ReadAsync(drive, file));
    }

    [Fact]
    public async Task CreateUploadSession_WithoutBearer_Returns401()
    {
        var drive = await NewDriveAsync();
        using var http = NoRedirects();
        using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(
            new Uri($"{_fx.Server.BaseUrl}/drives/{drive}/items/root:/lon.bin:/createUploadSession"), body);
        await AssertUnauthorizedAsync(response, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task UploadUrl_WithoutItsToken_Returns401AndTheSessionStaysUsable()
    {
        var drive = await NewDriveAsync();
        var session = await Client.Drives[drive].Items["root:/nop.txt:"].CreateUploadSession.PostAsync(
            new CreateUploadSessionPostRequestBody());
        var url = new Uri(session!.UploadUrl!);
        Assert.Contains("tempauth=", url.Query, StringComparison.Ordinal);
        var bare = new Uri(url.GetLeftPart(UriPartial.Path));
        var forged = new Uri(bare + "?tempauth=" + new string('A', 43));
        using var http = NoRedirects();

        foreach (var target in new[] { bare, forged })
        {
            using var fragment = Fragment("giả");
            using var refused = await http.PutAsync(target, fragment);
            await AssertUnauthorizedAsync(refused, "unauthenticated");
            using var cancel = await http.DeleteAsync(target);
            await AssertUnauthorizedAsync(cancel, "unauthenticated");
        }

        // The documented way: the uploadUrl as given, no Authorization header.
        using var content = Fragment("thật");
        using var accepted = await http.PutAsync(url, content);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal("thật", await ReadAsync(drive, id));
    }

    [Fact]
    public async Task DownloadUrl_WithoutItsToken_Returns401()
    {
        var (drive, file) = await NewFileAsync("tai.txt", "nội dung");
        using var http = NoRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{_fx.Server.BaseUrl}/drives/{drive}/items/{file}/content"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        using var redirect = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.Contains("tempauth=", location.Query, StringComparison.Ordinal);

        using var bare = await http.GetAsync(new Uri(location.GetLeftPart(UriPartial.Path)));
        await AssertUnauthorizedAsync(bare, "unauthenticated");
        using var forged = await http.GetAsync(new Uri(location.GetLeftPart(UriPartial.Path) + "?tempauth=" + new string('A', 43)));
        await AssertUnauthorizedAsync(forged, "unauthenticated");

        // The documented way: the pre-authenticated URL as given, no Authorization header.
        using var download = await http.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nội dung", await download.Content.ReadAsStringAsync());
    }

    private static HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false });

    private static ByteArrayContent Fragment(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, bytes.Length - 1, bytes.Length);
        return content;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
    }

    private async Task<string> ReadAsync(string drive, string item)
    {
        await using var stream = await Client.Drives[drive].Items[item].Content.GetAsync();
        using var reader = new StreamReader(stream!);
        return await reader.ReadToEndAsync();
    }

    private async Task<(string Drive, string File)> NewFileAsync(string name, string text)
    {
        var drive = await NewDriveAsync();
        var file = await Client.Drives[drive].Items[$"root:/{name}:"].Content.PutAsync(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        return (drive, file!.Id!);
    }

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
