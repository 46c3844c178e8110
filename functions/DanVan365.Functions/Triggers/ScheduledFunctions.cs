using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace DanVan365.Functions.Triggers;

/// <summary>The timers: each fans its job out, one queue message per ward (<see cref="RunWardJobFunction"/> runs them).</summary>
public sealed class ScheduledFunctions(WardDispatcher dispatcher)
{
    [Function("SyncCatalogue")]
    public Task<int> SyncCatalogue([TimerTrigger(Schedules.SyncCatalogue)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.SyncCatalogue, context);

    [Function("PullPlannerProgress")]
    public Task<int> PullPlannerProgress([TimerTrigger(Schedules.PullPlannerProgress)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.PullPlannerProgress, context);

    [Function("IngestSubmissions")]
    public Task<int> IngestSubmissions([TimerTrigger(Schedules.IngestSubmissions)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.IngestSubmissions, context);

    [Function("EscalateDeadlines")]
    public Task<int> EscalateDeadlines([TimerTrigger(Schedules.EscalateDeadlines)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.EscalateDeadlines, context);

    [Function("CompileRoundReport")]
    public Task<int> CompileRoundReport([TimerTrigger(Schedules.CompileRoundReport)] TimerInfo timer, FunctionContext context) =>
        Dispatch(WardJob.CompileRoundReport, context);

    private Task<int> Dispatch(WardJob job, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return dispatcher.DispatchAsync(job, context.CancellationToken);
    }
}
