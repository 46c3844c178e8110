using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Units;

public class UnitDirectoryTests
{
    private static readonly UnitDirectory Directory = UnitDirectory.LoadDefault();
    private static readonly string[] All = ["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA"];

    [Fact]
    public void LoadDefault_HaiAn_HasUnitsKindsAndPeople()
    {
        Assert.Equal(["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA", "BXDD", "DUCQ", "MTTQ", "TDP", "DN"],
            Directory.Units.Select(u => u.Code));
        Assert.Equal(UnitKind.PartyBody, Directory.Get("BXDD").Kind);
        Assert.Equal(UnitKind.FrontOrMassOrganisation, Directory.Get("MTTQ").Kind);
        Assert.Equal(UnitKind.External, Directory.Get("DN").Kind);
        Assert.Equal(UnitKind.PublicServiceUnit, Directory.Get("TTDVSNC").Kind);
        Assert.Equal("vhxh.truong@haian.example.vn", Directory.Get("VHXH").Head);
        Assert.NotEmpty(Directory.Get("VHXH").Assignees);
        Assert.Equal("Bùi Quang Ngân", Directory.People.Single(p => p.Role == "signer").DisplayName);
        Assert.All(Directory.Units.Where(u => u.Kind != UnitKind.External), u => Assert.EndsWith("@haian.example.vn", u.Head,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Authority_HaiAnKinds_OfficesAndPublicServiceUnitsAssignedOthersRequested()
    {
        Assert.Equal(["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA"],
            Directory.Units.Where(u => u.IsAssigned).Select(u => u.Code));
        Assert.Equal(["BXDD", "DUCQ", "MTTQ", "TDP", "DN"],
            Directory.Units.Where(u => u.Authority == UnitAuthority.Requested).Select(u => u.Code));
        Assert.Equal(UnitKind.ResidentialGroup, Directory.Get("TDP").Kind);
        Assert.True(Directory.IsAssigned("BQLDA"));
        Assert.False(Directory.IsAssigned("MTTQ"));
        Assert.False(Directory.IsAssigned("NOPE"));
    }

    [Fact]
    public void Chairman_HaiAn_IsTheCommitteesChairmanNotTheSigner()
    {
        var chairman = Directory.Chairman;
        Assert.NotNull(chairman);
        Assert.Equal("Chủ tịch Ủy ban nhân dân phường", chairman.Title);
        Assert.Null(chairman.Unit);
        Assert.NotNull(chairman.ObjectId);
        Assert.NotEqual(Directory.People.Single(p => p.Role == "signer").Email, chairman.Email);
    }

    [Fact]
    public void Parse_ResidentialGroupKind_RoundTripsItsName()
    {
        var directory = UnitDirectory.FromJson(
            """{"units":[{"code":"TDP","name":"Các tổ dân phố","kind":"residential-group","assignees":[]}]}""", "u.json");
        Assert.Equal(UnitKind.ResidentialGroup, directory.Get("TDP").Kind);
        Assert.Equal("residential-group", UnitDirectory.KindName(UnitKind.ResidentialGroup));
        Assert.Equal(UnitAuthority.Requested, directory.Get("TDP").Authority);
    }

    [Theory]
    [InlineData("Phòng Văn hóa-Xã hội", new[] { "VHXH" })]
    [InlineData("Phòng Văn hóa - Xã hội", new[] { "VHXH" })]
    [InlineData("Ban QLDAĐTXD", new[] { "BQLDA" })]
    [InlineData("Văn phòng HĐND&UBND", new[] { "VP" })]
    [InlineData("Ban xây dựng Đảng", new[] { "BXDD" })]
    [InlineData("Các TDP trên địa bàn", new[] { "TDP" })]
    [InlineData("Các cơ quan, đơn vị, tổ chức, doanh nghiệp", new[] { "DN" })]
    [InlineData("Các phòng, đơn vị trực thuộc phường", new[] { "VP", "VHXH", "KTHTDT", "TTPVHCC" })]
    [InlineData("Ban Xây dựng Đảng; Ủy ban Mặt trận Tổ quốc Việt Nam phường;", new[] { "BXDD", "MTTQ" })]
    [InlineData("Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung; đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường phối hợp thực hiện",
        new[] { "VHXH", "MTTQ" })]
    [InlineData("đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và Đảng ủy cơ quan Đảng phường phối hợp thực hiện",
        new[] { "MTTQ", "DUCQ" })]
    public void Resolve_Phrase_Units(string phrase, string[] units)
    {
        var r = Directory.Resolve(phrase);

        Assert.True(r.IsResolved, r.Unresolved);
        Assert.Equal(units, r.Units);
    }

    [Theory]
    [InlineData("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc")]
    [InlineData("Các phòng, đơn vị và ĐVSNCL trực thuộc phường")]
    [InlineData("Các phòng, đơn vị và ĐVSNCL trực thuộc phường có liên quan")]
    [InlineData("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc có liên quan")]
    public void Resolve_GroupPhrase_ExpandsToAllWardUnits(string phrase)
    {
        Assert.Equal(All, Directory.Resolve(phrase).Units);
    }

    [Fact]
    public void Resolve_RequestClause_MarkedAsRequest()
    {
        var r = Directory.Resolve("Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung; đề nghị Ủy ban MTTQ Việt Nam phường phối hợp thực " +
            "hiện");

        Assert.False(r.Clauses[0].IsRequest);
        Assert.True(r.Clauses[1].IsRequest);
    }

    [Theory]
    [InlineData("Phòng Văn hoá Xã hội ABC", "Phòng Văn hóa")]
    [InlineData("Ban QLDA XYZ", "Ban QLDA")]
    [InlineData("Phòng Tư pháp", "Phòng")]
    public void Resolve_UnknownPhrase_NamesItAndClosestAlias(string phrase, string closestStart)
    {
        var r = Directory.Resolve(phrase);

        Assert.False(r.IsResolved);
        Assert.Equal(phrase, r.Unresolved);
        Assert.StartsWith(closestStart, r.ClosestAlias, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LeadingConjunction_DoesNotResolve()
    {
        Assert.False(Directory.CanResolve("và ĐVSNCL trực thuộc"));
        Assert.False(Directory.CanResolve("Phòng Văn hóa - Xã hội Ban Xây dựng Đảng"));
    }

    [Fact]
    public void FromJson_DuplicateCode_ThrowsWithLine()
    {
        const string Json =
            "{\n\"units\": " +
            "[\n{\"code\":\"A\",\"name\":\"Một\",\"kind\":\"office\"},\n{\"code\":\"A\",\"name\":\"Hai\",\"kind\":\"office\"}\n]}";

        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(Json, "u.json"));

        Assert.Equal(4, ex.Line);
        Assert.Contains("\"A\" appears twice", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"units\":[{\"code\":\"A\",\"name\":\"Một\",\"kind\":\"ministry\"}]}", "unknown kind")]
    [InlineData("{\"units\":[{\"code\":\"A\",\"name\":\"Một\",\"kind\":\"office\"}],\"groups\":[{\"phrase\":\"Các\",\"units\":[\"B\"]}]}",
        "unknown unit code \"B\"")]
    [InlineData("{\"units\":[]}", "no \"units\"")]
    [InlineData("{\"units\":[{\"code\":\"A\",\"name\":\"Một\",\"kind\":\"office\"},{\"code\":\"B\",\"name\":\"Một\",\"kind\":\"office\"}]}",
        "claimed by both")]
    [InlineData("{\"units\": [ {\"code\": }", "not a valid unit directory")]
    public void FromJson_BadDirectory_Throws(string json, string reason)
    {
        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectory.FromJson(json, "u.json"));

        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }
}
