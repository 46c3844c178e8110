using DanVan365.M365.Permissions;

namespace DanVan365.M365.Tests.Permissions;

public class GraphPermissionManifestTests
{
    [Fact]
    public void Entries_EachRoute_AppearsOnceWithItsApiPage()
    {
        var keys = GraphPermissionManifest.Entries.Select(e => e.RouteKey).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(GraphPermissionManifest.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.DocPage)));
        Assert.All(GraphPermissionManifest.Entries.Where(e => e.Kind != GrantKind.None),
            e => Assert.False(string.IsNullOrWhiteSpace(e.Permission)));
    }

    [Fact]
    public void GraphAppRoles_NoTenantWideSiteOrMailPermission_MailOnlyThroughExchange()
    {
        var roles = GraphPermissionManifest.GraphAppRoles;

        Assert.Contains("Sites.Selected", roles);
        Assert.DoesNotContain(roles, r => r is "Sites.ReadWrite.All" or "Sites.Manage.All" or "Sites.FullControl.All" or "Mail.Send");
        Assert.Equal(GrantKind.ExchangeRbac, GraphPermissionManifest.Find("POST /users/{}/sendMail")!.Kind);
        Assert.Equal("manage", GraphPermissionManifest.SiteRole);
    }

    [Fact]
    public void ToMarkdown_TeamsTab_ListsEachReadAndTheCreatePermission()
    {
        var table = GraphPermissionManifest.ToMarkdown();

        Assert.StartsWith("| feature | application permission | Graph calls (API page) |\n", table, StringComparison.Ordinal);
        Assert.Contains("| Teams tab | `TeamsTab.Read.All` | channel-list-tabs |\n", table, StringComparison.Ordinal);
        Assert.Contains("| Teams tab | `TeamsTab.Create` | channel-post-tabs |\n", table, StringComparison.Ordinal);
        Assert.Contains("`Sites.Selected` + a `manage` grant on the ward's site only", table, StringComparison.Ordinal);
        Assert.DoesNotContain("$batch", table, StringComparison.Ordinal);
    }
}
