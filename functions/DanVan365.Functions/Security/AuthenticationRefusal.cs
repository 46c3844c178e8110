using System.Text.Json.Serialization;

namespace DanVan365.Functions.Security;

/// <summary>The Graph-like error of a refused call: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed record AuthErrorBody([property: JsonPropertyName("error")] AuthError Error);

/// <summary>An English, stable <paramref name="Code"/> for programs and a Vietnamese <paramref name="Message"/> for people.</summary>
public sealed record AuthError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The refusals of the authentication middleware.</summary>
public static class AuthenticationRefusal
{
    /// <summary>The code Microsoft Graph answers for a missing or invalid bearer token.</summary>
    public const string InvalidTokenCode = "InvalidAuthenticationToken";

    /// <summary>The code for an HTTP invocation without its HTTP request (the ASP.NET Core integration is missing).</summary>
    public const string NoRequestCode = "HttpContextMissing";

    public static AuthErrorBody InvalidToken { get; } = new(new AuthError(
        InvalidTokenCode,
        "Cần đăng nhập bằng tài khoản Microsoft 365 của phường (mã truy cập thiếu, sai hoặc đã hết hạn)."));
}
