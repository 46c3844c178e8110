using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Jobs;

/// <summary>Log lines of runs split at their deadline (event ids 5100–5199). Wards, jobs and counts only.</summary>
internal static partial class ContinuationLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
        Message = "{Job} ward={Ward}: stopped at the run's deadline after {Units} unit(s) of work; " +
        "follow-up run {Continuation} queued")]
    public static partial void Continued(ILogger logger, WardJob job, string ward, int units, int continuation);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error,
        Message = "{Job} ward={Ward}: still unfinished after {Runs} runs (WardJobs:MaxContinuations); not continued")]
    public static partial void Exhausted(ILogger logger, WardJob job, string ward, int runs);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information,
        Message = "{Job} ward={Ward}: finished by follow-up run {Continuation}")]
    public static partial void FinishedAfterContinuations(ILogger logger, WardJob job, string ward, int continuation);
}
