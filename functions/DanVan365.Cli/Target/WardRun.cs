using System.CommandLine;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Defaults;
using DanVan365.Core.Escalation;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Configuration;

namespace DanVan365.Cli.Target;

/// <summary>
/// What most commands start with: the target options and settings read and validated, the unit directory, the
/// holiday files and the decision loaded (bad input stops here, before any request to Microsoft 365), the container
/// built by the one registration, then the ward's scope opened. Commands call the scope's use cases.
/// </summary>
internal sealed class WardRun : IAsyncDisposable
{
    private WardRun(TargetSettings settings, WardContext ward, TaskCatalogue catalogue, M365Session session)
    {
        Settings = settings;
        Ward = ward;
        Catalogue = catalogue;
        Session = session;
    }

    public TargetSettings Settings { get; }

    public WardContext Ward { get; }

    public UnitDirectory Units => Ward.Units;

    public TaskCatalogue Catalogue { get; }

    public M365Session Session { get; }

    /// <summary>The scan's low-confidence cells let through unreviewed by `sync --accept-ocr` (empty for a digital decision).</summary>
    public IReadOnlyList<ScannedCell> AcceptedUnreviewed { get; private init; } = [];

    /// <summary>The bundled decision (copied next to the program).</summary>
    public static string BundledDecisionPath => Path.Combine(AppContext.BaseDirectory, "defaults", DefaultResources.DecisionFileName);

    public T Get<T>()
        where T : notnull => Session.Get<T>();

    /// <param name="target">The command's target options.</param>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="decisionPath">The decision file, or null for the bundled one.</param>
    /// <param name="context">Output and clock.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="adjust">Changes the settings once the ward is known (the demo picks its day from the calendar).</param>
    /// <param name="acceptOcr">Lets a scan with unreviewed low-confidence cells through (`sync --accept-ocr`); otherwise
    /// <see cref="ScanReviewGate"/> refuses it here, before any request.</param>
    public static async Task<WardRun> OpenAsync(
        TargetOptions target,
        ParseResult parse,
        string? decisionPath,
        CliContext context,
        CancellationToken cancellationToken,
        Func<TargetSettings, WardContext, TaskCatalogue, TargetSettings>? adjust = null,
        bool acceptOcr = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var settings = target.Read(parse);
        var configuration = CliSettings.Build(settings);
        var wardSettings = CliSettings.Ward(configuration);
        var unitsFile = settings.UnitsFile ?? wardSettings.UnitsFile;
        var units = unitsFile is null ? UnitDirectory.LoadDefault() : UnitDirectoryFiles.Load(unitsFile);
        var catalogue = DecisionImporters.Import(decisionPath ?? BundledDecisionPath, units);
        var accepted = ScanReviewGate.Check(catalogue, decisionPath ?? BundledDecisionPath, acceptOcr);
        var escalation = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>() ?? new EscalationOptions();
        var holidaySetting = $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}";
        var calendar = HolidayFiles.Load(escalation.HolidayFiles, holidaySetting, Environment.CurrentDirectory);
        var ward = new WardContext(wardSettings.Id!, wardSettings.Name!, wardSettings.PlanTitleFor(catalogue), units, calendar)
        {
            Report = wardSettings.Report,
            Scoring = ScoringModelFiles.Load(CliWardSettings.ScoringFileSetting, wardSettings.ScoringFile, Environment.CurrentDirectory),
            YearEnd = wardSettings.YearEnd,
        };
        settings = adjust?.Invoke(settings, ward, catalogue) ?? settings;

        var clock = ShiftedClock.For(context.Clock, settings.AsOf);
        foreach (var year in HolidayFiles.MissingYears(calendar, Core.Time.WardTime.Today(clock)))
        {
            await context.Error.WriteLineAsync(HolidayFiles.MissingYearMessage(ward.Name, year, holidaySetting)).ConfigureAwait(false);
        }

        var services = CliServices.Build(configuration, clock);
        var session = await M365Session.OpenAsync(settings, services, ward, clock, cancellationToken).ConfigureAwait(false);
        return new WardRun(settings, ward, catalogue, session) { AcceptedUnreviewed = accepted };
    }

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
