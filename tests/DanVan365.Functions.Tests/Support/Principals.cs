using System.Security.Claims;
using DanVan365.TestUtilities;
using Microsoft.AspNetCore.Http;

namespace DanVan365.Functions.Tests.Support;

/// <summary>Callers as the Entra ID middleware leaves them on the HttpContext.</summary>
public static class Principals
{
    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    /// <summary>
    /// An authenticated caller with app roles (the token's "roles" claim) and a sign-in name; when the bundled Hải An
    /// directory lists that address, the token also carries that person's object id ("oid"), as Entra ID's would.
    /// </summary>
    public static ClaimsPrincipal User(string? upn, params string[] roles)
    {
        var claims = new List<Claim>();
        if (upn is not null)
        {
            claims.Add(new Claim("preferred_username", upn));
            if (Bundled.Units.FindPerson(upn)?.ObjectId is { } objectId)
            {
                claims.Add(new Claim("oid", objectId));
            }
        }

        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }

    /// <summary>A request as the ASP.NET Core integration hands it to an HTTP function.</summary>
    public static HttpRequest Request(ClaimsPrincipal user, string method = "GET", string? query = null, string? jsonBody = null)
    {
        var context = new DefaultHttpContext { User = user };
        context.Request.Method = method;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (jsonBody is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(jsonBody);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
        }

        return context.Request;
    }
}
