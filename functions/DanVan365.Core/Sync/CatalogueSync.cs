using DanVan365.Core.Catalogue;
using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;
using DanVan365.Core.Units;

namespace DanVan365.Core.Sync;

/// <summary>The outcome of one list sync run: the plans (per list) and, unless dry-run, what applying them did.</summary>
public sealed record ListSyncReport(SyncPlan Tasks, SyncPlan Assignments, ApplyResult? TasksApplied, ApplyResult? AssignmentsApplied,
    ProvisionResult? Provisioned)
{
    /// <summary>The Phân công rows as read before applying; still current when the plan wrote nothing to them.</summary>
    public IReadOnlyList<CurrentRow> AssignmentRowsRead { get; init; } = [];

    /// <summary>Phân công rows that are known to be current (no writes happened), or null when they must be read again.</summary>
    public IReadOnlyList<CurrentRow>? CurrentAssignmentRows =>
        !DryRun && (Assignments.Writes.Any() || Extensions is { Patches.Count: > 0 }) ? null : AssignmentRowsRead;

    /// <summary>
    /// True when some Phân công row's extended last day does not verify (<see cref="ExtensionSeals"/>): a run that writes puts
    /// it right from the approved proposals.
    /// </summary>
    public bool ExtensionsToRepair { get; init; }

    /// <summary>What the extended last days' repair wrote and found (null when nothing needed it, or in a dry run).</summary>
    public ExtensionRepair? Extensions { get; init; }

    /// <summary>Per-row failures of the extended last days' repair and of recording the interventions.</summary>
    public IReadOnlyList<RowFailure> IntegrityFailures { get; init; } = [];

    /// <summary>Edits made around DanVan365 that this run put right (recorded in Nhật ký can thiệp unless dry-run).</summary>
    public IReadOnlyList<Intervention> Interventions =>
        [.. Tasks.Interventions, .. Assignments.Interventions, .. Extensions?.Interventions ?? []];

    /// <summary>True when a run that writes has something to do (the plans write, or an extended last day is to repair).</summary>
    public bool WritesPending => Tasks.Writes.Any() || Assignments.Writes.Any() || ExtensionsToRepair;

    public bool DryRun => TasksApplied is null;

    public bool Succeeded => (TasksApplied?.Succeeded ?? true) && (AssignmentsApplied?.Succeeded ?? true) && IntegrityFailures.Count == 0;

    public int Count(ChangeKind kind) => Tasks.Count(kind) + Assignments.Count(kind);

    public IEnumerable<RowFailure> Failures =>
        (TasksApplied?.Failures ?? []).Concat(AssignmentsApplied?.Failures ?? []).Concat(IntegrityFailures);
}

/// <summary>
/// Use case: keep Nhiệm vụ dân vận and Phân công in step with a validated catalogue.
/// Provision if needed → read current rows → plan (pure) → apply. A dry run reads and plans, never writes.
/// The sync values carry a seal (<see cref="SyncSeals"/>) and Phân công's extended last days theirs (<see cref="ExtensionSeals"/>):
/// a value edited around DanVan365 is restored and recorded in Nhật ký can thiệp (docs/architecture.md "Records people can
/// trust"). Verifying costs no request: the rows are read anyway; the proposals are read only when an extended last day fails.
/// </summary>
/// <para>A run that may stop early (<see cref="Wards.WardRunDeadline"/>) writes one <c>$batch</c> of rows at a time and stops
/// between them once its deadline has passed, recording the restored values it wrote; the next run plans the rest.</para>
public sealed class CatalogueSync(ISiteProvisioner provisioner, IListStore lists, TimeProvider clock, RecordSeal seal,
    IInterventionLog interventions, IProposalStore proposals, Wards.WardRunDeadline deadline)
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

        var taskPlan = SyncPlanner.Plan(SiteSchema.Tasks, desiredTasks, currentTasks, today, seal);
        var assignmentPlan = SyncPlanner.Plan(SiteSchema.Assignments, desiredAssignments, currentAssignments, today, seal);
        var extensionsToRepair = ExtensionSeals.NeedRepair(currentAssignments, seal);
        if (dryRun)
        {
            return new ListSyncReport(taskPlan, assignmentPlan, null, null, null)
            {
                AssignmentRowsRead = currentAssignments,
                ExtensionsToRepair = extensionsToRepair,
            };
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<Intervention> restorable = [.. taskPlan.Interventions, .. assignmentPlan.Interventions];
        var tasksApplied = await ApplyAsync(taskPlan, desiredTasks, today, restorable, written, cancellationToken).ConfigureAwait(false);
        var assignmentsApplied = await ApplyAsync(assignmentPlan, desiredAssignments, today, restorable, written, cancellationToken)
            .ConfigureAwait(false);
        var failures = new List<RowFailure>();
        ExtensionRepair? extensions = null;
        if (extensionsToRepair)
        {
            await StopIfDueAsync(restorable, written, today, cancellationToken).ConfigureAwait(false);
            var listing = await proposals.ReadAsync(cancellationToken).ConfigureAwait(false);
            extensions = ExtensionSeals.Plan(currentAssignments, EffectiveDeadlines.ByAssignment(catalogue, listing.Proposals), seal);
            ColumnOwnership.EnsureWritable(SiteSchema.Assignments, ColumnOwner.Proposals,
                extensions.Patches.SelectMany(p => p.Fields.Keys).Distinct(StringComparer.Ordinal));
            // The eTag is the one read before the lists were applied: a row sync just wrote is re-read and re-applied (412).
            var patched = await lists.PatchAsync(SiteSchema.Assignments, extensions.Patches, cancellationToken).ConfigureAwait(false);
            failures.AddRange(patched.Failures);
        }

        var report = new ListSyncReport(taskPlan, assignmentPlan, tasksApplied, assignmentsApplied, provisioned)
        {
            AssignmentRowsRead = currentAssignments,
            ExtensionsToRepair = extensionsToRepair,
            Extensions = extensions,
        };
        // Only what was put right is recorded as restored; a row that failed to be written is found again by the next run.
        var unwritten = report.Failures.Concat(failures).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(await interventions.RecordAsync([.. report.Interventions.Where(i => !unwritten.Contains(i.RowKey))], today,
            cancellationToken).ConfigureAwait(false));
        return report with { IntegrityFailures = failures };
    }

    /// <summary>
    /// Applies a list's plan: at once, or, in a run that may stop early, one <c>$batch</c> of writes at a time with a check of
    /// the deadline before each. <paramref name="written"/> collects the keys written so far in this run.
    /// </summary>
    private async Task<ApplyResult> ApplyAsync(SyncPlan plan, IReadOnlyList<DesiredRow> desired, DateOnly today,
        IReadOnlyList<Intervention> restorable, HashSet<string> written, CancellationToken cancellationToken)
    {
        if (!deadline.Splits)
        {
            return await lists.ApplyAsync(plan, desired, today, cancellationToken).ConfigureAwait(false);
        }

        var count = 0;
        var failures = new List<RowFailure>();
        foreach (var chunk in plan.Writes.Chunk(Wards.WardRunDeadline.ListChunk))
        {
            await StopIfDueAsync(restorable, written, today, cancellationToken).ConfigureAwait(false);
            var applied = await lists.ApplyAsync(plan with { Changes = chunk }, desired, today, cancellationToken).ConfigureAwait(false);
            count += applied.Written;
            failures.AddRange(applied.Failures);
            var failed = applied.Failures.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            written.UnionWith(chunk.Select(c => c.Key).Where(k => !failed.Contains(k)));
            deadline.Done();
        }

        return new ApplyResult(count, failures);
    }

    /// <summary>
    /// Stops the run when its deadline has passed (<see cref="Wards.WardRunDeadline.StopIfDue"/>), first recording the values
    /// it restored in the rows it wrote: the next run no longer sees them changed, so it could not record them.
    /// </summary>
    private async Task StopIfDueAsync(IReadOnlyList<Intervention> restorable, HashSet<string> written, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (!deadline.ShouldStop)
        {
            return;
        }

        await interventions.RecordAsync([.. restorable.Where(i => written.Contains(i.RowKey))], today, cancellationToken)
            .ConfigureAwait(false);
        deadline.StopIfDue("sync");
    }
}
