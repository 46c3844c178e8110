using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DanVan365.Functions.Security;
using DanVan365.TestUtilities;

namespace DanVan365.Functions.Tests.Security;

/// <summary>Shares one in-process host (local Graph, TestServer, test signing key) across the tests of a class.</summary>
public sealed class SecuredHostFixture : IAsyncLifetime
{
    public TestTokens Tokens { get; } = new();

    public SecuredFunctionsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SecuredFunctionsHost.StartAsync(Tokens);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Tokens.Dispose();
    }
}

/// <summary>Deny by default: every HTTP trigger refuses a call without a valid token before the function runs.</summary>
public class EntraAuthenticationMiddlewareTests(SecuredHostFixture fixture) : IClassFixture<SecuredHostFixture>
{
    private static readonly string AdminObjectId = Guid.NewGuid().ToString();

    private SecuredFunctionsHost Host => fixture.Host;

    public static TheoryData<string> SpoiledTokens => ["wrong-audience", "other-tenant", "expired", "unsigned", "unknown-key", "garbage"];

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Host.Client.SendAsync(request);
    }

    private static async Task AssertRefused401Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.StartsWith("Cần đăng nhập", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AnonymousCallToEveryHttpTriggerInMetadata_401BeforeTheFunctionRuns()
    {
        var triggers = FunctionsMetadataFile.HttpTriggers();
        Assert.True(triggers.Count >= 5, $"only {triggers.Count} HTTP triggers in functions.metadata");
        Host.Ran.Clear();
        Host.Queue.Messages.Clear();

        foreach (var function in triggers)
        {
            Assert.NotEmpty(function.Methods);
            foreach (var method in function.Methods)
            {
                var verb = new HttpMethod(method.ToUpperInvariant());
                using var anonymous = await SendAsync(verb, function.SamplePath(), token: null, json: "{}");
                await AssertRefused401Async(anonymous);
                using var garbage = await SendAsync(verb, function.SamplePath(), "not-a-token", "{}");
                await AssertRefused401Async(garbage);
            }
        }

        Assert.Empty(Host.Ran);
        Assert.Empty(Host.Queue.Messages);
    }

    [Fact]
    public async Task Invoke_ValidAdminToken_FunctionRunsAndEnqueuesEveryWard()
    {
        Host.Queue.Messages.Clear();
        var token = fixture.Tokens.Create(AdminObjectId, [AppRoles.Admin]);

        using var response = await SendAsync(HttpMethod.Post, "/api/dispatch/PullPlannerProgress", token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("DispatchWards", Host.Ran);
        Assert.Equal(2, Host.Queue.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task Invoke_AdminTokenSpoiled_401AndNothingEnqueued(string spoiled)
    {
        Host.Queue.Messages.Clear();
        Host.Ran.Clear();
        var tokens = fixture.Tokens;
        string[] admin = [AppRoles.Admin];
        var token = spoiled switch
        {
            "wrong-audience" => tokens.Create(AdminObjectId, admin, audience: "api://another-api"),
            "other-tenant" => tokens.Create(AdminObjectId, admin, tenant: TestTokens.OtherTenant),
            "expired" => tokens.Create(AdminObjectId, admin, expiresIn: TimeSpan.FromMinutes(-30)),
            "unsigned" => tokens.Create(AdminObjectId, admin, signed: false),
            "unknown-key" => tokens.Create(AdminObjectId, admin, otherKey: true),
            _ => "eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
        };

        using var response = await SendAsync(HttpMethod.Post, "/api/dispatch/PullPlannerProgress", token);

        await AssertRefused401Async(response);
        Assert.Empty(Host.Ran);
        Assert.Empty(Host.Queue.Messages);
    }

    [Fact]
    public void Create_Unsigned_HeaderSaysAlgNone()
    {
        var token = fixture.Tokens.Create(AdminObjectId, [AppRoles.Admin], signed: false);

        var header = Encoding.UTF8.GetString(Base64UrlDecode(token.Split('.')[0]));

        Assert.Contains("\"none\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ReporterSubmitsForAnotherUnit_403()
    {
        var assignee = DanVan365.Core.Units.UnitDirectory.LoadDefault().People
            .First(p => p.Unit == "KTHTDT" && p.Role == DanVan365.Core.Units.PersonRoles.Assignee).ObjectId!;
        var token = fixture.Tokens.Create(assignee, [AppRoles.Reporter]);

        using var response = await SendAsync(HttpMethod.Post, "/api/submissions", token, Body(SecuredFunctionsHost.HaiAn, "VP"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_ReporterSubmitsInAnotherWard_403()
    {
        var token = fixture.Tokens.Create(VhxhHeadObjectId(), [AppRoles.Reporter]);

        using var response = await SendAsync(HttpMethod.Post, "/api/submissions", token, Body(SecuredFunctionsHost.LamHa, "VHXH"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_ReporterReadsStatusOfAnotherWard_403()
    {
        var token = fixture.Tokens.Create(VhxhHeadObjectId(), [AppRoles.Reporter]);

        using var response = await SendAsync(HttpMethod.Get, "/api/status?ward=" + SecuredFunctionsHost.LamHa, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_LamHaReporterReadsStatusOfHaiAn_403()
    {
        var token = fixture.Tokens.Create(SecuredFunctionsHost.LamHaHeadObjectId, [AppRoles.Reporter]);

        using var response = await SendAsync(HttpMethod.Get, "/api/status?ward=" + SecuredFunctionsHost.HaiAn, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_ReporterUnknownObjectIdSubmits_403()
    {
        var token = fixture.Tokens.Create(
            Guid.NewGuid().ToString(), [AppRoles.Reporter], preferredUsername: "vhxh.truong@haian.example.vn");

        using var response = await SendAsync(HttpMethod.Post, "/api/submissions", token, Body(SecuredFunctionsHost.HaiAn, "VHXH"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_ReporterWithRenamedEmailSubmitsForOwnUnit_PassesAuthorization()
    {
        var token = fixture.Tokens.Create(VhxhHeadObjectId(), [AppRoles.Reporter], preferredUsername: "hong.pham.moi@haian.example.vn");
        Host.Ran.Clear();

        using var response = await SendAsync(HttpMethod.Post, "/api/submissions", token, Body(SecuredFunctionsHost.HaiAn, "VHXH"));

        Assert.Contains("SubmitReport", Host.Ran);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string VhxhHeadObjectId() =>
        Bundled.Units.People.Single(p => p.Unit == "VHXH" && p.Role == "head").ObjectId!;

    private static string Body(string ward, string unit) =>
        $$"""{"ward":"{{ward}}","unit":"{{unit}}","round":1,"catalogueVersion":"1","rows":[{"code":"1.1","result":"Đã làm"}]}""";

    private static byte[] Base64UrlDecode(string text) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(text);
}
