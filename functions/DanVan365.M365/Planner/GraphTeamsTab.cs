using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Planner;

/// <summary>Pinning the plan as a tab in the ward's team (the ward's Microsoft 365 group, where it is a team).</summary>
public sealed class GraphTeamsTab(GraphConnection connection)
{
    /// <summary>The Teams app id of the built-in Planner tab.</summary>
    public const string PlannerTabAppId = "com.microsoft.teamspace.tab.planner";

    /// <summary>The Teams app id of the website tab (teams-configuring-builtin-tabs.md, "Website tabs").</summary>
    public const string WebsiteTabAppId = "com.microsoft.teamspace.tab.web";

    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;

    private string GroupId => PlannerResponses.GroupId(connection);

    /// <summary>
    /// Where the ward's group is a team, pins the plan in its General channel, once: a Planner tab, else (Teams refuses
    /// to configure one: https://learn.microsoft.com/graph/teams-configuring-builtin-tabs) a website tab to the plan.
    /// Best effort: a group that is not a team (404) is fine, and any failure is reported, never thrown, so the plan is
    /// made all the same (issue 12, difference 3).
    /// </summary>
    public async Task<TeamsTabPin> PinTabAsync(string planId, string planTitle, CancellationToken cancellationToken)
    {
        try
        {
            return await TryPinTabAsync(planId, planTitle, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteServiceException error)
        {
            return Failed(error);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error)
        {
            return Failed(GraphErrors.From("add Planner tab", error));
        }
        catch (Exception error) when (error is TimeoutException or HttpRequestException)
        {
            return new TeamsTabPin(TeamsTabPinKind.Failed, error.GetType().Name);
        }
    }

    private async Task<TeamsTabPin> TryPinTabAsync(string planId, string planTitle, CancellationToken cancellationToken)
    {
        Team? team;
        try
        {
            team = await _client.Teams[GroupId].GetAsync(r => r.QueryParameters.Select = ["id", "tenantId"],
                cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error) when (GraphErrors.Is(error, 404))
        {
            return new TeamsTabPin(TeamsTabPinKind.NoTeam);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error)
        {
            throw GraphErrors.From("get team", error);
        }

        var channel = await GraphErrors.Call("get General channel",
            () => _client.Teams[GroupId].PrimaryChannel.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        var channelId = channel?.Id ?? throw new RemoteServiceException("get General channel", 404, "itemNotFound", null,
            "The team has no General channel.");
        var tabs = await GraphErrors.Call("list tabs",
            () => _client.Teams[GroupId].Channels[channelId].Tabs.GetAsync(r => r.QueryParameters.Expand = ["teamsApp"],
            cancellationToken)).ConfigureAwait(false);
        if ((tabs?.Value ?? []).Any(t => t.Configuration?.EntityId == planId || (t.Configuration?.WebsiteUrl?.Contains(planId,
            StringComparison.Ordinal) ?? false)))
        {
            return new TeamsTabPin(TeamsTabPinKind.AlreadyPinned);
        }

        var tenant = team?.TenantId ?? "common";
        var tab = new TeamsTab
        {
            DisplayName = Core.Sync.DesiredRows.Shorten(planTitle, 128),
            Configuration = new TeamsTabConfiguration
            {
                EntityId = planId,
                ContentUrl =
                    $"https://tasks.teams.microsoft.com/teamsui/{{tid}}/Home/PlannerFrame" +
                    $"?page=7&auth_pvr=OrgId&auth_upn={{userPrincipalName}}" +
                    $"&groupId={GroupId}&planId={planId}&channelId={{channelId}}&entityId={{entityId}}&tid={{tid}}" +
                    $"&userObjectId={{userObjectId}}&subEntityId={{subEntityId}}&sessionId={{sessionId}}&theme={{theme}}" +
                    $"&mkt={{locale}}&ringId={{ringId}}&PlannerRouteHint={{tid}}&tabVersion=20200228",
                WebsiteUrl = $"https://tasks.office.com/{tenant}/Home/PlanViews/{planId}",
                RemoveUrl =
                    $"https://tasks.teams.microsoft.com/teamsui/{{tid}}/Home/PlannerFrame" +
                    $"?page=13&auth_pvr=OrgId&auth_upn={{userPrincipalName}}" +
                    $"&groupId={GroupId}&planId={planId}&channelId={{channelId}}&entityId={{entityId}}&tid={{tid}}" +
                    $"&userObjectId={{userObjectId}}&subEntityId={{subEntityId}}&sessionId={{sessionId}}&theme={{theme}}" +
                    $"&mkt={{locale}}&ringId={{ringId}}&PlannerRouteHint={{tid}}&tabVersion=20200228",
            },
            AdditionalData =
                new Dictionary<string, object>
                {
                    ["teamsApp@odata.bind"] =
                $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{PlannerTabAppId}"
                },
        };
        try
        {
            await _client.Teams[GroupId].Channels[channelId].Tabs.PostAsync(tab,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return new TeamsTabPin(TeamsTabPinKind.PlannerTab);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error) when (error.ResponseStatusCode is >= 400 and < 500)
        {
            // Configuring a built-in tab may be refused (teams-configuring-builtin-tabs.md: several built-in apps'
            // "Configuration is not supported"; "If you want to configure the tab, consider using a Website tab").
            // Pinning is best effort: a website tab to the plan is the fallback, and neither failure fails the plan.
        }

        var website = new TeamsTab
        {
            DisplayName = tab.DisplayName,
            Configuration =
                new TeamsTabConfiguration { ContentUrl = tab.Configuration.WebsiteUrl, WebsiteUrl = tab.Configuration.WebsiteUrl },
            AdditionalData =
                new Dictionary<string, object>
                {
                    ["teamsApp@odata.bind"] =
                $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{WebsiteTabAppId}"
                },
        };
        try
        {
            await _client.Teams[GroupId].Channels[channelId].Tabs.PostAsync(website,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return new TeamsTabPin(TeamsTabPinKind.WebsiteTab);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error)
        {
            return Failed(GraphErrors.From("add website tab", error));
        }
    }

    private static TeamsTabPin Failed(RemoteServiceException error) => new(TeamsTabPinKind.Failed, string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{error.Operation}: HTTP {error.Status} {error.ErrorCode} (request-id {error.RequestId ?? "-"})"));
}
