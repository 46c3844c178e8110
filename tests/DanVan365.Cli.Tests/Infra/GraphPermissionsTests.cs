using DanVan365.M365.Permissions;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.LocalM365;
using DanVan365.TestUtilities.Tools;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Infra;

/// <summary>
/// The permissions manifest against what really happens: the Graph requests a demo-like run sends to the local Graph (each
/// recorded by route), the permissions infra/grant-graph-permissions.sh grants (its --dry-run, a stub `az` on PATH) and the
/// README's permission table.
/// </summary>
public class GraphPermissionsTests
{
    private static readonly string GrantScript = Path.Combine(TestData.RepoRoot, "infra", "grant-graph-permissions.sh");

    [Fact]
    public async Task DemoLikeRun_EveryRecordedGraphRequest_HasAManifestRow()
    {
        await using var graph = await LocalGraphFixture.StartAsync();
        var url = graph.Server.BaseUrl;
        string[][] runs =
        [
            ["demo", "--graph-url", url], ["pull", "--graph-url", url], ["status", "--graph-url", url],
            ["proposal", "list", "--graph-url", url], ["score", "--graph-url", url],
        ];
        foreach (var args in runs)
        {
            var run = await ConsoleRun.CaptureAsync((o, e) => CliApp.RunAsync(args, o, e,
                new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero))));
            Assert.True(run.Exit == 0, string.Join(' ', args) + ": " + run.Err);
        }

        var recorded = graph.Stats.ByRoute.Keys.ToList();
        var missing = recorded.Where(route => GraphPermissionManifest.Find(route) is null).ToList();

        Assert.True(recorded.Count > 20, "too few routes recorded: " + string.Join(", ", recorded));
        Assert.True(missing.Count == 0, "Graph calls with no row in GraphPermissionManifest: " + string.Join(", ", missing));
        Assert.Contains("POST /teams/{}/channels/{}/tabs", recorded);
        Assert.Contains("POST /users/{}/sendMail", recorded);
    }

    [Fact]
    public async Task GrantScript_DryRun_GrantsExactlyTheManifestsAppRolesAndSiteRole()
    {
        using var dir = new TempDir();

        var (exit, output, err) = await RunGrantAsync(dir, "--admin-app-id", "0f0e0d0c-0b0a-4909-8807-060504030201",
            "--admin-cert-thumbprint", "ABCDEF", "--dry-run");

        Assert.True(exit == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var granted = lines.Where(l => l.StartsWith("graph app role: ", StringComparison.Ordinal))
            .Select(l => l["graph app role: ".Length..]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(GraphPermissionManifest.GraphAppRoles, granted);
        Assert.DoesNotContain("Mail.Send", granted);
        Assert.Contains(lines, l => l.StartsWith("site grant: https://contoso.sharepoint.com/sites/phuong-hai-an -> " +
            GraphPermissionManifest.SiteRole + " ", StringComparison.Ordinal));
        Assert.Contains("exchange rbac: Application Mail.Send scoped to: danvan.haian@contoso.vn", lines);
    }

    [Fact]
    public async Task GrantScript_AdminAppWithoutCertificate_ExitsTwoBeforeAnyAzCall()
    {
        using var dir = new TempDir();

        var (exit, _, err) = await RunGrantAsync(dir, "--admin-app-id", "0f0e0d0c-0b0a-4909-8807-060504030201");

        Assert.Equal(2, exit);
        Assert.Contains("--admin-cert-thumbprint", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "az.log")), "no az call before the options are checked");
    }

    [Fact]
    public async Task Readme_PermissionTable_IsTheManifestRendered()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(TestData.RepoRoot, "README.md"));
        const string Begin = "<!-- permissions:begin (GraphPermissionManifest.ToMarkdown) -->\n";
        const string End = "<!-- permissions:end -->";

        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);

        Assert.True(start >= 0 && end > start, "README.md has no permission table markers");
        var table = readme[(start + Begin.Length)..end];
        Assert.True(table == GraphPermissionManifest.ToMarkdown(),
            "README.md's permission table differs from the manifest; replace it with:\n" + GraphPermissionManifest.ToMarkdown());
    }

    /// <summary>Runs the grant script with a stub `az` on PATH that answers the deployment outputs and logs its calls.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunGrantAsync(TempDir dir, params string[] extra)
    {
        StubbedScript.WriteStub(dir, "az", "printf '%s\\n' \"$*\" >> \"$STUB_LOG\"\n" +
            "case \"$*\" in *identityPrincipalId*) echo 5a5a5a5a-1111-2222-3333-444444444444;; " +
            "*identityClientId*) echo 6b6b6b6b-1111-2222-3333-444444444444;; " +
            "*tenantId*) echo 7c7c7c7c-1111-2222-3333-444444444444;; esac\n");

        string[] args = [GrantScript, "-g", "rg-danvan-haian", "--site-url", "https://contoso.sharepoint.com/sites/phuong-hai-an",
            "--mailbox", "danvan.haian@contoso.vn", .. extra];
        return await StubbedScript.RunAsync(dir, "az.log", args, TimeSpan.FromMinutes(1));
    }
}
