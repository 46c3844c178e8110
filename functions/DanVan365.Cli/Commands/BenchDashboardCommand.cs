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
/// `danvan365 bench dashboard [--tasks 500] [--runs 5]`: the time and payload of GET /api/dashboard, served by `serve`'s
/// host (the HTTP function's code behind the production token validation) on the local Graph, for the bundled ward and
/// for a generated ward of --tasks work items. Each ward is synced (lists and Planner) and half of its units submit
/// round 1 through the report form's use case first, so the matrix has both submitted and missing cells.
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
            var bundled = DecisionImporters.Import(WardRun.BundledDecisionPath, units);
            await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Wards = 2 }, ct)
                .ConfigureAwait(false);
            var ok = await MeasureAsync(context, server, server.Wards[0], "bundled", bundled, units, count, ct).ConfigureAwait(false)
                && await MeasureAsync(context, server, server.Wards[1], "generated", BenchCatalogue.Grow(bundled, size), units, count, ct)
                    .ConfigureAwait(false);
            return ok ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    private static async Task<bool> MeasureAsync(CliContext context, LocalGraphServer server, SeededWard seeded, string name,
        TaskCatalogue catalogue, UnitDirectory units, int runs, CancellationToken ct)
    {
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
        var (rows, submitted) = await PrepareAsync(context, configuration, clock, ward, graph, catalogue, ct).ConfigureAwait(false);
        if (rows < 0)
        {
            return false;
        }

        await using var host = await ServeHost.StartAsync(new ServeSettings(ward, graph, catalogue, clock, configuration, 0, null), ct)
            .ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = host.Address };
        var token = await http.GetFromJsonAsync<ServeToken>("_serve/token", ct).ConfigureAwait(false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var times = new List<double>();
        byte[] body = [];
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync("api/dashboard", ct).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                await context.Error.WriteLineAsync($"dashboard {name}: HTTP {(int)response.StatusCode}").ConfigureAwait(false);
                return false;
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var warm = times.Skip(1).Order().ToList();
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: ward={name} tasks={catalogue.WorkItems.Count()} assignment-rows={rows} report-rows={submitted} " +
            $"first-ms={times[0]:0} median-ms={warm[warm.Count / 2]:0} min-ms={warm[0]:0} bytes={body.Length} gzip={Gzip(body)}"))
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Sync (lists, Planner) and round-1 returns of every other unit, through the use cases: the Phân công and Báo cáo kết
    /// quả rows written; (-1, 0) on failure.
    /// </summary>
    private static async Task<(int Rows, int ReportRows)> PrepareAsync(CliContext context, Microsoft.Extensions.Configuration.IConfiguration
        configuration, TimeProvider clock, WardContext ward, M365Options graph, TaskCatalogue catalogue, CancellationToken ct)
    {
        await using var services = CliServices.Build(configuration, clock);
        await using var scope = services.GetRequiredService<IWardScopeFactory>().Open(new WardTarget(ward, graph));
        var sync = await scope.Get<WardSync>().SyncAsync(catalogue, null, false, ct).ConfigureAwait(false);
        if (!sync.Succeeded)
        {
            await context.Error.WriteLineAsync($"dashboard {ward.Name}: sync failed").ConfigureAwait(false);
            return (-1, 0);
        }

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
