using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Functions.Configuration;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// The jobs of one ward, each a thin call of one use case: open a session, call, log the outcome. Jobs whose use case
/// fails throws <see cref="JobFailedException"/>, so the queue retries it (poison after 5 attempts).
/// </summary>
public sealed class WardJobs(IWardRegistry wards, IWardSessionFactory sessions, TimeProvider clock, ILogger<WardJobs> logger) : IWardJobs
{
    public async Task<SyncOutcome> SyncCatalogueAsync(string wardId, bool force, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        using var session = sessions.Open(ward);
        var files = await DecisionFilesAsync(session, cancellationToken).ConfigureAwait(false);

        var changed = files.Where(DecisionFiles.Changed).ToList();
        var file = force ? DecisionFiles.Latest(files) : DecisionFiles.Latest(changed);
        if (file is null)
        {
            var reason = files.Count == 0 ? $"no decision in '{SiteSchema.DecisionFolder}'" : "decision unchanged";
            Log.SyncSkipped(logger, ward.Id, reason, session.Requests);
            return new SyncOutcome(false, null, reason, 0, 0, 0, 0, 0, session.Requests);
        }

        if (changed.Count > 1)
        {
            Log.SeveralDecisions(logger, ward.Id, changed.Count, file.Name);
        }

        Core.Catalogue.TaskCatalogue catalogue;
        try
        {
            catalogue = await DecisionFiles.ImportAsync(session.Library, file, ward.Units, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            // Bad input is rejected whole before any write; the reason goes on the file for people to see, and the
            // stamp stops the same file being retried every hour.
            var reason = string.Create(CultureInfo.InvariantCulture, $"{file.Name}:{ex.Line}: {ex.Reason}");
            Log.DecisionRejected(logger, ward.Id, file.Name, reason);
            await StampAsync(session, [file], "Không nhập được quyết định: " + reason, cancellationToken).ConfigureAwait(false);
            return new SyncOutcome(false, file.Name, "rejected: " + reason, 0, 0, 0, 0, 0, session.Requests);
        }

        var lists = await new CatalogueSync(session.Provisioner, session.Lists, clock).RunAsync(catalogue, ward.Units, false, cancellationToken).ConfigureAwait(false);
        var links = await session.Site.PlannerLinksAsync(file.Name, cancellationToken).ConfigureAwait(false);
        var planner = await new PlannerSync(session.Planner, session.Lists, clock)
            .SyncAsync(catalogue, ward.Units, ward.PlanTitle, links, lists.CurrentAssignmentRows, false, cancellationToken).ConfigureAwait(false);
        var failures = lists.Failures.Count() + planner.Failures.Count;
        if (failures == 0)
        {
            // Stamp only after a complete run: a failed run is retried from the same file.
            await StampAsync(session, changed.Contains(file) ? changed : [.. changed, file], null, cancellationToken).ConfigureAwait(false);
        }

        var outcome = new SyncOutcome(
            true,
            file.Name,
            null,
            lists.Count(ChangeKind.Create) + planner.Count(PlannerChangeKind.Create),
            lists.Count(ChangeKind.Update) + planner.Count(PlannerChangeKind.Update),
            lists.Count(ChangeKind.Archive) + planner.Count(PlannerChangeKind.Archive),
            lists.Count(ChangeKind.Unchanged) + planner.Count(PlannerChangeKind.Unchanged),
            failures,
            session.Requests);
        Log.Synced(logger, ward.Id, outcome.DecisionFile, outcome.Created, outcome.Updated, outcome.Archived, outcome.Unchanged, outcome.Failures, outcome.Requests);
        return outcome;
    }

    public async Task<PullOutcome> PullPlannerProgressAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        using var session = sessions.Open(ward);
        var report = await new PlannerSync(session.Planner, session.Lists, clock).PullAsync(ward.PlanTitle, cancellationToken).ConfigureAwait(false);
        var outcome = new PullOutcome(report.ProgressUpdated, report.Failures.Count, session.Requests);
        Log.Pulled(logger, ward.Id, outcome.ProgressUpdated, outcome.Failures, outcome.Requests);
        return outcome;
    }

    public async Task IngestSubmissionsAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        using var session = sessions.Open(ward);
        if (await CurrentCatalogueAsync(session, cancellationToken).ConfigureAwait(false) is not { } catalogue)
        {
            return;
        }

        var rounds = await new ReportRounds(session.Library).ListAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        var report = await new SubmissionIngest(session.Library, session.Lists, new DanVan365.Documents.Reporting.WordReportDocuments(), clock)
            .IngestChangesAsync(catalogue, rounds, session.State, cancellationToken).ConfigureAwait(false);
        Log.Ingested(logger, ward.Id, report.Count(IngestOutcome.Accepted), report.Count(IngestOutcome.Rejected), report.Count(IngestOutcome.Unchanged), session.Requests);
        if (report.Count(IngestOutcome.Failed) > 0)
        {
            // Rejected files are the units' to fix; a file whose rows could not be written is retried by the host.
            throw new JobFailedException($"IngestSubmissions: {report.Count(IngestOutcome.Failed)} file(s) could not be written for ward {ward.Id}.");
        }
    }

    public async Task EscalateDeadlinesAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        using var session = sessions.Open(ward);
        if (await CurrentCatalogueAsync(session, cancellationToken).ConfigureAwait(false) is not { } catalogue)
        {
            return;
        }

        var run = new Core.Escalation.EscalationRun(
            session.Lists,
            new M365.Escalation.GraphNotificationLog(session.Site, session.Batches, session.Lists),
            new M365.Escalation.GraphMailSender(session.Connection),
            clock,
            new Core.Escalation.SendPacer(TimeProvider.System));
        var links = await M365.Escalation.EscalationSiteLinks.ForSiteAsync(session.Site, cancellationToken).ConfigureAwait(false);
        var report = await run.RunAsync(Core.Escalation.EscalationSetup.For(catalogue, ward.Units), links, dryRun: false, cancellationToken).ConfigureAwait(false);
        Log.Escalated(logger, ward.Id, report.Succeeded, session.Requests);
        if (!report.Succeeded)
        {
            throw new JobFailedException($"EscalateDeadlines: some mail could not be sent or recorded for ward {ward.Id}.");
        }
    }

    public async Task<IReadOnlyList<int>> CompileDueRoundReportsAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        var yesterday = WardTime.Today(clock).AddDays(-1);
        IReadOnlyList<int> due;
        using (var session = sessions.Open(ward))
        {
            var catalogue = await CurrentCatalogueAsync(session, cancellationToken).ConfigureAwait(false);
            due = catalogue is null ? [] : [.. catalogue.Decision.ReportingRounds.Where(r => r.LastDay == yesterday).Select(r => r.Round)];
        }

        Log.RoundsDue(logger, ward.Id, string.Join(',', due));
        foreach (var round in due)
        {
            await CompileRoundReportAsync(ward.Id, round, cancellationToken).ConfigureAwait(false);
        }

        return due;
    }

    public async Task CompileRoundReportAsync(string wardId, int round, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        using var session = sessions.Open(ward);
        var catalogue = await CurrentCatalogueAsync(session, cancellationToken).ConfigureAwait(false)
            ?? throw new JobFailedException($"CompileRoundReport: no decision in '{SiteSchema.DecisionFolder}' for ward {ward.Id}.");
        var chosen = await new ReportRounds(session.Library).FindAsync(catalogue.Decision, round, cancellationToken).ConfigureAwait(false)
            ?? throw new JobFailedException(string.Create(CultureInfo.InvariantCulture, $"CompileRoundReport: ward {ward.Id} has no round {round}."));
        var result = await new ReportCompilation(session.Lists, session.Library, new DanVan365.Documents.Reporting.WordReportDocuments(), clock)
            .CompileAsync(catalogue, ward.Units, chosen, null, cancellationToken).ConfigureAwait(false);
        Log.Compiled(logger, ward.Id, round, result.File.Path, session.Requests);
    }

    public async Task SubmitReportAsync(string wardId, Submission submission, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        ArgumentNullException.ThrowIfNull(submission);
        using var session = sessions.Open(ward);
        var catalogue = await CurrentCatalogueAsync(session, cancellationToken).ConfigureAwait(false)
            ?? throw new JobFailedException($"SubmitReport: no decision in '{SiteSchema.DecisionFolder}' for ward {ward.Id}.");
        var (plan, failures) = await new SubmissionIngest(session.Library, session.Lists, new DanVan365.Documents.Reporting.WordReportDocuments(), clock)
            .WriteAsync(catalogue, submission, "api/submissions", cancellationToken).ConfigureAwait(false);
        Log.Submitted(logger, ward.Id, submission.UnitCode, submission.Round, plan.Writes.Count(), failures.Count);
        if (failures.Count > 0)
        {
            throw new JobFailedException($"SubmitReport: {failures.Count} row(s) could not be written.");
        }
    }

    /// <summary>The decision files in the library's "Quyết định" folder (none while the site is not provisioned).</summary>
    private static async Task<IReadOnlyList<LibraryFile>> DecisionFilesAsync(WardSession session, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await session.Library.ListAsync(SiteSchema.DecisionFolder, cancellationToken).ConfigureAwait(false)).Where(DecisionFiles.IsDecision)];
        }
        catch (RemoteServiceException ex) when (ex.ErrorCode == "listNotFound")
        {
            return [];
        }
    }

    /// <summary>The catalogue of the newest decision in the library's "Quyết định" folder, or null when there is none.</summary>
    private static async Task<Core.Catalogue.TaskCatalogue?> CurrentCatalogueAsync(WardSession session, CancellationToken cancellationToken)
    {
        var file = DecisionFiles.Latest(await DecisionFilesAsync(session, cancellationToken).ConfigureAwait(false));
        return file is null ? null : await DecisionFiles.ImportAsync(session.Library, file, session.Ward.Units, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WardStatus> StatusAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = Resolve(wardId);
        using var session = sessions.Open(ward);
        var rows = await session.Lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var today = WardTime.Today(clock);
        var report = StatusReport.Build(rows, [], ward.Units, today);
        var units = report.Units
            .Select(u => new UnitStatus(u.Key, u.Name, StatusCategoryLabels.All.ToDictionary(c => c.Label, c => u.Count(c.Category), StringComparer.Ordinal), u.Ongoing))
            .ToList();
        Log.StatusRead(logger, ward.Id, units.Count);
        return new WardStatus(ward.Id, today, units);
    }

    private static async Task StampAsync(WardSession session, IEnumerable<LibraryFile> files, string? rejection, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [DecisionFiles.StampColumn] = file.Version,
                [DecisionFiles.RejectionColumn] = rejection,
            };
            await session.Library.SetFieldsAsync(file, fields, cancellationToken).ConfigureAwait(false);
        }
    }

    private Ward Resolve(string wardId) => wards.Find(wardId) ?? throw new UnknownWardException(wardId);
}
