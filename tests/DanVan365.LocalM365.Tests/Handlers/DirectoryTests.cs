using DanVan365.TestUtilities;

namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class DirectoryTests : IClassFixture<LocalGraphFixture>
{
    private readonly LocalGraphFixture _fx;

    public DirectoryTests(LocalGraphFixture fx) => _fx = fx;

    [Fact]
    public async Task GetUser_ByUpn_ReturnsSigner()
    {
        var user = await _fx.Client.Users["ubnd.pct.ngan@haian.example.vn"].GetAsync();
        Assert.Equal("Bùi Quang Ngân", user!.DisplayName);
        var byId = await _fx.Client.Users[user.Id].GetAsync();
        Assert.Equal("ubnd.pct.ngan@haian.example.vn", byId!.UserPrincipalName);
    }

    [Fact]
    public async Task Seed_EveryPersonOfTheUnitDirectory_IsAUser()
    {
        // The seed's users are the unit directory's placeholder people: every head and assignee resolves.
        var units = Bundled.Units;
        var people = units.Units.SelectMany(u => u.Assignees.Append(u.Head)).OfType<string>().Concat(units.People.Select(p => p.Email))
            .Distinct().ToList();
        Assert.True(people.Count >= 15);
        foreach (var email in people)
        {
            // By mail or sign-in name: GET /users/{mail} finds only people whose mail is their sign-in name (user-get.md).
            var found = await _fx.Client.Users.GetAsync(r
                => r.QueryParameters.Filter = $"mail eq '{email}' or userPrincipalName eq '{email}'");
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(found!.Value!).DisplayName), email);
        }

        Assert.NotNull(await _fx.Client.Users["chutich@haian.example.vn"].GetAsync());
        Assert.NotNull(await _fx.Client.Users["ubnd@haian.example.vn"].GetAsync());
    }

    [Fact]
    public async Task GetUser_Unknown_Throws404()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _fx.Client.Users["khong.co@haian.example.vn"].GetAsync());
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task ListUsers_FilterByMailAndUpnAndDisplayName_ReturnsMatch()
    {
        var byMail = await _fx.Client.Users.GetAsync(rc => rc.QueryParameters.Filter = "mail eq 'vhxh.truong@haian.example.vn'");
        Assert.Single(byMail!.Value!);
        var byUpn = await _fx.Client.Users.GetAsync(rc
            => rc.QueryParameters.Filter = "userPrincipalName eq 'vhxh.chuyenvien1@haian.example.vn'");
        Assert.Single(byUpn!.Value!);
        var byName = await _fx.Client.Users.GetAsync(rc => rc.QueryParameters.Filter = "displayName eq 'Bùi Quang Ngân'");
        Assert.Equal("ubnd.pct.ngan@haian.example.vn", Assert.Single(byName!.Value!).UserPrincipalName);
    }

    [Fact]
    public async Task ListGroups_FilterByDisplayName_ReturnsWardGroupWithMembers()
    {
        var groups = await _fx.Client.Groups.GetAsync(rc => rc.QueryParameters.Filter = "displayName eq 'UBND phường Hải An'");
        var group = Assert.Single(groups!.Value!);
        Assert.Equal(_fx.Tenant.WardGroupId, group.Id);
        Assert.Contains("Unified", group.GroupTypes!);

        var same = await _fx.Client.Groups[group.Id].GetAsync();
        Assert.Equal(group.Mail, same!.Mail);

        var members = await _fx.Client.Groups[group.Id].Members.GetAsync();
        Assert.True(members!.Value!.Count >= 20);
        Assert.All(members.Value, m => Assert.IsType<User>(m));
    }

    [Fact]
    public async Task Team_WardGroup_HasGeneralChannelRefusesPlannerTabConfigurationTakesWebsiteTab()
    {
        var team = await _fx.Client.Teams[_fx.Tenant.WardGroupId].GetAsync();
        Assert.Equal(_fx.Tenant.WardGroupId, team!.Id);
        var channels = await _fx.Client.Teams[team.Id].Channels.GetAsync();
        var general = Assert.Single(channels!.Value!, c => c.DisplayName == "General");
        Assert.Equal(_fx.Tenant.GeneralChannelId, general.Id);
        static TeamsTab Tab(string app, string? entityId) => new()
        {
            DisplayName = "Nhiệm vụ dân vận",
            Configuration = new TeamsTabConfiguration
            {
                EntityId = entityId,
                ContentUrl = "https://tasks.office.com/x",
                WebsiteUrl = "https://tasks.office.com/x"
            },
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/" + app,
            },
        };

        // teams-configuring-builtin-tabs.md: the Planner tab is not configurable through Graph; a website tab is.
        var refused = await Assert.ThrowsAsync<ODataError>(() =>
            _fx.Client.Teams[team.Id].Channels[general.Id].Tabs.PostAsync(Tab("com.microsoft.teamspace.tab.planner", "plan-1")));
        Assert.Equal(400, refused.ResponseStatusCode);
        var tab = await _fx.Client.Teams[team.Id].Channels[general.Id].Tabs.PostAsync(Tab("com.microsoft.teamspace.tab.web", null));

        var tabs = await _fx.Client.Teams[team.Id].Channels[general.Id].Tabs.GetAsync(rc => rc.QueryParameters.Expand = ["teamsApp"]);
        var found = Assert.Single(tabs!.Value!, t => t.Id == tab!.Id);
        Assert.Equal("com.microsoft.teamspace.tab.web", found.TeamsApp!.Id);
        Assert.Equal("https://tasks.office.com/x", found.Configuration!.WebsiteUrl);
    }
}
