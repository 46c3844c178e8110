using System.CommandLine;

namespace DanVan365.Cli.Commands;

/// <summary>`danvan365 catalogue FILE [--units FILE] [--format table|json]` (placeholder until the importer lands).</summary>
internal static class CatalogueCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The decision (.txt text extraction or .docx)." };
        var command = new Command("catalogue", "Parse a decision and print its task catalogue.") { file };
        command.SetAction(async (parse, ct) =>
        {
            await context.Error.WriteLineAsync("not implemented yet").ConfigureAwait(false);
            return CliApp.Failed;
        });
        return command;
    }
}
