using System.Security.Claims;
using DanVan365.Core.Units;
using DanVan365.Functions.Security;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.Functions.Tests.Security;

/// <summary>People are matched by their Entra object id ("oid"), never by e-mail, UPN or name.</summary>
public class CallerAuthorizerTests
{
    private const string MappedObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private static string ObjectIdOf(string unit, string role) => Units.People.First(p => p.Unit == unit && p.Role == role).ObjectId!;

    private static ClaimsPrincipal Caller(string? objectId, string? email, params string[] roles)
    {
        var claims = new List<Claim>();
        if (objectId is not null)
        {
            claims.Add(new Claim("oid", objectId));
        }

        if (email is not null)
        {
            claims.Add(new Claim("preferred_username", email));
            claims.Add(new Claim("email", email));
        }

        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }

    [Fact]
    public void UnitsOf_ObjectIdOfTheHead_TheirUnit()
    {
        Assert.Equal(["VHXH"], CallerAuthorizer.UnitsOf(Caller(ObjectIdOf("VHXH", "head"), null), Units));
    }

    [Fact]
    public void UnitsOf_ObjectIdAsMappedClaimTypeInUpperCase_TheirUnit()
    {
        var caller = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(MappedObjectIdClaim, ObjectIdOf("VP", "assignee").ToUpperInvariant())], "Bearer"));

        Assert.Equal(["VP"], CallerAuthorizer.UnitsOf(caller, Units));
    }

    [Fact]
    public void UnitsOf_HeadsEmailWithAnotherObjectId_None()
    {
        var head = Units.Get("VHXH").Head!;

        Assert.Empty(CallerAuthorizer.UnitsOf(Caller(Guid.NewGuid().ToString(), head), Units));
    }

    [Fact]
    public void UnitsOf_HeadsEmailWithoutObjectId_None()
    {
        Assert.Empty(CallerAuthorizer.UnitsOf(Caller(null, Units.Get("VHXH").Head!), Units));
    }

    [Fact]
    public void UnitsOf_TwoDifferentObjectIds_None()
    {
        var caller = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("oid", ObjectIdOf("VHXH", "head")), new Claim(MappedObjectIdClaim, Guid.NewGuid().ToString())],
            "Bearer"));

        Assert.Empty(CallerAuthorizer.UnitsOf(caller, Units));
    }

    [Fact]
    public void RequireReporterOf_RenamedEmailSameObjectId_Allowed()
    {
        var caller = Caller(ObjectIdOf("VHXH", "head"), "pham.thi.hong.moi@haian.example.vn", AppRoles.Reporter);

        Assert.True(CallerAuthorizer.RequireReporterOf(caller, "VHXH", Units, "VHXH").Allowed);
    }

    [Fact]
    public void RequireReporterOf_UnknownObjectId_Forbidden403()
    {
        var caller = Caller(Guid.NewGuid().ToString(), Units.Get("VHXH").Head, AppRoles.Reporter);

        Assert.Equal(403, CallerAuthorizer.RequireReporterOf(caller, "VHXH", Units, "VHXH").StatusCode);
    }

    [Fact]
    public void RequireReporterOf_PersonWithoutObjectIdInDirectory_MatchedByNobody()
    {
        var directory = UnitDirectory.FromJson(
            """
            {"units":[{"code":"VP","name":"Văn phòng","kind":"office","head":{"email":"vp@ward.example.vn"},
             "assignees":[{"email":"a@ward.example.vn","objectId":""}]}]}
            """,
            "units.json");

        Assert.All(directory.People, p => Assert.Null(p.ObjectId));
        var head = Caller(Guid.NewGuid().ToString(), "vp@ward.example.vn", AppRoles.Reporter);
        var assignee = Caller(Guid.Empty.ToString(), "a@ward.example.vn", AppRoles.Reporter);
        Assert.Equal(403, CallerAuthorizer.RequireReporterOf(head, "VP", directory, "VP").StatusCode);
        Assert.Equal(403, CallerAuthorizer.RequireReporterOf(assignee, "VP", directory, "VP").StatusCode);
    }

    [Fact]
    public void RequireWardMember_ReporterNamedByTheDirectory_Allowed()
    {
        Assert.True(CallerAuthorizer.RequireWardMember(Caller(ObjectIdOf("VP", "head"), null, AppRoles.Reporter), Units).Allowed);
    }

    [Fact]
    public void RequireWardMember_ReporterNotNamedByTheDirectory_Forbidden403()
    {
        var stranger = Caller(Guid.NewGuid().ToString(), "vp.truong@haian.example.vn", AppRoles.Reporter);

        Assert.Equal(403, CallerAuthorizer.RequireWardMember(stranger, Units).StatusCode);
    }

    [Fact]
    public void RequireWardMember_AdminNotInTheDirectory_Allowed()
    {
        Assert.True(CallerAuthorizer.RequireWardMember(Caller(Guid.NewGuid().ToString(), null, AppRoles.Admin), Units).Allowed);
    }

    [Fact]
    public void RequireWardMember_Anonymous_Unauthenticated401()
    {
        Assert.Equal(401, CallerAuthorizer.RequireWardMember(new ClaimsPrincipal(new ClaimsIdentity()), Units).StatusCode);
    }

    [Fact]
    public void PersonOf_ObjectIdOfTheHead_TheirDirectoryAddressNotTheTokens()
    {
        var head = Units.People.First(p => p.Unit == "VHXH" && p.Role == "head");

        var person = CallerAuthorizer.PersonOf(Caller(head.ObjectId, "renamed@elsewhere.example.vn", AppRoles.Reporter), Units);

        Assert.Equal(head.Email, person);
    }

    [Fact]
    public void RequireDirectoryPerson_StrangerWithTheHeadsEmail_Forbidden403()
    {
        var head = Units.People.First(p => p.Unit == "VHXH" && p.Role == "head");
        var stranger = Caller(Guid.NewGuid().ToString(), head.Email, AppRoles.Reporter);

        Assert.Equal(403, CallerAuthorizer.RequireDirectoryPerson(stranger, Units, orAdmin: true).StatusCode);
        Assert.Null(CallerAuthorizer.PersonOf(stranger, Units));
    }

    [Theory]
    [InlineData(true, 200)]
    [InlineData(false, 403)]
    public void RequireDirectoryPerson_AdminNotInTheDirectory_AllowedOnlyWhenAdminsMay(bool orAdmin, int status)
    {
        var admin = Caller(Guid.NewGuid().ToString(), null, AppRoles.Admin);

        Assert.Equal(status, CallerAuthorizer.RequireDirectoryPerson(admin, Units, orAdmin).StatusCode);
    }

    [Fact]
    public void RequireDirectoryPerson_Anonymous_Unauthenticated401()
    {
        Assert.Equal(401, CallerAuthorizer.RequireDirectoryPerson(new ClaimsPrincipal(new ClaimsIdentity()), Units,
            orAdmin: true).StatusCode);
    }

    [Fact]
    public async Task BundledDirectory_ObjectIds_AreTheLocalGraphsSeededUserIds()
    {
        await using var harness = await WardHarness.StartAsync();
        using var session = harness.NewSession();
        var people = Units.People.Where(p => p.ObjectId is not null).ToList();

        Assert.True(people.Count >= 20, $"{people.Count} people with object ids");
        foreach (var person in people)
        {
            // /users/{id | userPrincipalName} only (user-get.md): a person whose mail differs from the sign-in name is
            // found by $filter on mail, as the adapter does.
            var found = await session.Connection.Client.Users.GetAsync(r => r.QueryParameters.Filter = $"mail eq '{person.Email}'");
            var user = Assert.Single(found!.Value!);
            Assert.Equal(user.Id, person.ObjectId);
        }
    }

    [Fact]
    public void BundledDirectory_EveryUnitPerson_HasADistinctObjectId()
    {
        var unitPeople = Units.People.Where(p => p.Role is "head" or "assignee").ToList();

        Assert.All(unitPeople, p => Assert.NotNull(p.ObjectId));
        Assert.Equal(
            unitPeople.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            unitPeople.Select(p => p.ObjectId).Distinct().Count());
    }
}
