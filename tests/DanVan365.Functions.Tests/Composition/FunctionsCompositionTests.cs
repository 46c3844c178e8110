using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Tests.Support;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Tests.Composition;

public class FunctionsCompositionTests
{
    [Fact]
    public async Task WardScope_EveryUseCase_ResolvesFromTheFunctionsContainer()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness);
        var ward = app.Get<IWardRegistry>().Find(TestApp.GoodWard)!;

        await using var scope = app.Get<IWardScopeFactory>().Open(ward.Target);

        foreach (var type in DanVan365Services.UseCases)
        {
            Assert.IsType(type, scope.Services.GetRequiredService(type));
        }

        Assert.Same(scope.Get<WardSync>(), scope.Get<WardSync>());
        Assert.Equal(TestApp.PlanTitle, scope.Get<WardContext>().PlanTitle);
        Assert.Equal(0, scope.Requests);
    }

    [Fact]
    public async Task WardScope_TwoWards_EachScopeHasItsOwnWardAndAdapters()
    {
        await using var harness = await WardHarness.StartAsync();
        using var app = new TestApp(harness, withBadWard: true);
        var registry = app.Get<IWardRegistry>();
        var scopes = app.Get<IWardScopeFactory>();

        await using var good = scopes.Open(registry.Find(TestApp.GoodWard)!.Target);
        await using var bad = scopes.Open(registry.Find(TestApp.BadWard)!.Target);

        Assert.Equal(TestApp.GoodWard, good.Get<WardContext>().Id);
        Assert.Equal(TestApp.BadWard, bad.Get<WardContext>().Id);
        Assert.NotSame(good.Adapters, bad.Adapters);
        Assert.EndsWith("/sites/khong-ton-tai", bad.Adapters.Connection.Options.SiteUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_EscalationStepsRepeatAnOffset_FailsNamingEscalationSteps()
    {
        var settings = Valid();
        settings["Escalation:Steps:0:OffsetDays"] = "3";
        settings["Escalation:Steps:0:Recipients:0"] = "UnitAssignees";
        settings["Escalation:Steps:1:OffsetDays"] = "3";
        settings["Escalation:Steps:1:Recipients:0"] = "UnitHead";

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("'Escalation:Steps'", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 3 appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_EscalationStepWithoutRecipients_FailsNamingEscalationSteps()
    {
        var settings = Valid();
        settings["Escalation:Steps:0:OffsetDays"] = "-2";

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("'Escalation:Steps'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ConfiguredSteps_AreTheLadderTheUseCasesGet()
    {
        var settings = Valid();
        settings["Escalation:Steps:0:OffsetDays"] = "-2";
        settings["Escalation:Steps:0:Recipients:0"] = "UnitAssignees";
        settings["Escalation:Steps:1:OffsetDays"] = "5";
        settings["Escalation:Steps:1:Recipients:0"] = "UnitHead";

        using var provider = Start(settings);

        var options = provider.GetRequiredService<Core.Escalation.EscalationOptions>();
        Assert.Equal([-2, 5], options.EffectiveSteps.Select(s => s.OffsetDays));
        Assert.Equal(Core.Escalation.RecipientRole.UnitHead, Assert.Single(options.EffectiveSteps[1].Recipients));
    }

    [Fact]
    public void Start_WardHolidayFileMissing_FailsNamingTheWardSetting()
    {
        var settings = Valid();
        settings["Wards:0:HolidayFiles:0"] = "/no/such/holidays-2027.json";

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("'Wards:0:HolidayFiles'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HolidayYearCheck_YearWithoutFile_WarnsOncePerWard()
    {
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero));
        using var app = new TestApp(harness);
        var logger = new ListLogger<HolidayYearCheck>();

        var warnings = new HolidayYearCheck(app.Get<IWardRegistry>(), harness.Clock, logger).Check();

        Assert.Equal(1, warnings);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(4001, entry.EventId);
        Assert.Contains("no holiday file for 2027", entry.Message, StringComparison.Ordinal);
        Assert.Contains("ward", entry.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(app.Get<IEnumerable<IHostedService>>(), s => s is HolidayYearCheck);
    }

    [Fact]
    public async Task HolidayYearCheck_WardGivesThatYearsFile_NoWarningAndItsHolidaysCount()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "holidays-2027.json");
        await File.WriteAllTextAsync(file, """{ "year": 2027, "holidays": [{ "date": "2027-03-03", "name": "Lễ hội phường" }] }""");
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero));
        using var app = new TestApp(harness, extra: new Dictionary<string, string?> { ["Wards:0:HolidayFiles:0"] = file });
        var logger = new ListLogger<HolidayYearCheck>();
        var ward = app.Get<IWardRegistry>().Find(TestApp.GoodWard)!;

        var warnings = new HolidayYearCheck(app.Get<IWardRegistry>(), harness.Clock, logger).Check();

        Assert.Equal(0, warnings);
        Assert.Empty(logger.Entries);
        Assert.False(ward.Calendar.Calendar.IsWorkingDay(new DateOnly(2027, 3, 3)));
        Assert.True(ward.Calendar.Covers(2027));
        Assert.False(ward.Calendar.Covers(2026));
    }

    private static Dictionary<string, string?> Valid() =>
        TestApp.Settings("http://127.0.0.1:5999/v1.0", "https://haian.sharepoint.com/sites/phuong-hai-an",
            "3f2b5a1c-0000-4000-8000-000000000001", false);

    /// <summary>Runs the host's start-up validation (what ValidateOnStart does when the host starts).</summary>
    private static ServiceProvider Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddDanVan365Functions(configuration).BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
