using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Triggers;

/// <summary>An error answer: JSON <c>{"error": "…"}</c> in Vietnamese (people read it).</summary>
public sealed record ErrorBody(string Error);

/// <summary>Shared steps of the HTTP functions: refusals, errors, the ward of a call.</summary>
internal static class HttpSupport
{
    public static IActionResult Error(int status, string message) => new ObjectResult(new ErrorBody(message)) { StatusCode = status };

    /// <summary>401 (with a Bearer challenge) or 403, logged without personal data.</summary>
    public static IActionResult Refuse(HttpRequest request, AuthDecision decision, string function, ILogger logger)
    {
        Log.Refused(logger, function, decision.StatusCode, decision.Reason);
        if (decision.Outcome == AuthOutcome.Unauthenticated)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, "Cần đăng nhập bằng tài khoản Microsoft 365 của phường.");
        }

        return Error(StatusCodes.Status403Forbidden, "Tài khoản không có quyền thực hiện thao tác này.");
    }

    /// <summary>
    /// The ward a reader (reporter or administrator) may read: role first, then the ward (query <c>ward</c>), then the
    /// caller must be named by that ward's directory. Else the refusal or error answer.
    /// </summary>
    public static (Ward? Ward, IActionResult? Error) WardReader(HttpRequest request, IWardRegistry wards, string function,
        ILogger logger) =>
        AuthorizedWard(request, wards, function, logger, [AppRoles.Reporter, AppRoles.Admin],
            (caller, ward) => CallerAuthorizer.RequireWardMember(caller, ward.Units));

    /// <summary>
    /// The ward a call acts in, deny by default: one of <paramref name="roles"/> first, then the request's own problem
    /// (<paramref name="invalid"/>, answered as it is), then the ward (<paramref name="wardId"/>, else query <c>ward</c>),
    /// then <paramref name="admit"/> judges the caller against that ward. Else the refusal or error answer.
    /// </summary>
    public static (Ward? Ward, IActionResult? Error) AuthorizedWard(HttpRequest request, IWardRegistry wards, string function,
        ILogger logger, string[] roles, Func<ClaimsPrincipal, Ward, AuthDecision> admit, string? wardId = null,
        IActionResult? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(admit);
        var caller = request.HttpContext.User;
        var auth = CallerAuthorizer.RequireRole(caller, roles);
        if (!auth.Allowed)
        {
            return (null, Refuse(request, auth, function, logger));
        }

        if (invalid is not null)
        {
            return (null, invalid);
        }

        var (ward, error) = PickWard(wards, wardId ?? request.Query["ward"]);
        if (ward is null)
        {
            return (null, error);
        }

        var admitted = admit(caller, ward);
        return admitted.Allowed ? (ward, null) : (null, Refuse(request, admitted, function, logger));
    }

    /// <summary>The ward named by <paramref name="wardId"/>, or the only ward when none is named; else an error answer.</summary>
    public static (Ward? Ward, IActionResult? Error) PickWard(IWardRegistry wards, string? wardId)
    {
        if (string.IsNullOrWhiteSpace(wardId))
        {
            return wards.All.Count == 1
                ? (wards.All[0], null)
                : (null, Error(StatusCodes.Status400BadRequest, "Thiếu mã phường."));
        }

        return wards.Find(wardId.Trim()) is { } ward
            ? (ward, null)
            : (null, Error(StatusCodes.Status404NotFound, $"Không có phường với mã \"{wardId}\"."));
    }

    /// <summary>The JSON options of every request body the API reads (web defaults: camelCase, case-insensitive).</summary>
    public static JsonSerializerOptions BodyJson { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>A request's JSON body as <typeparamref name="T"/>; else the 400 answer (no body, or not JSON).</summary>
    public static async Task<(T? Value, IActionResult? Error)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, BodyJson, cancellationToken).ConfigureAwait(false);
            return value is null ? (null, Error(StatusCodes.Status400BadRequest, "Thiếu nội dung gửi lên.")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "Nội dung gửi lên không phải JSON hợp lệ."));
        }
    }

    /// <summary>A round number given as text (route or query): a positive integer; else the 400 answer.</summary>
    public static (int Round, IActionResult? Error) RoundNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? (number, null)
            : (0, Error(StatusCodes.Status400BadRequest, "Số đợt báo cáo phải là số nguyên dương (1, 2, …)."));
}
