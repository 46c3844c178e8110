using DanVan365.M365.Planner;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Planner;

/// <summary>People are found by mail or sign-in name, in one batch; unknown people are left out.</summary>
public class GraphPeopleDirectoryTests
{
    [Theory]
    [InlineData("an@x.vn", "mail eq 'an@x.vn' or userPrincipalName eq 'an@x.vn'")]
    [InlineData(" o'brien@x.vn ", "mail eq 'o''brien@x.vn' or userPrincipalName eq 'o''brien@x.vn'")]
    public void UserFilter_Email_MailOrSignInNameWithQuotesDoubled(string email, string filter) =>
        Assert.Equal(filter, GraphPeopleDirectory.UserFilter(email));

    [Fact]
    public async Task ResolveUsersAsync_KnownAndUnknownPeople_OneBatchKnownOnesFound()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var head = ward.Units.People.First(p => p.Unit == "VHXH" && p.Role == "head");
        var before = session.Requests;

        var ids = await session.Planner.People.ResolveUsersAsync(new HashSet<string> { head.Email, "nobody@haian.example.vn" },
            CancellationToken.None);

        Assert.Equal(1, session.Requests - before);
        var (email, id) = Assert.Single(ids);
        Assert.Equal(head.Email, email);
        Assert.Equal(ward.PersonOf("VHXH"), id);
    }
}
