using System.Text;
using DanVan365.Core.Status;

namespace DanVan365.Core.Tests.Reporting;

public class StatusCategoriesTests
{
    [Theory]
    [InlineData("Hoàn thành đúng hạn", StatusCategory.CompletedOnTime)]
    [InlineData("hoàn thành quá hạn", StatusCategory.CompletedLate)]
    [InlineData("  ĐANG THỰC HIỆN   TRONG HẠN. ", StatusCategory.InProgressOnTime)]
    [InlineData("Đang thực hiện quá hạn", StatusCategory.InProgressOverdue)]
    public void TryParse_KnownWords_ReturnsCategory(string text, StatusCategory expected)
    {
        Assert.True(StatusCategories.TryParse(text, out var category));
        Assert.Equal(expected, category);
    }

    [Fact]
    public void TryParse_NfdInput_SameAsNfc()
    {
        foreach (var category in StatusCategories.All)
        {
            var nfd = category.Label().Normalize(NormalizationForm.FormD);
            Assert.NotEqual(category.Label(), nfd);
            Assert.True(StatusCategories.TryParse(nfd, out var parsed));
            Assert.Equal(category, parsed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Hoàn thành")]
    [InlineData("Xong")]
    public void TryParse_UnknownOrEmpty_ReturnsFalse(string? text)
    {
        Assert.False(StatusCategories.TryParse(text, out _));
    }

    [Fact]
    public void Label_AllCategories_AreNfcAndDistinct()
    {
        var labels = StatusCategories.All.Select(c => c.Label()).ToList();
        Assert.Equal(4, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.All(labels, l => Assert.True(l.IsNormalized(NormalizationForm.FormC)));
    }
}

public class VietnameseTextTests
{
    [Theory]
    [InlineData(2026, 9, 5, "ngày 05 tháng 9 năm 2026")]
    [InlineData(2026, 2, 3, "ngày 03 tháng 02 năm 2026")]
    [InlineData(2026, 1, 15, "ngày 15 tháng 01 năm 2026")]
    [InlineData(2026, 11, 20, "ngày 20 tháng 11 năm 2026")]
    [InlineData(2026, 3, 10, "ngày 10 tháng 3 năm 2026")]
    public void LongDate_Nd30LeadingZeros_DaysBelowTenMonthsOneAndTwo(int y, int m, int d, string expected)
    {
        Assert.Equal(expected, DanVan365.Core.Text.VietnameseText.LongDate(new DateOnly(y, m, d)));
    }

    [Fact]
    public void Percent_OneDecimalWithComma()
    {
        Assert.Equal("66,7%", DanVan365.Core.Text.VietnameseText.Percent(2.0 / 3));
        Assert.Equal("100%", DanVan365.Core.Text.VietnameseText.Percent(1));
    }
}
