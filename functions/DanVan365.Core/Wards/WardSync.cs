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
                {
                    ColumnsRenamed = first.ColumnsRenamed + result.ColumnsRenamed,
                }
                : result;
            return counted with { TeamsTab = pinned };
        }, cancellationToken);
    }

    /// <summary>Lists then Planner. <paramref name="decisionFileName"/> names the decision in the library (tasks link to it).</summary>
    public async Task<WardSyncReport> SyncAsync(TaskCatalogue catalogue, string? decisionFileName, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        // A dry run writes nothing and takes no lease.
        if (dryRun)
        {
            return await SyncUnguardedAsync(catalogue, decisionFileName, dryRun, cancellationToken).ConfigureAwait(false);
        }

        // An idle run needs no lease: the lists and Planner planners are pure functions of (desired, current), so reading
        // the ward and planning without the lease is safe (nothing is written), and a plan that writes nothing ends the run
        // there. The lease (claim and release: PATCHes of the state list) would be most of an idle run's resource units,
        // and the hourly sync check of a city is mostly idle (issue 15: an identical re-sync ≤ 10 RU a ward). A run with
        // something to write claims the lease, then reads and plans again under it (another runner may have written
        // meanwhile): one writer per ward, a second runner waits a bounded time, then is told the ward is busy, having
        // written nothing. A run nested in one that holds the lease (intake) goes straight to the guarded sync.
        if (!lease.Held && await IdleAsync(catalogue, decisionFileName, cancellationToken).ConfigureAwait(false) is { } idle)
        {
            return idle;
        }

        return await lease.RunAsync("sync", provision: true,
            token => SyncUnguardedAsync(catalogue, decisionFileName, dryRun, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and plans without the lease: the report of a run that writes nothing (the same as the guarded sync would
    /// return), or null when provisioning, the lists or Planner have something to write.
    /// </summary>
    private async Task<WardSyncReport?> IdleAsync(TaskCatalogue catalogue, string? decisionFileName,
        CancellationToken cancellationToken)
    {
        var start = meter.Requests;
        if (!await provisioner.IsCurrentAsync(SiteSchema.Folders(catalogue.Decision), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var listPlan = await lists.RunAsync(catalogue, ward.Units, dryRun: true, cancellationToken).ConfigureAwait(false);
        if (listPlan.WritesPending)
        {
            return null;
        }

        var afterLists = meter.Requests;
        var taskLinks = await links.PlannerLinksAsync(decisionFileName, cancellationToken).ConfigureAwait(false);
        var plannerPlan = await planner.SyncAsync(catalogue, ward.Units, ward.PlanTitle, taskLinks, listPlan.AssignmentRowsRead,
            dryRun: true, cancellationToken).ConfigureAwait(false);
        if (plannerPlan.WritesPending)
        {
            return null;
        }

        var listReport = listPlan with
        {
            TasksApplied = new ApplyResult(0, []),
            AssignmentsApplied = new ApplyResult(0, []),
            Provisioned = new ProvisionResult(0, 0, 0),
        };
        var plannerReport = plannerPlan with
        {
            Applied = new PlannerApplyResult(new Dictionary<string, (string, string?)>(StringComparer.Ordinal), [], 0),
        };
        return new WardSyncReport(listReport, plannerReport, afterLists - start, meter.Requests - afterLists);
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
