using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;

namespace DanVan365.Core.Tests.Units.Proposal;

public class UnitNameRulesTests
{
    [Theory]
    [InlineData("Phòng Văn hóa - Xã hội", UnitKind.Office, true)]
    [InlineData("Văn phòng HĐND và UBND phường", UnitKind.Office, true)]
    [InlineData("Trung tâm phục vụ hành chính công", UnitKind.Office, true)]
    [InlineData("Trung tâm dịch vụ sự nghiệp công", UnitKind.PublicServiceUnit, true)]
    [InlineData("Ban Quản lý dự án đầu tư xây dựng", UnitKind.PublicServiceUnit, true)]
    [InlineData("Ban Xây dựng Đảng", UnitKind.PartyBody, true)]
    [InlineData("Đảng ủy phường", UnitKind.PartyBody, true)]
    [InlineData("Ủy ban MTTQ Việt Nam phường", UnitKind.FrontOrMassOrganisation, true)]
    [InlineData("Hội Liên hiệp Phụ nữ phường", UnitKind.FrontOrMassOrganisation, true)]
    [InlineData("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", UnitKind.FrontOrMassOrganisation, true)]
    [InlineData("Các tổ dân phố", UnitKind.ResidentialGroup, true)]
    [InlineData("Các doanh nghiệp trên địa bàn", UnitKind.External, true)]
    [InlineData("Công an phường", UnitKind.External, false)]
    public void GuessKind_Name_KindAndWhetherSure(string name, UnitKind kind, bool sure)
    {
        Assert.Equal((kind, sure), UnitNameRules.GuessKind(name, "phường"));
    }

    [Theory]
    [InlineData("Phòng Văn hóa - Xã hội", "VHXH")]
    [InlineData("Phòng Kinh tế, Hạ tầng và Đô thị", "KTHTDT")]
    [InlineData("Ban xây dựng Đảng", "BXDD")]
    [InlineData("Các TDP trên địa bàn", "TDP")]
    [InlineData("Trung tâm dịch vụ sự nghiệp công phường", "TTDVSNC")]
    public void CodeOf_Name_AsciiInitials(string name, string code)
    {
        Assert.Equal(code, UnitNameRules.CodeOf(name));
    }

    [Theory]
    [InlineData("Phường Hải An", "hai-an")]
    [InlineData("Xã Đông Hưng", "dong-hung")]
    [InlineData("Phường Lê Chân", "le-chan")]
    public void WardSlug_WardName_AsciiWithoutItsKind(string name, string slug)
    {
        Assert.Equal(slug, UnitNameRules.WardSlug(name));
    }

    [Fact]
    public void BodyKey_AbbreviatedAndFullSpellings_SameKey()
    {
        Assert.Equal(UnitNameRules.BodyKey("Văn phòng HĐND&UBND", "phường"),
            UnitNameRules.BodyKey("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường", "phường"));
        Assert.Equal(UnitNameRules.BodyKey("UBMTTQ VN phường", "phường"),
            UnitNameRules.BodyKey("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "phường"));
        Assert.NotEqual(UnitNameRules.BodyKey("Phòng Văn hóa - Xã hội", "phường"), UnitNameRules.BodyKey("Phòng Kinh tế", "phường"));
    }
}
