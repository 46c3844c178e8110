using System.Security.Claims;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Proposals;
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
/// HTTP functions of the adjustment proposals (issue 17, docs/api.md "Proposals") through <see cref="WardProposals"/>,
/// against the ward's decision (<see cref="IPortalCatalogues"/>: the library's in Azure, the one `serve` started with
/// locally). Deny by default: the caller needs an app role, then the ward's unit directory must
/// name the token's object id ("oid"); that person's address is the actor the proposal rules judge (a unit's people
/// propose, the aggregating unit's head reviews, the signer or a deputy decides; nobody reviews or decides their own
/// proposal, nor decides one they reviewed). Refusals: bad input 400 (with the field), no right 403 (separation of duties
/// included), unknown id 404, wrong state or date or a reused request id 409.
/// </summary>
public sealed partial class ProposalFunctions(IWardRegistry wards, IWardScopeFactory scopes, IPortalCatalogues catalogues,
    ILogger<ProposalFunctions> logger)
{
    /// <summary>The header carrying the client's request id of a new proposal (as Microsoft Graph's own clients send it).</summary>
    public const string RequestIdHeader = "client-request-id";

    /// <summary>
    /// POST /api/proposals: a unit's person proposes (reporters). With a client request id (header
    /// <see cref="RequestIdHeader"/> or the body's requestId) a retry answers 201 with the proposal the first request recorded.
    /// </summary>
    [Function("ProposeAdjustment")]
    public async Task<IActionResult> Propose([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proposals")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await HttpSupport.ReadJsonAsync<ProposalBody>(request, context.CancellationToken).ConfigureAwait(false);
        var header = request.Headers[RequestIdHeader].ToString() is { Length: > 0 } h ? h.Trim() : null;
        var fromBody = string.IsNullOrWhiteSpace(body.Value?.RequestId) ? null : body.Value.RequestId.Trim();
        var error = body.Error ?? (header is not null && fromBody is not null && header != fromBody
            ? HttpSupport.Error(StatusCodes.Status400BadRequest, "Mã yêu cầu trong tiêu đề và trong nội dung gửi lên khác nhau.")
            : null);
        return await RunAsync(request, "ProposeAdjustment", body.Value?.Ward, error, [AppRoles.Reporter], async (p, c, actor, ct) =>
        {
            var b = body.Value ?? new ProposalBody(null, null, null, null, null, null, null);
            var proposal = new ProposalRequest(b.Unit, b.TaskCode, ProposalApiKeys.KindCode(b.Kind), b.Text, b.LastDay, b.Reason,
                header ?? fromBody);
            var outcome = await p.ProposeAsync(c, proposal, actor, ct).ConfigureAwait(false);
            return Answer(outcome, p.Authority(c), actor, StatusCodes.Status201Created);
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /api/proposals?state=: unit people see their units' proposals; the reviewer, deciders and admins see all.</summary>
    [Function("ListProposals")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proposals")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ProposalState? only = null;
        IActionResult? invalid = null;
        if (request.Query["state"].ToString() is { Length: > 0 } s)
        {
            if (ProposalApiKeys.TryState(s, out var state))
            {
                only = state;
            }
            else
            {
                invalid = HttpSupport.Error(StatusCodes.Status400BadRequest, $"Trạng thái \"{s}\" không hợp lệ.");
            }
        }

        return await RunAsync(request, "ListProposals", null, invalid, [AppRoles.Reporter, AppRoles.Admin], async (p, c, actor, ct) =>
        {
            var authority = p.Authority(c);
            var mine = CallerAuthorizer.UnitsOf(request.HttpContext.User, authority.Units);
            var seesAll = authority.IsReviewer(actor) || authority.IsDecider(actor) || IsAdmin(request.HttpContext.User);
            var items = (await p.ListAsync(only, ct).ConfigureAwait(false))
                .Where(x => seesAll || mine.Contains(x.UnitCode, StringComparer.Ordinal))
                .Select(x => ProposalApiKeys.View(x, authority, actor)).ToList();
            var role = authority.IsDecider(actor) ? "decider" : authority.IsReviewer(actor) ? "reviewer" : "unit";
            var units = mine.Select(code => new UnitRef(code, authority.Units.Find(code)?.Name ?? code)).ToList();
            return new OkObjectResult(new ProposalList(items, role, units));
        }, context.CancellationToken, allowAdminWithoutPerson: true).ConfigureAwait(false);
    }

    /// <summary>POST /api/proposals/{id}/review: the reviewer forwards or rejects.</summary>
    [Function("ReviewProposal")]
    public Task<IActionResult> Review([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proposals/{id}/review")]
        HttpRequest request, string id, FunctionContext context) =>
        StepAsync(request, context, "ReviewProposal", "forward",
            (p, c, actor, yes, note, ct) => p.ReviewAsync(c, id, actor, yes, note, ct));

    /// <summary>POST /api/proposals/{id}/decision: the signer (or a deputy) approves or rejects.</summary>
    [Function("DecideProposal")]
    public Task<IActionResult> Decide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proposals/{id}/decision")]
        HttpRequest request, string id, FunctionContext context) =>
        StepAsync(request, context, "DecideProposal", "approve",
            (p, c, actor, yes, note, ct) => p.DecideAsync(c, id, actor, yes, note, ct));

    private delegate Task<ProposalOutcome> StepAction(WardProposals proposals, TaskCatalogue catalogue, string actor, bool yes,
        string? note, CancellationToken cancellationToken);

    private delegate Task<IActionResult> Body(WardProposals proposals, TaskCatalogue catalogue, string actor,
        CancellationToken cancellationToken);

    private async Task<IActionResult> StepAsync(HttpRequest request, FunctionContext context, string function, string yesAction,
        StepAction act)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await HttpSupport.ReadJsonAsync<ProposalActionBody>(request, context.CancellationToken).ConfigureAwait(false);
        var action = body.Value?.Action?.Trim();
        var error = body.Error;
        if (error is null && action != yesAction && action != "reject")
        {
            error = HttpSupport.Error(StatusCodes.Status400BadRequest,
                $"Thiếu hoặc sai thao tác: dùng \"{yesAction}\" hoặc \"reject\".");
        }

        return await RunAsync(request, function, body.Value?.Ward, error, [AppRoles.Reporter, AppRoles.Admin], async (p, c, actor, ct) =>
        {
            var outcome = await act(p, c, actor, action == yesAction, body.Value!.Note, ct).ConfigureAwait(false);
            return Answer(outcome, p.Authority(c), actor, StatusCodes.Status200OK);
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Role, ward, the caller's person in the directory (<see cref="HttpSupport.AuthorizedWard"/>), then the library's decision,
    /// then <paramref name="body"/>.
    /// </summary>
    private async Task<IActionResult> RunAsync(HttpRequest request, string function, string? wardId, IActionResult? invalid,
        string[] roles, Body body, CancellationToken cancellationToken, bool allowAdminWithoutPerson = false)
    {
        var (ward, refused) = HttpSupport.AuthorizedWard(request, wards, function, logger, roles,
            (caller, w) => CallerAuthorizer.RequireDirectoryPerson(caller, w.Units, orAdmin: allowAdminWithoutPerson), wardId, invalid);
        if (ward is null)
        {
            return refused!;
        }

        var actor = CallerAuthorizer.PersonOf(request.HttpContext.User, ward.Units);
        try
        {
            await using var scope = scopes.Open(ward.CallerTarget);
            var catalogue = await catalogues.CatalogueAsync(scope, cancellationToken).ConfigureAwait(false);
            return await body(scope.Get<WardProposals>(), catalogue, actor ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện: chưa thể xử lý đề xuất.");
        }
        catch (RemoteServiceException ex)
        {
            ProposalLog.Failed(logger, ex, function, ward.Id);
            return HttpSupport.Error(StatusCodes.Status409Conflict,
                "Chưa ghi được đề xuất: danh sách đang bận hoặc chưa sẵn sàng; hãy thử lại sau.");
        }
    }

    private IActionResult Answer(ProposalOutcome outcome, ProposalAuthority authority, string actor, int okStatus)
    {
        if (outcome.Refusal is { } refusal)
        {
            ProposalLog.Refused(logger, refusal.Code, refusal.Kind.ToString());
            return refusal.Kind switch
            {
                RefusalKind.BadInput => new ObjectResult(new ProblemBody(refusal.Message,
                    [new FieldProblem(null, ProposalApiKeys.Field(refusal.Code), refusal.Message)]))
                { StatusCode = StatusCodes.Status400BadRequest },
                RefusalKind.Forbidden => HttpSupport.Error(StatusCodes.Status403Forbidden, refusal.Message),
                RefusalKind.NotFound => HttpSupport.Error(StatusCodes.Status404NotFound, refusal.Message),
                _ => HttpSupport.Error(StatusCodes.Status409Conflict, refusal.Message),
            };
        }

        ProposalLog.Done(logger, outcome.Value.Id, outcome.Value.State.ToCode());
        return new ObjectResult(ProposalApiKeys.View(outcome.Value, authority, actor)) { StatusCode = okStatus };
    }

    private static bool IsAdmin(ClaimsPrincipal caller) => CallerAuthorizer.RequireRole(caller, AppRoles.Admin).Allowed;

    private static partial class ProposalLog
    {
        [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "proposal {Id}: now {State}")]
        public static partial void Done(ILogger logger, string id, string state);

        [LoggerMessage(EventId = 3702, Level = LogLevel.Information, Message = "proposal action refused: {Rule} ({Kind})")]
        public static partial void Refused(ILogger logger, string rule, string kind);

        [LoggerMessage(EventId = 3703, Level = LogLevel.Error, Message = "{Function} ward={Ward}: failed")]
        public static partial void Failed(ILogger logger, Exception exception, string function, string ward);
    }
}
