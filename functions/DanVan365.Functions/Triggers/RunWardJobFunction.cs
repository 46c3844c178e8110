using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DanVan365.Functions.Triggers;

/// <summary>
/// Runs one ward's job from the queue. A failure throws, so the host retries the message and, after
/// host.json's maxDequeueCount (5), moves it to "ward-jobs-poison"; other wards' messages are not held up.
/// A run never outlasts the function timeout: it stops at the first safe point after <c>WardJobs:RunTimeLimit</c>
/// (<see cref="WardRunDeadline"/>) and this function enqueues a follow-up message for the same job (<c>"continuation"</c>
/// n + 1), which goes on where it stopped; the message itself completes. After <c>WardJobs:MaxContinuations</c> follow-ups
/// the job ends failed instead.
/// </summary>
public sealed class RunWardJobFunction(IWardJobs jobs, WardJobOutcomes outcomes, IWardRegistry wards, IWardJobQueue queue,
    TimeProvider clock, IOptions<WardJobRunOptions> limits, ILogger<RunWardJobFunction> logger)
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

        QueueWait.Log(logger, context, clock.GetUtcNow(), job.Job, job.Ward, attempt);
        var run = jobs.Until(clock.GetUtcNow() + limits.Value.RunTimeLimit);
        try
        {
            await RunAsync(run, job, context.CancellationToken).ConfigureAwait(false);
            Log.JobDone(logger, job.Job, job.Ward);
            if (job.Continuation > 0)
            {
                ContinuationLog.FinishedAfterContinuations(logger, job.Job, job.Ward, job.Continuation);
            }
        }
        catch (WardRunContinuedException stopped)
        {
            await ContinueAsync(job, stopped, context.CancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// A run stopped at its deadline with part of the work written: record "continuing" (SyncNow's jobs), then queue the
    /// same job again as continuation n + 1 (recorded first, so a quick follow-up's final outcome is never overwritten); after
    /// <see cref="WardJobRunOptions.MaxContinuations"/> follow-ups the job ends failed and is not continued.
    /// </summary>
    private async Task ContinueAsync(WardJobMessage message, WardRunContinuedException stopped, CancellationToken cancellationToken)
    {
        var next = message.Continuation + 1;
        if (next > limits.Value.MaxContinuations)
        {
            ContinuationLog.Exhausted(logger, message.Job, message.Ward, next);
            if (message.Id is { } failed)
            {
                await RecordAsync(message, failed, null, string.Create(CultureInfo.InvariantCulture,
                    $"Chưa xong sau {next} lượt chạy nối tiếp nhau; đã dừng ở giới hạn số lượt, phần đã ghi được giữ nguyên."),
                    cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (message.Id is { } id && wards.Find(message.Ward) is { } ward)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"Đang tiếp tục ở lượt chạy thứ {next + 1}. {stopped.Message}");
            try
            {
                await outcomes.RecordContinuingAsync(ward, id, message.Job, next, note, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteServiceException ex)
            {
                Log.OutcomeNotRecorded(logger, ex, message.Job, message.Ward);
            }
        }

        await queue.EnqueueAsync(message with { Continuation = next }, cancellationToken).ConfigureAwait(false);
        ContinuationLog.Continued(logger, message.Job, message.Ward, stopped.Units, next);
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
            await outcomes.RecordAsync(ward, id, message.Job, sync, error, message.Continuation, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteServiceException ex)
        {
            Log.OutcomeNotRecorded(logger, ex, message.Job, message.Ward);
        }
    }

    private async Task RunAsync(IWardJobs run, WardJobMessage message, CancellationToken cancellationToken)
    {
        switch (message.Job)
        {
            case WardJob.SyncCatalogue:
                var sync = await run.SyncCatalogueAsync(message.Ward, message.Force, cancellationToken).ConfigureAwait(false);
                if (message.Id is { } id)
                {
                    await RecordAsync(message, id, sync, null, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfFailed(message, sync.Failures);
                break;
            case WardJob.PullPlannerProgress:
                var pull = await run.PullPlannerProgressAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                ThrowIfFailed(message, pull.Failures);
                break;
            case WardJob.IngestSubmissions:
                await run.IngestSubmissionsAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                break;
            case WardJob.EscalateDeadlines:
                await run.EscalateDeadlinesAsync(message.Ward, cancellationToken).ConfigureAwait(false);
                break;
            case WardJob.CompileRoundReport:
                await run.CompileDueRoundReportsAsync(message.Ward, cancellationToken).ConfigureAwait(false);
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
