using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

/// <summary>The optional Entra object id of each person ("objectId"), the only key that authorizes a caller.</summary>
public class UnitDirectoryObjectIdTests
{
    private static string Directory(string head, string assignee) =>
        "{\"units\":[\n{\"code\":\"VP\",\"name\":\"Văn phòng\",\"kind\":\"office\",\n\"head\":" + head
        + ",\n\"assignees\":[" + assignee + "]}]}";

    [Fact]
    public void FromJson_ObjectIdGiven_LowerCaseGuidOnThePerson()
    {
        var units = UnitDirectory.FromJson(
            Directory("{\"email\":\"vp@w.vn\",\"objectId\":\" 0F0E0D0C-0B0A-4909-8807-060504030201 \"}", "{\"email\":\"a@w.vn\"}"),
            "units.json");

        Assert.Equal("0f0e0d0c-0b0a-4909-8807-060504030201", units.FindPerson("vp@w.vn")!.ObjectId);
        Assert.Null(units.FindPerson("a@w.vn")!.ObjectId);
    }

    [Fact]
    public void FromJson_ObjectIdNotAGuid_InvalidInputWithLine()
    {
        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(
            Directory("{\"email\":\"vp@w.vn\",\"objectId\":\"vp@w.vn\"}", string.Empty), "units.json"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("objectId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_SameObjectIdForTwoPeople_InvalidInput()
    {
        const string Id = "\"objectId\":\"0f0e0d0c-0b0a-4909-8807-060504030201\"";

        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(
            Directory("{\"email\":\"vp@w.vn\"," + Id + "}", "{\"email\":\"a@w.vn\"," + Id + "}"), "units.json"));

        Assert.Contains("more than one person", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_EveryHeadAndAssignee_HasAnObjectId()
    {
        var people = UnitDirectory.LoadDefault().People.Where(p => p.Role is "head" or "assignee").ToList();

        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.NotNull(p.ObjectId));
    }
}
