using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>
/// Runs one ward's job from the queue. A failure throws, so the host retries the message and, after
/// host.json's maxDequeueCount (5), moves it to "ward-jobs-poison"; other wards' messages are not held up.
/// </summary>
public sealed class RunWardJobFunction(IWardJobs jobs, WardJobOutcomes outcomes, IWardRegistry wards,
    ILogger<RunWardJobFunction> logger)
{
    [Function("RunWardJob")]
    public async Task Run([QueueTrigger(QueueNames.WardJobs, Connection = QueueNames.Connection)] string message, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var attempt = DequeueCount(context);
        WardJobMessage job;
        try
        {
            job = WardJobMessage.Parse(message);
        }
        catch (FormatException ex)
        {
            Log.BadMessage(logger, ex, attempt);
            throw;
        }

        try
        {
            await RunAsync(job, context.CancellationToken).ConfigureAwait(false);
            Log.JobDone(logger, job.Job, job.Ward);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.JobFailed(logger, ex, job.Job, job.Ward, attempt);
            if (job.Id is { } id && ex is not WardBusyException && ex is not WardJobFailedException)
            {
                // An asked-for job (SyncNow) that threw: the reason is readable at GET /api/jobs/{id}; a busy ward wrote
                // nothing and is simply retried.
                await RecordAsync(job, id, null, ex.Message, context.CancellationToken).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Records an asked-for job's outcome; a failure to record never hides the job's own outcome.</summary>
    private async Task RecordAsync(WardJobMessage message, string id, SyncOutcome? sync, string? error,
        CancellationToken cancellationToken)
    {
        if (wards.Find(message.Ward) is not { } ward)
        {
            return;
        }

        try
        {
            await outcomes.RecordAsync(ward, id, message.Job, sync, error, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteServiceException ex)
        {
            Log.OutcomeNotRecorded(logger, ex, message.Job, message.Ward);
        }
    }

    private async Task RunAsync(WardJobMessage message, CancellationToken cancellationToken)
    {
        switch (message.Job)
        {
            case WardJob.SyncCatalogue:
                var sync = await jobs.SyncCatalogueAsync(message.Ward, message.Force, cancellationToken).ConfigureAwait(false);
                if (message.Id is { } id)
                {
                    await RecordAsync(message, id, sync, null, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfFailed(message, sync.Failures);
                break;
            case WardJob.PullPlannerProgress:
                var pull = await jobs.PullPlannerProgressAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                ThrowIfFailed(message, pull.Failures);
                break;
            case WardJob.IngestSubmissions:
                await jobs.IngestSubmissionsAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                break;
            case WardJob.EscalateDeadlines:
                await jobs.EscalateDeadlinesAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                break;
            case WardJob.CompileRoundReport:
                await jobs.CompileDueRoundReportsAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new FormatException($"Unknown job {message.Job}.");
        }
    }

    private static void ThrowIfFailed(WardJobMessage message, int failures)
    {
        if (failures > 0)
        {
            throw new WardJobFailedException(message.Ward, message.Job, failures);
        }
    }

    /// <summary>The host's DequeueCount binding data (1 on the first attempt).</summary>
    private static long DequeueCount(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value) && value is not null
        && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var count)
            ? count
            : 1;
}
