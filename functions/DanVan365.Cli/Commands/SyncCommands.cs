using System.CommandLine;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;

namespace DanVan365.Cli.Commands;

/// <summary>`provision`, `sync FILE [--dry-run]` and `pull`: thin commands over the Lists and Planner use cases.</summary>
internal static class SyncCommands
{
    public static Command Provision(CliContext context)
    {
        var target = new TargetOptions();
        var file =
            new Argument<string?>("file")
            {
                Description = "The decision (gives the report rounds' folders; default: the bundled decision).",
                Arity = ArgumentArity.ZeroOrOne
            };
        var command = new Command("provision",
            "Create or upgrade the ward site's lists, library folders and Planner plan (idempotent).") { file };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(file), context, ct).ConfigureAwait(false);
            var result = await run.Get<WardSync>().ProvisionAsync(run.Catalogue, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"provision: lists created={result.ListsCreated} columns added={result.ColumnsAdded} "
                + $"folders created={result.FoldersCreated} columns renamed={result.ColumnsRenamed} "
                + $"requests={run.Session.Requests}")).ConfigureAwait(false);
            await PrintTeamsTabAsync(context, result.TeamsTab).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Sync(CliContext context)
    {
        var target = new TargetOptions();
        var file = new Argument<string>("file")
        {
            Description = "The decision (.txt text extraction, .docx, .pdf, a scan or a reviewed .json copy).",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (action and changed fields per entry); write nothing." };
        var acceptOcr = SyncScanGate.AcceptOcrOption();
        var command = new Command("sync",
            "Sync the decision's catalogue into the lists and Planner (provisions first if needed).") { file, dryRun, acceptOcr };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            // Bad input (and a scan with unreviewed low-confidence cells) stops in WardRun.OpenAsync: nothing sent yet.
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(file), context, ct,
                acceptOcr: parse.GetValue(acceptOcr)).ConfigureAwait(false);
            await SyncScanGate.PrintAcceptedAsync(context, run.AcceptedUnreviewed).ConfigureAwait(false);
            var dry = parse.GetValue(dryRun);
            var report = await run.Get<WardSync>().SyncAsync(run.Catalogue, Path.GetFileName(parse.GetValue(file)), dry,
                ct).ConfigureAwait(false);
            if (dry)
            {
                await context.Out.WriteAsync(ReissueSummary.Format(run.Catalogue, report.Lists)).ConfigureAwait(false);
                await PrintPlanAsync(context.Out, report.Lists, report.Planner).ConfigureAwait(false);
            }

            foreach (var failure in report.Failures)
            {
                await context.Error.WriteLineAsync($"Không ghi được {failure.Key}: {failure.Reason}").ConfigureAwait(false);
            }

            foreach (var person in report.Planner.UnresolvedPeople)
            {
                await context.Error.WriteLineAsync($"Không tìm thấy người dùng {person}: công việc vẫn được tạo, chưa giao cho người này.")
                    .ConfigureAwait(false);
            }

            foreach (var limit in report.Planner.Limits)
            {
                await context.Error.WriteLineAsync(limit.Sentence).ConfigureAwait(false);
            }

            await PrintTeamsTabAsync(context, report.TeamsTab).ConfigureAwait(false);
            await context.Out.WriteLineAsync(ClosingLine(report.Lists, report.Planner, report.ListRequests,
                report.PlannerRequests)).ConfigureAwait(false);
            return report.Succeeded ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    public static Command Pull(CliContext context)
    {
        var target = new TargetOptions();
        var file =
            new Argument<string?>("file")
            {
                Description = "The decision (for the plan title; default: the bundled decision).",
                Arity = ArgumentArity.ZeroOrOne
            };
        var command = new Command("pull",
            "Copy Planner progress (percent, completion) into Phân công with the status category as of today.") { file };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(file), context, ct).ConfigureAwait(false);
            var report = await run.Get<WardSync>().PullAsync(ct).ConfigureAwait(false);
            foreach (var failure in report.Failures)
            {
                await context.Error.WriteLineAsync($"{failure.Key}: {failure.Reason}").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"pull: updated={report.ProgressUpdated} requests={run.Session.Requests}")).ConfigureAwait(false);
            return report.Failures.Count == 0 ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    public static string ClosingLine(ListSyncReport lists, PlannerSyncReport planner, long listRequests, long plannerRequests) =>
        string.Create(CultureInfo.InvariantCulture,
            $"lists: created={lists.Count(ChangeKind.Create)} updated={lists.Count(ChangeKind.Update)} " +
                $"archived={lists.Count(ChangeKind.Archive)} unchanged={lists.Count(ChangeKind.Unchanged)} requests={listRequests}  " +
                $"planner: created={planner.Count(PlannerChangeKind.Create)} updated={planner.Count(PlannerChangeKind.Update)} " +
                $"archived={planner.Count(PlannerChangeKind.Archive)} unchanged={planner.Count(PlannerChangeKind.Unchanged)} " +
                $"requests={plannerRequests}");

    /// <summary>How the plan was pinned in Teams, for staff (a failure to pin is a warning on stderr; never a failed run).</summary>
    public static async Task PrintTeamsTabAsync(CliContext context, TeamsTabPin? pinned)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (pinned is not null)
        {
            var output = pinned.Kind == TeamsTabPinKind.Failed ? context.Error : context.Out;
            await output.WriteLineAsync("Teams: " + pinned.Describe()).ConfigureAwait(false);
        }
    }

    private static async Task PrintPlanAsync(TextWriter output, ListSyncReport lists, PlannerSyncReport planner)
    {
        foreach (var plan in new[] { lists.Tasks, lists.Assignments })
        {
            foreach (var change in plan.Changes.Where(c => c.Kind != ChangeKind.Unchanged))
            {
                await output.WriteLineAsync($"{plan.List.DisplayName}\t{Verb(change.Kind)}\t{change.Key}\t" +
                    $"{string.Join(", ", change.ChangedFields)}")
                    .ConfigureAwait(false);
            }
        }

        foreach (var change in planner.Plan?.Changes.Where(c => c.Kind != PlannerChangeKind.Unchanged) ?? [])
        {
            var parts = new List<string>();
            if (change.TaskChanged)
            {
                parts.Add("task");
            }

            if (change.DetailsChanged)
            {
                parts.Add("details");
            }

            if (change.AddAssigneeIds.Count > 0)
            {
                parts.Add("assignees+" + change.AddAssigneeIds.Count.ToString(CultureInfo.InvariantCulture));
            }

            await output.WriteLineAsync($"Planner\t{change.Kind.ToString().ToLowerInvariant()}\t{change.AssignmentKey}\t" +
                $"{string.Join(", ", parts)}").ConfigureAwait(false);
        }
    }

    private static string Verb(ChangeKind kind) => kind.ToString().ToLowerInvariant();
}
