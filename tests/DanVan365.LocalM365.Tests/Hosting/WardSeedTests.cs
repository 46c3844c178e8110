namespace DanVan365.LocalM365.Tests.Hosting;

public class WardSeedTests
{
    [Fact]
    public async Task StartAsync_Wards3_SeedsSitesGroupsAndMailboxesHaiAnFirst()
    {
        await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { Wards = 3 });

        var wards = fx.Server.Wards;
        Assert.Equal(3, wards.Count);
        Assert.Equal(fx.Tenant.WardSitePath, wards[0].SitePath);
        Assert.Equal(3, wards.Select(w => w.SitePath).Distinct().Count());
        foreach (var ward in wards.Skip(1))
        {
            var site = await fx.Client.Sites[$"{fx.Tenant.SharePointHostname}:{ward.SitePath}:"].GetAsync();
            Assert.Equal(ward.Name, site!.DisplayName);
            var group = await fx.Client.Groups[ward.GroupId].GetAsync();
            Assert.Equal("UBND " + ward.Name, group!.DisplayName);
            var user = await fx.Client.Users[ward.Mailbox].GetAsync();
            Assert.Equal(ward.Mailbox, user!.UserPrincipalName);
        }
    }

    [Fact]
    public async Task StartAsync_OneWard_OnlyHaiAn()
    {
        await using var fx = await LocalGraphFixture.StartAsync();

        Assert.Single(fx.Server.Wards);
        Assert.Equal("Phường Hải An", fx.Server.Wards[0].Name);
    }
}
