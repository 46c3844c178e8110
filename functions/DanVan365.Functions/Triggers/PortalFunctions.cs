using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Wards;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Security;
using DanVan365.M365.Composition;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>Where the web parts' catalogue comes from: the library's decision (Functions) or the decision `serve` was given.</summary>
public interface IPortalCatalogues
{
    Task<TaskCatalogue> CatalogueAsync(WardScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The catalogue, with <paramref name="readAhead"/> (the lists the call reads next) fetched in the same request as the
    /// decision's version check where the source reads the library (issue 25).
    /// </summary>
    Task<TaskCatalogue> CatalogueAsync(WardScope scope, IReadOnlyList<Core.Sync.ListDefinition> readAhead,
        CancellationToken cancellationToken) => CatalogueAsync(scope, cancellationToken);
}

/// <summary>
/// The library's current decision (throws <see cref="NoDecisionException"/> when there is none): its version check (the
/// "Quyết định" folder and the state key naming the decision in use) and the lists the call reads next go as one $batch
/// (<see cref="WardPortal.ReadAheadAsync"/>); the decision's bytes are read only when that version was not read before
/// (<see cref="ParsedDecisions"/>).
/// </summary>
public sealed class LibraryPortalCatalogues : IPortalCatalogues
{
    public Task<TaskCatalogue> CatalogueAsync(WardScope scope, CancellationToken cancellationToken) =>
        CatalogueAsync(scope, [], cancellationToken);

    public async Task<TaskCatalogue> CatalogueAsync(WardScope scope, IReadOnlyList<Core.Sync.ListDefinition> readAhead,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var portal = scope.Get<WardPortal>();
        await portal.ReadAheadAsync(readAhead, decision: true, cancellationToken).ConfigureAwait(false);
        return await portal.LibraryCatalogueAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>HTTP functions the web parts read (docs/api.md): the dashboard and a unit's work for a round.</summary>
public sealed class PortalFunctions(IWardRegistry wards, IWardScopeFactory scopes, IPortalCatalogues catalogues,
    ILogger<PortalFunctions> logger)
{
    /// <summary>GET /api/dashboard?asOf=&amp;ward=&amp;unit=&amp;section=&amp;status= (reporters of the ward and administrators).</summary>
    [Function("Dashboard")]
    public async Task<IActionResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (ward, refused) = HttpSupport.WardReader(request, wards, "Dashboard", logger);
        if (ward is null)
        {
            return refused!;
        }

        DateOnly? asOf = null;
        if (Text(request.Query["asOf"]) is { } asOfText)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return HttpSupport.Error(StatusCodes.Status400BadRequest,
                    "Ngày tính số liệu phải viết dạng năm-tháng-ngày, ví dụ 2026-09-30.");
            }

            asOf = day;
        }

        var filter = new DashboardFilter(Text(request.Query["unit"]), Text(request.Query["section"]), Text(request.Query["status"]));
        await using var scope = scopes.Open(ward.CallerTarget);
        try
        {
            var catalogue = await catalogues.CatalogueAsync(scope, WardPortal.DashboardLists, context.CancellationToken)
                .ConfigureAwait(false);
            var dashboard = await scope.Get<WardPortal>().DashboardAsync(catalogue, asOf, filter, context.CancellationToken)
                .ConfigureAwait(false);
            return new OkObjectResult(DashboardBody.From(ward, dashboard, catalogue.Sections) with
            {
                CanReturn = Core.Reporting.ReturnAuthority.MayReturn(ward.Units, catalogue.Decision.AggregatingUnit,
                    CallerAuthorizer.ObjectIdOf(request.HttpContext.User)),
            });
        }
        catch (InvalidQueryException ex)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện.");
        }
    }

    /// <summary>
    /// GET /api/my/work?round=N&amp;ward=&amp;unit=: a unit's rows for a round (reporters): the caller's unit, or any unit the
    /// caller may submit for (<see cref="Core.Reporting.ReportSubmitters.MaySubmit"/>: the aggregating unit's head).
    /// </summary>
    [Function("MyWork")]
    public async Task<IActionResult> MyWork([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "my/work")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = request.HttpContext.User;
        var auth = CallerAuthorizer.RequireRole(caller, AppRoles.Reporter);
        if (!auth.Allowed)
        {
            return HttpSupport.Refuse(request, auth, "MyWork", logger);
        }

        var (ward, error) = HttpSupport.PickWard(wards, request.Query["ward"]);
        if (ward is null)
        {
            return error!;
        }

        int? round = null;
        if (Text(request.Query["round"]) is { } roundText)
        {
            var (number, invalid) = HttpSupport.RoundNumber(roundText);
            if (invalid is not null)
            {
                return invalid;
            }

            round = number;
        }

        var mine = CallerAuthorizer.UnitsOf(caller, ward.Units);
        var unit = Text(request.Query["unit"]);
        if (unit is null && mine.Count > 1)
        {
            return HttpSupport.Error(StatusCodes.Status400BadRequest, "Tài khoản thuộc nhiều đơn vị; hãy chọn một đơn vị: " +
                string.Join(", ", mine) + ".");
        }

        unit ??= mine.FirstOrDefault() ?? string.Empty;
        var personAuth = CallerAuthorizer.RequirePossibleSubmitter(caller, unit, ward.Units);
        if (!personAuth.Allowed)
        {
            return HttpSupport.Refuse(request, personAuth, "MyWork", logger);
        }

        await using var scope = scopes.Open(ward.CallerTarget);
        try
        {
            var catalogue = await catalogues.CatalogueAsync(scope, WardPortal.WorkLists, context.CancellationToken).ConfigureAwait(false);
            var unitAuth = CallerAuthorizer.RequireReporterOf(caller, unit, ward.Units, catalogue.Decision.AggregatingUnit);
            if (!unitAuth.Allowed)
            {
                return HttpSupport.Refuse(request, unitAuth, "MyWork", logger);
            }

            return await scope.Get<WardPortal>().WorkAsync(catalogue, unit, round, context.CancellationToken).ConfigureAwait(false)
                is { } work
                ? new OkObjectResult(MyWorkBody.From(ward, work))
                : HttpSupport.Error(StatusCodes.Status404NotFound, "Không có đợt báo cáo nào đang mở.");
        }
        catch (UnknownRoundException ex)
        {
            return HttpSupport.Error(StatusCodes.Status404NotFound,
                $"Không có đợt báo cáo {ex.Round.ToString(CultureInfo.InvariantCulture)}.");
        }
        catch (NoDecisionException)
        {
            return HttpSupport.Error(StatusCodes.Status409Conflict, "Phường chưa có quyết định trong thư viện.");
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
