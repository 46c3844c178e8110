using System.Globalization;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>
/// Runs one ward's job from the queue. A failure throws, so the host retries the message and, after
/// host.json's maxDequeueCount (5), moves it to "ward-jobs-poison"; other wards' messages are not held up.
/// </summary>
public sealed class RunWardJobFunction(IWardJobs jobs, ILogger<RunWardJobFunction> logger)
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
            throw;
        }
    }

    private async Task RunAsync(WardJobMessage message, CancellationToken cancellationToken)
    {
        switch (message.Job)
        {
            case WardJob.SyncCatalogue:
                var sync = await jobs.SyncCatalogueAsync(message.Ward, force: false, cancellationToken).ConfigureAwait(false);
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
