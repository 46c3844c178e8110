using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using DanVan365.M365.Lists;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Planner;

/// <summary>
/// Pinning the ward's work as a tab in the ward's team (the ward's Microsoft 365 group, where it is a team). Only what
/// Graph documents as configurable is posted (docs repo concepts/teams-configuring-builtin-tabs.md): for Planner tabs
/// "Configuration is not supported", so no Planner tab is ever posted; a website tab (<see cref="WebsiteTabAppId"/>:
/// entityId and removeUrl null, contentUrl and websiteUrl the site's address) opens the list Nhiệm vụ dân vận at the
/// <c>webUrl</c> Graph answers for it (api-reference/v1.0/resources/list.md). A plan has no web address in Graph v1.0
/// (api-reference/v1.0/resources/plannerplan.md lists none), so none is built by hand.
/// </summary>
public sealed class GraphTeamsTab(GraphConnection connection, SiteContext? site = null)
{
    /// <summary>The Teams app id of the built-in Planner tab: never posted (its configuration is not supported).</summary>
    public const string PlannerTabAppId = "com.microsoft.teamspace.tab.planner";

    /// <summary>The Teams app id of the website tab (teams-configuring-builtin-tabs.md, "Website tabs").</summary>
    public const string WebsiteTabAppId = "com.microsoft.teamspace.tab.web";

    private readonly Microsoft.Graph.GraphServiceClient _client = connection.Client;
    private readonly SiteContext _site = site ?? new SiteContext(connection);

    private string GroupId => PlannerResponses.GroupId(connection);

    /// <summary>
    /// Where the ward's group is a team, pins a website tab to the list Nhiệm vụ dân vận in its General channel, once
    /// (a tab to the same address, or one an earlier version pinned for the plan, counts as pinned). Best effort: a group
    /// that is not a team (404) is fine, and any failure is reported, never thrown, so the plan is made all the same
    /// (issue 12, difference 3; issue 25).
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
            return Failed(GraphErrors.From("add website tab", error));
        }
        catch (Exception error) when (error is TimeoutException or HttpRequestException)
        {
            return new TeamsTabPin(TeamsTabPinKind.Failed, error.GetType().Name);
        }
    }

    private async Task<TeamsTabPin> TryPinTabAsync(string planId, string planTitle, CancellationToken cancellationToken)
    {
        try
        {
            await _client.Teams[GroupId].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error) when (GraphErrors.Is(error, 404))
        {
            return new TeamsTabPin(TeamsTabPinKind.NoTeam);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError error)
        {
            throw GraphErrors.From("get team", error);
        }

        var tasksUrl = (await _site.FindAsync(SiteSchema.Tasks, cancellationToken).ConfigureAwait(false))?.WebUrl;
        if (string.IsNullOrEmpty(tasksUrl))
        {
            return new TeamsTabPin(TeamsTabPinKind.NoAddress);
        }

        var channel = await GraphErrors.Call("get General channel",
            () => _client.Teams[GroupId].PrimaryChannel.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        var channelId = channel?.Id ?? throw new RemoteServiceException("get General channel", 404, "itemNotFound", null,
            "The team has no General channel.");
        var tabs = await GraphErrors.Call("list tabs",
            () => _client.Teams[GroupId].Channels[channelId].Tabs.GetAsync(r => r.QueryParameters.Expand = ["teamsApp"],
            cancellationToken)).ConfigureAwait(false);
        if ((tabs?.Value ?? []).Any(t => Pinned(t.Configuration, tasksUrl, planId)))
        {
            return new TeamsTabPin(TeamsTabPinKind.AlreadyPinned);
        }

        var website = new TeamsTab
        {
            DisplayName = DesiredRows.Shorten(planTitle, 128),
            Configuration = new TeamsTabConfiguration { ContentUrl = tasksUrl, WebsiteUrl = tasksUrl },
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{WebsiteTabAppId}",
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

    /// <summary>A tab to the list's address, or one pinned for the plan by an earlier version (its id in the tab).</summary>
    private static bool Pinned(TeamsTabConfiguration? configuration, string tasksUrl, string planId) =>
        configuration is not null
        && (string.Equals(configuration.WebsiteUrl, tasksUrl, StringComparison.OrdinalIgnoreCase)
            || string.Equals(configuration.ContentUrl, tasksUrl, StringComparison.OrdinalIgnoreCase)
            || configuration.EntityId == planId
            || (configuration.WebsiteUrl?.Contains(planId, StringComparison.Ordinal) ?? false));

    private static TeamsTabPin Failed(RemoteServiceException error) => new(TeamsTabPinKind.Failed, string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{error.Operation}: HTTP {error.Status} {error.ErrorCode} (request-id {error.RequestId ?? "-"})"));
}
