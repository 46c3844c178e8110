using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Reporting;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Security;
using DanVan365.M365.Composition;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>One row of a submitted report (the same columns as the unit's Word template).</summary>
public sealed record SubmissionRowBody(string? Code, string? Result, string? Status, string? Difficulties, string? Proposals);

/// <summary>POST /api/submissions body: a unit's structured report for a round.</summary>
public sealed record SubmissionBody(string? Ward, string? Unit, int Round, string? CatalogueVersion,
    IReadOnlyList<SubmissionRowBody>? Rows)
{
    /// <summary>The general part of a year-end report (docs/api.md); only for the year-end round.</summary>
    public ReviewBody? Review { get; init; }
}

/// <summary>A unit's own score in a year-end report: points (0–100) and a note.</summary>
public sealed record SelfScoreBody(double? Points, string? Note);

/// <summary>The general part of a year-end report (tổng kết), as sent by the form and shown by GET /api/my/work.</summary>
public sealed record ReviewBody(string? Strengths, string? Weaknesses, string? Causes, string? NextYear, SelfScoreBody? SelfScore)
{
    /// <summary>The part as the rules read it (points written as the template would: "85,5").</summary>
    public RawYearEndReview ToRaw() => new(Strengths ?? string.Empty, Weaknesses ?? string.Empty, Causes ?? string.Empty,
        NextYear ?? string.Empty, SelfScore?.Points is { } p ? p.ToString(CultureInfo.InvariantCulture) : string.Empty,
        SelfScore?.Note ?? string.Empty);

    public static ReviewBody? From(YearEndReview? review) => review is null ? null
        : new(review.Strengths, review.Weaknesses, review.Causes, review.NextYear,
            review.SelfScore is { } s ? new SelfScoreBody(s.Points, s.Note) : null);
}

/// <summary>HTTP functions for the units (app role DanVan.Reporter): read status, submit a report.</summary>
public sealed class ReporterFunctions(IWardRegistry wards, IWardJobs jobs, IWardScopeFactory scopes, IPortalCatalogues catalogues,
    ILogger<ReporterFunctions> logger)
{
    /// <summary>GET /api/status[?ward=id]: the four status categories per unit (reporters and administrators).</summary>
    [Function("Status")]
    public async Task<IActionResult> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (ward, refused) = HttpSupport.WardReader(request, wards, "Status", logger);
        if (ward is null)
        {
            return refused!;
        }

        return new OkObjectResult(await jobs.StatusAsync(ward.Id, context.CancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// POST /api/submissions: a reporter submits a unit's report for a round through the form: their own unit's, or any
    /// unit's for the head of the decision's aggregating unit (<see cref="ReportSubmitters.MaySubmit"/>, the same rule as
    /// a library upload). The rows pass the same checks as a filled template (<see cref="FormSubmissionRules"/>); problems
    /// come back per row (400).
    /// </summary>
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

        // A body limit before anything is parsed (issue 13): a unit's report is a few KB.
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
            body = JsonSerializer.Deserialize<SubmissionBody>(bytes, HttpSupport.BodyJson);
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

        if (Validate(body, out var rows) is { } invalid)
        {
            return invalid;
        }

        var unitCode = body!.Unit!.Trim();
        var personAuth = CallerAuthorizer.RequirePossibleSubmitter(request.HttpContext.User, unitCode, ward.Units);
        if (!personAuth.Allowed)
        {
            return HttpSupport.Refuse(request, personAuth, "SubmitReport", logger);
        }

        FormSubmitResult result;
        await using (var scope = scopes.Open(ward.CallerTarget))
        {
            try
            {
                var catalogue = await catalogues.CatalogueAsync(scope, context.CancellationToken).ConfigureAwait(false);
                var unitAuth = CallerAuthorizer.RequireReporterOf(request.HttpContext.User, unitCode, ward.Units,
                    catalogue.Decision.AggregatingUnit);
                if (!unitAuth.Allowed)
                {
                    return HttpSupport.Refuse(request, unitAuth, "SubmitReport", logger);
                }

                result = await scope.Get<WardPortal>().SubmitAsync(catalogue, unitCode, body.Round, rows, context.CancellationToken,
                    body.CatalogueVersion, CallerAuthorizer.ObjectIdOf(request.HttpContext.User), body.Review?.ToRaw())
                    .ConfigureAwait(false);
            }
            catch (UnknownRoundException)
            {
                return HttpSupport.Error(StatusCodes.Status404NotFound,
                    $"Không có đợt báo cáo {body.Round.ToString(CultureInfo.InvariantCulture)}.");
            }
            catch (RoundClosedException ex)
            {
                return HttpSupport.Error(StatusCodes.Status409Conflict, string.Create(CultureInfo.InvariantCulture,
                    $"Đợt báo cáo {ex.Round} đã kết thúc ngày {ex.LastDay:dd/MM/yyyy}; không nhận thêm báo cáo."));
            }
            catch (WardBusyException ex)
            {
                // Another runner holds the ward's lease: nothing was written; the form may send again.
                Log.WardBusy(logger, "SubmitReport", ward.Id);
                return HttpSupport.Error(StatusCodes.Status409Conflict, ex.Message);
            }
            catch (NoDecisionException ex)
            {
                Log.NotAvailable(logger, "SubmitReport", ex.Message);
                return HttpSupport.Error(StatusCodes.Status409Conflict,
                    "Chưa ghi được báo cáo: phường chưa có quyết định, hoặc danh sách đang bận; hãy gửi lại sau.");
            }
        }

        if (!result.Accepted)
        {
            return RowErrors([.. result.Rejections.Select(r => new RowError(r.TaskCode, FormSubmissionRules.FieldOf(r), r.Message))]);
        }

        if (result.Failures.Count > 0)
        {
            Log.NotAvailable(logger, "SubmitReport", $"{result.Failures.Count} row(s) not written");
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                "Chưa ghi được báo cáo: phường chưa có quyết định, hoặc danh sách đang bận; hãy gửi lại sau.");
        }

        Log.Submitted(logger, ward.Id, unitCode, body.Round, result.Recorded.Count);
        return new AcceptedResult((string?)null, new SubmitResult(ward.Id, unitCode, body.Round, result.Recorded.Count, result.RecordedAt,
            [.. result.Recorded.Select(r => new RecordedRow(r.Code, FormSubmissionRules.StatusWord(r)))])
        {
            SelfScore = result.SelfScore,
        });
    }

    /// <summary>Largest submission body accepted (256 KB).</summary>
    public const int MaxSubmissionBodyBytes = 256 * 1024;

    private static IActionResult TooLarge() => HttpSupport.Error(StatusCodes.Status413PayloadTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"Nội dung gửi lên vượt quá {MaxSubmissionBodyBytes / 1024} KB."));

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

    /// <summary>Checks the body's shape; returns the 400 answer (per-row problems in <c>rows</c>) when it is not acceptable.</summary>
    internal static IActionResult? Validate(SubmissionBody? body, out IReadOnlyList<RawSubmissionRow> rows)
    {
        rows = [];
        if (body is null || string.IsNullOrWhiteSpace(body.Unit))
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Thiếu mã đơn vị.");
        }

        if (body.Round < 1)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Thiếu hoặc sai số đợt báo cáo.");
        }

        if (body.Rows is not { Count: > 0 } && body.Review is null)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Báo cáo chưa có dòng nào.");
        }

        var problems = new List<RowError>();
        var raw = new List<RawSubmissionRow>();
        foreach (var row in body.Rows ?? [])
        {
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                problems.Add(new RowError(null, null, "Có dòng thiếu mã nhiệm vụ."));
                continue;
            }

            raw.Add(new RawSubmissionRow(row.Code, row.Result ?? string.Empty, row.Status ?? string.Empty, row.Difficulties ?? string.Empty,
                row.Proposals ?? string.Empty));
        }

        if (problems.Count > 0)
        {
            return RowErrors(problems);
        }

        rows = raw;
        return null;
    }

    private static ObjectResult RowErrors(IReadOnlyList<RowError> rows) =>
        new(new RowErrorBody(string.Create(CultureInfo.InvariantCulture, $"Báo cáo có {rows.Count} dòng chưa hợp lệ."), rows))
        {
            StatusCode = StatusCodes.Status400BadRequest,
        };
}
