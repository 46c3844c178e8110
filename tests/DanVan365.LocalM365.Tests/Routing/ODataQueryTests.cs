using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Tests.Routing;

public class ODataQueryTests
{
    [Fact]
    public void Select_Names_KeepsThemWithIdAndAnnotations()
    {
        var item = new JsonObject { ["id"] = "1", ["@odata.etag"] = "\"e,1\"", ["name"] = "a.docx", ["size"] = 10, ["webUrl"] = "u" };

        var selected = ODataQuery.Select(item, "NAME, size");

        Assert.Equal(["id", "@odata.etag", "name", "size"], selected.Select(p => p.Key));
        Assert.Equal(5, item.Count);
    }

    [Fact]
    public void Select_NoSelect_ReturnsTheObject()
    {
        var item = new JsonObject { ["id"] = "1", ["name"] = "x" };

        Assert.Same(item, ODataQuery.Select(item, " "));
    }

    [Fact]
    public void Expand_NestedSelect_ReadsEachPart()
    {
        var expand = ODataQuery.Expand("fields($select=Title,LastDay),driveItem,columns($top=5)");

        Assert.Equal("Title,LastDay", expand["fields"]);
        Assert.True(expand.ContainsKey("DRIVEITEM"));
        Assert.Null(expand["driveItem"]);
        Assert.Equal(string.Empty, expand["columns"]);
    }

    [Theory]
    [InlineData("list|5|Đợt 3/Nộp")]
    [InlineData("a")]
    [InlineData("")]
    public void DecodeToken_EncodedToken_RoundTrips(string value)
    {
        var token = ODataQuery.EncodeToken(value);

        Assert.DoesNotContain('=', token);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.Equal(value.Length == 0 ? null : value, ODataQuery.DecodeToken(token));
    }

    [Fact]
    public void DecodeToken_NotBase64_BadRequest()
    {
        var ex = Assert.Throws<GraphException>(() => ODataQuery.DecodeToken("%%%"));

        Assert.Equal(400, ex.Status);
    }
}
