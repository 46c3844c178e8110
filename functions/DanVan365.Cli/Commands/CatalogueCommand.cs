using System.CommandLine;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>`danvan365 catalogue FILE [--units FILE] [--format table|json]`: parse a decision and print its task catalogue.</summary>
internal static class CatalogueCommand
{
    public static Command Create(CliContext context)
    {
        var file =
            new Argument<string>("file")
            {
                Description = "The decision or plan: a UTF-8 text extraction (.txt), .docx, .pdf, a scan (.png .jpg .tif) " +
                    "or a reviewed copy (.json).",
            };
        var unitsOption = new Option<string?>("--units") { Description = "Unit directory JSON (default: the bundled Hải An directory)." };
        var format =
            new Option<string>("--format") { Description = "Output: table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var (review, copy, force) = CatalogueOptions.Create();
        var command = new Command("catalogue", "Parse a decision and print its task catalogue.")
        {
            file, unitsOption, format, review, copy, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var unitsPath = parse.GetValue(unitsOption);
            var output = parse.GetValue(format) ?? "table";
            try
            {
                var units = unitsPath is null ? UnitDirectory.LoadDefault() : M365.Composition.UnitDirectoryFiles.Load(unitsPath);
                if (CatalogueScan.Applies(path, parse.GetValue(review), parse.GetValue(copy))
                    && await CatalogueScan.RunAsync(context, path, units, output, parse.GetValue(review), parse.GetValue(copy),
                        parse.GetValue(force), ct).ConfigureAwait(false) is { } exit)
                {
                    return exit;
                }

                var catalogue = DecisionImporters.Import(path, units);
                foreach (var warning in catalogue.Warnings)
                {
                    await context.Error.WriteLineAsync(warning.ToString().AsMemory(), ct).ConfigureAwait(false);
                }
                var text = output == "json" ? CatalogueOutput.Json(catalogue) : CatalogueOutput.Table(catalogue, units);
                await context.Out.WriteAsync(text.AsMemory(), ct).ConfigureAwait(false);
                return CliApp.Ok;
            }
            catch (InvalidInputException ex)
            {
                await context.Error.WriteLineAsync(ex.Message.AsMemory(), ct).ConfigureAwait(false);
                return CliApp.BadInput;
            }
            catch (Target.UsageException ex)
            {
                await context.Error.WriteLineAsync(ex.Message.AsMemory(), ct).ConfigureAwait(false);
                return CliApp.BadInput;
            }
        });
        return command;
    }
}
