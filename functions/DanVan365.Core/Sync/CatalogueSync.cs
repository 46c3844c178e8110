using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Core.Sync;

/// <summary>The outcome of one list sync run: the plans (per list) and, unless dry-run, what applying them did.</summary>
public sealed record ListSyncReport(SyncPlan Tasks, SyncPlan Assignments, ApplyResult? TasksApplied, ApplyResult? AssignmentsApplied,
    ProvisionResult? Provisioned)
{
    /// <summary>The Phân công rows as read before applying; still current when the plan wrote nothing to them.</summary>
    public IReadOnlyList<CurrentRow> AssignmentRowsRead { get; init; } = [];

    /// <summary>Phân công rows that are known to be current (no writes happened), or null when they must be read again.</summary>
    public IReadOnlyList<CurrentRow>? CurrentAssignmentRows => !DryRun && Assignments.Writes.Any() ? null : AssignmentRowsRead;

    public bool DryRun => TasksApplied is null;

    public bool Succeeded => (TasksApplied?.Succeeded ?? true) && (AssignmentsApplied?.Succeeded ?? true);

    public int Count(ChangeKind kind) => Tasks.Count(kind) + Assignments.Count(kind);

    public IEnumerable<RowFailure> Failures =>
        (TasksApplied?.Failures ?? []).Concat(AssignmentsApplied?.Failures ?? []);
}

/// <summary>
/// Use case: keep Nhiệm vụ dân vận and Phân công in step with a validated catalogue.
/// Provision if needed → read current rows → plan (pure) → apply. A dry run reads and plans, never writes.
/// </summary>
public sealed class CatalogueSync(ISiteProvisioner provisioner, IListStore lists, TimeProvider clock)
{
    public async Task<ListSyncReport> RunAsync(TaskCatalogue catalogue, UnitDirectory units, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var today = Time.WardTime.Today(clock);
        var desiredTasks = DesiredRows.ForTasks(catalogue);
        var desiredAssignments = DesiredRows.ForAssignments(catalogue, units);

        ProvisionResult? provisioned = null;
        IReadOnlyList<CurrentRow> currentTasks = [];
        IReadOnlyList<CurrentRow> currentAssignments = [];
        if (dryRun)
        {
            if (await provisioner.IsProvisionedAsync(cancellationToken).ConfigureAwait(false))
            {
                currentTasks = await lists.ReadAsync(SiteSchema.Tasks, cancellationToken).ConfigureAwait(false);
                currentAssignments = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            provisioned = await provisioner.EnsureAsync(SiteSchema.Folders(catalogue.Decision), cancellationToken).ConfigureAwait(false);
            currentTasks = await lists.ReadAsync(SiteSchema.Tasks, cancellationToken).ConfigureAwait(false);
            currentAssignments = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        }

        var taskPlan = SyncPlanner.Plan(SiteSchema.Tasks, desiredTasks, currentTasks, today);
        var assignmentPlan = SyncPlanner.Plan(SiteSchema.Assignments, desiredAssignments, currentAssignments, today);
        if (dryRun)
        {
            return new ListSyncReport(taskPlan, assignmentPlan, null, null, null) { AssignmentRowsRead = currentAssignments };
        }

        var tasksApplied = await lists.ApplyAsync(taskPlan, desiredTasks, today, cancellationToken).ConfigureAwait(false);
        var assignmentsApplied = await lists.ApplyAsync(assignmentPlan, desiredAssignments, today, cancellationToken).ConfigureAwait(false);
        return new ListSyncReport(taskPlan, assignmentPlan, tasksApplied, assignmentsApplied,
            provisioned)
        { AssignmentRowsRead = currentAssignments };
    }
}
