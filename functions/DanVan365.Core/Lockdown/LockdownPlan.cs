using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Lockdown;

/// <summary>What the lockdown needs to know about the ward's site (docs/architecture.md "Lockdown").</summary>
/// <param name="SiteUrl">The ward's site, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.</param>
/// <param name="WardGroupId">Object id of the ward's Microsoft 365 group, whose members get read access.</param>
/// <param name="OwnersGroup">The site's owners SharePoint group (its name is localised, e.g. "Phường Hải An Owners").</param>
/// <param name="LibraryUrl">The library's site-relative URL (default: its title, <see cref="SiteSchema.Library"/>).</param>
/// <param name="Publishers">E-mail of people who upload decisions (contribute on "Quyết định"); may be empty.</param>
public sealed record LockdownTarget(string SiteUrl, string WardGroupId, string OwnersGroup, string LibraryUrl,
    IReadOnlyList<string> Publishers);

/// <summary>
/// The permissions an administrator sets where Microsoft Graph cannot (Graph v1.0 has no list or folder permissions), as
/// commands of the CLI for Microsoft 365 (https://pnp.github.io/cli-microsoft365/). Pure: the same target, decision and
/// directory always give the same commands, which `danvan365 lockdown-plan` prints and infra/lockdown-permissions.sh runs.
/// <list type="bullet">
/// <item>every list of <see cref="SiteSchema.All"/> except the library and the lists people write in SharePoint
///   (<see cref="PeopleWrittenLists"/>): inheritance broken with existing permissions cleared, the site's owners full
///   control, the ward group's members read (deny by default: a list added to the schema is locked too);</item>
/// <item>the decisions folder: the same, plus contribute for the named publishers;</item>
/// <item>each round's returns folder ("2026/Đợt N/Nộp"): the same, plus contribute for every unit's people (heads and
///   assignees). Returns are one folder per round, not per unit, so a unit's person can also write another unit's file
///   there; the uploader check (<see cref="ReturnUploaders"/>) then refuses that file, so it can be spoiled, not forged.</item>
/// </list>
/// Permission levels are given by id, not name: the names are localised on a Vietnamese site, the ids are not
/// (1073741829 Full Control, 1073741827 Contribute, 1073741826 Read; SP.RoleType, as in the examples of
/// https://pnp.github.io/cli-microsoft365/cmd/spo/list/list-roleassignment-add/).
/// </summary>
public static class LockdownPlan
{
    /// <summary>The npm package the script runs, pinned to one version (checked with `npm view`).</summary>
    public const string CliPackage = "@pnp/cli-microsoft365@11.11.0";

    /// <summary>Permission level "Full Control" (role definition id).</summary>
    public const string FullControl = "1073741829";

    /// <summary>Permission level "Contribute" (role definition id).</summary>
    public const string Contribute = "1073741827";

    /// <summary>Permission level "Read" (role definition id).</summary>
    public const string Read = "1073741826";

    /// <summary>Lists people write in SharePoint itself, left as the site has them: Báo cáo kết quả (a unit may type its
    /// report rows there: docs/architecture.md "Deliberate differences").</summary>
    public static IReadOnlyList<ListDefinition> PeopleWrittenLists { get; } = [SiteSchema.Reports];

    /// <summary>The lists whose members get read access only: every list but the library and <see cref="PeopleWrittenLists"/>.</summary>
    public static IReadOnlyList<ListDefinition> ReadOnlyLists =>
        [.. SiteSchema.All.Where(l => !l.IsLibrary && !PeopleWrittenLists.Contains(l))];

    /// <summary>The library folders locked: the decisions folder and each round's returns folder (site-relative).</summary>
    public static IReadOnlyList<string> Folders(LockdownTarget target, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(decision);
        var library = target.LibraryUrl.Trim('/');
        return [library + "/" + SiteSchema.DecisionFolder,
            .. decision.ReportingRounds.Select(r => library + "/" + ReportLibrary.SubmissionsFolder(decision, r.Round))];
    }

    /// <summary>
    /// The unit people who get contribute on the returns folders: every unit's head and assignees, by e-mail, each once,
    /// in directory order.
    /// </summary>
    public static IReadOnlyList<string> ReturnContributors(UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return [.. units.People.Where(p => p.Unit is not null && PersonRoles.IsUnitPerson(p.Role)).Select(p => p.Email.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The commands, in the order they must run (each securable: break, then grant).</summary>
    public static IReadOnlyList<M365Command> Build(LockdownTarget target, Decision decision, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(units);
        var site = target.SiteUrl.TrimEnd('/');
        var commands = new List<M365Command>();
        foreach (var list in ReadOnlyLists)
        {
            string[] on = ["--webUrl", site, "--listTitle", list.DisplayName];
            // https://pnp.github.io/cli-microsoft365/cmd/spo/list/list-roleinheritance-break/
            commands.Add(Command(["spo", "list", "roleinheritance", "break", .. on, "--clearExistingPermissions", "--force"]));
            // https://pnp.github.io/cli-microsoft365/cmd/spo/list/list-roleassignment-add/
            commands.Add(Command(["spo", "list", "roleassignment", "add", .. on, "--groupName", target.OwnersGroup,
                "--roleDefinitionId", FullControl]));
            commands.Add(Command(["spo", "list", "roleassignment", "add", .. on, "--entraGroupId", target.WardGroupId,
                "--roleDefinitionId", Read]));
        }

        var folders = Folders(target, decision);
        var contributors = ReturnContributors(units);
        foreach (var folder in folders)
        {
            string[] on = ["--webUrl", site, "--folderUrl", folder];
            // https://pnp.github.io/cli-microsoft365/cmd/spo/folder/folder-roleinheritance-break/
            commands.Add(Command(["spo", "folder", "roleinheritance", "break", .. on, "--clearExistingPermissions", "--force"]));
            // https://pnp.github.io/cli-microsoft365/cmd/spo/folder/folder-roleassignment-add/
            commands.Add(Command(["spo", "folder", "roleassignment", "add", .. on, "--groupName", target.OwnersGroup,
                "--roleDefinitionId", FullControl]));
            commands.Add(Command(["spo", "folder", "roleassignment", "add", .. on, "--entraGroupId", target.WardGroupId,
                "--roleDefinitionId", Read]));
            var writers = folder == folders[0] ? target.Publishers : contributors;
            foreach (var person in writers.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                commands.Add(Command(["spo", "folder", "roleassignment", "add", .. on, "--upn", person,
                    "--roleDefinitionId", Contribute]));
            }
        }

        return commands;
    }

    private static M365Command Command(string[] words) => new(["m365", .. words]);
}
