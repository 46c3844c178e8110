namespace DanVan365.Functions.Triggers;

/// <summary>
/// Timer schedules: six-field NCRONTAB ("second minute hour day month day-of-week") in UTC, as the Functions host
/// on Linux (Flex Consumption) evaluates them; ICT = UTC+7 with no daylight saving.
/// </summary>
public static class Schedules
{
    /// <summary>Hourly, at minute 5.</summary>
    public const string SyncCatalogue = "0 5 * * * *";

    /// <summary>Every 15 minutes.</summary>
    public const string PullPlannerProgress = "0 */15 * * * *";

    /// <summary>Every 10 minutes.</summary>
    public const string IngestSubmissions = "0 */10 * * * *";

    /// <summary>08:00 ICT Monday–Friday = 01:00 UTC the same day.</summary>
    public const string EscalateDeadlines = "0 0 1 * * 1-5";

    /// <summary>07:00 ICT every day = 00:00 UTC; the job compiles the rounds whose last day was yesterday.</summary>
    public const string CompileRoundReport = "0 0 0 * * *";
}
