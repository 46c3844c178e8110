using System.CommandLine;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.LocalM365;

namespace DanVan365.Cli.Commands;

/// <summary>`danvan365 emulator [--port 5365] [--data DIR] [--seed FILE] [--wards N] [--cors-origin URL]...`: runs the local Microsoft 365
/// until stopped (Ctrl+C).</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = LocalGraphStart.PortOption(5365);
        var data =
            new Option<DirectoryInfo>("--data")
            {
                Description = "Folder for the state (graph.db) and outbox/; persists across restarts.",
                DefaultValueFactory = _ => new DirectoryInfo(".danvan365")
            };
        var seed =
            new Option<FileInfo?>("--seed")
            {
                Description =
            "Seed file replacing the built-in Hải An tenant (used only when the state is empty)."
            };
        var wards =
            new Option<int>("--wards")
            {
                Description = "Wards to seed (ward 1 is Hải An; 2..N get generated names).",
                DefaultValueFactory = _ => 1
            };
        var cors =
            new Option<string[]>("--cors-origin")
            {
                Description =
            "A browser origin allowed to call the Graph routes (repeatable); none by default."
            };
        var command = new Command("emulator",
            "Run the local Microsoft 365 (a Graph v1.0 subset) on 127.0.0.1 until stopped.") { port, data, seed, wards, cors };
        command.SetAction(async (parse, ct) =>
        {
            var seedFile = parse.GetValue(seed);
            if (seedFile is not null && !seedFile.Exists)
            {
                await context.Error.WriteLineAsync($"{seedFile.FullName}:0: seed file not found").ConfigureAwait(false);
                return CliApp.BadInput;
            }

            var origins = parse.GetValue(cors) ?? [];
            if (parse.GetValue(wards) is < 1 or > 500 || origins.Any(o => !Uri.TryCreate(o, UriKind.Absolute,
                out var u) || u.AbsolutePath != "/"))
            {
                await context.Error.WriteLineAsync("--wards phải từ 1 đến 500; --cors-origin phải là một địa chỉ gốc, ví dụ " +
                    "https://localhost:4321").ConfigureAwait(false);
                return CliApp.BadInput;
            }

            LocalGraphServer server;
            try
            {
                var options = LocalGraphStart.Options(parse.GetValue(data)!.FullName, context.Clock);
                options.Port = parse.GetValue(port);
                options.SeedFile = seedFile?.FullName;
                options.Wards = parse.GetValue(wards);
                options.CorsOrigins = origins;
                server = await LocalGraphServer.StartAsync(options, ct).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return CliApp.BadInput;
            }
            catch (IOException ex)
            {
                await context.Error.WriteLineAsync("cannot start the emulator: " + ex.Message).ConfigureAwait(false);
                return CliApp.Failed;
            }

            await using (server.ConfigureAwait(false))
            {
                var t = server.Tenant;
                await context.Out.WriteLineAsync(server.BaseUrl).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  data:     {server.DataDirectory}")).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  site:     https://{t.SharePointHostname}{t.WardSitePath} ({t.WardSiteId})")).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  group:    {t.WardGroupId}")).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  wards:    {server.Wards.Count}")).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  control:  {server.RootUrl}/_emulator/stats")).ConfigureAwait(false);
                await context.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
                await context.Out.FlushAsync(ct).ConfigureAwait(false);
                await LocalGraphStart.UntilStoppedAsync(ct).ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
