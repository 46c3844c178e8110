using DanVan365.Core.Errors;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>What a dispatch enqueued.</summary>
public sealed record DispatchResult(string Job, int Wards);

/// <summary>What a compile call did.</summary>
public sealed record CompileResult(string Ward, int Round);

/// <summary>
/// HTTP functions for administrators (app role DanVan.Admin): sync now (queued), a queued job's outcome, compile a round,
/// fan a job out.
/// </summary>
public sealed class AdminFunctions(IWardRegistry wards, IWardJobs jobs, WardDispatcher dispatcher, IWardJobQueue queue,
    WardJobOutcomes outcomes, ILogger<AdminFunctions> logger)
{
    /// <summary>
    /// POST /api/sync[?ward=id]: queues a sync of the ward's catalogue from the decision in the library, changed or not,
    /// on the ward jobs queue (one writer per ward: the queue job takes the ward's lease, not the HTTP request). Answers
    /// 202 with the job id and, in Location and <c>statusUrl</c>, where its outcome is read.
    /// </summary>
    [Function("SyncNow")]
    public async Task<IActionResult> SyncNow([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sync")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var auth = CallerAuthorizer.RequireRole(request.HttpContext.User, AppRoles.Admin);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "SyncNow", logger);
        }

        var (ward, error) = HttpSupport.PickWard(wards, request.Query["ward"]);
        if (ward is null)
        {
            return error!;
        }

        var id = WardJobOutcomes.NewId();
        await queue.EnqueueAsync(new WardJobMessage(ward.Id, WardJob.SyncCatalogue, id, Force: true), context.CancellationToken)
            .ConfigureAwait(false);
        Log.SyncQueued(logger, ward.Id, id);
        var url = WardJobOutcomes.StatusUrl(ward.Id, id);
        return new AcceptedResult(url, new WardJobAccepted(id, ward.Id, WardJob.SyncCatalogue, WardJobAccepted.Queued, url));
    }

    /// <summary>
    /// GET /api/jobs/{id}[?ward=id]: the outcome of a job SyncNow queued: 200 with it once the queue ran the job ("done"
    /// or "failed"), 202 while it is queued or running (or retried because the ward was busy).
    /// </summary>
    [Function("WardJobOutcome")]
    public async Task<IActionResult> JobOutcome([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}")]
        HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var auth = CallerAuthorizer.RequireRole(request.HttpContext.User, AppRoles.Admin);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "WardJobOutcome", logger);
        }

        if (!WardJobOutcomes.IsJobId(id))
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Mã công việc không hợp lệ (32 chữ số thập lục phân).");
        }

        var (ward, error) = HttpSupport.PickWard(wards, request.Query["ward"]);
        if (ward is null)
        {
            return error!;
        }

        try
        {
            if (await outcomes.ReadAsync(ward, id, context.CancellationToken).ConfigureAwait(false) is { } outcome)
            {
                return new OkObjectResult(outcome);
            }
        }
        catch (RemoteServiceException ex)
        {
            Log.HttpFailed(logger, ex, "WardJobOutcome", ward.Id);
            return HttpSupport.Error(StatusCodes.Status502BadGateway, "Không kết nối được Microsoft 365 của phường: " + ex.Message);
        }

        var url = WardJobOutcomes.StatusUrl(ward.Id, id);
        return new AcceptedResult(url, new WardJobAccepted(id, ward.Id, null, WardJobAccepted.Queued, url));
    }

    /// <summary>
    /// POST /api/rounds/{round}/compile[?ward=id]: compiles a round's report now, on the interactive lane (an administrator
    /// waits: its Graph requests go before queued ward runs, not behind them).
    /// </summary>
    [Function("CompileRoundReportNow")]
    public async Task<IActionResult> CompileRoundReportNow([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "rounds/{round:int}/compile")] HttpRequest request, int round, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var auth = CallerAuthorizer.RequireRole(request.HttpContext.User, AppRoles.Admin);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "CompileRoundReportNow", logger);
        }

        if (round < 1)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Số đợt báo cáo phải từ 1 trở lên.");
        }

        var (ward, error) = HttpSupport.PickWard(wards, request.Query["ward"]);
        if (ward is null)
        {
            return error!;
        }

        try
        {
            await jobs.CompileRoundReportAsync(ward.Id, round, interactive: true, context.CancellationToken).ConfigureAwait(false);
            return new OkObjectResult(new CompileResult(ward.Id, round));
        }
        catch (WardBusyException ex)
        {
            // Another runner (CLI, timer, another instance) holds the ward's lease: nothing was written.
            Log.WardBusy(logger, "CompileRoundReportNow", ward.Id);
            return HttpSupport.Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (JobFailedException ex)
        {
            Log.NotAvailable(logger, "CompileRoundReportNow", ex.Message);
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Chưa tổng hợp được báo cáo: chưa có quyết định hoặc đợt báo cáo này.");
        }
    }

    /// <summary>POST /api/dispatch/{job}: fans a job out now, one queue message per ward (as its timer does).</summary>
    [Function("DispatchWards")]
    public async Task<IActionResult> DispatchWards([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "dispatch/{job}")] HttpRequest request, string job, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var auth = CallerAuthorizer.RequireRole(request.HttpContext.User, AppRoles.Admin);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "DispatchWards", logger);
        }

        if (!Enum.TryParse<WardJob>(job, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(job, out _))
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest,
                $"Không có công việc \"{job}\" (một trong: {string.Join(", ", Enum.GetNames<WardJob>())}).");
        }

        var count = await dispatcher.DispatchAsync(kind, context.CancellationToken).ConfigureAwait(false);
        return new AcceptedResult((string?)null, new DispatchResult(kind.ToString(), count));
    }
}
