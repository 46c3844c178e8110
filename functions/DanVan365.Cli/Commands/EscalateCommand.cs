using System.CommandLine;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.Core.Escalation;
using DanVan365.Core.Wards;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `escalate [FILE] [--as-of DATE] [--dry-run]`: today's deadline reminders and escalations, one digest per recipient,
/// through Graph sendMail (local mode: .eml files in DATA/outbox/). Prints per recipient the subject and the item lines
/// (never bodies), then `escalate: recipients=N messages=N items=N skipped=N`.
/// </summary>
internal static class EscalateCommand
{
    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var file =
            new Argument<string?>("file")
            {
                Description =
            "The decision (report rounds, signer, aggregating unit; default: the bundled decision).",
                Arity = ArgumentArity.ZeroOrOne
            };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent; send and write nothing." };
        var command = new Command("escalate",
            "Send today's deadline reminders and escalations by e-mail (one digest per person, each step once).") { file, dryRun };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(file), context, ct).ConfigureAwait(false);
            var report = await run.Get<WardEscalation>().RunAsync(run.Catalogue, parse.GetValue(dryRun), ct).ConfigureAwait(false);
            await PrintAsync(context, report, run.Session.Outbox).ConfigureAwait(false);
            return report.Succeeded ? CliApp.Ok : CliApp.Failed;
        }));
        return command;
    }

    /// <summary>The closing line.</summary>
    public static string SummaryLine(EscalationRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"escalate: recipients={report.Recipients} messages={report.Messages} items={report.Items} skipped={report.Skipped}");
    }

    private static async Task PrintAsync(CliContext context, EscalationRunReport report, string? outbox)
    {
        var output = context.Out;
        var day = report.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (!report.IsWorkingDay)
        {
            await output.WriteLineAsync($"{day} là ngày nghỉ: không gửi thư.").ConfigureAwait(false);
        }

        foreach (var outcome in report.Digests)
        {
            var digest = outcome.Digest;
            await output.WriteLineAsync($"{StatusText(outcome.Status)}\t{digest.Recipient.DisplayName} " +
                $"<{digest.Recipient.Address}>\t{digest.Subject}").ConfigureAwait(false);
            foreach (var n in digest.Notifications)
            {
                var code = n.Item.TaskCode ?? (n.Item.Round is { } r ? "Lần " + r.ToString(CultureInfo.InvariantCulture) : string.Empty);
                var last = n.Item.LastDay?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "-";
                await output.WriteLineAsync($"\t{EscalationDigestComposer.GroupLabel(n.Level.Kind)}\t{code}\t{n.Item.UnitCode}\thạn " +
                    $"{last}\t{EscalationDigestComposer.DaysText(n.DaysPastLastDay)}\t({n.Level.Key})").ConfigureAwait(false);
            }

            if (outcome.Error is { } error)
            {
                await context.Error.WriteLineAsync($"{digest.Recipient.Address}: {error}").ConfigureAwait(false);
            }
        }

        foreach (var problem in report.Problems)
        {
            await context.Error.WriteLineAsync("Cảnh báo: " + problem).ConfigureAwait(false);
        }

        foreach (var entry in report.StalePending)
        {
            await context.Error.WriteLineAsync($"Chưa xác nhận đã gửi (nhận gửi lúc " +
                $"{entry.ClaimedAt.ToOffset(Core.Time.WardTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}, sẽ " +
                $"không gửi lại): {entry.IdempotencyKey}").ConfigureAwait(false);
        }

        foreach (var failure in report.Failures)
        {
            await context.Error.WriteLineAsync($"Không ghi được nhật ký {failure.Key}: {failure.Reason}").ConfigureAwait(false);
        }

        if (!report.DryRun && outbox is not null && report.Messages > 0)
        {
            await output.WriteLineAsync($"thư đã lưu trong {outbox}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(SummaryLine(report)).ConfigureAwait(false);
    }

    private static string StatusText(DigestStatus status) => status switch
    {
        DigestStatus.Planned => "sẽ gửi",
        DigestStatus.Sent => "đã gửi",
        DigestStatus.Taken => "bỏ qua (lượt chạy khác đã gửi)",
        DigestStatus.Rejected => "bị từ chối",
        DigestStatus.Unconfirmed => "chưa rõ đã gửi",
        DigestStatus.NotAttempted => "chưa gửi",
        _ => status.ToString(),
    };
}
