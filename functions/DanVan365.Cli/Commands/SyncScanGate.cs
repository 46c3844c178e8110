using System.CommandLine;
using System.Globalization;
using DanVan365.Core.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>`sync --accept-ocr`: the option, and the line saying how many scanned cells went through unreviewed.</summary>
internal static class SyncScanGate
{
    public static Option<bool> AcceptOcrOption() => new("--accept-ocr")
    {
        Description = "Sync a scanned decision whose low-confidence cells nobody reviewed (the cells are used as OCR read them).",
    };

    public static async Task PrintAcceptedAsync(CliContext context, IReadOnlyList<ScannedCell> accepted)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Count > 0)
        {
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Đã chấp nhận {accepted.Count} ô đọc từ bản quét có độ tin cậy thấp mà chưa được rà soát (--accept-ocr)."))
                .ConfigureAwait(false);
        }
    }
}
