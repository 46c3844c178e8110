using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace DanVan365.Functions.Security;

/// <summary>
/// Authenticates HTTP calls with the Entra ID bearer scheme (Microsoft.Identity.Web's JwtBearer: issuer, audience,
/// signature and lifetime checked) and puts the principal on the HttpContext. It decides nothing: each HTTP function
/// asks <see cref="CallerAuthorizer"/>, so an anonymous call is refused there with 401 and a wrong role with 403.
/// Timer and queue invocations have no HttpContext and pass through.
/// </summary>
public sealed class EntraAuthenticationMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
            http.User = result.Succeeded && result.Principal is not null ? result.Principal : new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }

        await next(context).ConfigureAwait(false);
    }
}
