using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Proposals;
using DanVan365.Core.Scoring;
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
/// HTTP functions of the units' scoring (issue 24, docs/api.md "Scoring") through <see cref="WardScoring"/>, against the ward's
/// decision (<see cref="IPortalCatalogues"/>). Deny by default: an app role, then the ward's unit directory must name the
/// token's object id; that person's address is the actor <see cref="ScoreReviewRules"/> judge (a unit's people propose, the
/// aggregating unit's people appraise, the signer or a deputy approves; nobody appraises or approves a score they proposed,
/// nor approves a table holding one they appraised). Refusals: bad input 400 (with the field), unknown unit 404, no right 403,
/// wrong state, changed meanwhile or a busy ward 409.
/// </summary>
public sealed partial class ScoreFunctions(IWardRegistry wards, IWardScopeFactory scopes, IPortalCatalogues catalogues,
    ILogger<ScoreFunctions> logger)
{
    /// <summary>GET /api/scores: the table, for the ward's reporters and administrators.</summary>
    [Function("ListScores")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "scores")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(request, "ListScores", null, null, admit: (caller, w) => CallerAuthorizer.RequireWardMember(caller, w.Units),
            async (ward, s, c, actor, ct) =>
            {
                var board = await s.BoardAsync(c, ct).ConfigureAwait(false);
                return new OkObjectResult(ScoreApiViews.Board(ward, board, s.Rules(c), actor));
            }, context.CancellationToken);
    }

    /// <summary>POST /api/scores/{unit}/proposal: a unit's person proposes its score.</summary>
    [Function("ProposeScore")]
    public async Task<IActionResult> Propose([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "scores/{unit}/proposal")]
        HttpRequest request, string unit, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await HttpSupport.ReadJsonAsync<ScoreProposalBody>(request, context.CancellationToken).ConfigureAwait(false);
        return await RunAsync(request, "ProposeScore", body.Value?.Ward, body.Error, Person, async (ward, s, c, actor, ct) =>
        {
            var b = body.Value!;
            var result = await s.ProposeAsync(c, unit, b.Points, b.Note, b.RequestId, actor ?? string.Empty, ct).ConfigureAwait(false);
            return Answer(result, "note", r => ScoreApiViews.Unit(r.Board!.Find(unit)!, s.Rules(c), actor, r.Board.Records));
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/scores/{unit}/appraisal: a person of the aggregating unit appraises.</summary>
    [Function("AppraiseScore")]
    public async Task<IActionResult> Appraise([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "scores/{unit}/appraisal")]
        HttpRequest request, string unit, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await HttpSupport.ReadJsonAsync<ScoreAppraisalBody>(request, context.CancellationToken).ConfigureAwait(false);
        return await RunAsync(request, "AppraiseScore", body.Value?.Ward, body.Error, Person, async (ward, s, c, actor, ct) =>
        {
            var b = body.Value!;
            var result = await s.AppraiseAsync(c, unit, b.Points, b.Reason, actor ?? string.Empty, ct).ConfigureAwait(false);
            return Answer(result, "reason", r => ScoreApiViews.Unit(r.Board!.Find(unit)!, s.Rules(c), actor, r.Board.Records));
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/scores/approval: the signer or a deputy approves the whole appraised table.</summary>
    [Function("ApproveScores")]
    public async Task<IActionResult> Approve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "scores/approval")]
        HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await HttpSupport.ReadJsonAsync<ScoreApprovalBody>(request, context.CancellationToken).ConfigureAwait(false);
        return await RunAsync(request, "ApproveScores", body.Value?.Ward, body.Error, Person, async (ward, s, c, actor, ct) =>
        {
            var result = await s.ApproveAsync(c, actor ?? string.Empty, ct).ConfigureAwait(false);
            return Answer(result, null, r => ScoreApiViews.Board(ward, r.Board!, s.Rules(c), actor));
        }, context.CancellationToken).ConfigureAwait(false);
    }

    private delegate Task<IActionResult> Body(string ward, WardScoring scoring, TaskCatalogue catalogue, string? actor,
        CancellationToken cancellationToken);

    private static AuthDecision Person(System.Security.Claims.ClaimsPrincipal caller, Ward ward) =>
        CallerAuthorizer.RequireDirectoryPerson(caller, ward.Units, orAdmin: false);

    /// <summary>
    /// Role, the request's own problem, ward, the caller (<paramref name="admit"/>), the library's decision, then the body.
    /// </summary>
    private async Task<IActionResult> RunAsync(HttpRequest request, string function, string? wardId, IActionResult? invalid,
        Func<System.Security.Claims.ClaimsPrincipal, Ward, AuthDecision> admit, Body body, CancellationToken cancellationToken)
    {
        var (ward, refused) = HttpSupport.AuthorizedWard(request, wards, function, logger, [AppRoles.Reporter, AppRoles.Admin], admit,
            wardId, invalid);
        if (ward is null)
        {
            return refused!;
        }

        var actor = CallerAuthorizer.PersonOf(request.HttpContext.User, ward.Units);
        try
        {
            await using var scope = scopes.Open(ward.CallerTarget);
            var catalogue = await catalogues.CatalogueAsync(scope, cancellationToken).ConfigureAwait(false);
            return await body(ward.Id, scope.Get<WardScoring>(), catalogue, actor, cancellationToken).ConfigureAwait(false);
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện: chưa thể chấm điểm.");
        }
        catch (WardBusyException)
        {
            ScoreLog.Busy(logger, function, ward.Id);
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                $"Chưa ghi được điểm: {ward.Name} đang được một tiến trình khác cập nhật; chưa ghi gì, hãy thử lại sau ít phút.");
        }
        catch (RemoteServiceException ex)
        {
            ScoreLog.Failed(logger, ex, function, ward.Id);
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                "Chưa ghi được điểm: danh sách chấm điểm đang bận hoặc chưa sẵn sàng; hãy thử lại sau.");
        }
    }

    private IActionResult Answer(ScoringResult result, string? textField, Func<ScoringResult, object> view)
    {
        if (result.Refusal is { } refusal)
        {
            ScoreLog.Refused(logger, refusal.Code, refusal.Kind.ToString());
            if (refusal.Code == ScoreRuleCodes.UnknownUnit)
            {
                return HttpSupport.Error(StatusCodes.Status404NotFound, refusal.Message);
            }

            return refusal.Kind switch
            {
                RefusalKind.BadInput => new ObjectResult(new ProblemBody(refusal.Message,
                    [new FieldProblem(refusal.Code, Field(refusal.Code, textField), refusal.Message)]))
                { StatusCode = StatusCodes.Status400BadRequest },
                RefusalKind.Forbidden => HttpSupport.Error(StatusCodes.Status403Forbidden, refusal.Message),
                RefusalKind.NotFound => HttpSupport.Error(StatusCodes.Status404NotFound, refusal.Message),
                _ => HttpSupport.Error(StatusCodes.Status409Conflict, refusal.Message),
            };
        }

        return new OkObjectResult(view(result));
    }

    /// <summary>The body field a refused rule is about.</summary>
    private static string? Field(string code, string? textField) => code switch
    {
        ScoreRuleCodes.InvalidPoints => "points",
        ScoreRuleCodes.NoteRequired => "note",
        ScoreRuleCodes.ReasonRequired => "reason",
        ScoreRuleCodes.TextTooLong => textField,
        ScoreRuleCodes.InvalidRequestId => "requestId",
        _ => null,
    };

    private static partial class ScoreLog
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "score action refused: {Rule} ({Kind})")]
        public static partial void Refused(ILogger logger, string rule, string kind);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Function} ward={Ward}: ward busy")]
        public static partial void Busy(ILogger logger, string function, string ward);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "{Function} ward={Ward}: failed")]
        public static partial void Failed(ILogger logger, Exception exception, string function, string ward);
    }
}
