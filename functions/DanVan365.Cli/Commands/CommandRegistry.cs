using System.CommandLine;

namespace DanVan365.Cli;

/// <summary>The list of danvan365's commands; each lives in its own file under Commands/.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Commands.CatalogueCommand.Create(context);
        yield return Commands.SyncCommands.Provision(context);
        yield return Commands.SyncCommands.Sync(context);
        yield return Commands.SyncCommands.Pull(context);
        yield return Commands.StatusCommand.Create(context);
        yield return Commands.EscalateCommand.Create(context);
        yield return Commands.ReportCommands.Round(context);
        yield return Commands.ReportCommands.Templates(context);
        yield return Commands.ReportCommands.Ingest(context);
        yield return Commands.ReportCommands.Submit(context);
        yield return Commands.ReportCommands.Compile(context);
        yield return Commands.ProposalCommands.Create(context);
        yield return Commands.NextYearCommand.Create(context);
        yield return Commands.ScoreCommands.Create(context);
        yield return Commands.DemoCommand.Create(context);
        yield return Commands.EmulatorCommand.Create(context);
        yield return Commands.BenchCityCommand.Create(context);
        yield return Commands.ServeCommand.Create(context);
        yield return Commands.LockdownPlanCommand.Create(context);
        yield return Commands.DoctorCommand.Create(context);
        yield return Commands.InitCommand.Create(context);
    }
}
