using System.Globalization;
using DanVan365.Core.Planner;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// The jobs of one ward, each a thin call of one use case resolved from the ward's scope (the one registration,
/// <see cref="DanVan365Services.AddDanVan365"/>): open the scope, call, log the outcome. A job whose use case fails
/// throws <see cref="JobFailedException"/>, so the queue retries it (poison after 5 attempts).
/// </summary>
public sealed class WardJobs(IWardRegistry wards, IWardScopeFactory scopes, TimeProvider clock, ILogger<WardJobs> logger) : IWardJobs
{
    /// <summary>When the runs of these jobs must stop (<see cref="Core.Wards.WardRunDeadline"/>); null: never.</summary>
    private DateTimeOffset? Deadline { get; init; }

    public IWardJobs Until(DateTimeOffset deadline) => new WardJobs(wards, scopes, clock, logger) { Deadline = deadline };

    /// <summary>The ward's target for one job run, carrying the deadline.</summary>
    private WardTarget Target(Ward ward) => Deadline is null ? ward.Target : ward.Target with { Deadline = Deadline };

    public async Task<SyncOutcome> SyncCatalogueAsync(string wardId, bool force, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        await using var scope = scopes.Open(Target(ward));
        var report = await scope.Get<DecisionIntake>().SyncAsync(force, cancellationToken).ConfigureAwait(false);
        if (report.ChangedFiles > 1 && report.File is { } chosen)
        {
            Log.SeveralDecisions(logger, ward.Id, report.ChangedFiles, chosen.Name);
        }

        if (report.Sync is not { } sync)
        {
            if (report.File is { } rejected && report.SkipReason is { } reason)
            {
                Log.DecisionRejected(logger, ward.Id, rejected.Name, reason);
            }
            else
            {
                Log.SyncSkipped(logger, ward.Id, report.SkipReason, scope.Requests);
            }

            return new SyncOutcome(false, report.File?.Name, report.SkipReason, 0, 0, 0, 0, 0, scope.Requests);
        }

        var (lists, planner) = (sync.Lists, sync.Planner);
        var outcome = new SyncOutcome(
            true,
            report.File!.Name,
            null,
            lists.Count(ChangeKind.Create) + planner.Count(PlannerChangeKind.Create),
            lists.Count(ChangeKind.Update) + planner.Count(PlannerChangeKind.Update),
            lists.Count(ChangeKind.Archive) + planner.Count(PlannerChangeKind.Archive),
            lists.Count(ChangeKind.Unchanged) + planner.Count(PlannerChangeKind.Unchanged),
            sync.Failures.Count(),
            scope.Requests);
        Log.Synced(logger, ward.Id, outcome.DecisionFile, outcome.Created, outcome.Updated, outcome.Archived, outcome.Unchanged,
            outcome.Failures, outcome.Requests);
        LogTeamsTab(ward.Id, sync.TeamsTab);
        UnresolvedPeopleLog.Write(logger, ward.Id, ward.Units, sync.Planner.UnresolvedPeople);
        return outcome;
    }

    /// <summary>Pinning the plan in Teams is best effort: its outcome is logged, a failure as a warning (never a job failure).</summary>
    private void LogTeamsTab(string wardId, TeamsTabPin? pinned)
    {
        if (pinned is { Kind: TeamsTabPinKind.Failed })
        {
            Log.TeamsTabNotPinned(logger, wardId, pinned.Reason);
        }
        else if (pinned is not null)
        {
            Log.TeamsTabPinned(logger, wardId, pinned.Kind);
        }
    }

    public async Task<PullOutcome> PullPlannerProgressAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        await using var scope = scopes.Open(Target(ward));
        var report = await scope.Get<WardSync>().PullAsync(cancellationToken).ConfigureAwait(false);
        var outcome = new PullOutcome(report.ProgressUpdated, report.Failures.Count, scope.Requests);
        Log.Pulled(logger, ward.Id, outcome.ProgressUpdated, outcome.Failures, outcome.Requests);
        return outcome;
    }

    public async Task IngestSubmissionsAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        await using var scope = scopes.Open(Target(ward));
        if (await scope.Get<ReportIngestion>().IngestChangesAsync(cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return;
        }

        Log.Ingested(logger, ward.Id, report.Count(IngestOutcome.Accepted), report.Count(IngestOutcome.Rejected),
            report.Count(IngestOutcome.Unchanged), scope.Requests);
        if (report.Count(IngestOutcome.Failed) > 0)
        {
            // Rejected files are the units' to fix; a file whose rows could not be written is retried by the host.
            throw new JobFailedException($"IngestSubmissions: {report.Count(IngestOutcome.Failed)} file(s) could not be written for ward " +
                $"{ward.Id}.");
        }
    }

    public async Task EscalateDeadlinesAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        await using var scope = scopes.Open(Target(ward));
        if (await scope.Get<WardEscalation>().RunFromLibraryAsync(dryRun: false, cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return;
        }

        Log.Escalated(logger, ward.Id, report.Succeeded, scope.Requests);
        if (!report.Succeeded)
        {
            throw new JobFailedException($"EscalateDeadlines: some mail could not be sent or recorded for ward {ward.Id}.");
        }
    }

    public async Task<IReadOnlyList<int>> CompileDueRoundReportsAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        IReadOnlyList<int> due;
        await using (var scope = scopes.Open(Target(ward)))
        {
            due = await scope.Get<RoundCompilation>().DueRoundsAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.RoundsDue(logger, ward.Id, string.Join(',', due));
        foreach (var round in due)
        {
            // One scope per round: a round that fails is retried alone, with fresh caches.
            await CompileRoundReportAsync(ward.Id, round, false, cancellationToken).ConfigureAwait(false);
        }

        return due;
    }

    public async Task CompileRoundReportAsync(string wardId, int round, bool interactive, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        await using var scope = scopes.Open(interactive ? ward.CallerTarget : Target(ward));
        CompileResult result;
        try
        {
            result = await scope.Get<RoundCompilation>().CompileAsync(round, cancellationToken).ConfigureAwait(false);
        }
        catch (NoDecisionException)
        {
            throw new JobFailedException($"CompileRoundReport: no decision in '{SiteSchema.DecisionFolder}' for ward {ward.Id}.");
        }
        catch (UnknownRoundException)
        {
            throw new JobFailedException(string.Create(CultureInfo.InvariantCulture,
                $"CompileRoundReport: ward {ward.Id} has no round {round}."));
        }

        Log.Compiled(logger, ward.Id, round, result.File.Path, scope.Requests);
    }

    public async Task SubmitReportAsync(string wardId, Submission submission, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        ArgumentNullException.ThrowIfNull(submission);
        await using var scope = scopes.Open(ward.Target);
        (SyncPlan Plan, IReadOnlyList<RowFailure> Failures) written;
        try
        {
            written = await scope.Get<ReportIngestion>().SubmitAsync(submission, "api/submissions",
                cancellationToken).ConfigureAwait(false);
        }
        catch (NoDecisionException)
        {
            throw new JobFailedException($"SubmitReport: no decision in '{SiteSchema.DecisionFolder}' for ward {ward.Id}.");
        }

        Log.Submitted(logger, ward.Id, submission.UnitCode, submission.Round, written.Plan.Writes.Count(), written.Failures.Count);
        if (written.Failures.Count > 0)
        {
            throw new JobFailedException($"SubmitReport: {written.Failures.Count} row(s) could not be written.");
        }
    }

    public async Task<WardStatus> StatusAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        await using var scope = scopes.Open(ward.Target);
        var rows = await scope.Get<IListStore>().ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var today = WardTime.Today(clock);
        var report = StatusReport.Build(rows, [], ward.Units, today);
        var units = report.Units
            .Select(u => new UnitStatus(u.Key, u.Name, StatusCategoryLabels.All.ToDictionary(c => c.Label, c => u.Count(c.Category),
                StringComparer.Ordinal), u.Ongoing))
            .ToList();
        Log.StatusRead(logger, ward.Id, units.Count);
        return new WardStatus(ward.Id, today, units);
    }

    private Ward Resolve(string wardId) => wards.Find(wardId) ?? throw new UnknownWardException(wardId);
}
