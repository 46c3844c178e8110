using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace DanVan365.Functions.Triggers;

/// <summary>The timers: each fans its job out, one queue message per ward (<see cref="RunWardJobFunction"/> runs them).</summary>
public sealed class ScheduledFunctions(WardDispatcher dispatcher)
{
    [Function("SyncCatalogue")]
    public Task SyncCatalogue([TimerTrigger(Schedules.SyncCatalogue)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.SyncCatalogue, context);

    [Function("PullPlannerProgress")]
    public Task PullPlannerProgress([TimerTrigger(Schedules.PullPlannerProgress)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.PullPlannerProgress, context);

    [Function("IngestSubmissions")]
    public Task IngestSubmissions([TimerTrigger(Schedules.IngestSubmissions)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.IngestSubmissions, context);

    [Function("EscalateDeadlines")]
    public Task EscalateDeadlines([TimerTrigger(Schedules.EscalateDeadlines)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.EscalateDeadlines, context);

    [Function("CompileRoundReport")]
    public Task CompileRoundReport([TimerTrigger(Schedules.CompileRoundReport)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.CompileRoundReport, context);

    private async Task Dispatch(WardJob job, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await dispatcher.DispatchAsync(job, context.CancellationToken).ConfigureAwait(false);
    }
}
