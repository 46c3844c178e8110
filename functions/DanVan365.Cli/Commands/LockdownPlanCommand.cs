using System.CommandLine;
using DanVan365.Cli.Target;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 lockdown-plan [FILE] --site-url URL --group-id GUID --owners-group NAME [--units FILE] [--library-url PATH]
/// [--publisher EMAIL]… [--format shell|tsv]`: prints the CLI for Microsoft 365 commands that lock the ward's lists and
/// folders down (<see cref="LockdownPlan"/>). Touches nothing: infra/lockdown-permissions.sh runs what it prints.
/// </summary>
internal static class LockdownPlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("file")
        {
            Description = "The decision (its year and reporting rounds name the returns folders; default: the bundled decision).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var siteUrl = new Option<string>("--site-url")
        {
            Description = "The ward's site, https://<tenant>.sharepoint.com/sites/<name>.",
            Required = true,
        };
        var groupId = new Option<string>("--group-id")
        {
            Description = "Object id of the ward's Microsoft 365 group (members: read).",
            Required = true,
        };
        var owners = new Option<string>("--owners-group")
        {
            Description = "The site's owners SharePoint group (full control).",
            Required = true,
        };
        var units = new Option<string?>("--units") { Description = "Unit directory JSON (default: the bundled Hải An directory)." };
        var library = new Option<string>("--library-url")
        {
            Description = "Site-relative URL of the library (default: its title).",
            DefaultValueFactory = _ => SiteSchema.Library.DisplayName,
        };
        var publishers = new Option<string[]>("--publisher")
        {
            Description = "E-mail of a person who uploads decisions (contribute on the decisions folder); repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format")
        {
            Description = "shell (default) or tsv (for the script).",
            DefaultValueFactory = _ => "shell",
        };
        format.AcceptOnlyFromAmong("shell", "tsv");
        var command = new Command("lockdown-plan",
            "Print the m365 commands that make the system lists and the decisions folder read-only for members and give " +
            "units' people the returns folders.")
        {
            file, siteUrl, groupId, owners, units, library, publishers, format,
        };
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var target = ReadTarget(parse.GetValue(siteUrl)!, parse.GetValue(groupId)!, parse.GetValue(owners)!,
                parse.GetValue(library)!, parse.GetValue(publishers) ?? []);
            var unitsPath = parse.GetValue(units);
            var directory = unitsPath is null ? UnitDirectory.LoadDefault() : M365.Composition.UnitDirectoryFiles.Load(unitsPath);
            var catalogue = DecisionImporters.Import(parse.GetValue(file) ?? WardRun.BundledDecisionPath, directory);
            var tsv = parse.GetValue(format) == "tsv";
            foreach (var step in LockdownPlan.Build(target, catalogue.Decision, directory))
            {
                await context.Out.WriteLineAsync((tsv ? step.ToTabSeparated() : step.ToShell()).AsMemory(), ct).ConfigureAwait(false);
            }

            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>The options checked before anything is printed (exit 2 with the option's name).</summary>
    private static LockdownTarget ReadTarget(string siteUrl, string groupId, string owners, string library, string[] publishers)
    {
        if (!Uri.TryCreate(siteUrl, UriKind.Absolute, out var site) || site.Scheme != Uri.UriSchemeHttps
            || !site.Host.EndsWith(".sharepoint.com", StringComparison.OrdinalIgnoreCase)
            || !(site.AbsolutePath.StartsWith("/sites/", StringComparison.Ordinal)
                || site.AbsolutePath.StartsWith("/teams/", StringComparison.Ordinal)))
        {
            throw new UsageException($"--site-url: '{siteUrl}' is not https://<tenant>.sharepoint.com/sites/<name>.");
        }

        if (!Guid.TryParse(groupId, out var group) || group == Guid.Empty)
        {
            throw new UsageException($"--group-id: '{groupId}' is not an Entra object id (GUID).");
        }

        if (string.IsNullOrWhiteSpace(owners) || string.IsNullOrWhiteSpace(library))
        {
            throw new UsageException("--owners-group and --library-url must not be empty.");
        }

        foreach (var person in publishers.Where(p => !p.Contains('@', StringComparison.Ordinal)))
        {
            throw new UsageException($"--publisher: '{person}' is not an e-mail address.");
        }

        return new LockdownTarget(siteUrl, group.ToString("D"), owners.Trim(), library.Trim(), [.. publishers.Select(p => p.Trim())]);
    }
}
