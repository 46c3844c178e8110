using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>
/// The catalogue command's path for what may be a scan (an image, a PDF, a reviewed .json copy) and for --review and --out:
/// the raw reading first (<see cref="DecisionImporters.ReadRaw"/>), then the assembler. A digital decision without --review
/// or --out goes back to the ordinary import, so its output and messages are unchanged.
/// </summary>
internal static class CatalogueScan
{
    private static readonly string[] MaybeScanned = [".PDF", ".PNG", ".JPG", ".JPEG", ".TIF", ".TIFF", ".JSON"];

    /// <summary>True when the catalogue command should read the file through this path.</summary>
    public static bool Applies(string path, bool review, string? copy) =>
        review || copy is not null || MaybeScanned.Contains(Path.GetExtension(path).ToUpperInvariant(), StringComparer.Ordinal);

    /// <summary>Runs the command; returns null when the file is a digital decision to import the ordinary way.</summary>
    public static async Task<int?> RunAsync(CliContext context, string path, UnitDirectory units, string format, bool review,
        string? copy, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = DecisionImporters.ReadRaw(path, units);
        if (raw.Scan is null && !review && copy is null)
        {
            return null;
        }

        if (copy is not null)
        {
            await context.Out.WriteAsync(CatalogueReview.WriteCopy(raw, copy, force).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (review)
        {
            await context.Out.WriteAsync(CatalogueReview.Lines(raw).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (copy is not null || review)
        {
            return CliApp.Ok;
        }

        var (catalogue, problems) = CatalogueScanOutput.Assemble(raw, units);
        if (catalogue is null)
        {
            foreach (var problem in problems)
            {
                await context.Error.WriteLineAsync(problem.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            if (format != "json")
            {
                // The table needs resolved units: the problems are on stderr; the JSON shows what was read.
                return CliApp.BadInput;
            }

            await context.Out.WriteAsync(CatalogueScanOutput.Raw(raw, problems).AsMemory(), cancellationToken).ConfigureAwait(false);
            return CliApp.Ok;
        }

        foreach (var warning in catalogue.Warnings)
        {
            await context.Error.WriteLineAsync(warning.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        var text = format == "json"
            ? CatalogueScanOutput.Json(catalogue)
            : CatalogueOutput.Table(catalogue, units) + Summary(catalogue.Scan!);
        await context.Out.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static string Summary(ScanReading scan) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Bản quét: {scan.Pages} trang, {scan.Dpi} dpi, {scan.Cells.Count} ô, {scan.NeedsReview.Count} ô dưới ngưỡng tin cậy " +
        $"{scan.Threshold:0}/100 cần rà soát (danvan365 catalogue TỆP --review).\n");
}

/// <summary>The catalogue command's review options (issue 27).</summary>
internal static class CatalogueOptions
{
    public static (System.CommandLine.Option<bool> Review, System.CommandLine.Option<string?> Copy, System.CommandLine.Option<bool> Force)
        Create() =>
        (new("--review") { Description = "Print the scan's cells below the confidence threshold (page, row, column, position, text)." },
            new("--out") { Description = "Write a copy to correct and import instead of the scan: COPY.json or COPY.docx." },
            new("--force") { Description = "Replace the --out file if it exists." });
}
