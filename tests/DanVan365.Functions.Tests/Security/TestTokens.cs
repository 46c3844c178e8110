using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DanVan365.Functions.Tests.Security;

/// <summary>Entra ID-shaped access tokens (v2.0) signed with an RSA key made here, for the tenant and API of the test host.</summary>
public sealed class TestTokens : IDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string OtherTenant = "99999999-8888-7777-6666-555555555555";
    public const string ClientId = "66666666-7777-8888-9999-000000000000";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);

    public TestTokens()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
        OtherKey = new RsaSecurityKey(_otherRsa) { KeyId = "test-key" };
    }

    /// <summary>The key the test host publishes as the tenant's signing key.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>A key nobody published (same key id).</summary>
    public RsaSecurityKey OtherKey { get; }

    public static string IssuerOf(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>A token for <paramref name="objectId"/> with <paramref name="roles"/>; the other arguments spoil one check each.</summary>
    public string Create(
        string objectId,
        string[] roles,
        string? tenant = null,
        string? audience = null,
        TimeSpan? expiresIn = null,
        bool signed = true,
        bool otherKey = false,
        string? preferredUsername = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant ?? Tenant,
            ["oid"] = objectId,
            ["sub"] = "subject-" + objectId,
            ["ver"] = "2.0",
            ["azp"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["roles"] = roles,
        };
        if (preferredUsername is not null)
        {
            claims["preferred_username"] = preferredUsername;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerOf(tenant ?? Tenant),
            Audience = audience ?? ClientId,
            IssuedAt = expires < now ? expires - TimeSpan.FromHours(1) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromHours(1) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = signed ? new SigningCredentials(otherKey ? OtherKey : SigningKey, SecurityAlgorithms.RsaSha256) : null,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
    }
}
