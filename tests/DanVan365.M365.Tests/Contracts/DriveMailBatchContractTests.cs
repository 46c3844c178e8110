using System.Net;
using System.Text;
using System.Text.Json;
using DanVan365.M365.Client;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using static DanVan365.M365.Tests.Contracts.ContractShapes;

namespace DanVan365.M365.Tests.Contracts;

/// <summary>
/// Files, mail and $batch as the adapter uses them (driveitem-list-children.md, driveitem-put-content.md,
/// driveitem-get-content.md, user-sendmail.md, concepts/json-batching.md): documented examples through the adapter's
/// parsing; the local Graph's answer to the documented example request has the documented shape.
/// </summary>
public class DriveMailBatchContractTests
{
    private const string FileText = "The contents of the file goes here.";

    [Fact]
    public async Task Upload_DocumentedExample_ParsesAndLocalAnswerHasTheShape()
    {
        var item = await DeserializeAsync(Example("driveitem-put-content.response.json"),
            DriveItem.CreateFromDiscriminatorValue);
        Assert.Equal(("0123456789abc", 35L), (item!.Id, item.Size));
        Assert.NotNull(item.File);
        await using var ward = await WardHarness.StartAsync();
        var drive = await LibraryDriveAsync(ward);
        await SendAsync(ward, HttpMethod.Post, $"drives/{drive}/items/root/children", """{"name":"FolderA","folder":{}}""");

        var (status, body, _) = await SendAsync(ward, HttpMethod.Put, $"drives/{drive}/items/root:/FolderA/FileB.txt:/content",
            FileText, "text/plain");

        Assert.Equal(201, status);
        AssertSameShape(ExampleJson("driveitem-put-content.response.json"), body);
        Assert.Equal(35, body.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Children_DocumentedExample_ParsesFilesAndFoldersAndLocalAnswerHasTheShape()
    {
        var page = await DeserializeAsync(Example("driveitem-list-children.response.json"),
            DriveItemCollectionResponse.CreateFromDiscriminatorValue);
        Assert.Equal(["myfile.jpg", "Documents", "Photos", "my sheet(1).xlsx"], page!.Value!.Select(i => i.Name!));
        Assert.Equal(4, page.Value![1].Folder!.ChildCount);
        Assert.Equal("https://...", page.OdataNextLink);
        await using var ward = await WardHarness.StartAsync();
        var drive = await LibraryDriveAsync(ward);
        await SendAsync(ward, HttpMethod.Post, $"drives/{drive}/items/root/children", """{"name":"Documents","folder":{}}""");
        await SendAsync(ward, HttpMethod.Put, $"drives/{drive}/items/root:/myfile.txt:/content", FileText, "text/plain");

        var (status, body, _) = await SendAsync(ward, HttpMethod.Get, $"drives/{drive}/items/root/children");

        Assert.Equal(200, status);
        var documented = ExampleJson("driveitem-list-children.response.json").GetProperty("value");
        var items = body.GetProperty("value").EnumerateArray().ToList();
        // @odata.nextLink comes only when there is a next page (the note under the example).
        AssertSameShape(documented[0], items.Single(i => i.TryGetProperty("file", out _)));
        AssertSameShape(documented[1], items.Single(i => i.TryGetProperty("folder", out _)));
    }

    [Fact]
    public async Task Content_DocumentedAnswer_302ToADownloadUrlThatTheAdapterFollows()
    {
        await using var ward = await WardHarness.StartAsync();
        var drive = await LibraryDriveAsync(ward);
        var (_, file, _) = await SendAsync(ward, HttpMethod.Put, $"drives/{drive}/items/root:/FileB.txt:/content", FileText, "text/plain");
        var id = file.GetProperty("id").GetString()!;

        // driveitem-get-content.md: "302 Found" redirecting to a pre-authenticated download URL (no Authorization needed).
        var (status, _, headers) = await SendAsync(ward, HttpMethod.Get, $"drives/{drive}/items/{id}/content");
        using var session = ward.NewSession();
        await using var stream = await session.Connection.Client.Drives[drive].Items[id].Content.GetAsync();
        using var reader = new StreamReader(stream!, Encoding.UTF8);

        Assert.Equal(302, status);
        Assert.NotNull(headers.Location);
        Assert.Equal(FileText, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task SendMail_DocumentedExamples_Answer202WithoutBodyAndMimeErrorIsRead()
    {
        var (code, message, _) = GraphBodies.Error(Example("user-sendmail.mime-error.response.json"));
        Assert.Equal(("ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content."), (code, message));
        await using var ward = await WardHarness.StartAsync();
        var mailbox = ward.Options().SenderMailbox;

        var json = await SendAsync(ward, HttpMethod.Post, $"users/{mailbox}/sendMail", Example("user-sendmail.example1.request.json"));
        var mime = await SendAsync(ward, HttpMethod.Post, $"users/{mailbox}/sendMail", Example("user-sendmail.example4.request.txt"),
            "text/plain");
        var bad = await SendAsync(ward, HttpMethod.Post, $"users/{mailbox}/sendMail", "not base64 !", "text/plain");

        Assert.Equal((202, JsonValueKind.Undefined), (json.Status, json.Body.ValueKind));
        Assert.Equal((202, JsonValueKind.Undefined), (mime.Status, mime.Body.ValueKind));
        Assert.Equal(2, ward.Server.GetStats().MailsSent);
        Assert.Equal(400, bad.Status);
        Assert.Equal("ErrorMimeContentInvalidBase64String", bad.Body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_DocumentedEnvelope_ParsedAsTheAdapterDoesAndLocalEnvelopeHasTheShape()
    {
        using var documentedAnswer = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Example("json-batching.response.json"), Encoding.UTF8, "application/json"),
        };
        var parsed = new BatchResponseContent(documentedAnswer);
        var statuses = await parsed.GetResponsesStatusCodesAsync();
        using var denied = await parsed.GetResponseByIdAsync("3");
        var (code, _, requestId) = GraphBodies.Error(await denied.Content.ReadAsStringAsync());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed,
            HttpStatusCode.OK], statuses.OrderBy(s => s.Key).Select(s => s.Value));
        Assert.Equal(("Authorization_RequestDenied", "93b6f17e-c05d-4f45-ad2a-6665c708d8a0"), (code, requestId));
        await using var ward = await WardHarness.StartAsync();
        var list = await ListContractTests.CreateInventoryAsync(ward);
        var item = await ListContractTests.CreateItemAsync(ward, list, """{"fields":{"Name":"Widget","Color":"Blue","Quantity":2357}}""");
        var site = ward.Server.Tenant.WardSiteId;
        // The documented envelope (requests with id, method, url, headers and body) carrying the adapter's item writes.
        var update = Example("listitem-update.request.json");
        var person = ward.PersonOf("VHXH"); // the documented example is a person's (delegated) request
        var request = $$$"""
            {"requests":[
              {"id":"1","method":"GET","url":"/sites/{{{site}}}/lists/{{{list}}}/items?expand=fields(select=Name,Color,Quantity)"},
              {"id":"2","method":"POST","url":"/sites/{{{site}}}/lists/{{{list}}}/items",
               "headers":{"Content-Type":"application/json","X-LocalM365-Acting-User":"{{{person}}}"},
               "body":{"fields":{"Name":"Gizmo","Color":"Green","Quantity":92} } },
              {"id":"3","method":"PATCH","url":"/sites/{{{site}}}/lists/{{{list}}}/items/{{{item}}}/fields",
               "headers":{"Content-Type":"application/json"},"body":{{{update}}}},
              {"id":"4","method":"GET","url":"/sites/{{{site}}}/lists/no-such-list"}
            ]}
            """;

        var (status, body, _) = await SendAsync(ward, HttpMethod.Post, "$batch", request);

        Assert.Equal(200, status);
        var documented = ExampleJson("json-batching.response.json").GetProperty("responses");
        var answers = body.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(["1", "2", "3", "4"], answers.Keys.Order());
        foreach (var answer in answers.Values)
        {
            AssertKinds(documented[0], answer, "id", "status", "headers", "body");
        }

        Assert.Equal([200, 201, 200, 404], answers.OrderBy(a => a.Key).Select(a => a.Value.GetProperty("status").GetInt32()));
        AssertSameShape(ExampleJson("listitem-list.response.json"), answers["1"].GetProperty("body"));
        AssertSameShape(ExampleJson("listitem-create.response.json"), answers["2"].GetProperty("body"));
        AssertSameShape(ExampleJson("listitem-update.response.json"), answers["3"].GetProperty("body"));
        AssertSameShape(documented[2].GetProperty("body"), answers["4"].GetProperty("body"), absent: ["date", "client-request-id"]);
    }

    private static void AssertKinds(JsonElement documented, JsonElement local, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(local.TryGetProperty(name, out var actual), "local answer lacks " + name + ": " + local.GetRawText());
            Assert.Equal(documented.GetProperty(name).ValueKind, actual.ValueKind);
        }
    }

    private static async Task<string> LibraryDriveAsync(WardHarness ward)
    {
        var library = await ListContractTests.CreateListAsync(ward,
            """{"displayName":"Tài liệu thử","list":{"template":"documentLibrary"}}""");
        var (_, drive, _) = await SendAsync(ward, HttpMethod.Get, $"sites/{ward.Server.Tenant.WardSiteId}/lists/{library}/drive");
        return drive.GetProperty("id").GetString()!;
    }
}
