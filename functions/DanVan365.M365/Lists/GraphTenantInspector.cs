using DanVan365.Core.Lockdown;
using DanVan365.M365.Client;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Lists;

/// <summary>
/// The deployment as Graph shows it to the connected identity (`danvan365 doctor --tenant`):
/// GET /sites/{id}/permissions (docs repo: api-reference/v1.0/api/site-list-permissions.md, application Sites.FullControl.All
/// only, so an identity with Sites.Selected is refused: 403), GET /groups/{id} (group-get.md), GET /users/{id} (user-get.md).
/// </summary>
public sealed class GraphTenantInspector(SiteContext site) : ITenantInspector
{
    public async Task<IReadOnlyList<string>?> SiteGrantRolesAsync(CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var page = await site.Client.Sites[siteId].Permissions.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return [.. (page?.Value ?? []).Where(p => p.GrantedToIdentitiesV2?.Any(i => i.Application is not null) == true)
                .SelectMany(p => p.Roles ?? [])];
        }
        catch (ODataError error) when (GraphErrors.Is(error, 403) || GraphErrors.Is(error, 401))
        {
            return null;
        }
    }

    public async Task<bool> GroupExistsAsync(CancellationToken cancellationToken)
    {
        var groupId = site.Connection.Options.GroupId;
        if (string.IsNullOrWhiteSpace(groupId))
        {
            return false;
        }

        try
        {
            await site.Client.Groups[groupId].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ODataError error) when (GraphErrors.Is(error, 404))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> UnknownUsersAsync(IReadOnlyList<string> objectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        var unknown = new List<string>();
        foreach (var id in objectIds)
        {
            try
            {
                await site.Client.Users[id].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError error) when (GraphErrors.Is(error, 404))
            {
                unknown.Add(id);
            }
        }

        return unknown;
    }
}
