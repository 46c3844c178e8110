using DanVan365.Functions.Jobs;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions;

/// <summary>
/// Every log line of the Functions, with stable event ids (1xxx jobs, 2xxx dispatch, 3xxx HTTP and security).
/// Never logs mail bodies, report text or people's addresses: wards, jobs, counts and file names only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message =
        "SyncCatalogue ward={Ward}: synced from {DecisionFile}: created={Created} updated={Updated} archived={Archived} " +
        "unchanged={Unchanged} failures={Failures} requests={Requests}")]
    public static partial void Synced(ILogger logger, string ward, string? decisionFile, int created, int updated, int archived,
        int unchanged, int failures, long requests);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "SyncCatalogue ward={Ward}: skipped ({Reason}), requests={Requests}")]
    public static partial void SyncSkipped(ILogger logger, string ward, string? reason, long requests);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error,
        Message = "SyncCatalogue ward={Ward}: decision {DecisionFile} rejected: {Reason}")]
    public static partial void DecisionRejected(ILogger logger, string ward, string decisionFile, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "SyncCatalogue ward={Ward}: {Count} changed decision files; synced the last by name, {DecisionFile}")]
    public static partial void SeveralDecisions(ILogger logger, string ward, int count, string decisionFile);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "SyncCatalogue ward={Ward}: plan pinned in Teams: {Outcome}")]
    public static partial void TeamsTabPinned(ILogger logger, string ward, Core.Planner.TeamsTabPinKind outcome);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "SyncCatalogue ward={Ward}: plan not pinned in Teams (the plan is made): {Reason}")]
    public static partial void TeamsTabNotPinned(ILogger logger, string ward, string? reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "PullPlannerProgress ward={Ward}: updated={Updated} failures={Failures} requests={Requests}")]
    public static partial void Pulled(ILogger logger, string ward, int updated, int failures, long requests);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "CompileRoundReport ward={Ward}: rounds due={Rounds}")]
    public static partial void RoundsDue(ILogger logger, string ward, string rounds);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information,
        Message = "CompileRoundReport ward={Ward} round={Round}: uploaded {Path}, requests={Requests}")]
    public static partial void Compiled(ILogger logger, string ward, int round, string path, long requests);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Information,
        Message = "IngestSubmissions ward={Ward}: accepted={Accepted} rejected={Rejected} unchanged={Unchanged} requests={Requests}")]
    public static partial void Ingested(ILogger logger, string ward, int accepted, int rejected, int unchanged, long requests);

    [LoggerMessage(EventId = 1060, Level = LogLevel.Information,
        Message = "EscalateDeadlines ward={Ward}: succeeded={Succeeded} requests={Requests}")]
    public static partial void Escalated(ILogger logger, string ward, bool succeeded, long requests);

    [LoggerMessage(EventId = 1070, Level = LogLevel.Information,
        Message = "SubmitReport ward={Ward} unit={Unit} round={Round}: writes={Writes} failures={Failures}")]
    public static partial void Submitted(ILogger logger, string ward, string unit, int round, int writes, int failures);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Status ward={Ward}: units={Units}")]
    public static partial void StatusRead(ILogger logger, string ward, int units);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "{Job} ward={Ward}: done")]
    public static partial void JobDone(ILogger logger, WardJob job, string ward);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Error, Message = "{Job} ward={Ward}: attempt {Attempt} failed")]
    public static partial void JobFailed(ILogger logger, Exception exception, WardJob job, string ward, long attempt);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Error, Message = "RunWardJob: unreadable message (attempt {Attempt})")]
    public static partial void BadMessage(ILogger logger, Exception exception, long attempt);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Warning, Message = "{Job} ward={Ward}: outcome not recorded")]
    public static partial void OutcomeNotRecorded(ILogger logger, Exception exception, WardJob job, string ward);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "SyncNow ward={Ward}: queued job {JobId}")]
    public static partial void SyncQueued(ILogger logger, string ward, string jobId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{Function} ward={Ward}: ward busy, nothing written")]
    public static partial void WardBusy(ILogger logger, string function, string ward);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Dispatch {Job}: enqueued {Count} ward message(s)")]
    public static partial void Dispatched(ILogger logger, WardJob job, int count);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Function}: refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string function, int status, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "SubmitReport ward={Ward} unit={Unit} round={Round}: accepted {Rows} row(s)")]
    public static partial void Submitted(ILogger logger, string ward, string unit, int round, int rows);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information,
        Message = "ReturnSubmission ward={Ward} unit={Unit} round={Round}: returned; notice sent to {Notified}, not sent to {NotNotified}")]
    public static partial void Returned(ILogger logger, string ward, string unit, int round, int notified, int notNotified);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "ReturnSubmission: refused (403): rule {Rule}")]
    public static partial void ReturnRefused(ILogger logger, string rule);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Function}: could not be done: {Reason}")]
    public static partial void NotAvailable(ILogger logger, string function, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "{Function} ward={Ward}: failed")]
    public static partial void HttpFailed(ILogger logger, Exception exception, string function, string ward);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Ward {Ward}: no holiday file for {Year} (Wards:N:HolidayFiles or Escalation:HolidayFiles); "
            + "weekends only until one is given")]
    public static partial void HolidayFileMissing(ILogger logger, string ward, int year);

    [LoggerMessage(EventId = 1080, Message = "Protections ward={Ward}: {Protection} {State}")]
    public static partial void Protection(ILogger logger, LogLevel level, string ward, string protection,
        Core.Lockdown.ProtectionState state);

    [LoggerMessage(EventId = 1081, Level = LogLevel.Warning,
        Message = "Protections ward={Ward}: not checked ({Error}); run `danvan365 doctor --tenant …`")]
    public static partial void ProtectionsUnchecked(ILogger logger, string ward, string error);
}
