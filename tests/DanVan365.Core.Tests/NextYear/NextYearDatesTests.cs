using DanVan365.Core.Catalogue;
using DanVan365.Core.NextYear;

namespace DanVan365.Core.Tests.NextYear;

public class NextYearDatesTests
{
    [Theory]
    [InlineData("Quý IV/2026", "Quý IV/2027")]
    [InlineData("Quý I/2026,", "Quý I/2027,")]
    [InlineData("Hoàn thành trước 30/11/2026", "Hoàn thành trước 30/11/2027")]
    [InlineData("Hoàn thành trước 15/2/2026", "Hoàn thành trước 15/2/2027")]
    [InlineData("Hoàn thành trước 15/02/2026", "Hoàn thành trước 15/02/2027")]
    [InlineData("Hoàn thành trước ngày 28/02/2026", "Hoàn thành trước ngày 28/02/2027")]
    [InlineData("Năm 2026 và các năm tiếp theo", "Năm 2027 và các năm tiếp theo")]
    [InlineData("Tháng 8/2026", "Tháng 8/2027")]
    [InlineData("Năm 2026", "Năm 2027")]
    [InlineData("Cả năm 2026", "Cả năm 2027")]
    [InlineData("Thường xuyên", "Thường xuyên")]
    public void Move_DecisionWording_SameWordsOneYearLater(string written, string expected)
    {
        var frame = TimeFrameParser.Parse(written, "test", 1);

        var moved = NextYearDates.Move(frame);

        Assert.Equal(expected, moved);
        var again = TimeFrameParser.Parse(moved, "test", 1);
        Assert.Equal(frame.Kind, again.Kind);
        Assert.Equal(frame.LastDay?.AddYears(1), again.LastDay);
    }

    [Theory]
    [InlineData("Hoàn thành trước 29/02/2028", "Hoàn thành trước 01/03/2029")]
    [InlineData("Hoàn thành trước 29/2/2028", "Hoàn thành trước 1/3/2029")]
    public void Move_LeapDay_BecomesFirstOfMarchKeepingTheLastDay(string written, string expected)
    {
        var moved = NextYearDates.Move(TimeFrameParser.Parse(written, "test", 1));

        Assert.Equal(expected, moved);
        Assert.Equal(new DateOnly(2029, 2, 28), TimeFrameParser.Parse(moved, "test", 1).LastDay);
    }

    [Fact]
    public void Move_FirstOfMarchBeforeALeapYear_StaysFirstOfMarch()
    {
        var moved = NextYearDates.Move(TimeFrameParser.Parse("Hoàn thành trước 01/03/2027", "test", 1));

        Assert.Equal("Hoàn thành trước 01/03/2028", moved);
        Assert.Equal(new DateOnly(2028, 2, 29), TimeFrameParser.Parse(moved, "test", 1).LastDay);
    }

    [Fact]
    public void Move_ReportingRound_DateOneYearLater()
    {
        var round = TimeFrameParser.ParseReportingRounds("lần 1 trước ngày 15/9/2026, lần 2 trước ngày 20/11/2026", "test", 1);

        Assert.Equal(["lần 1 trước ngày 15/9/2027", "lần 2 trước ngày 20/11/2027"], round.Select(NextYearDates.Move));
    }

    [Theory]
    [InlineData("chấm điểm, xếp loại công tác dân vận năm 2026", true)]
    [InlineData("giai đoạn 2021 - 2030", false)]
    [InlineData("Nghị quyết số 57-NQ/TW, ngày 22/12/2024", false)]
    public void Mentions_YearInWords_OnlyThatYear(string text, bool expected)
    {
        Assert.Equal(expected, NextYearDates.Mentions(text, 2026));
    }
}
