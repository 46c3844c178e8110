using System.Text.Json;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using Microsoft.Extensions.Configuration;

namespace DanVan365.Cli.Target;

/// <summary>The ward as the CLI is told about it (section "Ward" of the settings).</summary>
internal sealed class CliWardSettings
{
    public const string Section = "Ward";

    /// <summary>Id in logs, e.g. "hai-an".</summary>
    public string? Id { get; set; }

    /// <summary>The ward's name as people write it, e.g. "Phường Hải An".</summary>
    public string? Name { get; set; }

    /// <summary>Title of the Planner plan; empty: "Dân vận {decision year} – {Name}".</summary>
    public string? PlanTitle { get; set; }

    /// <summary>The unit directory (JSON); --units wins; empty: the bundled Hải An directory.</summary>
    public string? UnitsFile { get; set; }

    /// <summary>The ward's decision (written by `danvan365 init`); `demo` runs on it (--decision wins); empty: the bundled one.</summary>
    public string? DecisionFile { get; set; }

    /// <summary>The scoring model (JSON, docs/scoring.md); empty: the bundled one. A bad file stops the command (exit 2).</summary>
    public string? ScoringFile { get; set; }

    /// <summary>The setting's name in messages.</summary>
    public const string ScoringFileSetting = Section + ":" + nameof(ScoringFile);

    /// <summary>How the ward closes its compiled report (section "Ward:Report"; what is not set comes from the decision).</summary>
    public Core.Reporting.ReportOptions Report { get; set; } = new();

    /// <summary>The year-end round's last day and data cut-off (section "Ward:YearEnd"; defaults 15/12 and 14/12).</summary>
    public Core.Reporting.YearEndOptions YearEnd { get; set; } = new();

    public string PlanTitleFor(TaskCatalogue catalogue) =>
        string.IsNullOrWhiteSpace(PlanTitle) ? PlannerDesign.DefaultPlanTitle(catalogue, Name!) : PlanTitle.Trim();
}

/// <summary>
/// The CLI's configuration: the bundled defaults (<c>Defaults/HaiAn/ward.json</c>), then the --tenant file, then the
/// --settings file; each may hold the sections "Ward" (Name, PlanTitle, UnitsFile, ScoringFile) and "Escalation" (Steps,
/// HolidayFiles, …). The tenant file's own M365 settings are read by <see cref="M365Session.ReadTenantFile"/>.
/// </summary>
internal static class CliSettings
{
    public const string DefaultsFile = "HaiAn/ward.json";

    /// <summary>The prefix of environment variables that set a value last, e.g. <c>DANVAN365_Integrity__SealKey</c>.</summary>
    public const string EnvironmentPrefix = "DANVAN365_";

    /// <param name="target">The target's files.</param>
    /// <param name="environment">The process's environment (tests give their own): variables named
    /// <see cref="EnvironmentPrefix"/> + section "__" key win over the files, so a secret such as the seal key
    /// (<c>Integrity:SealKey</c>) need not be written into a file.</param>
    public static IConfiguration Build(TargetSettings target, System.Collections.IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var builder = new ConfigurationBuilder().AddJsonStream(DefaultResources.Open(DefaultsFile));
        foreach (var file in new[] { target.TenantFile, target.SettingsFile })
        {
            if (file is not null)
            {
                builder.AddJsonStream(new MemoryStream(ReadJson(file)));
            }
        }

        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in environment ?? Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            {
                variables[name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        return builder.AddInMemoryCollection(variables).Build();
    }

    public static CliWardSettings Ward(IConfiguration configuration)
    {
        var ward = configuration.GetSection(CliWardSettings.Section).Get<CliWardSettings>() ?? new CliWardSettings();
        if (string.IsNullOrWhiteSpace(ward.Name))
        {
            throw new ConfigurationException($"{CliWardSettings.Section}:{nameof(CliWardSettings.Name)}", "is missing.");
        }

        ward.Name = ward.Name.Trim();
        ward.Id = string.IsNullOrWhiteSpace(ward.Id) ? "cli" : ward.Id.Trim();
        ward.Report.Validate($"{CliWardSettings.Section}:{Core.Reporting.ReportOptions.SectionName}");
        ward.YearEnd.Validate($"{CliWardSettings.Section}:{Core.Reporting.YearEndOptions.SectionName}");
        return ward;
    }

    /// <summary>A settings file's bytes, checked to be JSON first so a mistake is reported with file:line.</summary>
    private static byte[] ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(path, 0, "settings file not found");
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true
            });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(path, (int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message, ex);
        }

        return bytes;
    }
}
