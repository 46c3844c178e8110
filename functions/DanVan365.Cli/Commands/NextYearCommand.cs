using System.CommandLine;
using System.Globalization;
using DanVan365.Cli.Target;
using DanVan365.Core.Wards;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 next-year [FILE] --out DRAFT.docx [--force]`: next year's draft annex (docs/architecture.md "Next year's draft")
/// from this year's decision (FILE; without it the library's decision in use, else the bundled decision) and the Phân công
/// rows as of today (or --as-of). The output is checked before anything is read (a .docx, in a folder that exists, not an
/// existing file unless --force: exit 2, nothing written); the file is written whole (a temporary file moved into place).
/// </summary>
internal static class NextYearCommand
{
    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var file = new Argument<string?>("file")
        {
            Description = "This year's decision (default: the library's decision in use, else the bundled decision).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string>("--out") { Description = "The draft annex to write (.docx).", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new Command("next-year",
            "Write next year's draft annex: the tasks that recur and those not finished, dates moved one year.") { file, output, force };
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var path = OutputPath(parse.GetValue(output)!, parse.GetValue(force));
            await using var run = await WardRun.OpenAsync(target, parse, parse.GetValue(file), context, ct).ConfigureAwait(false);
            var nextYear = run.Get<WardNextYear>();
            var result = parse.GetValue(file) is null
                ? await nextYear.DraftInUseAsync(run.Catalogue, ct).ConfigureAwait(false)
                : await nextYear.DraftAsync(run.Catalogue, ct).ConfigureAwait(false);
            await WriteAsync(path, result.Content, parse.GetValue(force), ct).ConfigureAwait(false);
            var draft = result.Draft;
            var from = result.Source is null ? draft.From.Number : $"{draft.From.Number} ({result.Source})";
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"next-year: {draft.Year} draft from {from} as of {draft.AsOf:dd/MM/yyyy}: {draft.WorkItems.Count()} tasks, " +
                $"{draft.RecurringCount} recurring, {draft.UnfinishedCount} unfinished, {draft.Sections.Count} sections"))
                .ConfigureAwait(false);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"đã ghi dự thảo danh mục năm {draft.Year} ({draft.RecurringCount} nhiệm vụ thường xuyên, lặp lại hằng năm; " +
                $"{draft.UnfinishedCount} nhiệm vụ chưa hoàn thành) vào {path}")).ConfigureAwait(false);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>The full output path, or a usage error (exit 2) before anything is read or written.</summary>
    private static string OutputPath(string value, bool force)
    {
        string path;
        try
        {
            path = Path.GetFullPath(value);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"--out: '{value}' không phải là đường dẫn hợp lệ.");
        }

        if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--out: '{value}' phải là tệp .docx.");
        }

        if (Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir))
        {
            throw new UsageException($"--out: thư mục '{dir}' không tồn tại.");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"--out: '{path}' là một thư mục.");
        }

        if (File.Exists(path) && !force)
        {
            throw new UsageException($"--out: tệp '{path}' đã có; thêm --force để ghi đè.");
        }

        return path;
    }

    // Whole or nothing: the bytes go to a temporary file beside the target, then replace it in one move.
    private static async Task WriteAsync(string path, byte[] content, bool force, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: không ghi được tệp '{path}': {ex.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
