using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Proposals;
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

/// <summary>
/// HTTP functions of the ad hoc rounds (issue 23, docs/api.md "Rounds") through <see cref="WardRounds"/>, against the ward's
/// decision (<see cref="IPortalCatalogues"/>). Deny by default: the caller needs an app role and the ward's directory must name
/// the token's object id; only the head or an assignee of the aggregating unit (Phòng Văn hóa - Xã hội) creates a round
/// (<see cref="AdHocRoundRules.MayCreate"/>, 403 with the reason otherwise). Bad input 400 with the field of each problem; a
/// request id reused for another round, a busy ward or no decision 409; a retry with the same request id 201 with the round.
/// </summary>
public sealed partial class RoundFunctions(IWardRegistry wards, IWardScopeFactory scopes, IPortalCatalogues catalogues,
    ILogger<RoundFunctions> logger)
{
    /// <summary>POST /api/rounds: a person of the aggregating unit creates an ad hoc round (header client-request-id optional).</summary>
    [Function("CreateRound")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rounds")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (body, error) = await HttpSupport.ReadJsonAsync<AdHocRoundBody>(request, context.CancellationToken).ConfigureAwait(false);
        var header = request.Headers[ProposalFunctions.RequestIdHeader].ToString() is { Length: > 0 } h ? h.Trim() : null;
        var fromBody = string.IsNullOrWhiteSpace(body?.RequestId) ? null : body.RequestId.Trim();
        DateOnly? lastDay = null;
        if (error is null && header is not null && fromBody is not null && header != fromBody)
        {
            error = HttpSupport.Error(StatusCodes.Status400BadRequest, "Mã yêu cầu trong tiêu đề và trong nội dung gửi lên khác nhau.");
        }

        if (error is null && !string.IsNullOrWhiteSpace(body!.LastDay))
        {
            if (DateOnly.TryParseExact(body.LastDay.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                lastDay = day;
            }
            else
            {
                error = Problems(StatusCodes.Status400BadRequest,
                    [new RoundProblem("lastDay", "Hạn báo cáo phải là ngày dạng yyyy-mm-dd.")]);
            }
        }

        var (ward, refused) = HttpSupport.AuthorizedWard(request, wards, "CreateRound", logger, [AppRoles.Reporter, AppRoles.Admin],
            (caller, w) => CallerAuthorizer.RequireDirectoryPerson(caller, w.Units, orAdmin: false), body?.Ward, error);
        if (ward is null)
        {
            return refused!;
        }

        var actor = CallerAuthorizer.PersonOf(request.HttpContext.User, ward.Units) ?? string.Empty;
        var ask = new AdHocRoundRequest(body!.Title, lastDay, body.Units, body.Tasks, header ?? fromBody);
        try
        {
            await using var scope = scopes.Open(ward.CallerTarget);
            var catalogue = await catalogues.CatalogueAsync(scope, context.CancellationToken).ConfigureAwait(false);
            var outcome = await scope.Get<WardRounds>().CreateAsync(catalogue, ask, actor, context.CancellationToken).ConfigureAwait(false);
            if (outcome.Round is not { } round)
            {
                RoundLog.Refused(logger, outcome.Refusal?.ToString() ?? "-");
                return outcome.Refusal switch
                {
                    RefusalKind.BadInput => Problems(StatusCodes.Status400BadRequest, outcome.Problems),
                    RefusalKind.Forbidden => HttpSupport.Error(StatusCodes.Status403Forbidden, outcome.Problems[0].Message),
                    _ => HttpSupport.Error(StatusCodes.Status409Conflict, outcome.Problems[0].Message),
                };
            }

            RoundLog.Created(logger, ward.Id, round.Number, outcome.IsRepeated);
            return new ObjectResult(View(round, outcome.Templates.Select(t => t.File.Path).ToList()))
            {
                StatusCode = StatusCodes.Status201Created,
            };
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện: chưa thể tạo đợt báo cáo.");
        }
        catch (WardBusyException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                "Phường đang được cập nhật: chưa tạo được đợt báo cáo, hãy gửi lại sau.");
        }
        catch (RemoteServiceException ex)
        {
            RoundLog.Failed(logger, ex, "CreateRound", ward.Id);
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Chưa ghi được đợt báo cáo: thư viện đang bận; hãy thử lại sau.");
        }
    }

    /// <summary>GET /api/rounds: the ward's rounds, whether the caller may create one, and the units and tasks to choose from.</summary>
    [Function("ListRounds")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rounds")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (ward, refused) = HttpSupport.WardReader(request, wards, "ListRounds", logger);
        if (ward is null)
        {
            return refused!;
        }

        try
        {
            await using var scope = scopes.Open(ward.CallerTarget);
            var catalogue = await catalogues.CatalogueAsync(scope, context.CancellationToken).ConfigureAwait(false);
            var rounds = await scope.Get<WardRounds>().ListAsync(catalogue, context.CancellationToken).ConfigureAwait(false);
            var may = AdHocRoundRules.MayCreate(ward.Units, catalogue.Decision.AggregatingUnit,
                CallerAuthorizer.ObjectIdOf(request.HttpContext.User));
            return new OkObjectResult(new RoundsBody(ward.Id, may, [.. rounds.Select(r => View(r, []))],
                [.. ward.Units.Units.Select(u => new CodeName(u.Code, u.Name))], Choices(catalogue)));
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện.");
        }
    }

    private static List<RoundTaskChoice> Choices(TaskCatalogue catalogue) =>
        [.. catalogue.WorkItems.Select(t =>
            new RoundTaskChoice(t.Code, t.Title, [.. t.Lead.Units.Concat(t.Coordinating.Units).Distinct(StringComparer.Ordinal)]))];

    private static RoundView View(ReportRound round, IReadOnlyList<string> templates) =>
        new(round.Number, round.Title, round.LastDay, round.AdHoc, round.Units, round.Tasks, round.CreatedBy, round.CreatedAt, templates);

    private static ObjectResult Problems(int status, IReadOnlyList<RoundProblem> problems) =>
        new(new RowErrorBody(problems.Count == 1 ? problems[0].Message : "Đợt báo cáo chưa hợp lệ: xem từng mục.",
            [.. problems.Select(p => new RowError(null, p.Field, p.Message))]))
        { StatusCode = status };

    private static partial class RoundLog
    {
        [LoggerMessage(EventId = 3801, Level = LogLevel.Information, Message = "ward={Ward}: ad hoc round {Round} (repeated: {Repeated})")]
        public static partial void Created(ILogger logger, string ward, int round, bool repeated);

        [LoggerMessage(EventId = 3802, Level = LogLevel.Information, Message = "ad hoc round refused: {Kind}")]
        public static partial void Refused(ILogger logger, string kind);

        [LoggerMessage(EventId = 3803, Level = LogLevel.Error, Message = "{Function} ward={Ward}: failed")]
        public static partial void Failed(ILogger logger, Exception exception, string function, string ward);
    }
}
