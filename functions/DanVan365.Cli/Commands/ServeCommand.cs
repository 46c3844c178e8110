using System.CommandLine;
using DanVan365.Cli.Serve;
using DanVan365.Cli.Target;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 serve [--port 5366] [--data DIR] [--as-of DATE]`: the web parts' local host page, sign-in tokens made here,
/// the API run by the HTTP functions' code, on the local Microsoft 365 of --data (after `demo`, the demo's ward), until
/// stopped (Ctrl+C).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var port = LocalGraphStart.PortOption(5366);
        var command = new Command("serve",
            "Serve the web parts (dashboard, report form) with the API and the local Microsoft 365 on 127.0.0.1.") { port };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            if (!target.Read(parse).IsLocal)
            {
                throw new UsageException("serve runs on the local Microsoft 365 only (its sign-in is simulated): drop --tenant.");
            }

            await using var run = await WardRun.OpenAsync(target, parse, null, context, ct).ConfigureAwait(false);
            var page = ServePage.Find();
            if (page is null)
            {
                await context.Error.WriteLineAsync(ServePage.NotBuilt).ConfigureAwait(false);
            }

            var settings = new ServeSettings(run.Ward, run.Session.Scope.Target.Graph, run.Catalogue, run.Session.Clock,
                CliSettings.Build(run.Settings), parse.GetValue(port), page);
            await using var host = await ServeHost.StartAsync(settings, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"DanVan365 serve — {run.Ward.Name}, dữ liệu tại {run.Settings.DataDirectory}")
                .ConfigureAwait(false);
            await context.Out.WriteLineAsync($"  Theo dõi nhiệm vụ: {host.Address}?view=dashboard").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"  Báo cáo kết quả:   {host.Address}?view=report&as=EMAIL").ConfigureAwait(false);
            await context.Out.WriteLineAsync("Nhấn Ctrl+C để dừng.").ConfigureAwait(false);
            await context.Out.FlushAsync(ct).ConfigureAwait(false);
            await LocalGraphStart.UntilStoppedAsync(ct).ConfigureAwait(false);
            return page is null ? CliApp.Failed : CliApp.Ok;
        }));
        return command;
    }
}
