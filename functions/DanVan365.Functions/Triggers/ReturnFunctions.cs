using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Reporting;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Security;
using DanVan365.M365.Composition;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>POST /api/rounds/{round}/units/{unit}/return body: why the submission is returned (and the ward, optional).</summary>
public sealed record ReturnBody(string? Ward, string? Reason);

/// <summary>The answer of a return: the return as recorded and how many of the unit's people the notice reached.</summary>
public sealed record ReturnAnswer(string Ward, string Unit, int Round, string State, string Reason, string ReturnedBy,
    DateTimeOffset ReturnedAt, int Notified);

/// <summary>
/// HTTP function of issue 23: Phòng Văn hóa - Xã hội returns a unit's submission for additions ("Trả lại, đề nghị bổ sung").
/// The door is the app role DanVan.Reporter; who may return is <see cref="ReturnAuthority"/> (the decision's aggregating unit's
/// people, never the submission's maker), decided in the use case <see cref="WardReturns"/>.
/// </summary>
public sealed class ReturnFunctions(IWardRegistry wards, IWardScopeFactory scopes, IPortalCatalogues catalogues,
    ILogger<ReturnFunctions> logger)
{
    /// <summary>Largest body accepted (16 KB: a reason of at most <see cref="WardReturns.MaxReasonLength"/> characters).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>POST /api/rounds/{round}/units/{unit}/return {reason}: 200 with the return; 400, 403, 404 or 409 otherwise.</summary>
    [Function("ReturnSubmission")]
    public async Task<IActionResult> Return([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "rounds/{round}/units/{unit}/return")] HttpRequest request, string round, string unit, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = request.HttpContext.User;
        var auth = CallerAuthorizer.RequireRole(caller, AppRoles.Reporter);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "ReturnSubmission", logger);
        }

        var (number, invalid) = HttpSupport.RoundNumber(round);
        if (invalid is not null)
        {
            return invalid;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return HttpSupport.Error(StatusCodes.Status413PayloadTooLarge, "Nội dung gửi lên quá dài.");
        }

        ReturnBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ReturnBody>(request.Body, HttpSupport.BodyJson, context.CancellationToken)
                .ConfigureAwait(false);
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

        await using var scope = scopes.Open(ward.CallerTarget);
        try
        {
            var catalogue = await catalogues.CatalogueAsync(scope, context.CancellationToken).ConfigureAwait(false);
            var outcome = await scope.Get<WardReturns>().ReturnAsync(catalogue, number, unit.Trim(), body?.Reason,
                CallerAuthorizer.ObjectIdOf(caller), context.CancellationToken).ConfigureAwait(false);
            var value = outcome.Return;
            Log.Returned(logger, ward.Id, value.UnitCode, value.Round, outcome.Notified, outcome.NotNotified);
            return new OkObjectResult(new ReturnAnswer(ward.Id, value.UnitCode, value.Round, ReturnRow.ReturnedWord, value.Reason,
                value.ReturnedBy, value.ReturnedAt, outcome.Notified));
        }
        catch (ReturnRefusedException ex)
        {
            Log.ReturnRefused(logger, ex.Refusal.Rule);
            return HttpSupport.Error(StatusCodes.Status403Forbidden, ex.Refusal.Message);
        }
        catch (InvalidQueryException ex)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (UnknownRoundException ex)
        {
            return HttpSupport.Error(StatusCodes.Status404NotFound,
                $"Không có đợt báo cáo {ex.Round.ToString(CultureInfo.InvariantCulture)}.");
        }
        catch (ReturnConflictException ex)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (WardBusyException ex)
        {
            Log.WardBusy(logger, "ReturnSubmission", ward.Id);
            return HttpSupport.Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (ReturnNotWrittenException ex)
        {
            Log.NotAvailable(logger, "ReturnSubmission", ex.Message);
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                "Chưa ghi được việc trả lại báo cáo: danh sách đang bận; hãy thử lại sau.");
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện.");
        }
    }
}
