using System.CommandLine;
using DanVan365.Cli.Target;
using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Configuration;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `danvan365 doctor [target options]`: which protections are in place for the ward as far as Graph and the settings
/// tell, and what stays unverified (<see cref="WardProtections"/>), in Vietnamese for the IT admin; then whether the unit
/// directory is ready (<see cref="DirectoryReadiness"/>: placeholders, kinds, the ward's decision, holidays). Reads only.
/// Exit 0 when nothing is missing, 1 when something is (unverified lines do not fail it).
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var target = new TargetOptions();
        var command = new Command("doctor", "Report which protections are in place for the ward and which stay unverified.");
        target.AddTo(command);
        command.SetAction((parse, ct) => CliRunner.RunAsync(context, async () =>
        {
            var settings = target.Read(parse);
            var configuration = CliSettings.Build(settings);
            var wardSettings = CliSettings.Ward(configuration);
            var unitsFile = settings.UnitsFile ?? wardSettings.UnitsFile;
            var units = unitsFile is null ? UnitDirectory.LoadDefault() : UnitDirectoryFiles.Load(unitsFile);
            var escalation = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>() ?? new EscalationOptions();
            var holidaySetting = $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}";
            var calendar = HolidayFiles.Load(escalation.HolidayFiles, holidaySetting, Environment.CurrentDirectory);
            // The plan title is not read by the report; the ward's name stands in when the settings give none.
            var ward = new WardContext(wardSettings.Id!, wardSettings.Name!, wardSettings.PlanTitle ?? wardSettings.Name!, units, calendar)
            {
                // Checked as the units file is: a bad scoring file stops doctor with its setting and file:line (exit 2).
                Scoring = ScoringModelFiles.Load(CliWardSettings.ScoringFileSetting, wardSettings.ScoringFile,
                    Environment.CurrentDirectory),
            };
            var clock = ShiftedClock.For(context.Clock, settings.AsOf);
            await using var session = await M365Session.OpenAsync(settings, CliServices.Build(configuration, clock), ward, clock, ct)
                .ConfigureAwait(false);
            var checks = await session.Get<WardProtections>().CheckAsync(ct).ConfigureAwait(false);
            await context.Out.WriteAsync(WardProtections.Render(ward.Name, checks).AsMemory(), ct).ConfigureAwait(false);
            var readiness = Readiness(units, wardSettings.DecisionFile ?? WardRun.BundledDecisionPath, calendar, clock, holidaySetting);
            await context.Out.WriteAsync(DirectoryReadiness.Render(ward.Name, readiness).AsMemory(), ct).ConfigureAwait(false);
            var deployment = settings.TenantFile is not null
                && await Doctor.TenantDoctor.WriteAsync(session, units, ward.Name, context.Out, ct).ConfigureAwait(false);
            return deployment || checks.Concat(readiness).Any(c => c.State == ProtectionState.Missing) ? CliApp.Failed : CliApp.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The directory's readiness (<see cref="DirectoryReadiness"/>): placeholders, kinds to check, the ward's decision
    /// (Ward:DecisionFile, else the bundled one) imported with the directory, the holiday file of its year.
    /// </summary>
    private static IReadOnlyList<ProtectionCheck> Readiness(UnitDirectory units, string decisionPath, WardCalendar calendar,
        TimeProvider clock, string holidaySetting)
    {
        string? problem = null;
        var year = Core.Time.WardTime.Today(clock).Year;
        try
        {
            year = DecisionImporters.Import(decisionPath, units).Decision.Date.Year;
        }
        catch (InvalidInputException ex)
        {
            problem = ex.Message;
        }

        return DirectoryReadiness.Check(units, Path.GetFileName(decisionPath), problem, calendar, year, holidaySetting);
    }
}
