using System.Security.Cryptography;
using System.Text;
using DanVan365.Core.Units;
using DanVan365.Functions.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DanVan365.Cli.Serve;

/// <summary>A token `serve` issued for a person of the unit directory.</summary>
public sealed record ServeToken(string AccessToken, DateTimeOffset ExpiresOn, string Name, string Email);

/// <summary>
/// Entra ID-shaped access tokens (v2.0) for `serve`: signed by an RSA key made at start and trusted by this process only
/// (its JwtBearer options are given this key as the tenant's signing key). Roles follow the unit directory: the head of
/// Phòng Văn hóa - Xã hội and the signer are administrators; heads and assignees of units are reporters.
/// </summary>
public sealed class ServeTokens : IDisposable
{
    /// <summary>A tenant id no real tenant has (tokens of `serve` name it).</summary>
    public const string Tenant = "00000000-0000-4000-8000-000000005366";

    /// <summary>The API's client id as `serve` presents it.</summary>
    public const string ClientId = "00000000-0000-4000-8000-0000000d4365";

    /// <summary>The unit whose head reviews everything (Phòng Văn hóa - Xã hội).</summary>
    public const string ReviewerUnit = "VHXH";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly TimeProvider _clock;

    public ServeTokens(TimeProvider clock)
    {
        _clock = clock;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "danvan365-serve" };
    }

    public static string Issuer => $"https://login.microsoftonline.com/{Tenant}/v2.0";

    public RsaSecurityKey SigningKey { get; }

    /// <summary>The default person: the head of Phòng Văn hóa - Xã hội.</summary>
    public static Person? DefaultPerson(UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.People.FirstOrDefault(p => p.Unit == ReviewerUnit && PersonRoles.Is(p.Role, PersonRoles.Head));
    }

    /// <summary>The app roles of a person of the directory.</summary>
    public static IReadOnlyList<string> RolesOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var roles = new List<string>();
        if (PersonRoles.Is(person.Role, PersonRoles.Signer)
            || (person.Unit == ReviewerUnit && PersonRoles.Is(person.Role, PersonRoles.Head)))
        {
            roles.Add(AppRoles.Admin);
        }

        if (person.Unit is not null && PersonRoles.IsUnitPerson(person.Role))
        {
            roles.Add(AppRoles.Reporter);
        }

        return roles;
    }

    /// <summary>A token for <paramref name="person"/> (real clock: the token handler checks lifetimes against it).</summary>
    public ServeToken Issue(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = _clock.GetUtcNow();
        var objectId = person.ObjectId ?? StableId(person.Email);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = Tenant,
                ["oid"] = objectId,
                ["sub"] = objectId,
                ["ver"] = "2.0",
                ["name"] = person.DisplayName,
                ["preferred_username"] = person.Email,
                ["scp"] = "user_impersonation",
                ["roles"] = RolesOf(person).ToArray(),
            },
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        return new ServeToken(token, now + Lifetime, person.DisplayName, person.Email);
    }

    public void Dispose() => _rsa.Dispose();

    /// <summary>A GUID from an address, for a person the directory gives no object id (such a person matches no unit).</summary>
    private static string StableId(string email) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToUpperInvariant())).AsSpan(0, 16)).ToString("D");
}
