using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

public class PersonRolesTests
{
    [Theory]
    [InlineData("head", true)]
    [InlineData("assignee", true)]
    [InlineData(" Head ", true)]
    [InlineData("signer", false)]
    [InlineData("member", false)]
    [InlineData(null, false)]
    public void IsUnitPerson_Role_HeadOrAssigneeOnly(string? role, bool expected)
    {
        Assert.Equal(expected, PersonRoles.IsUnitPerson(role));
    }

    [Fact]
    public void Is_SignerInAnotherCase_True()
    {
        Assert.True(PersonRoles.Is("Signer", PersonRoles.Signer));
        Assert.False(PersonRoles.Is("signers", PersonRoles.Signer));
    }

    [Fact]
    public void FromJson_HeadAssigneeAndListedPerson_RolesAreTheConstants()
    {
        var units = UnitDirectory.FromJson(
            """
            {"units":[{"code":"VP","name":"Văn phòng","kind":"office","head":{"email":"vp@ward.example.vn"},
             "assignees":[{"email":"a@ward.example.vn"}]}],
             "people":[{"email":"pct@ward.example.vn","displayName":"Bùi Quang Ngân"}]}
            """,
            "units.json");

        Assert.Equal([PersonRoles.Head, PersonRoles.Assignee, PersonRoles.Member], units.People.Select(p => p.Role));
        Assert.Equal(PersonRoles.UnitPeople, [PersonRoles.Head, PersonRoles.Assignee]);
    }
}
