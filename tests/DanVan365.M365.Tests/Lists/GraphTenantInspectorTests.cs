using DanVan365.Core.Lockdown;
using DanVan365.Core.Units;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Lists;

/// <summary>
/// `danvan365 doctor --tenant` against the local Graph playing the tenant: the site grant cannot be read with the app's
/// Sites.Selected (site-list-permissions.md asks Sites.FullControl.All), the group and the directory's people can.
/// </summary>
public class GraphTenantInspectorTests
{
    [Fact]
    public async Task CheckAsync_LocalWardWithTheBundledDirectory_GrantUnverifiedGroupAndPeopleInPlace()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var units = UnitDirectory.LoadDefault();

        var checks = await TenantDeployment.CheckAsync(new GraphTenantInspector(session.Site), units, CancellationToken.None);

        Assert.Equal(ProtectionState.Unverified, checks.Single(c => c.Key == "tenant.site-grant").State);
        Assert.Equal(ProtectionState.InPlace, checks.Single(c => c.Key == "tenant.group").State);
        var people = checks.Single(c => c.Key == "tenant.people");
        Assert.Equal(ProtectionState.InPlace, people.State);
        Assert.StartsWith($"{units.People.Count} người", people.Detail, StringComparison.Ordinal);
        Assert.Equal(ProtectionState.Unverified, checks.Single(c => c.Key == "tenant.mailbox-scope").State);
        Assert.Equal(ProtectionState.Unverified, checks.Single(c => c.Key == "tenant.webpart-api-access").State);
    }

    [Fact]
    public async Task UnknownUsersAsync_OneIdNotInTheTenant_OnlyThatId()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var known = UnitDirectory.LoadDefault().People[0].ObjectId!;
        const string stranger = "0e6a3c1d-9b2f-4d7e-8a15-3c4b5d6e7f80";

        var unknown = await new GraphTenantInspector(session.Site).UnknownUsersAsync([known, stranger], CancellationToken.None);

        Assert.Equal([stranger], unknown);
    }

    [Fact]
    public async Task SiteGrantRolesAsync_AppWithSitesSelected_NullNotAnError()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();

        Assert.Null(await new GraphTenantInspector(session.Site).SiteGrantRolesAsync(CancellationToken.None));
    }
}
