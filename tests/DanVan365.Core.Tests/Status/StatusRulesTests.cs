using System.Text;
using DanVan365.Core.Status;

namespace DanVan365.Core.Tests.Status;

public class StatusRulesTests
{
    private static readonly DateOnly LastDay = new(2026, 3, 31);

    [Theory]
    [InlineData("2026-03-31", "2026-04-10", StatusCategory.CompletedOnTime)]
    [InlineData("2026-02-12", "2026-04-10", StatusCategory.CompletedOnTime)]
    [InlineData("2026-04-01", "2026-04-10", StatusCategory.CompletedLate)]
    [InlineData("2026-12-31", "2026-04-10", StatusCategory.CompletedLate)]
    public void Categorise_Completed_ComparesCompletionWithLastDay(string completedOn, string today, StatusCategory expected)
    {
        Assert.Equal(expected, StatusRules.Categorise(LastDay, DateOnly.Parse(completedOn), DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData("2026-02-12", StatusCategory.InProgressOnTime)]
    [InlineData("2026-03-31", StatusCategory.InProgressOnTime)]
    [InlineData("2026-04-01", StatusCategory.InProgressOverdue)]
    [InlineData("2027-01-01", StatusCategory.InProgressOverdue)]
    public void Categorise_Open_ComparesTodayWithLastDay(string today, StatusCategory expected)
    {
        Assert.Equal(expected, StatusRules.Categorise(LastDay, null, DateOnly.Parse(today)));
    }

    [Fact]
    public void Categorise_CompletedOnLastDayButTodayLater_StaysOnTime()
    {
        Assert.Equal(StatusCategory.CompletedOnTime, StatusRules.Categorise(LastDay, LastDay, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Categorise_CompletionDateAfterToday_UsesCompletionDate()
    {
        Assert.Equal(StatusCategory.CompletedLate, StatusRules.Categorise(LastDay, new DateOnly(2026, 4, 2), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Categorise_OngoingTask_Null()
    {
        Assert.Null(StatusRules.Categorise(null, null, LastDay));
        Assert.Null(StatusRules.Categorise(null, LastDay, LastDay));
    }

    [Fact]
    public void Categorise_LastDayIsLeapLikeYearEnd_OverdueFromNextYear()
    {
        var last = new DateOnly(2026, 12, 31);
        Assert.Equal(StatusCategory.InProgressOnTime, StatusRules.Categorise(last, null, last));
        Assert.Equal(StatusCategory.InProgressOverdue, StatusRules.Categorise(last, null, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void CategoriseRound_ReportedOrNot_ReportStatus()
    {
        Assert.Equal(RoundReportStatus.Reported, StatusRules.CategoriseRound(true));
        Assert.Equal(RoundReportStatus.NotReported, StatusRules.CategoriseRound(false));
    }

    [Fact]
    public void CategoriseRound_ReportDatedAfterToday_NotReported()
    {
        var today = new DateOnly(2026, 9, 10);
        Assert.Equal(RoundReportStatus.Reported, StatusRules.CategoriseRound(today, today));
        Assert.Equal(RoundReportStatus.NotReported, StatusRules.CategoriseRound(today.AddDays(1), today));
        Assert.Equal(RoundReportStatus.NotReported, StatusRules.CategoriseRound(null, today));
    }
}

public class StatusCategoryLabelsTests
{
    [Theory]
    [InlineData(StatusCategory.CompletedOnTime, "Hoàn thành đúng hạn")]
    [InlineData(StatusCategory.CompletedLate, "Hoàn thành quá hạn")]
    [InlineData(StatusCategory.InProgressOnTime, "Đang thực hiện trong hạn")]
    [InlineData(StatusCategory.InProgressOverdue, "Đang thực hiện quá hạn")]
    public void ToVietnamese_EachCategory_NormLabelInNfc(StatusCategory category, string label)
    {
        var text = StatusCategoryLabels.ToVietnamese(category);
        Assert.Equal(label.Normalize(NormalizationForm.FormC), text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.True(StatusCategoryLabels.TryParse(text, out var parsed));
        Assert.Equal(category, parsed);
    }

    [Fact]
    public void TryParse_NfdUpperCaseAndOddWhitespace_Parses()
    {
        var text = "  ĐANG   THỰC\u00A0hiện\tQUÁ hạn \n".Normalize(NormalizationForm.FormD);
        Assert.True(StatusCategoryLabels.TryParse(text, out var parsed));
        Assert.Equal(StatusCategory.InProgressOverdue, parsed);
    }

    [Fact]
    public void TryParse_EnumName_Parses()
    {
        Assert.True(StatusCategoryLabels.TryParse("completedlate", out var parsed));
        Assert.Equal(StatusCategory.CompletedLate, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Hoàn thành")]
    [InlineData("Hoan thanh dung han")]
    [InlineData(null)]
    public void TryParse_UnknownText_False(string? text)
    {
        Assert.False(StatusCategoryLabels.TryParse(text, out _));
    }

    [Fact]
    public void RoundReportStatusLabels_RoundTrip_Parses()
    {
        Assert.Equal("Chưa báo cáo", RoundReportStatusLabels.ToVietnamese(RoundReportStatus.NotReported));
        Assert.True(RoundReportStatusLabels.TryParse(" ĐÃ BÁO CÁO ".Normalize(NormalizationForm.FormD), out var s));
        Assert.Equal(RoundReportStatus.Reported, s);
        Assert.False(RoundReportStatusLabels.TryParse("báo cáo", out _));
    }
}
