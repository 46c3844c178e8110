using DanVan365.Core.Integrity;
using DanVan365.Core.Wards;
using DanVan365.M365.Client;
using DanVan365.M365.Integrity;
using DanVan365.M365.Library;
using DanVan365.M365.Lists;
using DanVan365.M365.Planner;

namespace DanVan365.M365;

/// <summary>
/// One run's Graph adapter objects over one connection (fresh caches and request meter, as a new run should have).
/// Built only by the registration (<see cref="Composition.DanVan365Services.AddDanVan365"/>), once per ward scope.
/// </summary>
public sealed class GraphAdapters : IDisposable, IRequestMeter
{
    /// <param name="connection">The configured Graph client.</param>
    /// <param name="clock">The composition root's clock: batch-item retry waits and state timestamps.</param>
    /// <param name="seal">The target's seal (docs/architecture.md "Records people can trust"): state values are sealed.</param>
    /// <param name="loggerFactory">The host's loggers (warnings such as a Planner assignee resolved by mail), or null.</param>
    /// <param name="shared">A person's call: the site's ids its earlier calls resolved (<see cref="WardSiteMaps"/>), or null.</param>
    internal GraphAdapters(GraphConnection connection, TimeProvider clock, RecordSeal seal,
        Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null, SiteMap? shared = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(seal);
        Connection = connection;
        Site = new SiteContext(connection, shared);
        // Batch item retries go to the request retries' category (GraphClientLog).
        Batches = new BatchRunner(connection.Client, clock, connection.Options.MaxAttempts,
            loggerFactory?.CreateLogger("DanVan365.M365.Client.Graph"));
        Lists = new GraphListStore(Site, Batches);
        Provisioner = new GraphSiteProvisioner(Site, Batches, clock, seal);
        Interventions = new GraphInterventionLog(Site, Batches, Lists, seal);
        State = new GraphStateStore(Site, Lists, clock, seal, Interventions);
        Planner = new GraphPlannerStore(connection, Batches, State, Interventions,
            loggerFactory?.CreateLogger("DanVan365.M365.Planner"), Site);
        Library = new GraphLibraryStore(Site, Batches, Provisioner);
        ReadAhead = new GraphReadAhead(Site, Batches, Library);
    }

    /// <summary>Reads a call is about to make, sent as one $batch.</summary>
    public IReadAheadStore ReadAhead { get; }

    public GraphConnection Connection { get; }

    public SiteContext Site { get; }

    public BatchRunner Batches { get; }

    public GraphListStore Lists { get; }

    public GraphSiteProvisioner Provisioner { get; }

    public GraphPlannerStore Planner { get; }

    public GraphLibraryStore Library { get; }

    /// <summary>Nhật ký can thiệp (edits made around DanVan365).</summary>
    public GraphInterventionLog Interventions { get; }

    /// <summary>Values kept between runs (list Trạng thái đồng bộ).</summary>
    public GraphStateStore State { get; }

    /// <summary>HTTP requests sent to Graph so far.</summary>
    public long Requests => Connection.Meter.Requests;

    public void Dispose() => Connection.Client.Dispose();
}
