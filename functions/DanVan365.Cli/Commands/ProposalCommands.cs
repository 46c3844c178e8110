using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan365.Cli.Target;
using DanVan365.Core.Proposals;
using DanVan365.Core.Wards;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `proposal add|list|review|decide|withdraw|draft`: the ward's adjustment proposals (issue 17) through the
/// <see cref="WardProposals"/> use case, local or tenant like the other commands. `--as` names the acting person of the
/// unit directory. A refusal prints its rule ("wrong-role: …", "own-proposal: …") on stderr and exits 2 for bad input or an
/// unknown id, 1 for a missing right (separation of duties included) or a state that does not allow it; nothing is written
/// then. `add --request-id` makes a repeated add print the proposal already recorded instead of filing a second.
/// </summary>
internal static class ProposalCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("proposal", "Đề xuất điều chỉnh: propose, list, review, decide, withdraw, draft the amendment.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Review(context));
        command.Subcommands.Add(Decide(context));
        command.Subcommands.Add(Withdraw(context));
        command.Subcommands.Add(Draft(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var unit = new Option<string>("--unit") { Description = "The proposing unit's code.", Required = true };
        var task = new Option<string?>("--task") { Description = "The task's code (none for a new task)." };
        var kind = new Option<string>("--kind") { Description = "extend | change | add | remove.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (required).", Required = true };
        var text = new Option<string?>("--text") { Description = "Proposed wording (change, add)." };
        var lastDay = new Option<string?>("--last-day") { Description = "Proposed last day, yyyy-mm-dd (extend)." };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "A client request id: running the same add again with it prints the proposal already recorded.",
        };
        var (target, decision, actor) = Common();
        var command = new Command("add", "Propose an adjustment for a unit; prints the new id as the last line.")
        {
            unit, task, kind, reason, text, lastDay, requestId, decision, actor,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var who = Actor(parse, actor);
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var request = new ProposalRequest(parse.GetValue(unit), parse.GetValue(task), parse.GetValue(kind), parse.GetValue(text),
                parse.GetValue(lastDay), parse.GetValue(reason), parse.GetValue(requestId));
            var outcome = await run.Get<WardProposals>().ProposeAsync(run.Catalogue, request, who, ct).ConfigureAwait(false);
            return await FinishAsync(context, outcome, p => outcome.IsRepeated
                ? $"đề xuất {ProposalRows.Title(p)} đã được ghi trước đó với mã yêu cầu này ({p.State.ToWord()})"
                : $"đã ghi đề xuất {ProposalRows.Title(p)} ({p.State.ToWord()})", p => p.Id).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var state = new Option<string?>("--state")
        {
            Description = "Only this state (pending, submitted, approved, rejected, withdrawn).",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: table (default) or json.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var target = new TargetOptions();
        var command = new Command("list", "List the proposals, newest first.") { state, format };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            ProposalState? only = null;
            if (parse.GetValue(state) is { } s)
            {
                only = ProposalCodes.TryParseState(s, out var parsed)
                    ? parsed
                    : throw new UsageException($"--state: '{s}' không phải trạng thái đề xuất (pending, submitted, approved, rejected, " +
                        "withdrawn).");
            }

            await using var run = await WardRun.OpenAsync(target, parse, null, context, ct).ConfigureAwait(false);
            var proposals = await run.Get<WardProposals>().ListAsync(only, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(proposals.Select(JsonView), Json)).ConfigureAwait(false);
                return CliApp.Ok;
            }

            foreach (var p in proposals)
            {
                await context.Out.WriteLineAsync(string.Join('\t', p.Id, p.State.ToWord(), p.Kind.ToWord(), p.UnitCode, p.TaskCode ?? "-",
                    Day(p.ProposedLastDay), p.ProposedBy, p.Reason)).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"proposals: {proposals.Count}"))
                .ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Review(CliContext context) => Step(context, "review", "The reviewer forwards or rejects a waiting proposal.",
        "--forward", "--reject", (uc, run, id, who, yes, note, ct) => uc.ReviewAsync(run.Catalogue, id, who, yes, note, ct));

    private static Command Decide(CliContext context) => Step(context, "decide", "The signer (or a deputy) approves or rejects a proposal.",
        "--approve", "--reject", (uc, run, id, who, yes, note, ct) => uc.DecideAsync(run.Catalogue, id, who, yes, note, ct));

    private static Command Withdraw(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The proposal's id (e.g. DX-2026-0001)." };
        var (target, decision, actor) = Common();
        var command = new Command("withdraw", "A person of the proposing unit withdraws a waiting proposal.") { id, decision, actor };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var who = Actor(parse, actor);
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var outcome = await run.Get<WardProposals>().WithdrawAsync(run.Catalogue, parse.GetValue(id)!, who, ct).ConfigureAwait(false);
            return await FinishAsync(context, outcome, Done, p => p.Id).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Draft(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The draft annex to write (.docx).", Required = true };
        var (target, decision, _) = Common();
        var command = new Command("draft", "Write the draft annex of the amending decision from the approved proposals.")
        {
            output, decision,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--out: '{parse.GetValue(output)}' phải là tệp .docx.");
            }

            if (Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir))
            {
                throw new UsageException($"--out: thư mục '{dir}' không tồn tại.");
            }

            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var (draft, content) = await run.Get<WardProposals>().DraftAsync(run.Catalogue, ct).ConfigureAwait(false);
            await File.WriteAllBytesAsync(path, content, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"đã ghi dự thảo ({draft.Rows.Count} dòng điều chỉnh) vào {path}")).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    private delegate Task<ProposalOutcome> StepAction(WardProposals proposals, WardRun run, string id, string actor, bool yes,
        string? note, CancellationToken cancellationToken);

    private static Command Step(CliContext context, string name, string description, string yesName, string noName, StepAction act)
    {
        var id = new Argument<string>("id") { Description = "The proposal's id (e.g. DX-2026-0001)." };
        var yes = new Option<bool>(yesName) { Description = "Accept this step." };
        var no = new Option<bool>(noName) { Description = "Refuse the proposal." };
        var note = new Option<string?>("--note") { Description = "A note for the record." };
        var (target, decision, actor) = Common();
        var command = new Command(name, description) { id, yes, no, note, decision, actor };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            if (parse.GetValue(yes) == parse.GetValue(no))
            {
                throw new UsageException($"Dùng đúng một trong {yesName} hoặc {noName}.");
            }

            var who = Actor(parse, actor);
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var outcome = await act(run.Get<WardProposals>(), run, parse.GetValue(id)!, who, parse.GetValue(yes), parse.GetValue(note), ct)
                .ConfigureAwait(false);
            return await FinishAsync(context, outcome, Done, p => p.Id).ConfigureAwait(false);
        }));
        return command;
    }

    private static (TargetOptions Target, Option<string?> Decision, Option<string> Actor) Common() => (new TargetOptions(),
        new Option<string?>("--decision") { Description = "The decision the rules read (default: the bundled decision)." },
        new Option<string>("--as") { Description = "The acting person's e-mail in the unit directory.", Required = true });

    private static string Actor(ParseResult parse, Option<string> actor) =>
        parse.GetValue(actor) is { Length: > 0 } a && a.Contains('@', StringComparison.Ordinal)
            ? a.Trim()
            : throw new UsageException($"--as: '{parse.GetValue(actor)}' không phải địa chỉ thư điện tử.");

    private static string Done(Proposal p) => $"đề xuất {p.Id}: {p.State.ToWord()}";

    private static async Task<int> FinishAsync(CliContext context, ProposalOutcome outcome, Func<Proposal, string> done,
        Func<Proposal, string> last)
    {
        if (outcome.Refusal is { } refusal)
        {
            await context.Error.WriteLineAsync($"{refusal.Code}: {refusal.Message}").ConfigureAwait(false);
            return refusal.Kind is RefusalKind.BadInput or RefusalKind.NotFound ? CliApp.BadInput : CliApp.Failed;
        }

        await context.Out.WriteLineAsync(done(outcome.Value)).ConfigureAwait(false);
        await context.Out.WriteLineAsync(last(outcome.Value)).ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static object JsonView(Proposal p) => new
    {
        id = p.Id,
        unit = p.UnitCode,
        taskCode = p.TaskCode,
        kind = p.Kind.ToCode(),
        kindLabel = p.Kind.ToWord(),
        text = p.ProposedText,
        lastDay = p.ProposedLastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        reason = p.Reason,
        proposer = p.ProposedBy,
        proposedOn = Day(p.ProposedOn),
        state = p.State.ToCode(),
        stateLabel = p.State.ToWord(),
        reviewNote = p.ReviewNote,
        reviewedBy = p.ReviewedBy,
        decisionNote = p.DecisionNote,
        decidedBy = p.DecidedBy,
        closedByDecision = p.ClosedByDecision,
    };
}
