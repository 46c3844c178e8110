using System.CommandLine;
using DanVan365.Cli.Commands;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Cli.Target;

/// <summary>
/// What most commands start with: the target options read, the unit directory and the decision loaded and
/// validated (bad input stops here, before any request to Microsoft 365), then a session opened.
/// </summary>
internal sealed class WardRun : IAsyncDisposable
{
    private WardRun(TargetSettings settings, UnitDirectory units, TaskCatalogue catalogue, M365Session session)
    {
        Settings = settings;
        Units = units;
        Catalogue = catalogue;
        Session = session;
    }

    public TargetSettings Settings { get; }

    public UnitDirectory Units { get; }

    public TaskCatalogue Catalogue { get; }

    public M365Session Session { get; }

    /// <param name="decisionPath">The decision file, or null for the bundled one.</param>
    public static async Task<WardRun> OpenAsync(TargetOptions target, ParseResult parse, string? decisionPath, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var settings = target.Read(parse);
        var units = SyncCommands.LoadUnits(settings);
        var catalogue = SyncCommands.LoadCatalogue(decisionPath, units);
        var session = await M365Session.OpenAsync(settings, context.Clock, cancellationToken).ConfigureAwait(false);
        return new WardRun(settings, units, catalogue, session);
    }

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
