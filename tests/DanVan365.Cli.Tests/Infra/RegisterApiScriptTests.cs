using System.Text.Json;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Tools;

namespace DanVan365.Cli.Tests.Infra;

/// <summary>
/// infra/register-api.sh without a tenant: --dry-run with a stub `az` on PATH that knows the app registration prints the
/// two bodies the script would PATCH; the second pre-authorises the Azure CLI for the scope the first defines.
/// </summary>
public class RegisterApiScriptTests
{
    private const string AzureCli = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    private const string ClientId = "11111111-2222-4333-8444-555555555555";

    [Fact]
    public async Task DryRun_ExistingApp_PreAuthorisesTheAzureCliForItsOwnScopeOnly()
    {
        using var dir = new TempDir();

        var (exit, output, err) = await RunAsync(dir);

        Assert.True(exit == 0, err);
        var bodies = JsonBodies(output);
        Assert.Equal(2, bodies.Count);
        Assert.Equal("api://" + ClientId, bodies[0].GetProperty("identifierUris")[0].GetString());
        var scope = bodies[0].GetProperty("api").GetProperty("oauth2PermissionScopes")[0];
        Assert.Equal("user_impersonation", scope.GetProperty("value").GetString());
        var preAuthorised = bodies[1].GetProperty("api").GetProperty("preAuthorizedApplications");
        Assert.Equal(1, preAuthorised.GetArrayLength());
        Assert.Equal(AzureCli, preAuthorised[0].GetProperty("appId").GetString());
        Assert.Equal([scope.GetProperty("id").GetString()],
            preAuthorised[0].GetProperty("permissionIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(scope.GetProperty("id").GetString(),
            bodies[1].GetProperty("api").GetProperty("oauth2PermissionScopes")[0].GetProperty("id").GetString());
        Assert.Contains("(dry run: nothing changed)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(dir.Path, "az.log")), l => l.StartsWith("rest", StringComparison.Ordinal));
    }

    /// <summary>The JSON documents the dry run prints: each starts with a line "{" and ends with a line "}".</summary>
    private static List<JsonElement> JsonBodies(string output)
    {
        var bodies = new List<JsonElement>();
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "{")
            {
                continue;
            }

            var end = Array.IndexOf(lines, "}", i);
            using var document = JsonDocument.Parse(string.Join('\n', lines[i..(end + 1)]));
            bodies.Add(document.RootElement.Clone());
            i = end;
        }

        return bodies;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(TempDir dir)
    {
        StubbedScript.WriteStub(dir, "az", "printf '%s\\n' \"$*\" >> \"$STUB_LOG\"\n" +
            "case \"$*\" in *'app list'*) echo " + ClientId + ";; " +
            "*'app show'*'--query id'*) echo 0a0b0c0d-0000-4000-8000-000000000001;; esac\n");

        return await StubbedScript.RunAsync(dir, "az.log", [Path.Combine(TestData.RepoRoot, "infra", "register-api.sh"), "--dry-run"],
            TimeSpan.FromMinutes(1));
    }
}
