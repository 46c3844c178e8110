using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Text;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>One row of a submitted report (the same columns as the unit's Word template).</summary>
public sealed record SubmissionRowBody(string? Code, string? Result, string? Status, string? Difficulties, string? Proposals);

/// <summary>POST /api/submissions body: a unit's structured report for a round.</summary>
public sealed record SubmissionBody(string? Ward, string? Unit, int Round, string? CatalogueVersion,
    IReadOnlyList<SubmissionRowBody>? Rows);

/// <summary>What SubmitReport accepted.</summary>
public sealed record SubmitResult(string Ward, string Unit, int Round, int Rows);

/// <summary>One problem of a submitted row (docs/api.md "Error body"): task code, field (null: the whole row), message.</summary>
public sealed record SubmissionRowProblem(string? Code, string? Field, string Message);

/// <summary>A refused submission: the message for the request and the problems per row.</summary>
public sealed record SubmissionErrorBody(string Error, IReadOnlyList<SubmissionRowProblem> Rows);

/// <summary>HTTP functions for the units (app role DanVan.Reporter): read status, submit a report.</summary>
public sealed class ReporterFunctions(IWardRegistry wards, IWardJobs jobs, ILogger<ReporterFunctions> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Largest SubmitReport body read (bytes); a larger one is answered 413.</summary>
    public const int MaxSubmissionBodyBytes = 256 * 1024;

    /// <summary>GET /api/status[?ward=id]: the four status categories per unit (reporters and administrators).</summary>
    [Function("Status")]
    public async Task<IActionResult> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var auth = CallerAuthorizer.RequireRole(request.HttpContext.User, AppRoles.Reporter, AppRoles.Admin);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "Status", logger);
        }

        var (ward, error) = HttpSupport.PickWard(wards, request.Query["ward"]);
        if (ward is null)
        {
            return error!;
        }

        var wardAuth = CallerAuthorizer.RequireWardMember(request.HttpContext.User, ward.Units);
        if (!wardAuth.Allowed)
        {
            return HttpSupport.Refuse(request, wardAuth, "Status", logger);
        }

        return new OkObjectResult(await jobs.StatusAsync(ward.Id, context.CancellationToken).ConfigureAwait(false));
    }

    /// <summary>POST /api/submissions: a reporter submits their own unit's report for a round.</summary>
    [Function("SubmitReport")]
    public async Task<IActionResult> SubmitReport([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "submissions")] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var auth = CallerAuthorizer.RequireRole(request.HttpContext.User, AppRoles.Reporter);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "SubmitReport", logger);
        }

        if (request.ContentLength > MaxSubmissionBodyBytes)
        {
            return TooLarge();
        }

        var bytes = await ReadLimitedAsync(request.Body, context.CancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge();
        }

        SubmissionBody? body;
        try
        {
            body = JsonSerializer.Deserialize<SubmissionBody>(bytes, Json);
        }
        catch (JsonException)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Nội dung gửi lên không phải JSON hợp lệ.");
        }

        var (ward, error) = HttpSupport.PickWard(wards, body?.Ward ?? request.Query["ward"]);
        if (ward is null)
        {
            return error!;
        }

        if (Validate(body, out var submission) is { } invalid)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, invalid);
        }

        var unitAuth = CallerAuthorizer.RequireReporterOf(request.HttpContext.User, submission!.UnitCode, ward.Units);
        if (!unitAuth.Allowed)
        {
            return HttpSupport.Refuse(request, unitAuth, "SubmitReport", logger);
        }

        try
        {
            await jobs.SubmitReportAsync(ward.Id, submission, context.CancellationToken).ConfigureAwait(false);
        }
        catch (SubmissionRefusedException ex)
        {
            var problems = ex.Result.Rejections.Select(r => new SubmissionRowProblem(r.TaskCode, r.Field, r.Message)).ToList();
            return new ObjectResult(new SubmissionErrorBody(string.Create(CultureInfo.InvariantCulture,
                $"Báo cáo có {problems.Count} lỗi, chưa ghi dòng nào."), problems))
            { StatusCode = StatusCodes.Status400BadRequest };
        }
        catch (UnknownRoundException ex)
        {
            return HttpSupport.Error(StatusCodes.Status404NotFound, string.Create(CultureInfo.InvariantCulture,
                $"Phường chưa có đợt báo cáo {ex.Round}."));
        }
        catch (RoundClosedException ex)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, string.Create(CultureInfo.InvariantCulture,
                $"Đợt báo cáo {ex.Round} đã kết thúc ngày {ex.LastDay:dd/MM/yyyy}; không nhận thêm báo cáo."));
        }
        catch (JobFailedException ex)
        {
            Log.NotAvailable(logger, "SubmitReport", ex.Message);
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                "Chưa ghi được báo cáo: phường chưa có quyết định, hoặc danh sách đang bận; hãy gửi lại sau.");
        }

        Log.Submitted(logger, ward.Id, submission.UnitCode, submission.Round, submission.Rows.Count);
        return new AcceptedResult((string?)null, new SubmitResult(ward.Id, submission.UnitCode, submission.Round, submission.Rows.Count));
    }

    private static ObjectResult TooLarge() => new(new ErrorBody(string.Create(CultureInfo.InvariantCulture,
        $"Nội dung gửi lên vượt quá {MaxSubmissionBodyBytes / 1024} KB.")))
    { StatusCode = StatusCodes.Status413PayloadTooLarge };

    /// <summary>The body, or null when it is longer than <see cref="MaxSubmissionBodyBytes"/> (never reads past the limit + 1).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxSubmissionBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Checks the body and builds the submission; returns the reason (Vietnamese) when it is not acceptable.</summary>
    internal static string? Validate(SubmissionBody? body, out Submission? submission)
    {
        submission = null;
        if (body is null || string.IsNullOrWhiteSpace(body.Unit))
        {
            return "Thiếu mã đơn vị (unit).";
        }

        if (body.Round < 1)
        {
            return "Thiếu hoặc sai số đợt báo cáo (round).";
        }

        if (body.Rows is not { Count: > 0 })
        {
            return "Báo cáo không có dòng nào (rows).";
        }

        var rows = new List<SubmissionRow>();
        foreach (var row in body.Rows)
        {
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                return "Có dòng thiếu mã nhiệm vụ (code).";
            }

            StatusCategory? status = null;
            if (!string.IsNullOrWhiteSpace(row.Status))
            {
                if (!StatusCategoryLabels.TryParse(row.Status, out var parsed))
                {
                    return $"Mức độ hoàn thành \"{row.Status}\" của nhiệm vụ {row.Code} không phải một trong: " +
                        $"{string.Join("; ", StatusCategoryLabels.All.Select(l => l.Label))}.";
                }

                status = parsed;
            }

            rows.Add(new SubmissionRow(VietnameseText.Nfc(row.Code.Trim()), Text(row.Result), status, Text(row.Difficulties),
                Text(row.Proposals)));
        }

        if (rows.GroupBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return $"Nhiệm vụ {duplicate.Key} xuất hiện hai lần.";
        }

        submission = new Submission(body.Unit.Trim(), body.Round, body.CatalogueVersion ?? string.Empty, rows);
        return null;
    }

    private static string Text(string? value) => VietnameseText.Nfc((value ?? string.Empty).Trim());
}
