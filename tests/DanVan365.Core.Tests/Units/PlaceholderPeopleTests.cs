using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

public class PlaceholderPeopleTests
{
    [Theory]
    [InlineData("vp.truong@haian.example.vn", true)]
    [InlineData("a@example.com", true)]
    [InlineData("a@EXAMPLE.org", true)]
    [InlineData("a@ward.example", true)]
    [InlineData("a@phuong.invalid", true)]
    [InlineData("a@host.test", true)]
    [InlineData("a@localhost", true)]
    [InlineData("no-domain@", true)]
    [InlineData("a@haiphong.gov.vn", false)]
    [InlineData("a@contoso.onmicrosoft.com", false)]
    [InlineData("a@examples.vn", false)]
    public void IsReservedAddress_Domain_ReservedPerRfc2606(string email, bool expected)
    {
        Assert.Equal(expected, PlaceholderPeople.IsReservedAddress(email));
    }

    [Fact]
    public void Find_BundledHaiAnDirectory_EveryPersonIsAPlaceholder()
    {
        var units = UnitDirectory.LoadDefault();

        var found = PlaceholderPeople.Find(units);

        Assert.Equal(units.People.Count, found.Count);
    }

    [Fact]
    public void Find_RealPersonAndOneWithoutObjectId_OnlyTheOneWithoutId()
    {
        var units = new UnitDirectory([], [], PhraseRules.Default,
        [
            new Person("lan@haiphong.gov.vn", "Lan", "VP", "assignee", null, "7c118239-c5d0-563a-b4ad-251375f58bca"),
            new Person("minh@haiphong.gov.vn", "Minh", "VP", "assignee", null),
        ]);

        var found = PlaceholderPeople.Find(units);

        Assert.Equal("minh@haiphong.gov.vn", Assert.Single(found).Email);
    }
}
