using DanVan365.Core.Catalogue;
using DanVan365.Core.Planner;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Wards;

/// <summary>What a ward sync did: the lists, then Planner, and the requests each part cost.</summary>
public sealed record WardSyncReport(ListSyncReport Lists, PlannerSyncReport Planner, long ListRequests, long PlannerRequests)
{
    /// <summary>Rows and tasks that could not be written.</summary>
    public IEnumerable<RowFailure> Failures => Lists.Failures.Concat(Planner.Failures);

    public bool Succeeded => Lists.Succeeded && Planner.Failures.Count == 0;

    /// <summary>How the plan was pinned in Teams when this sync made or checked the plan (best effort, never a failure).</summary>
    public TeamsTabPin? TeamsTab => Planner.TeamsTab;
}

/// <summary>
/// Use case: the ward's lists and plan follow a catalogue. Lists (<see cref="CatalogueSync"/>) → the links a task
/// carries → Planner (<see cref="PlannerSync"/>), the Phân công rows read by the first step handed to the second.
/// Also provisioning (lists, folders, plan) and the progress pull, all with the ward's plan title.
/// </summary>
public sealed class WardSync(
    WardContext ward,
    ISiteProvisioner provisioner,
    IPlannerStore plannerStore,
    CatalogueSync lists,
    PlannerSync planner,
    ISiteLinks links,
    IRequestMeter meter,
    WardRunLease lease)
{
    /// <summary>
    /// Creates or upgrades the lists, the library folders of the decision's rounds and the plan (idempotent), holding the
    /// ward's lease (two first runs make one plan).
    /// </summary>
    public Task<ProvisionResult> ProvisionAsync(TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return lease.RunAsync("provision", provision: true, async token =>
        {
            var result = await provisioner.EnsureAsync(SiteSchema.Folders(catalogue.Decision), token).ConfigureAwait(false);
            var pinned = await plannerStore.EnsurePlanAsync(PlannerDesign.Plan(catalogue, ward.Units, ward.PlanTitle), token)
                .ConfigureAwait(false);
            // A site without lists got them before the claim (the lease lives in one): they count as this run's.
            var counted = lease.ProvisionedOnClaim is { } first
                ? new ProvisionResult(first.ListsCreated + result.ListsCreated, first.ColumnsAdded + result.ColumnsAdded,
                    first.FoldersCreated + result.FoldersCreated)
                : result;
            return counted with { TeamsTab = pinned };
        }, cancellationToken);
    }

    /// <summary>Lists then Planner. <paramref name="decisionFileName"/> names the decision in the library (tasks link to it).</summary>
    public Task<WardSyncReport> SyncAsync(TaskCatalogue catalogue, string? decisionFileName, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        // One writer per ward: a second runner waits a bounded time, then is told the ward is busy, having written nothing.
        // A dry run writes nothing and takes no lease.
        return dryRun
            ? SyncUnguardedAsync(catalogue, decisionFileName, dryRun, cancellationToken)
            : lease.RunAsync("sync", provision: true, token => SyncUnguardedAsync(catalogue, decisionFileName, dryRun, token),
                cancellationToken);
    }

    private async Task<WardSyncReport> SyncUnguardedAsync(TaskCatalogue catalogue, string? decisionFileName, bool dryRun,
        CancellationToken cancellationToken)
    {
        var start = meter.Requests;
        var listReport = await lists.RunAsync(catalogue, ward.Units, dryRun, cancellationToken).ConfigureAwait(false);
        var afterLists = meter.Requests;
        var taskLinks = await links.PlannerLinksAsync(decisionFileName, cancellationToken).ConfigureAwait(false);
        var plannerReport = await planner
            .SyncAsync(catalogue, ward.Units, ward.PlanTitle, taskLinks, listReport.CurrentAssignmentRows, dryRun, cancellationToken)
            .ConfigureAwait(false);
        return new WardSyncReport(listReport, plannerReport, afterLists - start, meter.Requests - afterLists);
    }

    /// <summary>Planner progress → Phân công, with the status category as of today.</summary>
    public Task<PlannerSyncReport> PullAsync(CancellationToken cancellationToken) =>
        lease.RunAsync("pull", token => planner.PullAsync(ward.PlanTitle, token), cancellationToken);
}
