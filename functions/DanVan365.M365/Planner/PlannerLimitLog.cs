using Microsoft.Extensions.Logging;

namespace DanVan365.M365.Planner;

/// <summary>Planner's per-task limits as the adapter meets them (ids 5302-5309; task ids only, no names).</summary>
internal static partial class PlannerLimitLog
{
    /// <summary>
    /// Planner answered 403 with a per-task limit (planner-overview.md, "403 Forbidden"); the write went again without what
    /// was over, and the sync's result reports it once.
    /// </summary>
    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning,
        Message = "Planner task {TaskId} is at its limit {Code}: written without the additions over it")]
    public static partial void LimitReached(ILogger logger, string taskId, string code);
}
