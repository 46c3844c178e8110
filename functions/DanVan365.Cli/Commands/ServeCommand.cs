using System.CommandLine;
using DanVan365.Cli.Serve;
using DanVan365.Cli.Target;
using Microsoft.AspNetCore.Connections;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 serve [--port 5366] [--data DIR] [--as-of DATE] [--build-webpart] [--webpart DIR]`: the web parts' local host
/// page, sign-in tokens made here, the API run by the HTTP functions' code, on the local Microsoft 365 of --data (after
/// `demo`, the demo's ward), until stopped (Ctrl+C). A page not built yet is built first (asked at a terminal).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var port = LocalGraphStart.PortOption(5366);
        var build = new Option<bool>("--build-webpart")
        {
            Description = "Build the local host page (" + ServePage.BuildCommand + ") when it is missing, without asking.",
        };
        var webPart = new Option<string?>("--webpart")
        {
            Description = "The web part folder (with build.sh); default: webpart/ next to the program or in the repository above.",
        };
        var command = new Command("serve",
            "Serve the web parts (dashboard, report form, proposals) with the API and the local Microsoft 365 on 127.0.0.1.")
        {
            port, build, webPart,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            if (!target.Read(parse).IsLocal)
            {
                throw new UsageException("serve runs on the local Microsoft 365 only (its sign-in is simulated): drop --tenant.");
            }

            var folder = parse.GetValue(webPart) is { } given ? Path.GetFullPath(given) : ServePage.FindWebPart();
            var page = (folder is null ? ServePage.Find() : null)
                ?? await LocalHostBuild.EnsureAsync(context, folder, parse.GetValue(build), ct).ConfigureAwait(false);
            if (page is null)
            {
                return CliApp.Failed;
            }

            await using var run = await WardRun.OpenAsync(target, parse, null, context, ct).ConfigureAwait(false);
            var settings = new ServeSettings(run.Ward, run.Session.Scope.Target.Graph, run.Catalogue, run.Session.Clock,
                CliSettings.Build(run.Settings), parse.GetValue(port), page);
            ServeHost host;
            try
            {
                host = await ServeHost.StartAsync(settings, ct).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException)
            {
                await context.Error.WriteLineAsync(PortInUse(settings.Port)).ConfigureAwait(false);
                return CliApp.Failed;
            }

            await using (host.ConfigureAwait(false))
            {
                await context.Out.WriteLineAsync($"DanVan365 serve — {run.Ward.Name}, dữ liệu tại {run.Settings.DataDirectory}")
                    .ConfigureAwait(false);
                await context.Out.WriteLineAsync($"  Theo dõi nhiệm vụ: {host.Address}?view=dashboard").ConfigureAwait(false);
                await context.Out.WriteLineAsync($"  Báo cáo kết quả:   {host.Address}?view=report&as=EMAIL").ConfigureAwait(false);
                await context.Out.WriteLineAsync($"  Đề xuất điều chỉnh: {host.Address}?view=proposals&as=EMAIL").ConfigureAwait(false);
                await context.Out.WriteLineAsync("Nhấn Ctrl+C để dừng.").ConfigureAwait(false);
                await context.Out.FlushAsync(ct).ConfigureAwait(false);
                await LocalGraphStart.UntilStoppedAsync(ct).ConfigureAwait(false);
                return CliApp.Ok;
            }
        }));
        return command;
    }

    /// <summary>The one sentence for a port another program holds.</summary>
    public static string PortInUse(int port) =>
        $"Cổng {port} trên 127.0.0.1 đang được một chương trình khác sử dụng: hãy dừng chương trình đó hoặc chọn cổng khác bằng --port.";
}
