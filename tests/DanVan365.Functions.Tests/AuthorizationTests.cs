using DanVan365.Functions.Security;
using DanVan365.Functions.Tests.Support;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.Functions.Tests;

public class AuthorizationTests
{
    /// <summary>The bundled decision's aggregating unit (Phòng Văn hóa - Xã hội).</summary>
    private const string Aggregating = "VHXH";

    [Fact]
    public void RequireRole_Anonymous_Unauthenticated401()
    {
        var decision = CallerAuthorizer.RequireRole(Principals.Anonymous, AppRoles.Admin);

        Assert.Equal(AuthOutcome.Unauthenticated, decision.Outcome);
        Assert.Equal(401, decision.StatusCode);
    }

    [Fact]
    public void RequireRole_NullPrincipal_Unauthenticated401()
    {
        Assert.Equal(401, CallerAuthorizer.RequireRole(null, AppRoles.Admin).StatusCode);
    }

    [Fact]
    public void RequireRole_ReporterForAdminCall_Forbidden403()
    {
        var decision = CallerAuthorizer.RequireRole(Principals.User("vhxh.truong@haian.example.vn", AppRoles.Reporter), AppRoles.Admin);

        Assert.Equal(AuthOutcome.Forbidden, decision.Outcome);
        Assert.Equal(403, decision.StatusCode);
    }

    [Fact]
    public void RequireRole_NoRoles_Forbidden403()
    {
        Assert.Equal(403, CallerAuthorizer.RequireRole(Principals.User("someone@haian.example.vn"), AppRoles.Reporter).StatusCode);
    }

    [Fact]
    public void RequireRole_Admin_Allowed()
    {
        Assert.True(CallerAuthorizer.RequireRole(Principals.User("admin@haian.example.vn", AppRoles.Admin), AppRoles.Admin).Allowed);
    }

    [Fact]
    public void RequireRole_RoleAsMappedClaimType_Allowed()
    {
        var caller = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, AppRoles.Admin)], "Bearer"));

        Assert.True(CallerAuthorizer.RequireRole(caller, AppRoles.Admin).Allowed);
    }

    [Fact]
    public void RequireRole_RoleNameDiffersInCase_Forbidden403()
    {
        Assert.Equal(403, CallerAuthorizer.RequireRole(Principals.User("a@haian.example.vn", "danvan.admin"), AppRoles.Admin).StatusCode);
    }

    [Fact]
    public void RequireReporterOf_HeadOfTheUnit_Allowed()
    {
        var head = Units.Get("VHXH").Head!;

        Assert.True(CallerAuthorizer.RequireReporterOf(Principals.User(head.ToUpperInvariant(), AppRoles.Reporter), "VHXH", Units,
            Aggregating).Allowed);
    }

    [Fact]
    public void RequireReporterOf_AssigneeOfTheUnit_Allowed()
    {
        var unit = Units.Units.First(u => u.Assignees.Count > 0);

        Assert.True(CallerAuthorizer.RequireReporterOf(Principals.User(unit.Assignees[0], AppRoles.Reporter), unit.Code, Units,
            Aggregating).Allowed);
    }

    [Fact]
    public void RequireReporterOf_AnotherUnit_Forbidden403()
    {
        var head = Units.Get("KTHTDT").Head!;

        var decision = CallerAuthorizer.RequireReporterOf(Principals.User(head, AppRoles.Reporter), "VP", Units, Aggregating);

        Assert.Equal(403, decision.StatusCode);
    }

    [Fact]
    public void RequireReporterOf_AggregatingUnitsHeadForAnotherUnit_AllowedAsALibraryUploadIs()
    {
        var head = Units.Get(Aggregating).Head!;

        Assert.True(CallerAuthorizer.RequireReporterOf(Principals.User(head, AppRoles.Reporter), "VP", Units, Aggregating).Allowed);
        Assert.Equal(403, CallerAuthorizer.RequireReporterOf(Principals.User(head, AppRoles.Reporter), "VP", Units, null).StatusCode);
    }

    [Fact]
    public void RequirePossibleSubmitter_AssigneeOfAnotherUnit_Forbidden403BeforeTheDecisionIsRead()
    {
        var assignee = Units.Units.First(u => u.Code != "VP" && u.Assignees.Count > 0).Assignees[0];

        Assert.Equal(403, CallerAuthorizer.RequirePossibleSubmitter(Principals.User(assignee, AppRoles.Reporter), "VP", Units).StatusCode);
        Assert.Equal(403, CallerAuthorizer.RequirePossibleSubmitter(Principals.User(null, AppRoles.Reporter), "VP", Units).StatusCode);
    }

    [Fact]
    public void RequirePossibleSubmitter_UnitsPersonOrAnyUnitsHead_AllowedUntilTheDecisionSays()
    {
        var vpAssignee = Units.Get("VP").Assignees[0];

        Assert.True(CallerAuthorizer.RequirePossibleSubmitter(Principals.User(vpAssignee, AppRoles.Reporter), "VP", Units).Allowed);
        Assert.True(CallerAuthorizer.RequirePossibleSubmitter(Principals.User(Units.Get("KTHTDT").Head!, AppRoles.Reporter), "VP",
            Units).Allowed);
        Assert.Equal(403, CallerAuthorizer.RequirePossibleSubmitter(Principals.User(vpAssignee, AppRoles.Admin), "VP", Units).StatusCode);
    }

    [Fact]
    public void RequireReporterOf_AdminWithoutReporterRole_Forbidden403()
    {
        var head = Units.Get("VHXH").Head!;

        Assert.Equal(403,
            CallerAuthorizer.RequireReporterOf(Principals.User(head, AppRoles.Admin), "VHXH", Units, Aggregating).StatusCode);
    }

    [Fact]
    public void RequireReporterOf_Anonymous_Unauthenticated401()
    {
        Assert.Equal(401, CallerAuthorizer.RequireReporterOf(Principals.Anonymous, "VHXH", Units, Aggregating).StatusCode);
    }

    [Fact]
    public void RequireReporterOf_ReporterWithoutSignInName_Forbidden403()
    {
        Assert.Equal(403,
            CallerAuthorizer.RequireReporterOf(Principals.User(null, AppRoles.Reporter), "VHXH", Units, Aggregating).StatusCode);
    }
}
