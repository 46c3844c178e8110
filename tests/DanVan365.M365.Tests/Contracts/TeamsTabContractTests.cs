using System.Text.Json;
using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.M365.Tests.Contracts.ContractShapes;

namespace DanVan365.M365.Tests.Contracts;

/// <summary>
/// The Teams calls of pinning the plan as a tab (GraphTeamsTab: team-get.md, team-get-primarychannel.md,
/// channel-list-tabs.md, channel-post-tabs.md): documented example responses through the adapter's parsing; the local
/// Graph's answer to the documented example request has the documented shape.
/// </summary>
public class TeamsTabContractTests
{
    [Fact]
    public async Task TeamGet_DocumentedExample_ParsesAndLocalAnswerHasTheShape()
    {
        var team = await DeserializeAsync(Example("team-get.response.json"), Team.CreateFromDiscriminatorValue);
        Assert.False(team!.IsArchived);
        Assert.True(team.MemberSettings!.AllowCreateUpdateRemoveTabs);
        Assert.Equal(GiphyRatingType.Strict, team.FunSettings!.GiphyContentRating);
        Assert.Equal((2, 3, 4), (team.Summary!.OwnersCount, team.Summary.MembersCount, team.Summary.GuestsCount));
        await using var ward = await WardHarness.StartAsync();

        var (status, body, _) = await SendAsync(ward, HttpMethod.Get, $"teams/{ward.Server.Tenant.WardGroupId}");

        Assert.Equal(200, status);
        // "discoverySettings" is in the example only: it is not a v1.0 team property (resources/team.md), so not required.
        AssertSameShape(ExampleJson("team-get.response.json"), body, absent: ["discoverySettings"]);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("summary").GetProperty("membersCount").ValueKind);
    }

    [Fact]
    public async Task PrimaryChannel_DocumentedExample_ParsesAndLocalAnswerHasTheShape()
    {
        var channel = await DeserializeAsync(Example("team-get-primarychannel.response.json"),
            Channel.CreateFromDiscriminatorValue);
        Assert.Equal("19:skypespaces_dd1e128ffa85453ab1f3015468e979d5@thread.skype", channel!.Id);
        Assert.Equal("General", channel.DisplayName);
        await using var ward = await WardHarness.StartAsync();

        var (status, body, _) = await SendAsync(ward, HttpMethod.Get, $"teams/{ward.Server.Tenant.WardGroupId}/primaryChannel");

        Assert.Equal(200, status);
        AssertSameShape(ExampleJson("team-get-primarychannel.response.json"), body);
        Assert.Equal("General", body.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Tabs_DocumentedExamples_ParseAndLocalAnswersHaveTheShape()
    {
        var listed = await DeserializeAsync(Example("channel-list-tabs.example1.response.json"),
            TeamsTabCollectionResponse.CreateFromDiscriminatorValue);
        Assert.Equal("2DCA2E6C7A10415CAF6B8AB6661B3154", listed!.Value![0].Configuration!.EntityId);
        Assert.Null(listed.Value[1].Configuration);
        Assert.Equal(GraphTeamsTab.PlannerTabAppId, listed.Value[1].TeamsApp!.Id);
        var made = await DeserializeAsync(Example("channel-post-tabs.response.json"), TeamsTab.CreateFromDiscriminatorValue);
        Assert.Equal(("794f0e4e-4d10-4bb5-9079-3a465a629eff", "My Contoso Tab"), (made!.Id, made.DisplayName));
        Assert.EndsWith("/uninstallTab", made.Configuration!.RemoveUrl, StringComparison.Ordinal);
        await using var ward = await WardHarness.StartAsync();
        var team = ward.Server.Tenant.WardGroupId;
        var (_, channel, _) = await SendAsync(ward, HttpMethod.Get, $"teams/{team}/primaryChannel");
        var channelId = Uri.EscapeDataString(channel.GetProperty("id").GetString()!);

        var (postStatus, posted, _) = await SendAsync(ward, HttpMethod.Post, $"teams/{team}/channels/{channelId}/tabs",
            Example("channel-post-tabs.request.json"));
        var (listStatus, tabs, _) = await SendAsync(ward, HttpMethod.Get, $"teams/{team}/channels/{channelId}/tabs?$expand=teamsApp");

        Assert.Equal(201, postStatus);
        AssertSameShape(ExampleJson("channel-post-tabs.response.json"), posted);
        Assert.Equal(200, listStatus);
        // "sortOrderIndex" is in the example only: it is not a v1.0 teamsTab property (resources/teamstab.md), so not required.
        AssertSameShape(ExampleJson("channel-list-tabs.example1.response.json"), tabs, absent: ["sortOrderIndex"]);
        var tab = Assert.Single(tabs.GetProperty("value").EnumerateArray());
        Assert.Equal("06805b9e-77e3-4b93-ac81-525eb87513b8", tab.GetProperty("teamsApp").GetProperty("id").GetString());
    }
}
