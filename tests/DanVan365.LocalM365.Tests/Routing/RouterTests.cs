using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Tests.Routing;

public class RouterTests
{
    private static readonly Func<OperationContext, LocalM365.Routing.GraphResponse> Handler =
        _ => throw new InvalidOperationException("not called");

    private static Router Routes()
    {
        var router = new Router();
        router.Add("GET", "sites/{}/lists/{}/items", Handler);
        router.Add("POST", "sites/{}/lists/{}/items", Handler);
        router.Add("GET", "drives/{}/items/{}/content", Handler);
        router.Add("GET", "sites/{}/lists/{}/items/delta", Handler);
        return router;
    }

    [Fact]
    public void Match_TemplateWithParameters_CapturesTheSegmentsInOrder()
    {
        var match = Routes().Match("POST", "/Sites/s1/Lists/l1/items", out var known);

        Assert.True(known);
        Assert.Equal("POST", match.Route.Method);
        Assert.Equal(["s1", "l1"], match.Values);
    }

    [Fact]
    public void Match_PathAddressedItem_OneSegmentThroughItems()
    {
        var match = Routes().Match("GET", "/drives/d1/root:/2026/Đợt 3/Nộp/VP.docx:/content", out _);

        Assert.Equal(["d1", "root:/2026/Đợt 3/Nộp/VP.docx"], match.Values);
    }

    [Fact]
    public void Match_FunctionCalledWithParentheses_SameRouteAsWithout()
    {
        var withParentheses = Routes().Match("GET", "/sites/s1/lists/l1/items/delta()", out _);

        Assert.Equal("sites/{}/lists/{}/items/delta", withParentheses.Route.Template);
    }

    [Fact]
    public void Match_KnownPathOtherMethod_MethodNotAllowed()
    {
        var ex = Assert.Throws<GraphException>(() => Routes().Match("DELETE", "/sites/s1/lists/l1/items", out _));

        Assert.Equal(405, ex.Status);
    }

    [Fact]
    public void Match_UnknownPath_BadRequestNamingTheLastSegment()
    {
        var ex = Assert.Throws<GraphException>(() => Routes().Match("GET", "/sites/s1/pages", out _));

        Assert.Equal(400, ex.Status);
        Assert.Contains("'pages'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_SiteDriveRoot_GoesThroughTheDrivesItems()
    {
        Assert.Equal(["sites", "s1", "drive", "items", "root:/Quyết định"], Router.Tokenize("/sites/s1/drive/root:/Quyết định:"));
    }
}
