using System.Net.Http.Headers;
using System.Text.Json;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Drives.Item.Items.Item.Delta;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace DanVan365.M365.Tests.Contracts;

/// <summary>
/// For each documented example kept in Contracts/Examples (page named in its README): the adapter's parsing reads the
/// documented response, and the local Graph answers the documented request with the documented shape.
/// </summary>
public class DocumentedExamplesTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "Examples", name));

    [Fact]
    public async Task DriveDelta_DocumentedExample2_ParsesIdsDeletionsAndDeltaLink()
    {
        var page = await KiotaJsonSerializer.DeserializeAsync(Example("driveitem-delta.example2.response.json"),
            DeltaGetResponse.CreateFromDiscriminatorValue);

        Assert.Equal(["0123456789abc", "123010204abac"], page!.Value!.Select(i => i.Id!));
        Assert.NotNull(page.Value![0].Deleted);
        Assert.NotNull(page.Value[1].File);
        Assert.All(page.Value, i => Assert.Null(i.ParentReference?.Path));
        Assert.StartsWith("https://graph.microsoft.com/v1.0/me/drive/root/delta", page.OdataDeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriveDelta_LocalAnswer_HasTheDocumentedShape()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var library = await session.Connection.Client.Sites[ward.Server.Tenant.WardSiteId].Lists.PostAsync(new List
        {
            DisplayName = "Hợp đồng",
            ListProp = new ListInfo { Template = "documentLibrary" },
        });
        var drive = (await session.Connection.Client.Sites[ward.Server.Tenant.WardSiteId].Lists[library!.Id].Drive.GetAsync())!.Id!;
        await session.Connection.Client.Drives[drive].Items["root:/file.txt:"].Content.PutAsync(new MemoryStream("a"u8.ToArray()));

        using var json = await GetAsync(ward, $"drives/{drive}/items/root/delta");

        var documented = JsonDocument.Parse(Example("driveitem-delta.example2.response.json")).RootElement;
        AssertSameShape(documented, json.RootElement, "value", "@odata.deltaLink");
        var file = json.RootElement.GetProperty("value").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "file.txt");
        AssertSameShape(documented.GetProperty("value")[1], file, "id", "name", "file");
        Assert.False(file.TryGetProperty("parentReference", out var parent) && parent.TryGetProperty("path", out _));
    }

    [Fact]
    public async Task UserList_DocumentedExample5_ParsesIdMailAndSignInName()
    {
        var page = await KiotaJsonSerializer.DeserializeAsync(Example("user-list.example5.response.json"),
            UserCollectionResponse.CreateFromDiscriminatorValue);

        var user = Assert.Single(page!.Value!);
        Assert.Equal("e8b753b5-4117-464e-9a08-713e1ff266b3", user.Id);
        Assert.Equal("GradyA@contoso.com", user.Mail);
        Assert.Equal("GradyA@contoso.com", user.UserPrincipalName);
    }

    [Fact]
    public async Task UserList_LocalAnswerToTheAdaptersFilter_HasTheDocumentedShape()
    {
        await using var ward = await WardHarness.StartAsync();
        var filter = Uri.EscapeDataString(GraphPeopleDirectory.UserFilter("tran.thi.lan@haian.example.vn"));

        using var json = await GetAsync(ward, $"users?$filter={filter}&$select=id,mail,userPrincipalName");

        var documented = JsonDocument.Parse(Example("user-list.example5.response.json")).RootElement;
        AssertSameShape(documented, json.RootElement, "@odata.context", "value");
        var user = Assert.Single(json.RootElement.GetProperty("value").EnumerateArray());
        AssertSameShape(documented.GetProperty("value")[0], user, "id", "mail", "userPrincipalName");
        Assert.Equal("vp.chuyenvien1@haian.example.vn", user.GetProperty("userPrincipalName").GetString());
    }

    [Fact]
    public async Task ResolveUsersAsync_PersonWhoseMailIsNotTheSignInName_IsFound()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();

        var ids = await session.Planner.People.ResolveUsersAsync(
            new HashSet<string> { "tran.thi.lan@haian.example.vn", "nobody@haian.example.vn" }, CancellationToken.None);

        var byUpn = await session.Connection.Client.Users["vp.chuyenvien1@haian.example.vn"].GetAsync();
        Assert.Equal(byUpn!.Id, Assert.Single(ids).Value);
    }

    private static async Task<JsonDocument> GetAsync(WardHarness ward, string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ward.Server.BaseUrl.TrimEnd('/') + "/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "local");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The named properties exist in both and have the same JSON kind (object, array, string...).</summary>
    private static void AssertSameShape(JsonElement documented, JsonElement local, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(documented.TryGetProperty(name, out var expected), "documented example lacks " + name);
            Assert.True(local.TryGetProperty(name, out var actual), "local answer lacks " + name);
            Assert.Equal(expected.ValueKind, actual.ValueKind);
        }
    }
}
