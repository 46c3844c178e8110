using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DanVan365.Cli.Serve;
using DanVan365.Cli.Target;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using DanVan365.LocalM365;
using DanVan365.M365.Client;
using DanVan365.M365.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 bench dashboard [--tasks 500] [--runs 5]`: the time, payload, Graph requests and resource units of GET
/// /api/dashboard through the Functions' code path (issue 25): `serve`'s host runs the HTTP function behind the production
/// token validation with the library's decision in use (<see cref="Functions.Triggers.LibraryPortalCatalogues"/>, the ward scope and the
/// parsed-decision cache from the composition root; no catalogue given beforehand), on the local Graph, for the bundled
/// ward and a generated ward of --tasks work items. Each ward's decision is uploaded into "Quyết định" by a publisher and
/// synced by the intake (the SyncCatalogue job's use case), and half of its units submit round 1 through the report form's
/// use case first, so the matrix has both submitted and missing cells.
/// </summary>
internal static class BenchDashboardCommand
{
    public static Command Create(CliContext context)
    {
        var tasks = new Option<int>("--tasks") { Description = "Work items of the generated ward.", DefaultValueFactory = _ => 500 };
        var runs = new Option<int>("--runs") { Description = "Timed requests per ward (after one warm-up).", DefaultValueFactory = _ => 5 };
        var command = new Command("dashboard",
            "Benchmark GET /api/dashboard (time, payload) for the bundled ward and a generated large ward.") { tasks, runs };
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var (size, count) = (parse.GetValue(tasks), parse.GetValue(runs));
            if (size is < 1 or > 2000 || count is < 1 or > 100)
            {
                await context.Error.WriteLineAsync("--tasks phải từ 1 đến 2000; --runs phải từ 1 đến 100.").ConfigureAwait(false);
                return CliApp.BadInput;
            }

            var units = UnitDirectory.LoadDefault();
            var text = await File.ReadAllTextAsync(WardRun.BundledDecisionPath, ct).ConfigureAwait(false);
            var bundled = DecisionImporters.Import(WardRun.BundledDecisionPath, units);
            var grown = BenchDecisionText.Grow(text, bundled, units, size);
            await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Wards = 2 }, ct)
                .ConfigureAwait(false);
            var ok = await MeasureAsync(context, server, server.Wards[0], "bundled",
                    (await File.ReadAllBytesAsync(WardRun.BundledDecisionPath, ct).ConfigureAwait(false), bundled), units, count, ct)
                    .ConfigureAwait(false)
                && await MeasureAsync(context, server, server.Wards[1], "generated", grown, units, count, ct).ConfigureAwait(false);
            return ok ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    private static async Task<bool> MeasureAsync(CliContext context, LocalGraphServer server, SeededWard seeded, string name,
        (byte[] Content, TaskCatalogue Catalogue) decision, UnitDirectory units, int runs, CancellationToken ct)
    {
        var catalogue = decision.Catalogue;
        // The ward's day: round 1's last day, so the form accepts returns and the dashboard shows the round as due.
        var clock = ShiftedClock.For(TimeProvider.System, catalogue.Decision.ReportingRounds[0].LastDay);
        var calendar = HolidayFiles.Load([], $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}");
        var ward = new WardContext(seeded.Number.ToString(CultureInfo.InvariantCulture), seeded.Name,
            PlannerDesign.DefaultPlanTitle(catalogue, seeded.Name), units, calendar);
        var graph = new M365Options
        {
            Local = true,
            GraphBaseUrl = server.BaseUrl,
            SiteUrl = $"https://{server.Tenant.SharePointHostname}{seeded.SitePath}",
            GroupId = seeded.GroupId,
            SenderMailbox = seeded.Mailbox,
        };
        var configuration = CliServices.DefaultConfiguration();
        var (rows, submitted) = await PrepareAsync(context, configuration, clock, ward, graph, decision, ct).ConfigureAwait(false);
        if (rows < 0)
        {
            return false;
        }

        // No catalogue given: the dashboard reads the library's decision in use, as the Functions do.
        await using var host = await ServeHost.StartAsync(new ServeSettings(ward, graph, null, clock, configuration, 0, null), ct)
            .ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = host.Address };
        var token = await http.GetFromJsonAsync<ServeToken>("_serve/token", ct).ConfigureAwait(false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var calls = new List<(double Ms, long Requests, long Units)>();
        byte[] body = [];
        for (var i = 0; i <= runs; i++)
        {
            server.ResetStats();
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync("api/dashboard", ct).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                await context.Error.WriteLineAsync($"dashboard {name}: HTTP {(int)response.StatusCode}").ConfigureAwait(false);
                return false;
            }

            var stats = server.GetStats();
            calls.Add((watch.Elapsed.TotalMilliseconds, stats.Requests, stats.ResourceUnits));
        }

        var warm = calls.Skip(1).OrderBy(c => c.Ms).ToList();
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: ward={name} tasks={catalogue.WorkItems.Count()} assignment-rows={rows} report-rows={submitted} " +
            $"first-ms={calls[0].Ms:0} first-requests={calls[0].Requests} first-ru={calls[0].Units} " +
            $"median-ms={warm[warm.Count / 2].Ms:0} min-ms={warm[0].Ms:0} warm-requests={warm.Max(c => c.Requests)} " +
            $"warm-ru={warm.Max(c => c.Units)} bytes={body.Length} gzip={Gzip(body)}"))
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The decision uploaded into "Quyết định" by a publisher and synced by the intake (lists, Planner), then round-1 returns
    /// of every other unit, through the use cases: the Phân công and Báo cáo kết quả rows written; (-1, 0) on failure.
    /// </summary>
    private static async Task<(int Rows, int ReportRows)> PrepareAsync(CliContext context, Microsoft.Extensions.Configuration.IConfiguration
        configuration, TimeProvider clock, WardContext ward, M365Options graph, (byte[] Content, TaskCatalogue Catalogue) decision,
        CancellationToken ct)
    {
        await using var services = CliServices.Build(configuration, clock);
        var scopes = services.GetRequiredService<IWardScopeFactory>();
        await using var scope = scopes.Open(new WardTarget(ward, graph));
        var publisher = ward.Units.People.First(p => p.ObjectId is not null && p.Unit is { } unit
            && ward.Units.Find(unit)?.PublishesDecisions == true).ObjectId!;
        await scope.Get<ISiteProvisioner>().EnsureAsync(SiteSchema.Folders(decision.Catalogue.Decision), ct).ConfigureAwait(false);
        await using (var person = scopes.Open(new WardTarget(ward, graph.ActingAs(publisher))))
        {
            await person.Get<ILibraryStore>().UploadAsync(SiteSchema.DecisionFolder, "qd-bench.txt", decision.Content, ct)
                .ConfigureAwait(false);
        }

        var intake = await scope.Get<DecisionIntake>().SyncAsync(force: false, ct).ConfigureAwait(false);
        if (intake.Sync is not { Succeeded: true } || await scope.Get<DecisionIntake>().CurrentAsync(ct).ConfigureAwait(false) is not
            { } current)
        {
            await context.Error.WriteLineAsync($"dashboard {ward.Name}: sync failed ({intake.SkipReason})").ConfigureAwait(false);
            return (-1, 0);
        }

        var catalogue = current.Catalogue;
        var portal = scope.Get<WardPortal>();
        var today = Core.Time.WardTime.Today(clock);
        var submitted = 0;
        foreach (var (unit, index) in ReportPlanner.ExpectedUnits(catalogue).Select((u, i) => (u, i)).Where(p => p.i % 2 == 0))
        {
            var work = await portal.WorkAsync(catalogue, unit, 1, ct).ConfigureAwait(false);
            if (work is null || work.Rows.Count == 0)
            {
                continue;
            }

            var spec = ReportPlanner.TemplateFor(catalogue, ward.Units, work.Round, unit);
            var raw = DemoCommand.SampleRows(catalogue, spec, today)
                .Select(r => new RawSubmissionRow(r.Key, r.Value.Result, r.Value.Status, r.Value.Difficulties, r.Value.Proposals)).ToList();
            var result = await portal.SubmitAsync(catalogue, unit, 1, raw, ct).ConfigureAwait(false);
            if (!result.Accepted || result.Failures.Count > 0)
            {
                await context.Error.WriteLineAsync($"dashboard {ward.Name}: {unit} refused: " +
                    string.Join("; ", result.Rejections.Select(r => r.Message).Take(3))).ConfigureAwait(false);
                return (-1, 0);
            }

            submitted += raw.Count;
        }

        return (DesiredRows.ForAssignments(catalogue, ward.Units).Count, submitted);
    }

    private static long Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return buffer.Length;
    }
}
