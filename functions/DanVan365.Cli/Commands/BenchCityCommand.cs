using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Defaults;
using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using DanVan365.LocalM365;
using DanVan365.M365.Client;
using DanVan365.M365.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 bench city --wards N [--ru-per-minute R] [--time-scale S] [--instances K] [--declared D] [--planner-per-minute P]`: a city
/// on one app against the local Graph with SharePoint's budget. First sync of every ward, an identical re-sync, an
/// escalation pass; one line per phase. `bound` is the least time the budget allows (RU ÷ rate), `ratio` = seconds ÷
/// bound, `planner-bound` the same for the Planner pace. After the first sync, the RU minimum a ward's first sync needs
/// (<see cref="FirstSyncMinimum"/>) against what it spent. K instances are K pipelines, each told the instance count D
/// (default K) and so declaring 1/D of the budget, then adapting below it (docs/architecture.md "Resilience"): D &lt; K is
/// a count set wrong. Exit code 1 when a ward's run failed.
/// </summary>
internal static class BenchCityCommand
{
    private const int Concurrency = 16;

    public static Command Create(CliContext context)
    {
        var wards = new Option<int>("--wards") { Description = "Wards in the city.", DefaultValueFactory = _ => 20 };
        var ru =
            new Option<int>("--ru-per-minute") { Description = "The app's resource units per minute.", DefaultValueFactory = _ => 1250 };
        var scale = new Option<double>("--time-scale") { Description = "60 makes a minute last a second.", DefaultValueFactory = _ => 60 };
        var instances =
            new Option<int>("--instances") { Description = "Function instances sharing the budget.", DefaultValueFactory = _ => 1 };
        var declared = new Option<int?>("--declared")
        {
            Description = "The instance count each instance is told (M365:InstanceCount); default the real count.",
        };
        var planner = new Option<int>("--planner-per-minute")
        {
            Description = "Planner requests per minute per tenant (Planner publishes no limit; default the product's 600).",
            DefaultValueFactory = _ => new M365Options().PlannerRequestsPerMinute,
        };
        var city = new Command("city",
            "Benchmark a city's wards on one app registration against the local Graph.") { wards, ru, scale, instances, declared, planner };
        city.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var settings = new CitySettings(parse.GetValue(wards), parse.GetValue(ru), parse.GetValue(scale), parse.GetValue(instances),
                parse.GetValue(planner))
            {
                Declared = parse.GetValue(declared) ?? parse.GetValue(instances),
            };
            if (settings.Problem() is { } problem)
            {
                await context.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return CliApp.BadInput;
            }

            return await RunAsync(context, settings, ct).ConfigureAwait(false) ? CliApp.Ok : CliApp.Failed;
        }));
        return new Command("bench", "Benchmarks against the local Graph.") { city, BenchDashboardCommand.Create(context) };
    }

    /// <summary>Runs the three phases and prints their lines; false when a ward's run failed.</summary>
    private static async Task<bool> RunAsync(CliContext context, CitySettings city, CancellationToken ct)
    {
        await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Wards = city.Wards },
            ct).ConfigureAwait(false);
        server.SetFaults(new EmulatorFaults(ResourceUnitsPerMinute: city.ResourceUnitsPerMinute, TimeScale: city.TimeScale));
        var units = UnitDirectory.LoadDefault();
        var catalogue = DecisionImporters.Import(WardRun.BundledDecisionPath, units);
        var calendar = HolidayFiles.Load([], $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}");

        // The one registration, as the queue job resolves it; only the mailbox pace runs on the benchmark's scaled minute.
        // Each simulated Function instance (WardTarget.Instance) gets its own budgets and circuit from the registration's
        // TenantResilienceRegistry, on the registration's clock (the system's).
        await using var services = new ServiceCollection()
            .AddDanVan365(CliServices.DefaultConfiguration())
            .AddScoped(sp => new SendPacer(sp.GetRequiredService<TimeProvider>(), SendPacer.DefaultMessagesPerMinute, city.Window))
            .BuildServiceProvider();
        var scopes = services.GetRequiredService<IWardScopeFactory>();
        var steps = new (string Phase, Func<WardScope, Task<bool>> Step)[]
        {
            ("first", scope => SyncWardAsync(scope, catalogue, ct)),
            ("resync", scope => SyncWardAsync(scope, catalogue, ct)),
            ("escalation", scope => EscalateWardAsync(scope, catalogue, ct)),
        };
        var succeeded = true;
        var cuts = 0L;
        foreach (var (phase, step) in steps)
        {
            var before = server.GetStats();
            var watch = Stopwatch.StartNew();
            var failed = 0;
            using var gate = new SemaphoreSlim(Concurrency);
            await Task.WhenAll(server.Wards.Select(async (ward, i) =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    var target = new WardTarget(
                        new WardContext(ward.Number.ToString(CultureInfo.InvariantCulture), ward.Name,
                            PlannerDesign.DefaultPlanTitle(catalogue, ward.Name), units, calendar),
                        city.Options(server, ward))
                    {
                        Instance = i % city.Instances,
                    };
                    await using var scope = scopes.Open(target);
                    if (!await step(scope).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
            var registry = services.GetRequiredService<TenantResilienceRegistry>();
            var shares = Enumerable.Range(0, city.Instances)
                .Select(i => registry.For(city.Options(server, server.Wards[0]), i).ResourceUnitsShare).ToList();
            var measured = new PhaseFigures(phase, before, server.GetStats(), watch.Elapsed, failed)
            {
                ShareCuts = shares.Sum(s => s.Decreases) - cuts,
                Shares = string.Join('/', shares.Select(s => s.Value.ToString("0.00", CultureInfo.InvariantCulture))),
            };
            cuts += measured.ShareCuts;
            await context.Out.WriteLineAsync(measured.Line(city)).ConfigureAwait(false);
            succeeded &= failed == 0;
            if (phase == "first")
            {
                var minimum = FirstSyncMinimum.Items(catalogue, units);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"city: minimum-ru-per-ward={FirstSyncMinimum.Total(minimum)} first-ru-per-ward={measured.UnitsPerWard(city):0.0} " +
                    $"factor={measured.UnitsPerWard(city) / FirstSyncMinimum.Total(minimum):0.00}")).ConfigureAwait(false);
                await context.Out.WriteLineAsync("city: minimum = " + FirstSyncMinimum.Describe(minimum)).ConfigureAwait(false);
            }
        }

        return succeeded;
    }

    /// <summary>One ward's catalogue sync: the ward sync use case, as `danvan365 sync` and the SyncCatalogue job run it.</summary>
    private static async Task<bool> SyncWardAsync(WardScope scope, TaskCatalogue catalogue, CancellationToken ct)
    {
        var report = await scope.Get<WardSync>().SyncAsync(catalogue, DefaultResources.DecisionFileName, false, ct).ConfigureAwait(false);
        return report.Succeeded;
    }

    /// <summary>One ward's escalation pass: the escalation use case, as `danvan365 escalate` and the EscalateDeadlines job.</summary>
    private static async Task<bool> EscalateWardAsync(WardScope scope, TaskCatalogue catalogue, CancellationToken ct)
    {
        var report = await scope.Get<WardEscalation>().RunAsync(catalogue, dryRun: false, ct).ConfigureAwait(false);
        return report.Succeeded;
    }

}

/// <summary>The benchmark's arguments.</summary>
internal sealed record CitySettings(int Wards, int ResourceUnitsPerMinute, double TimeScale, int Instances, int PlannerPerMinute)
{
    /// <summary>The instance count each pipeline is told (M365:InstanceCount); the real one is <see cref="Instances"/>.</summary>
    public int Declared { get; init; } = Instances;

    /// <summary>The budget's minute, shortened by the time scale.</summary>
    public TimeSpan Window => TimeSpan.FromMinutes(1) / TimeScale;

    /// <summary>What is wrong with the arguments (Vietnamese, for the console), or null.</summary>
    public string? Problem() =>
        Wards is < 1 or > 500 ? "--wards phải từ 1 đến 500."
        : ResourceUnitsPerMinute < 10 ? "--ru-per-minute phải từ 10 trở lên."
        : !double.IsFinite(TimeScale) || TimeScale is <= 0 or > 600 ? "--time-scale phải lớn hơn 0 và không quá 600."
        : Instances is < 1 or > 20 ? "--instances phải từ 1 đến 20."
        : Declared is < 1 or > 100 ? "--declared phải từ 1 đến 100."
        : PlannerPerMinute < 1 ? "--planner-per-minute phải từ 1 trở lên."
        : null;

    public M365Options Options(LocalGraphServer server, SeededWard ward) => new()
    {
        Local = true,
        GraphBaseUrl = server.BaseUrl,
        SiteUrl = $"https://{server.Tenant.SharePointHostname}{ward.SitePath}",
        GroupId = ward.GroupId,
        SenderMailbox = ward.Mailbox,
        MaxAttempts = 8,
        ResourceUnitsPerMinute = ResourceUnitsPerMinute,
        PlannerRequestsPerMinute = PlannerPerMinute,
        PaceLocal = true,
        InstanceCount = Declared,
        BudgetWindow = Window,
    };
}

/// <summary>
/// One phase's figures from the local Graph's counters. `bound` is the least time the RU budget allows (RU ÷ rate) and
/// `ratio` = seconds ÷ bound; `planner-bound` is the same for the Planner pace, which can bind before the RU budget.
/// </summary>
internal sealed record PhaseFigures(string Phase, EmulatorStats Before, EmulatorStats After, TimeSpan Elapsed, int Failed)
{
    public long Units => After.ResourceUnits - Before.ResourceUnits;

    /// <summary>How many times the instances cut their share of the resource units during the phase (AdaptiveShare).</summary>
    public long ShareCuts { get; init; }

    /// <summary>Each instance's share of its declared budget at the phase's end, e.g. "0.35/0.40/0.30".</summary>
    public string Shares { get; init; } = "1.00";

    public long PlannerOperations => PlannerOf(After) - PlannerOf(Before);

    public double UnitsPerWard(CitySettings city) => (double)Units / city.Wards;

    /// <summary>429 answers the budget gave (top-level requests and $batch items).</summary>
    public long Throttled => After.Throttled - Before.Throttled;

    /// <summary>Throttled operations among the operations that can be (every request and $batch item but Planner's).</summary>
    public double ThrottledShare
    {
        get
        {
            var operations = After.Requests + After.BatchItems - Before.Requests - Before.BatchItems - PlannerOperations;
            return operations > 0 ? (double)Throttled / operations : 0;
        }
    }

    public string Line(CitySettings city)
    {
        var seconds = Elapsed.TotalSeconds;
        var bound = Units / (city.ResourceUnitsPerMinute / city.Window.TotalSeconds);
        var plannerBound = PlannerOperations / (city.PlannerPerMinute / city.Window.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"city: phase={Phase} wards={city.Wards} instances={city.Instances} declared={city.Declared} " +
            $"requests={After.Requests - Before.Requests} ru={Units} " +
            $"throttled={Throttled} throttled-share={ThrottledShare:0.00%} seconds={seconds:0.0} bound={bound:0.0} " +
            $"ratio={(bound > 0 ? seconds / bound : 0):0.00} ru/ward={UnitsPerWard(city):0.0} planner={PlannerOperations} " +
            $"planner-bound={plannerBound:0.0} mails={After.MailsSent - Before.MailsSent} failed={Failed} " +
            $"share-cuts={ShareCuts} shares={Shares}");
    }

    private static long PlannerOf(EmulatorStats stats) =>
        stats.ByRoute.Where(r => r.Key.Contains("/planner/", StringComparison.OrdinalIgnoreCase)).Sum(r => r.Value);
}
