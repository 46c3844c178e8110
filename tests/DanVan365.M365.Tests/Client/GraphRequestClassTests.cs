using DanVan365.M365.Client;

namespace DanVan365.M365.Tests.Client;

public class GraphRequestClassTests
{
    [Theory]
    [InlineData("GET", "/v1.0/sites/contoso.sharepoint.com:/sites/phuong-hai-an:", 1)]
    [InlineData("GET", "/v1.0/sites/s1/lists/l1/items/5", 1)]
    [InlineData("GET", "/v1.0/sites/s1/lists/l1/items?$expand=fields&$top=999", 2)]
    [InlineData("GET", "/v1.0/sites/s1/lists/l1/items/delta?token=abc", 1)]
    [InlineData("GET", "/v1.0/sites/s1/lists/l1/items/delta", 2)]
    [InlineData("GET", "/v1.0/drives/d1/items/i1/content", 1)]
    [InlineData("POST", "/v1.0/sites/s1/lists/l1/items", 2)]
    [InlineData("PATCH", "/v1.0/sites/s1/lists/l1/items/5/fields", 2)]
    [InlineData("DELETE", "/v1.0/drives/d1/items/i1", 2)]
    [InlineData("POST", "/v1.0/drives/d1/items/i1/permissions", 5)]
    [InlineData("GET", "/v1.0/drives/d1/items/i1?$expand=permissions", 5)]
    [InlineData("POST", "/v1.0/planner/tasks", 0)]
    [InlineData("GET", "/v1.0/users/a@b.vn", 0)]
    public void Of_SharePointCosts_AsDocumented(string method, string url, int units) =>
        Assert.Equal(units, GraphRequestClass.Of(method, url).ResourceUnits);

    [Fact]
    public void Of_SendMail_MailServiceNotIdempotentMailboxNotInOperation()
    {
        var request = GraphRequestClass.Of("POST", "/v1.0/users/ubnd%40haian.example.vn/sendMail");

        Assert.Equal(GraphService.Mail, request.Service);
        Assert.True(request.SendMail);
        Assert.False(request.Idempotent);
        Assert.Equal("ubnd@haian.example.vn", request.Mailbox);
        Assert.Equal("POST users/{}/sendMail", request.Operation);
    }

    [Theory]
    [InlineData("POST", false)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    [InlineData("GET", true)]
    public void Of_Method_IdempotentOnlyWhenRepeatingIsHarmless(string method, bool idempotent) =>
        Assert.Equal(idempotent, GraphRequestClass.Of(method, "/v1.0/planner/tasks/t1").Idempotent);
}
