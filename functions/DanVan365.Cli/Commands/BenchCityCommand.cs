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
/// `danvan365 bench city --wards N [--ru-per-minute R] [--time-scale S] [--instances K]`: a city on one app against the
/// local Graph with SharePoint's budget. First sync of every ward, an identical re-sync, an escalation pass; one line
/// per phase. `bound` is the least time the budget allows (RU ÷ rate), `ratio` = seconds ÷ bound. K instances are K
/// pipelines, each with 1/K of the budget (the share-per-instance rule of README "Resilience").
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
        var city = new Command("city",
            "Benchmark a city's wards on one app registration against the local Graph.") { wards, ru, scale, instances };
        city.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var (n, r, s, k) = (parse.GetValue(wards), parse.GetValue(ru), parse.GetValue(scale), parse.GetValue(instances));
            if (n is < 1 or > 500 || r < 10 || s is <= 0 or > 600 || k is < 1 or > 20)
            {
                await context.Error.WriteLineAsync("--wards 1..500, --ru-per-minute ≥ 10, --time-scale 0..600, --instances 1..20")
                    .ConfigureAwait(false);
                return CliApp.BadInput;
            }

            await RunAsync(context, n, r, s, k, ct).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return new Command("bench", "Benchmarks against the local Graph.") { city };
    }

    private static async Task RunAsync(CliContext context, int wardCount, int ruPerMinute, double timeScale, int instanceCount,
        CancellationToken ct)
    {
        await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Wards = wardCount },
            ct).ConfigureAwait(false);
        server.SetFaults(new EmulatorFaults(ResourceUnitsPerMinute: ruPerMinute, TimeScale: timeScale));
        var window = TimeSpan.FromMinutes(1) / timeScale;
        var units = UnitDirectory.LoadDefault();
        var catalogue = DecisionImporters.Import(WardRun.BundledDecisionPath, units);
        var calendar = HolidayFiles.Load([], $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}");
        var instances = Enumerable.Range(0, instanceCount)
            .Select(_ => new TenantResilience(Options(server, server.Wards[0], ruPerMinute, instanceCount, window), TimeProvider.System))
            .ToList();

        // The one registration, as the queue job resolves it; only the mailbox pace runs on the benchmark's scaled minute.
        await using var services = new ServiceCollection()
            .AddDanVan365(CliServices.DefaultConfiguration())
            .AddScoped(_ => new SendPacer(TimeProvider.System, SendPacer.DefaultMessagesPerMinute, window))
            .BuildServiceProvider();
        var scopes = services.GetRequiredService<IWardScopeFactory>();
        var steps = new (string Phase, Func<WardScope, Task<bool>> Step)[]
        {
            ("first", scope => SyncWardAsync(scope, catalogue, ct)),
            ("resync", scope => SyncWardAsync(scope, catalogue, ct)),
            ("escalation", scope => EscalateWardAsync(scope, catalogue, ct)),
        };
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
                        Options(server, ward, ruPerMinute, instanceCount, window))
                    {
                        Resilience = instances[i % instanceCount],
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
            var seconds = watch.Elapsed.TotalSeconds;
            var after = server.GetStats();
            var spent = after.ResourceUnits - before.ResourceUnits;
            var bound = spent / (ruPerMinute / window.TotalSeconds);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"city: phase={phase} wards={wardCount} requests={after.Requests - before.Requests} ru={spent} " +
                $"throttled={after.Throttled - before.Throttled} seconds={seconds:0.0} bound={bound:0.0} " +
                $"ratio={(bound > 0 ? seconds / bound : 0):0.00} ru/ward={(double)spent / wardCount:0.0} failed={failed}"))
                .ConfigureAwait(false);
        }
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

    private static M365Options Options(LocalGraphServer server, SeededWard ward, int ruPerMinute, int instances, TimeSpan window) => new()
    {
        Local = true,
        GraphBaseUrl = server.BaseUrl,
        SiteUrl = $"https://{server.Tenant.SharePointHostname}{ward.SitePath}",
        GroupId = ward.GroupId,
        SenderMailbox = ward.Mailbox,
        MaxAttempts = 8,
        ResourceUnitsPerMinute = ruPerMinute,
        PaceLocal = true,
        InstanceCount = instances,
        BudgetWindow = window,
    };
}
