using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;

namespace DanVan365.Core.Tests.Units.Proposal;

public class UnitPhraseShapeTests
{
    [Fact]
    public void Split_RequestAndRoles_NamesWithoutPrefixAndSuffixes()
    {
        var clauses = UnitPhraseShape.Split("Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung; đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam " +
            "phường và Đảng ủy cơ quan Đảng phường phối hợp thực hiện", PhraseRules.Default)!;

        Assert.Equal(["Phòng Văn hóa - Xã hội"], clauses[0].Names);
        Assert.False(clauses[0].IsRequest);
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Đảng ủy cơ quan Đảng phường"], clauses[1].Names);
        Assert.True(clauses[1].IsRequest);
    }

    [Fact]
    public void Split_CommaAndConjunctionInsideOneName_OneName()
    {
        Assert.Equal(["Phòng Kinh tế, Hạ tầng và Đô thị"], UnitPhraseShape.Split("Phòng Kinh tế, Hạ tầng và Đô thị", PhraseRules.Default)!
            .Single().Names);
        Assert.Equal(["Các cơ quan, đơn vị, tổ chức, doanh nghiệp"],
            UnitPhraseShape.Split("Các cơ quan, đơn vị, tổ chức, doanh nghiệp", PhraseRules.Default)!.Single().Names);
    }

    [Theory]
    [InlineData("Phòng Văn hóa- Xã hội Ban Xây dựng Đảng")]
    [InlineData("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc Ban xây")]
    [InlineData("khai các văn bản của Trung ương, Thành phố")]
    public void LooksLikeUnits_LeadRunIntoAnotherCellOrTitleText_False(string cell)
    {
        Assert.False(UnitPhraseShape.LooksLikeUnits(cell, PhraseRules.Default));
    }
}
