using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>
/// Who a request acts as, for the identitySets an item records (createdBy, lastModifiedBy).
/// <para>Graph: "identitySet ... represent[s] a set of identities associated with various events for an item, such as
/// created by or last modified by", with optional <c>application</c> and <c>user</c> identities, each an identity of
/// <c>id</c> and <c>displayName</c> (docs repo: api-reference/v1.0/resources/identityset.md, resources/identity.md;
/// driveItem inherits createdBy/lastModifiedBy from baseItem: resources/baseitem.md, resources/driveitem.md).</para>
/// <para>The app's requests are app-only (client credentials): they act "by the application", so the set holds only
/// <c>application</c>. EMULATOR ONLY, not Graph: a request carrying <see cref="ActingUserHeader"/> with the id of a
/// user of the local tenant acts as that person (the set holds <c>user</c>), so tests, `demo` and `serve` can upload a
/// return the way a unit's person does in SharePoint. The header is refused from a browser page and from a non-loopback
/// address (<see cref="RequestGuards"/>); an unknown user id is a 400.</para>
/// </summary>
internal static class Actors
{
    /// <summary>The emulator-only request header naming the local user (object id) a request acts as.</summary>
    public const string ActingUserHeader = "X-LocalM365-Acting-User";

    /// <summary>The application id the local Graph records for app-only requests.</summary>
    public static readonly string ApplicationId = Ids.FromName("app:danvan365");

    /// <summary>The application's display name in identitySets.</summary>
    public const string ApplicationName = "DanVan365";

    /// <summary>The identitySet of the caller of this request (a person with the header, else the application).</summary>
    public static JsonObject IdentitySet(OperationContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return IdentitySet(ctx, ctx.Request.Header(ActingUserHeader));
    }

    /// <summary>The identitySet of <paramref name="actingUserId"/> (null: the application).</summary>
    public static JsonObject IdentitySet(OperationContext ctx, string? actingUserId)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (string.IsNullOrWhiteSpace(actingUserId))
        {
            return new JsonObject
            {
                ["application"] = new JsonObject { ["id"] = ApplicationId, ["displayName"] = ApplicationName },
            };
        }

        var id = actingUserId.Trim();
        var user = (Guid.TryParse(id, out _) ? ctx.Store.Get("user", id) : null)
            ?? throw GraphException.BadRequest(
                $"{ActingUserHeader}: '{id}' is not the object id of a user of the local tenant (emulator-only header).");
        return new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = user.Str("id"), ["displayName"] = user.Str("displayName") },
        };
    }
}
