using System.Text;
using DanVan365.Core.Text;

namespace DanVan365.Core.Tests.Text;

public class VietnameseTextTests
{
    [Fact]
    public void Normalize_DecomposedInput_ReturnsNfc()
    {
        var decomposed = "Văn hóa".Normalize(NormalizationForm.FormD);

        Assert.Equal("Văn hóa".Normalize(NormalizationForm.FormC), VietnameseText.Normalize(decomposed));
        Assert.True(VietnameseText.Normalize(decomposed).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_Whitespace_CollapsedAndTrimmed()
    {
        Assert.Equal("Phòng Văn hóa - Xã hội", VietnameseText.Normalize("  Phòng\u00A0 Văn hóa -\tXã   hội \n"));
    }

    [Theory]
    [InlineData("PHỔ BIỂN")]
    [InlineData("chuyển đổi sổ”.")]
    public void Normalize_OfficialTypos_Kept(string text)
    {
        Assert.Equal(text, VietnameseText.Normalize(text));
    }

    [Theory]
    [InlineData("Phòng Văn hóa-Xã hội", "Phòng Văn hóa - Xã hội")]
    [InlineData("Ban xây dựng Đảng", "Ban Xây dựng Đảng;")]
    [InlineData("Thành uỷ", "Thành ủy")]
    [InlineData("Văn hoá", "Văn hóa")]
    [InlineData("Văn phòng HĐND & UBND", "Văn phòng HĐND&UBND")]
    public void MatchKey_Spellings_Equal(string a, string b)
    {
        Assert.Equal(VietnameseText.MatchKey(a), VietnameseText.MatchKey(b));
    }

    [Fact]
    public void EditDistance_Basic()
    {
        Assert.Equal(0, VietnameseText.EditDistance("abc", "abc"));
        Assert.Equal(1, VietnameseText.EditDistance("abc", "abd"));
        Assert.Equal(3, VietnameseText.EditDistance(string.Empty, "abc"));
    }
}
