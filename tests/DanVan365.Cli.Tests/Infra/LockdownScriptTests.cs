using DanVan365.Core.Lockdown;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Tools;

namespace DanVan365.Cli.Tests.Infra;

/// <summary>
/// infra/lockdown-permissions.sh without a tenant: --dry-run prints what `danvan365 lockdown-plan` plans, and a run hands
/// each planned command to the pinned CLI for Microsoft 365 as one argument array (a stub `npx` on PATH records them).
/// </summary>
public class LockdownScriptTests
{
    private const string Site = "https://contoso.sharepoint.com/sites/phuong-hai-an";
    private const string Group = "9a4f1c2e-3b5d-4e6f-8a7b-0c1d2e3f4a5b";
    private const string Owners = "Phường Hải An Owners";
    private const string Publisher = "o'brien@haian.example.vn";

    private static readonly string Script = Path.Combine(TestData.RepoRoot, "infra", "lockdown-permissions.sh");

    private static IReadOnlyList<M365Command> Planned() =>
        LockdownPlan.Build(new LockdownTarget(Site, Group, Owners, "Báo cáo dân vận", [Publisher]), Bundled.Catalogue.Decision,
            Bundled.Units);

    [Fact]
    public async Task DryRun_BundledWard_PrintsPinnedPackageAndThePlannedCommandsOnly()
    {
        using var dir = new TempDir();

        var (exit, output, err) = await RunAsync(dir, "--dry-run");

        Assert.True(exit == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("# CLI for Microsoft 365 " + LockdownPlan.CliPackage + "; the commands a run would send (nothing changed):",
            lines[0]);
        Assert.Equal(Planned().Select(c => c.ToShell()), lines.Skip(1));
        Assert.False(File.Exists(Path.Combine(dir.Path, "calls.log")), "a dry run never calls the CLI for Microsoft 365");
    }

    [Fact]
    public async Task Run_StubbedCli_EachPlannedCommandSentOnceAsItsOwnArgumentsWithThePinnedPackage()
    {
        using var dir = new TempDir();

        var (exit, _, err) = await RunAsync(dir);

        Assert.True(exit == 0, err);
        var calls = File.ReadAllText(Path.Combine(dir.Path, "calls.log")).Split("--call--\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.TrimEnd('\n').Split('\n')).ToList();
        Assert.All(calls, c => Assert.Equal(["--yes", "--package=" + LockdownPlan.CliPackage, "--", "m365"], c.Take(4)));
        var sent = calls.Select(c => string.Join('\u001f', c.Skip(4))).ToList();
        Assert.Equal(["status\u001f--output\u001ftext", "status\u001f--output\u001fjson\u001f--query\u001fconnectedAs"], sent.Take(2));
        var expected = Planned().Select(p => string.Join('\u001f', p.Words.Skip(1).Concat(["--output", "none"])));
        Assert.Equal(expected, sent.Skip(2));
    }

    [Fact]
    public async Task Run_BadGroupId_ExitsTwoBeforeAnyCallToTheCli()
    {
        using var dir = new TempDir();

        var (exit, _, err) = await RunAsync(dir, "--group-id", "not-a-guid");

        Assert.Equal(2, exit);
        Assert.Contains("--group-id", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "calls.log")));
    }

    /// <summary>Runs the script with the test's danvan365 build and a stub npx that records its arguments, one per line.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunAsync(TempDir dir, params string[] extra)
    {
        StubbedScript.WriteStub(dir, "npx", "printf '%s\\n' '--call--' \"$@\" >> \"$STUB_LOG\"\n" +
            "case \"$*\" in *'status --output text') echo 'Logged in';; *connectedAs) echo '\"admin@contoso.vn\"';; esac\n");

        var args = new List<string> { Script, "--site-url", Site, "--group-id", Group, "--owners-group", Owners, "--publisher", Publisher };
        for (var i = 0; i < extra.Length; i++)
        {
            var at = args.IndexOf(extra[i]);
            if (at > 0 && i + 1 < extra.Length && !extra[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                args[at + 1] = extra[++i];
            }
            else
            {
                args.Add(extra[i]);
            }
        }

        return await StubbedScript.RunAsync(dir, "calls.log", args, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["DANVAN_CLI"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "danvan365.dll") });
    }
}
