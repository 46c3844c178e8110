using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

/// <summary>Issue 22: who may publish the ward's decision, and the directory's "publishesDecisions" / "publisher".</summary>
public class DecisionPublishersTests
{
    private const string VpHead = "0f0e0d0c-0b0a-4909-8807-060504030201";
    private const string VhxhHead = "1f0e0d0c-0b0a-4909-8807-060504030201";
    private const string Signer = "2f0e0d0c-0b0a-4909-8807-060504030201";
    private const string Clerk = "3f0e0d0c-0b0a-4909-8807-060504030201";

    private static string Json(string vpFlag = "\"publishesDecisions\":true,", string vpKind = "office") =>
        "{\"units\":[\n{\"code\":\"VP\",\"name\":\"Văn phòng\",\"kind\":\"" + vpKind + "\"," + vpFlag + "\n"
        + "\"head\":{\"email\":\"vp@w.vn\",\"objectId\":\"" + VpHead + "\"}},\n"
        + "{\"code\":\"VHXH\",\"name\":\"Phòng Văn hóa - Xã hội\",\"kind\":\"office\",\n"
        + "\"head\":{\"email\":\"vhxh@w.vn\",\"objectId\":\"" + VhxhHead + "\"}}],\n"
        + "\"people\":[{\"email\":\"pct@w.vn\",\"role\":\"signer\",\"objectId\":\"" + Signer + "\"},\n"
        + "{\"email\":\"vt@w.vn\",\"role\":\"Publisher\",\"objectId\":\"" + Clerk + "\"}]}";

    [Theory]
    [InlineData(VpHead, true)]
    [InlineData(Signer, true)]
    [InlineData(Clerk, true)]
    [InlineData(VhxhHead, false)]
    [InlineData(null, false)]
    public void IsPublisher_ByObjectId_OfficeThatPublishesSignerOrPublisherRole(string? objectId, bool expected)
    {
        Assert.Equal(expected, DecisionPublishers.IsPublisher(UnitDirectory.FromJson(Json(), "units.json"), objectId));
    }

    [Fact]
    public void Refusal_UploadedByAnotherUnitsHead_ReasonNamesThePersonAndTheOffice()
    {
        var units = UnitDirectory.FromJson(Json(), "units.json");

        var reason = DecisionPublishers.Refusal(units, new FileModifier(VhxhHead.ToUpperInvariant(), "Ai đó"));

        Assert.StartsWith("Quyết định không được nhập: người tải lên (vhxh@w.vn)", reason, StringComparison.Ordinal);
        Assert.Contains("Văn phòng", reason, StringComparison.Ordinal);
        Assert.Null(DecisionPublishers.Refusal(units, new FileModifier(VpHead, null)));
        Assert.Contains("một ứng dụng", DecisionPublishers.Refusal(units, new FileModifier(null, null, "app", "Flow")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_PublishesDecisionsOnAFront_InvalidInputWithLine()
    {
        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(Json(vpKind: "front"), "units.json"));

        Assert.Equal(2, ex.Line);
        Assert.Contains("publishesDecisions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_PublishesDecisionsNotABoolean_InvalidInput()
    {
        Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(Json("\"publishesDecisions\":\"có\","), "units.json"));
    }

    [Fact]
    public void FromJson_PublisherWithoutObjectId_InvalidInputWithLine()
    {
        var json = Json().Replace(",\"objectId\":\"" + Clerk + "\"", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(json, "units.json"));

        Assert.Equal(7, ex.Line);
    }

    [Fact]
    public void LoadDefault_HaiAn_TheOfficeOfTheCouncilAndCommitteePublishes()
    {
        var units = UnitDirectory.LoadDefault();

        Assert.Equal("VP", Assert.Single(units.Units, u => u.PublishesDecisions).Code);
    }
}
