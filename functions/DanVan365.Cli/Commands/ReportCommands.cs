using System.CommandLine;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Text;
using DanVan365.Core.Wards;

namespace DanVan365.Cli.Commands;

/// <summary>
/// Report rounds (issue 6): `round add|list`, `templates`, `ingest`, `submit`, `compile` — thin commands over the
/// reporting use cases (<see cref="ReportRounds"/>, <see cref="ReportTemplates"/>, <see cref="SubmissionIngest"/>,
/// <see cref="ReportCompilation"/>).
/// </summary>
internal static class ReportCommands
{
    public static Command Round(CliContext context)
    {
        var command = new Command("round",
            "Reporting rounds: the decision's rounds and ad hoc ones (stored in the library, \"2026/Đợt báo cáo.json\").");
        command.Subcommands.Add(RoundAdd(context));
        command.Subcommands.Add(RoundList(context));
        return command;
    }

    private static Command RoundAdd(CliContext context)
    {
        var target = new TargetOptions();
        var decision = DecisionOption();
        var title = new Option<string>("--title") { Description = "What the round is about (Vietnamese).", Required = true };
        var lastDay = new Option<string>("--last-day") { Description = "Last day to report (yyyy-mm-dd).", Required = true };
        var units = new Option<string[]>("--units")
        {
            Description = "The chosen units' codes (space- or comma-separated).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var tasks = new Option<string[]>("--tasks")
        {
            Description = "The chosen task codes of the catalogue (space- or comma-separated).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var actor = new Option<string>("--as")
        {
            Description = "The creating person's e-mail: the head or an assignee of the aggregating unit.",
            Required = true,
        };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "A client request id: running the same add again with it prints the round already created.",
        };
        var command = new Command("add",
            "Add an ad hoc round for chosen units and tasks (numbered after the existing ones): its folders and templates.")
        {
            title, lastDay, units, tasks, actor, requestId, decision,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var day = ParseDate("--last-day", parse.GetValue(lastDay)!);
            var who = parse.GetValue(actor) is { Length: > 0 } a && a.Contains('@', StringComparison.Ordinal)
                ? a.Trim()
                : throw new UsageException($"--as: '{parse.GetValue(actor)}' không phải địa chỉ thư điện tử.");
            var request = new AdHocRoundRequest(parse.GetValue(title), day, Codes(parse.GetValue(units)), Codes(parse.GetValue(tasks)),
                parse.GetValue(requestId));
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (catalogue, session) = (run.Catalogue, run.Session);
            await session.Provisioner.EnsureAsync(Core.Sync.SiteSchema.Folders(catalogue.Decision), ct).ConfigureAwait(false);
            var outcome = await session.Get<WardRounds>().CreateAsync(catalogue, request, who, ct).ConfigureAwait(false);
            if (outcome.Round is not { } round)
            {
                foreach (var problem in outcome.Problems)
                {
                    var line = problem.Field is null ? problem.Message : $"--{Flag(problem.Field)}: {problem.Message}";
                    await context.Error.WriteLineAsync(line).ConfigureAwait(false);
                }

                return outcome.Refusal == Core.Proposals.RefusalKind.BadInput ? CliApp.BadInput : CliApp.Failed;
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(outcome.IsRepeated ? "đã có từ trước" : "đã thêm")} {round.FolderName}: {round.Title}, hạn báo cáo " +
                    $"{VietnameseText.PaddedDate(round.LastDay)}; {round.Units?.Count} đơn vị, {round.Tasks?.Count} nhiệm vụ; thư mục " +
                    $"{ReportLibrary.RoundFolder(catalogue.Decision, round.Number)}/{{Mẫu, Nộp, Tổng hợp}}")).ConfigureAwait(false);
            foreach (var issued in outcome.Templates)
            {
                await context.Out.WriteLineAsync($"mẫu\t{issued.File.Path}").ConfigureAwait(false);
            }

            return CliApp.Ok;
        }));
        return command;
    }

    private static List<string> Codes(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static string Flag(string field) => field switch
    {
        "lastDay" => "last-day",
        _ => field,
    };

    private static Command RoundList(CliContext context)
    {
        var target = new TargetOptions();
        var decision = DecisionOption();
        var command = new Command("list", "List the reporting rounds: number, last day, title, origin.") { decision };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (catalogue, session) = (run.Catalogue, run.Session);
            foreach (var round in await session.Get<ReportRounds>().ListAsync(catalogue.Decision, ct).ConfigureAwait(false))
            {
                var chosen = round.Units is { } units
                    ? $"\t{string.Join(',', units)}\t{string.Join(',', round.Tasks ?? [])}"
                    : string.Empty;
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{round.Number}\t{VietnameseText.PaddedDate(round.LastDay)}\t{round.Title}\t" +
                    $"{(round.YearEnd ? "tổng kết" : round.AdHoc ? "đột xuất" : "theo quyết định")}{chosen}"))
                        .ConfigureAwait(false);
            }

            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Templates(CliContext context)
    {
        var target = new TargetOptions();
        var decision = DecisionOption();
        var round = RoundOption(required: true);
        var output = new Option<string?>("--out") { Description = "Also write the templates into this folder." };
        var command = new Command("templates",
            "Write one report template (.docx) per unit for a round into \"…/Đợt N/Mẫu/\".") { round, output, decision };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (units, catalogue, session) = (run.Units, run.Catalogue, run.Session);
            await session.Provisioner.EnsureAsync(Core.Sync.SiteSchema.Folders(catalogue.Decision), ct).ConfigureAwait(false);
            var chosen = await FindRoundAsync(session, catalogue, parse.GetValue(round)!.Value, ct).ConfigureAwait(false);
            var issued = await session.Get<ReportTemplates>().IssueAsync(catalogue, units, chosen, run.Ward.IdentityFor(catalogue.Decision),
                ct).ConfigureAwait(false);
            var outDir = parse.GetValue(output);
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
            }

            foreach (var template in issued)
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{template.File.Path}\t{template.Spec.UnitCode}\t{template.Spec.Rows.Count} nhiệm vụ");
                if (outDir is not null)
                {
                    var local = Path.Combine(outDir, template.FileName);
                    await File.WriteAllBytesAsync(local, template.Content, ct).ConfigureAwait(false);
                    line += "\t" + local;
                }

                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"templates: {chosen.FolderName} files={issued.Count} requests={session.Requests}")).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Ingest(CliContext context)
    {
        var target = new TargetOptions();
        var decision = DecisionOption();
        var round = RoundOption(required: false);
        var force =
            new Option<bool>("--force") { Description = "Read every file again, even those already ingested in their current version." };
        var command = new Command("ingest",
            "Read new or changed files in the rounds' \"Nộp\" folders into Báo cáo kết quả (exit 1 when a file is rejected).") { round,
            force, decision };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (catalogue, session) = (run.Catalogue, run.Session);
            IReadOnlyList<ReportRound> rounds = parse.GetValue(round) is { } number
                ? [await FindRoundAsync(session, catalogue, number, ct).ConfigureAwait(false)]
                : await session.Get<ReportRounds>().ListAsync(catalogue.Decision, ct).ConfigureAwait(false);
            var report = await NewIngest(session).IngestAsync(catalogue, rounds, parse.GetValue(force), ct).ConfigureAwait(false);
            foreach (var file in report.Files)
            {
                await PrintAsync(context, file).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ingest: accepted={report.Count(IngestOutcome.Accepted)} rejected={report.Count(IngestOutcome.Rejected)} " +
                    $"failed={report.Count(IngestOutcome.Failed)} unchanged={report.Count(IngestOutcome.Unchanged)} " +
                    $"requests={session.Requests}")).ConfigureAwait(false);
            return report.AllAccepted ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    public static Command Submit(CliContext context)
    {
        var target = new TargetOptions();
        var decision = DecisionOption();
        var file = new Argument<string>("file") { Description = "A filled report template (.docx)." };
        var command = new Command("submit",
            "Upload a filled template to its round's \"Nộp\" folder and ingest it (exit 1 when rejected).") { file, decision };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new InvalidInputException(path, 0, "không tìm thấy tệp");
            }

            var content = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (catalogue, session) = (run.Catalogue, run.Session);
            await session.Provisioner.EnsureAsync(Core.Sync.SiteSchema.Folders(catalogue.Decision), ct).ConfigureAwait(false);
            var rounds = await session.Get<ReportRounds>().ListAsync(catalogue.Decision, ct).ConfigureAwait(false);
            var result = await NewIngest(session).SubmitAsync(catalogue, rounds, content, ct).ConfigureAwait(false);
            if (result.Ingested is { } ingested)
            {
                await PrintAsync(context, ingested).ConfigureAwait(false);
                return ingested.Outcome == IngestOutcome.Accepted ? CliApp.Ok : CliApp.Failed;
            }

            await context.Out.WriteLineAsync($"từ chối\t{path}\t(chưa tải lên)").ConfigureAwait(false);
            foreach (var reason in result.Refused!.Rejections)
            {
                await context.Out.WriteLineAsync("  - " + Reason(reason)).ConfigureAwait(false);
            }

            return CliApp.Failed;
        }));
        return command;
    }

    public static Command Compile(CliContext context)
    {
        var target = new TargetOptions();
        var decision = DecisionOption();
        var round = RoundOption(required: true);
        var output = new Option<string?>("--out") { Description = "Also write the report to this file." };
        var command = new Command("compile",
            "Compile a round's BÁO CÁO (ND30 format) into \"…/Đợt N/Tổng hợp/Bao-cao-Dot-N.docx\".") { round, output, decision };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (catalogue, session) = (run.Catalogue, run.Session);
            var chosen = await FindRoundAsync(session, catalogue, parse.GetValue(round)!.Value, ct).ConfigureAwait(false);
            // The ward's use case: part IV lists the round's proposals; approved extensions stand beside their tasks.
            var result = await session.Get<RoundCompilation>().CompileAsync(catalogue, chosen.Number, ct).ConfigureAwait(false);
            var figures = result.Report.Figures;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{result.File.Path}\t{figures.WorkItems} nhiệm vụ\t{figures.ReportedUnits.Count}/{figures.ExpectedUnits.Count} đơn vị " +
                    $"đã báo cáo\tngày {VietnameseText.PaddedDate(result.Report.Date)}");
            if (parse.GetValue(output) is { } outFile)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(outFile)) is { } dir)
                {
                    Directory.CreateDirectory(dir);
                }

                await File.WriteAllBytesAsync(outFile, result.Content, ct).ConfigureAwait(false);
                line += "\t" + outFile;
            }

            await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            if (result.File.WebUrl is { } address)
            {
                // The file's address as Graph gives it (driveItem webUrl), never built by hand.
                await context.Out.WriteLineAsync("địa chỉ\t" + address).ConfigureAwait(false);
            }

            if (figures.MissingUnits.Count > 0)
            {
                await context.Out.WriteLineAsync("chưa báo cáo: " + string.Join(", ",
                    figures.MissingUnits.Select(u => u.Name))).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"compile: {chosen.FolderName} bytes={result.Content.Length} requests={session.Requests}")).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    private static Option<string?> DecisionOption()
        => new("--decision") { Description = "The decision (.txt or .docx; default: the bundled decision)." };

    private static Option<int?> RoundOption(bool required)
        => new("--round") { Description = "Round number (\"Đợt N\").", Required = required };

    private static SubmissionIngest NewIngest(M365Session session) => session.Get<SubmissionIngest>();

    private static async Task<ReportRound> FindRoundAsync(M365Session session, TaskCatalogue catalogue, int number, CancellationToken ct) =>
        await session.Get<ReportRounds>().FindAsync(catalogue.Decision, number, ct).ConfigureAwait(false)
            ?? throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--round: không có đợt báo cáo {number} (xem `danvan365 round list`)."));

    private static async Task PrintAsync(CliContext context, IngestedFile file)
    {
        switch (file.Outcome)
        {
            case IngestOutcome.Accepted:
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"đã nhận\t{file.File.Path}\t{file.Result?.Key?.UnitCode}\tghi {file.RowsWritten} dòng")).ConfigureAwait(false);
                if (file.SelfScore is { } selfScore)
                {
                    await context.Out.WriteLineAsync("  " + selfScore).ConfigureAwait(false);
                }

                break;
            case IngestOutcome.Rejected:
                await context.Out.WriteLineAsync($"từ chối\t{file.File.Path}").ConfigureAwait(false);
                foreach (var reason in file.Result?.Rejections ?? [])
                {
                    await context.Out.WriteLineAsync("  - " + Reason(reason)).ConfigureAwait(false);
                }

                break;
            case IngestOutcome.Unchanged when file.StandingRejection is { } reasons:
                await context.Out.WriteLineAsync($"từ chối (chưa nộp lại)\t{file.File.Path}").ConfigureAwait(false);
                await context.Out.WriteLineAsync("  - " + reasons).ConfigureAwait(false);
                break;
            case IngestOutcome.Failed:
                await context.Out.WriteLineAsync($"lỗi ghi\t{file.File.Path}").ConfigureAwait(false);
                foreach (var failure in file.Failures)
                {
                    await context.Error.WriteLineAsync($"Không ghi được {failure.Key}: {failure.Reason}").ConfigureAwait(false);
                }

                break;
        }
    }

    private static string Reason(SubmissionRejection reason)
        => reason.TaskCode is null ? reason.Message : $"{reason.TaskCode}: {reason.Message}";

    private static DateOnly ParseDate(string option, string text)
    {
        foreach (var format in new[] { "yyyy-MM-dd", "d/M/yyyy" })
        {
            if (DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        throw new UsageException($"{option}: '{text}' không phải ngày dạng năm-tháng-ngày, ví dụ 2026-09-30.");
    }
}
