using DanVan365.Core.Lockdown;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>`danvan365 lockdown-plan`: the commands infra/lockdown-permissions.sh runs, from the ward's directory and decision.</summary>
public class LockdownPlanCommandTests
{
    private const string Site = "https://contoso.sharepoint.com/sites/phuong-hai-an";
    private const string Group = "9a4f1c2e-3b5d-4e6f-8a7b-0c1d2e3f4a5b";

    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task LockdownPlan_BundledWard_PrintsTheCoreCommandsAsShellLines()
    {
        var (exit, output, err) = await Run("lockdown-plan", TestData.DecisionTextPath, "--site-url", Site, "--group-id", Group,
            "--owners-group", "Phường Hải An Owners", "--publisher", "tran.thi.lan@haian.example.vn");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var target = new LockdownTarget(Site, Group, "Phường Hải An Owners", "Báo cáo dân vận", ["tran.thi.lan@haian.example.vn"]);
        var expected = LockdownPlan.Build(target, Bundled.Catalogue.Decision, Bundled.Units).Select(c => c.ToShell());
        Assert.Equal(expected, output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("m365 spo list roleinheritance break --webUrl " + Site + " --listTitle 'Nhiệm vụ dân vận' " +
            "--clearExistingPermissions --force" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains("m365 spo folder roleassignment add --webUrl " + Site + " --folderUrl 'Báo cáo dân vận/2026/Đợt 1/Nộp' " +
            "--upn vhxh.truong@haian.example.vn --roleDefinitionId 1073741827", output, StringComparison.Ordinal);
        Assert.Contains("--folderUrl 'Báo cáo dân vận/Quyết định' --upn tran.thi.lan@haian.example.vn --roleDefinitionId 1073741827",
            output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockdownPlan_TsvFormat_SameCommandsAsTabSeparatedWords()
    {
        var shell = await Run("lockdown-plan", "--site-url", Site, "--group-id", Group, "--owners-group", "Owners");
        var tsv = await Run("lockdown-plan", "--site-url", Site, "--group-id", Group, "--owners-group", "Owners", "--format", "tsv");

        Assert.Equal(0, tsv.Exit);
        var fromTsv = tsv.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Select(line => new M365Command(line.Split('\t')).ToShell());
        Assert.Equal(shell.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), fromTsv);
    }

    [Theory]
    [InlineData("--site-url", "http://contoso.sharepoint.com/sites/x")]
    [InlineData("--group-id", "not-a-guid")]
    [InlineData("--owners-group", " ")]
    [InlineData("--publisher", "Trần Thị Lan")]
    public async Task LockdownPlan_BadOption_ExitsTwoNamingItAndPrintsNoCommand(string option, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--site-url"] = Site,
            ["--group-id"] = Group,
            ["--owners-group"] = "Owners",
            ["--publisher"] = "a@b.vn",
        };
        args[option] = value;

        var (exit, output, err) = await Run(["lockdown-plan", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(option, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockdownPlan_UnitsFileWithError_ExitsTwoWithFileLine()
    {
        using var dir = new TempDir();
        var units = dir.Write("units.json", "{ \"units\": [ { \"code\": \"VP\" } ] }");

        var (exit, output, err) = await Run("lockdown-plan", "--site-url", Site, "--group-id", Group, "--owners-group", "Owners",
            "--units", units);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith(units + ":", err, StringComparison.Ordinal);
    }
}
