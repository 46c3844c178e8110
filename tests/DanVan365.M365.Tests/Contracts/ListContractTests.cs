using System.Text.Json;
using DanVan365.M365.Client;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.M365.Tests.Contracts.ContractShapes;

namespace DanVan365.M365.Tests.Contracts;

/// <summary>
/// SharePoint lists as the adapter uses them (list-create.md, list-get.md, list-list-columns.md, list-post-columns.md,
/// listitem-list.md, listitem-create.md, listitem-update.md): the documented example response goes through the
/// adapter's parsing, and the local Graph answers the documented example request with the documented shape.
/// </summary>
public class ListContractTests
{
    [Fact]
    public async Task ListCreate_DocumentedExample_ParsesIdAndLocalAnswerHasTheShape()
    {
        var list = await DeserializeAsync(Example("list-create.response.json"), List.CreateFromDiscriminatorValue);
        Assert.Equal("22e03ef3-6ef4-424d-a1d3-92a337807c30", list!.Id);
        await using var ward = await WardHarness.StartAsync();

        var (status, body, _) = await SendAsync(ward, HttpMethod.Post, $"sites/{ward.Server.Tenant.WardSiteId}/lists",
            Example("list-create.request.json"));

        Assert.Equal(201, status);
        AssertSameShape(ExampleJson("list-create.response.json"), body);
    }

    [Fact]
    public async Task ListGet_DocumentedExample_ParsesTemplateAndLocalAnswerHasTheShape()
    {
        var list = await DeserializeAsync(Example("list-get.example1.response.json"), List.CreateFromDiscriminatorValue);
        Assert.Equal("genericList", list!.ListProp!.Template);
        Assert.False(list.ListProp.Hidden);
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateListAsync(ward, Example("list-create.request.json"));

        var (status, body, _) = await SendAsync(ward, HttpMethod.Get, $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}");

        Assert.Equal(200, status);
        AssertSameShape(ExampleJson("list-get.example1.response.json"), body);
    }

    [Fact]
    public async Task ColumnsList_DocumentedExample_ParsesNamesAndHiddenAndLocalAnswerHasTheShape()
    {
        var columns = await DeserializeAsync(Example("list-list-columns.response.json"),
            ColumnDefinitionCollectionResponse.CreateFromDiscriminatorValue);
        Assert.Equal(["Title", "Address"], columns!.Value!.Select(c => c.Name!));
        Assert.False(columns.Value![0].Hidden);
        Assert.Equal(255, columns.Value[1].Text!.MaxLength);
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateListAsync(ward, Example("list-create.request.json"));

        var (status, body, _) = await SendAsync(ward, HttpMethod.Get, $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/columns");
        // The adapter's request: hidden is asked for, so hidden definitions are listed too (resources/columndefinition.md).
        var (selectedStatus, selected, _) = await SendAsync(ward, HttpMethod.Get,
            $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/columns?$select=name,hidden");

        Assert.Equal(200, status);
        var title = body.GetProperty("value").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Title");
        AssertSameShape(ExampleJson("list-list-columns.response.json").GetProperty("value")[0], title);
        Assert.Equal(200, selectedStatus);
        Assert.All(selected.GetProperty("value").EnumerateArray(), c => Assert.True(c.TryGetProperty("hidden", out var h)
            && h.ValueKind is JsonValueKind.True or JsonValueKind.False));
        Assert.True(selected.GetProperty("value").GetArrayLength() >= body.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task ColumnCreate_DocumentedExample_ParsesAndLocalAnswerHasTheShape()
    {
        var column = await DeserializeAsync(Example("list-post-columns.response.json"),
            ColumnDefinition.CreateFromDiscriminatorValue);
        Assert.Equal("Title", column!.Name);
        Assert.False(column.EnforceUniqueValues);
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateListAsync(ward, Example("list-create.request.json"));
        // The documented request names the column "Title", which every generic list already has: renamed, the rest as documented.
        var request = Example("list-post-columns.request.json").Replace("\"Title\"", "\"Subtitle\"", StringComparison.Ordinal);

        var (status, body, _) = await SendAsync(ward, HttpMethod.Post, $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/columns",
            request);

        Assert.Equal(201, status);
        AssertSameShape(ExampleJson("list-post-columns.response.json"), body);
    }

    [Fact]
    public async Task ColumnUpdate_DisplayName_ParsesAndLocalAnswerHasTheDocumentedShape()
    {
        var documented = await DeserializeAsync(Example("columndefinition-update.response.json"),
            ColumnDefinition.CreateFromDiscriminatorValue);
        Assert.Equal("Custom Column", documented!.DisplayName);
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateListAsync(ward, Example("list-create.request.json"));
        var columns = $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/columns";
        var (_, created, _) = await SendAsync(ward, HttpMethod.Post, columns, """{"name":"Subtitle","text":{}}""");
        var columnId = created.GetProperty("id").GetString();

        var (status, body, _) = await SendAsync(ward, HttpMethod.Patch, $"{columns}/{columnId}", """{"displayName":"Phụ đề"}""");
        var (refused, _, _) = await SendAsync(ward, HttpMethod.Patch, $"{columns}/{columnId}", """{"id":"x"}""");

        Assert.Equal(200, status);
        AssertSameShape(ExampleJson("columndefinition-update.response.json"), body);
        Assert.Equal("Phụ đề", body.GetProperty("displayName").GetString());
        Assert.Equal("Subtitle", body.GetProperty("name").GetString());
        Assert.Equal(400, refused);
    }

    [Fact]
    public async Task ItemsList_DocumentedExample_AdapterReadsFieldsAndLocalAnswerHasTheShape()
    {
        var page = await DeserializeAsync(Example("listitem-list.response.json"),
            ListItemCollectionResponse.CreateFromDiscriminatorValue);
        var first = page!.Value![0];
        Assert.Equal("2", first.Id);
        Assert.Equal("Red", GraphBodies.AsString(first.Fields!.AdditionalData["Color"]));
        Assert.Equal("503", GraphBodies.AsString(first.Fields.AdditionalData["Quantity"]));
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateInventoryAsync(ward);
        foreach (var (name, color, quantity) in new[] { ("Gadget", "Red", 503), ("Widget", "Blue", 2357), ("Gizmo", "Green", 92) })
        {
            await CreateItemAsync(ward, id, $"{{\"fields\":{{\"Name\":\"{name}\",\"Color\":\"{color}\",\"Quantity\":{quantity}}}}}");
        }

        var (status, body, _) = await SendAsync(ward, HttpMethod.Get,
            $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/items?expand=fields(select=Name,Color,Quantity)");

        Assert.Equal(200, status);
        AssertSameShape(ExampleJson("listitem-list.response.json"), body);
        Assert.Equal(3, body.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task ItemCreate_DocumentedExample_ParsesIdAndLocalAnswerHasTheShape()
    {
        var item = await DeserializeAsync(Example("listitem-create.response.json"),
            ListItem.CreateFromDiscriminatorValue);
        Assert.Equal("20", item!.Id);
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateListAsync(ward, """
            {"displayName":"Widgets","columns":[{"name":"Color","text":{}},{"name":"Weight","number":{}}],"list":{"template":"genericList"}}
            """);

        // The documented example is a person's request (delegated): createdBy names the user, as it does for a member here.
        var (status, body, _) = await SendAsync(ward, HttpMethod.Post, $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/items",
            Example("listitem-create.request.json"), ("X-LocalM365-Acting-User", ward.PersonOf("VHXH")));

        Assert.Equal(201, status);
        AssertSameShape(ExampleJson("listitem-create.response.json"), body);
    }

    [Fact]
    public async Task ItemFieldsUpdate_DocumentedExample_AdapterReadsValuesAndLocalAnswerHasTheShape()
    {
        var fields = await DeserializeAsync(Example("listitem-update.response.json"),
            FieldValueSet.CreateFromDiscriminatorValue);
        Assert.Equal("Fuchsia", GraphBodies.AsString(fields!.AdditionalData["Color"]));
        Assert.Equal("934", GraphBodies.AsString(fields.AdditionalData["Quantity"]));
        await using var ward = await WardHarness.StartAsync();
        var id = await CreateInventoryAsync(ward);
        var item = await CreateItemAsync(ward, id, """{"fields":{"Name":"Widget","Color":"Blue","Quantity":2357}}""");

        var (status, body, _) = await SendAsync(ward, HttpMethod.Patch,
            $"sites/{ward.Server.Tenant.WardSiteId}/lists/{id}/items/{item}/fields", Example("listitem-update.request.json"));

        Assert.Equal(200, status);
        AssertSameShape(ExampleJson("listitem-update.response.json"), body);
        Assert.Equal("Fuchsia", body.GetProperty("Color").GetString());
        Assert.Equal(934, body.GetProperty("Quantity").GetDouble());
    }

    internal static async Task<string> CreateListAsync(WardHarness ward, string json)
    {
        var (status, body, _) = await SendAsync(ward, HttpMethod.Post, $"sites/{ward.Server.Tenant.WardSiteId}/lists", json);
        Assert.Equal(201, status);
        return body.GetProperty("id").GetString()!;
    }

    internal static Task<string> CreateInventoryAsync(WardHarness ward) => CreateListAsync(ward, """
        {"displayName":"Inventory","columns":[{"name":"Name","text":{}},{"name":"Color","text":{}},{"name":"Quantity","number":{}}],
         "list":{"template":"genericList"}}
        """);

    internal static async Task<string> CreateItemAsync(WardHarness ward, string listId, string json)
    {
        var (status, body, _) = await SendAsync(ward, HttpMethod.Post, $"sites/{ward.Server.Tenant.WardSiteId}/lists/{listId}/items", json);
        Assert.Equal(201, status);
        return body.GetProperty("id").GetString()!;
    }
}
