using DanVan365.Core.Errors;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Composition;

public class CliCompositionTests
{
    [Fact]
    public async Task Build_EveryUseCase_ResolvesFromTheCliContainer()
    {
        await using var harness = await WardHarness.StartAsync();
        await using var services = CliServices.Build(CliServices.DefaultConfiguration(), harness.Clock);

        await using var scope = services.GetRequiredService<IWardScopeFactory>().Open(new WardTarget(harness.Ward, harness.Options()));

        foreach (var type in DanVan365Services.UseCases)
        {
            Assert.IsType(type, scope.Services.GetRequiredService(type));
        }

        Assert.Same(harness.Clock, services.GetRequiredService<TimeProvider>());
        Assert.Equal(0, scope.Requests);
    }

    [Fact]
    public void DefaultConfiguration_WardName_ComesFromTheBundledDefaults()
    {
        Assert.Equal("Phường Hải An", CliServices.DefaultConfiguration()["Ward:Name"]);
    }

    [Fact]
    public void Build_EscalationStepsRepeatAnOffset_ConfigurationExceptionNamingSteps()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Steps:0:OffsetDays"] = "1",
            ["Escalation:Steps:0:Recipients:0"] = "UnitHead",
            ["Escalation:Steps:1:OffsetDays"] = "1",
            ["Escalation:Steps:1:Recipients:0"] = "UnitAssignees",
        }).Build();

        var error = Assert.Throws<ConfigurationException>(() => CliServices.Build(configuration, TimeProvider.System));

        Assert.Contains("Escalation:Steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_SettingsFileWithBadSteps_ExitTwoNamingTheSettingAndNoRequest()
    {
        using var data = new TempDir();
        var settings = data.Write("settings.json", """{ "Escalation": { "Steps": [ { "OffsetDays": 2 } ] } }""");

        var (exit, output, error) = await Run("escalate", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-02-23",
            "--settings", settings);

        Assert.Equal(2, exit);
        Assert.Contains("Escalation:Steps", error, StringComparison.Ordinal);
        Assert.Contains("offset 2 has no recipients", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "outbox")));
    }

    [Fact]
    public async Task Provision_YearWithoutHolidayFile_SaysSoOnStderrAndRuns()
    {
        using var data = new TempDir();

        var (exit, _, error) = await Run("provision", "--data", data.Path, "--as-of", "2027-03-02");

        Assert.Equal(0, exit);
        Assert.Contains("chưa có tệp ngày nghỉ lễ năm 2027", error, StringComparison.Ordinal);
        Assert.Contains("no holiday file for 2027", error, StringComparison.Ordinal);
        Assert.Contains("Escalation:HolidayFiles", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_SettingsGiveThatYearsHolidayFile_NoWarning()
    {
        using var data = new TempDir();
        var holidays = data.Write("holidays-2027.json", """{ "year": 2027, "holidays": ["2027-01-01"] }""");
        var settings = data.Write("settings.json", SettingsWithHolidayFile(holidays));

        var (exit, _, error) = await Run("provision", "--data", data.Path, "--as-of", "2027-03-02", "--settings", settings);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("2027", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_HolidayFileSpanningTwoYears_ExitTwoNamingTheSetting()
    {
        using var data = new TempDir();
        var holidays = data.Write("holidays.json", """{ "holidays": ["2026-12-31", "2027-01-01"] }""");
        var settings = data.Write("settings.json", SettingsWithHolidayFile(holidays));

        var (exit, _, error) = await Run("provision", "--data", data.Path, "--settings", settings);

        Assert.Equal(2, exit);
        Assert.Contains("Escalation:HolidayFiles", error, StringComparison.Ordinal);
        Assert.Contains("one year", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_SettingsNameTheWard_PlanTitleFollows()
    {
        using var data = new TempDir();
        var settings = data.Write("settings.json", """{ "Ward": { "Name": "Phường Thử Nghiệm" } }""");

        var (exit, _, _) = await Run("sync", TestData.DecisionTextPath, "--data", data.Path, "--as-of", "2026-03-02", "--settings",
            settings);
        var (pullExit, pullOut, pullError) = await Run("pull", "--data", data.Path, "--as-of", "2026-03-02", "--settings", settings);
        var (otherExit, _, otherError) = await Run("pull", "--data", data.Path, "--as-of", "2026-03-02");

        Assert.Equal(0, exit);
        Assert.Equal(0, pullExit);
        Assert.Equal(string.Empty, pullError);
        Assert.StartsWith("pull: updated=", pullOut, StringComparison.Ordinal);
        // The plan is found by the id recorded in the ward's site, not by its title (issue 12: one plan per ward): a run
        // whose settings give another ward name (another default title) still works on the ward's one plan.
        Assert.Equal(0, otherExit);
        Assert.Equal(string.Empty, otherError);
    }

    private static string SettingsWithHolidayFile(string path) =>
        $$"""{ "Escalation": { "HolidayFiles": [ {{System.Text.Json.JsonSerializer.Serialize(path)}} ] } }""";

    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));
}
