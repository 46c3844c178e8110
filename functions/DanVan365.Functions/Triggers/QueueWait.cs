using System.Globalization;
using DanVan365.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>
/// How long a ward job waited in "ward-jobs" before this run took it: now minus the message's InsertionTime (queue trigger
/// message metadata, https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger#message-metadata).
/// Azure Monitor has no age metric for Storage queues (QueueMessageCount is per account, hourly, without a queue
/// dimension), so the queue-age alert (infra/modules/alerts.bicep) reads this log line: keep its wording.
/// </summary>
public static partial class QueueWait
{
    /// <summary>What the queue-age alert's query looks for, followed by the seconds waited.</summary>
    public const string Marker = "ward-jobs wait=";

    /// <summary>The message's age at this run, or null when the host gave no (readable) InsertionTime.</summary>
    public static TimeSpan? Of(FunctionContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.BindingContext.BindingData.TryGetValue("InsertionTime", out var value) || value is null)
        {
            return null;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim().Trim('"');
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var inserted)
            ? now - inserted
            : null;
    }

    /// <summary>Logs the wait (event 5750) when the host gave it.</summary>
    public static void Log(ILogger logger, FunctionContext context, DateTimeOffset now, WardJob job, string ward, long attempt)
    {
        if (Of(context, now) is { } waited)
        {
            Waited(logger, ward, job, (long)Math.Max(0, waited.TotalSeconds), attempt);
        }
    }

    [LoggerMessage(EventId = 5750, Level = LogLevel.Information,
        Message = "RunWardJob ward={Ward} job={Job}: " + Marker + "{WaitSeconds}s attempt={Attempt}")]
    private static partial void Waited(ILogger logger, string ward, WardJob job, long waitSeconds, long attempt);
}
