using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Security;

/// <summary>
/// Deny by default: every HTTP-triggered invocation must carry a valid Entra ID bearer token (validated by
/// <see cref="EntraAuthentication"/>: issuer, tenant, audience, signature, lifetime) or it is answered 401 with a
/// Graph-like JSON error before the function runs. There is no opt-out: functions only add role checks
/// (<see cref="CallerAuthorizer"/>) on the authenticated principal this puts on the HttpContext.
/// Timer and queue invocations (no HTTP trigger) pass through.
/// </summary>
public sealed class EntraAuthenticationMiddleware : IFunctionsWorkerMiddleware
{
    private const string HttpTriggerType = "httpTrigger";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!IsHttpTriggered(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var logger = context.InstanceServices.GetService<ILogger<EntraAuthenticationMiddleware>>();
        if (context.GetHttpContext() is not { } http)
        {
            // An HTTP trigger without its request cannot be authenticated: refuse rather than run.
            if (logger is not null)
            {
                SecurityLog.Unauthenticated(logger, context.FunctionDefinition.Name, AuthenticationRefusal.NoRequestCode);
            }

            throw new InvalidOperationException("HTTP invocation without an HttpContext: ConfigureFunctionsWebApplication is required.");
        }

        var result = await http.AuthenticateAsync(EntraAuthentication.Scheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal?.Identity?.IsAuthenticated != true)
        {
            if (logger is not null)
            {
                SecurityLog.Unauthenticated(logger, context.FunctionDefinition.Name, result.Failure?.GetType().Name ?? "no token");
            }

            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await http.Response.WriteAsJsonAsync(AuthenticationRefusal.InvalidToken, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        http.User = result.Principal;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>True when the function's trigger is an HTTP trigger (from its metadata, not from the request).</summary>
    public static bool IsHttpTriggered(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values
            .Any(b => string.Equals(b.Type, HttpTriggerType, StringComparison.OrdinalIgnoreCase));
    }
}
