using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan365.Cli.Target;
using DanVan365.Core.Proposals;
using DanVan365.Core.Scoring;
using DanVan365.Core.Wards;
using DanVan365.Functions.Triggers;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `score [--format table|json]`, `score propose|appraise|approve`: the units' scoring (issue 24) through the
/// <see cref="WardScoring"/> use case, local or tenant like the other commands. `--as` names the acting person of the unit
/// directory. A refusal prints its rule ("own-score: …") on stderr and exits 2 for bad input, 1 for a missing right
/// (separation of duties included), a state that does not allow it, or a row changed meanwhile; nothing is written then.
/// </summary>
internal static class ScoreCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format")
        {
            Description = "Output: table (default) or json.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var (target, decision, _) = Common();
        var command = new Command("score", "Chấm điểm: the scoring table (computed, proposed, appraised, grade, state); propose, " +
            "appraise, approve.") { format, decision };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var board = await run.Get<WardScoring>().BoardAsync(run.Catalogue, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                var view = ScoreApiViews.Board(run.Ward.Id, board, null, null);
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(view, Json)).ConfigureAwait(false);
                return CliApp.Ok;
            }

            await context.Out.WriteLineAsync("Đơn vị\tĐiểm tính toán\tĐiểm tự chấm\tĐiểm thẩm định\tXếp loại\tTrạng thái")
                .ConfigureAwait(false);
            foreach (var row in board.Rows)
            {
                var review = row.Review;
                await context.Out.WriteLineAsync(string.Join('\t', row.Computed.UnitCode, Points(row.Computed.Points),
                    Points(review?.Proposed?.Points), Points(review?.Appraised?.Points),
                    row.FinalGrade?.Label() ?? "không xếp loại (đơn vị được đề nghị phối hợp)",
                    row.Computed.Graded ? (review?.State ?? ScoreReviewState.NotProposed).Word() : "-")).ConfigureAwait(false);
            }

            foreach (var ignored in board.Ignored)
            {
                await context.Error.WriteLineAsync($"dòng chấm điểm {ignored.RowKey}: {IgnoredScore.Reason}").ConfigureAwait(false);
            }

            return CliApp.Ok;
        }));
        command.Subcommands.Add(Propose(context));
        command.Subcommands.Add(Appraise(context));
        command.Subcommands.Add(Approve(context));
        return command;
    }

    private static Command Propose(CliContext context)
    {
        var unit = new Option<string>("--unit") { Description = "The unit's code.", Required = true };
        var points = new Option<string>("--points") { Description = "The unit's own score, 0–100 (one decimal at most).", Required = true };
        var note = new Option<string>("--note") { Description = "The unit's note (required).", Required = true };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "A client request id: running the same propose again with it changes nothing.",
        };
        var (target, decision, actor) = Common();
        var command = new Command("propose", "A unit's head or assignee proposes the unit's score.")
        {
            unit, points, note, requestId, decision, actor,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var who = Actor(parse, actor);
            var value = ParsePoints(parse.GetValue(points));
            var code = parse.GetValue(unit)!.Trim();
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var result = await run.Get<WardScoring>().ProposeAsync(run.Catalogue, code, value, parse.GetValue(note),
                parse.GetValue(requestId), who, ct).ConfigureAwait(false);
            return await FinishAsync(context, result, b => (result.IsRepeated
                ? "điểm tự chấm này đã được ghi trước đó với mã yêu cầu này: "
                : "đã ghi điểm tự chấm: ") + Line(b, code)).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Appraise(CliContext context)
    {
        var unit = new Option<string>("--unit") { Description = "The unit's code.", Required = true };
        var points = new Option<string>("--points") { Description = "The appraised score, 0–100 (one decimal at most).", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why the points differ from the proposal (required then)." };
        var (target, decision, actor) = Common();
        var command = new Command("appraise", "A person of the aggregating unit appraises a unit's proposed score.")
        {
            unit, points, reason, decision, actor,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var who = Actor(parse, actor);
            var value = ParsePoints(parse.GetValue(points));
            var code = parse.GetValue(unit)!.Trim();
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var result = await run.Get<WardScoring>().AppraiseAsync(run.Catalogue, code, value, parse.GetValue(reason), who, ct)
                .ConfigureAwait(false);
            return await FinishAsync(context, result, b => "đã ghi điểm thẩm định: " + Line(b, code)).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Approve(CliContext context)
    {
        var (target, decision, actor) = Common();
        var command = new Command("approve", "The decision's signer (or a deputy) approves the whole appraised table.")
        {
            decision, actor,
        };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var who = Actor(parse, actor);
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(decision), context, ct).ConfigureAwait(false);
            var result = await run.Get<WardScoring>().ApproveAsync(run.Catalogue, who, ct).ConfigureAwait(false);
            return await FinishAsync(context, result, b => string.Create(CultureInfo.InvariantCulture,
                $"đã phê duyệt bảng điểm năm {b.Year}: {b.Graded.Count} đơn vị")).ConfigureAwait(false);
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

    /// <summary>"92.5" or "92,5"; anything else is bad input (exit 2). The range is the rules' to judge.</summary>
    private static double ParsePoints(string? text) =>
        double.TryParse((text ?? string.Empty).Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--points: '{text}' không phải một số điểm (ví dụ 92,5).");

    private static string Points(double? points) => points is { } p ? ScoreReviewRules.Points(p) : "-";

    private static string Line(ScoreBoard board, string unitCode)
    {
        var row = board.Find(unitCode)!;
        var review = row.Review!;
        var step = review.State == ScoreReviewState.Proposed ? review.Proposed : review.Appraised;
        return $"{row.Computed.UnitName} {Points(step?.Points)} điểm ({review.State.Word()}; điểm tính toán " +
            $"{Points(row.Computed.Points)})";
    }

    private static async Task<int> FinishAsync(CliContext context, ScoringResult result, Func<ScoreBoard, string> done)
    {
        if (result.Refusal is { } refusal)
        {
            await context.Error.WriteLineAsync($"{refusal.Code}: {refusal.Message}").ConfigureAwait(false);
            return refusal.Kind is RefusalKind.BadInput or RefusalKind.NotFound ? CliApp.BadInput : CliApp.Failed;
        }

        await context.Out.WriteLineAsync(done(result.Board!)).ConfigureAwait(false);
        return CliApp.Ok;
    }
}
