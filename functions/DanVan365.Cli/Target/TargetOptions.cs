using System.CommandLine;
using System.Globalization;

namespace DanVan365.Cli.Target;

/// <summary>
/// The options every command that touches Microsoft 365 takes (docs/architecture.md "The CLI's common options"):
/// --data DIR (local Graph in-process, default ./.danvan365), --graph-url URL (a local Graph already running),
/// --tenant FILE (a real tenant), --as-of DATE (the clock in local runs).
/// </summary>
internal sealed class TargetOptions
{
    public Option<string> Data { get; } =
        new("--data")
        {
            Description = "Folder of the local Microsoft 365 state (default ./.danvan365).",
            DefaultValueFactory = _ => ".danvan365"
        };

    public Option<string?> GraphUrl { get; } =
        new("--graph-url") { Description = "Base URL of a local Graph already running (e.g. from `danvan365 emulator`)." };

    public Option<string?> Tenant { get; } =
        new("--tenant") { Description = "JSON file with the settings of a real tenant (see README, Configuration)." };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Today's date (yyyy-mm-dd) for local runs." };

    public Option<string?> Units { get; } = new("--units") { Description = "Unit directory JSON (default: the bundled Hải An directory)." };

    public Option<string?> Settings { get; } = new("--settings")
    {
        Description = "JSON settings: sections Ward (Name, PlanTitle, UnitsFile, ScoringFile) and Escalation (Steps, HolidayFiles, …).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(GraphUrl);
        command.Options.Add(Tenant);
        command.Options.Add(AsOf);
        command.Options.Add(Units);
        command.Options.Add(Settings);
    }

    public TargetSettings Read(ParseResult parse)
    {
        var asOfText = parse.GetValue(AsOf);
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new UsageException($"--as-of: '{asOfText}' is not a date (yyyy-mm-dd).");
            }

            asOf = day;
        }

        var tenant = parse.GetValue(Tenant);
        var graphUrl = parse.GetValue(GraphUrl);
        if (tenant is not null && graphUrl is not null)
        {
            throw new UsageException("--tenant and --graph-url cannot be combined.");
        }

        if (tenant is not null && asOf is not null)
        {
            throw new UsageException("--as-of sets the clock of local runs only; a tenant runs on real time.");
        }

        return new TargetSettings(Path.GetFullPath(parse.GetValue(Data) ?? ".danvan365"), graphUrl, tenant, asOf, parse.GetValue(Units))
        {
            SettingsFile = parse.GetValue(Settings),
        };
    }
}

/// <summary>Parsed target options.</summary>
internal sealed record TargetSettings(string DataDirectory, string? GraphUrl, string? TenantFile, DateOnly? AsOf, string? UnitsFile)
{
    /// <summary>The --settings file, or null.</summary>
    public string? SettingsFile { get; init; }

    public bool IsLocal => TenantFile is null;
}

/// <summary>Bad command-line usage (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
