using DanVan365.Core.Reporting;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>The one "round is open / closed" rule: open through its last day (ICT), closed the day after.</summary>
public class ReportRoundTests
{
    private static readonly ReportRound Round = new(1, "trước ngày 15/9/2026", new DateOnly(2026, 9, 14), false);

    [Theory]
    [InlineData(2026, 9, 1, true)]
    [InlineData(2026, 9, 14, true)]
    [InlineData(2026, 9, 15, false)]
    public void IsOpenOn_DayAroundTheLastDay_OpenThroughTheLastDay(int year, int month, int day, bool open)
    {
        var today = new DateOnly(year, month, day);

        Assert.Equal(open, Round.IsOpenOn(today));
        Assert.Equal(!open, Round.IsClosedOn(today));
    }

    [Fact]
    public void OpenRound_OneClosedOneOpen_TheOpenOne()
    {
        var second = new ReportRound(2, "trước ngày 20/11/2026", new DateOnly(2026, 11, 19), false);

        Assert.Equal(second, UnitWork.OpenRound([Round, second], new DateOnly(2026, 9, 15)));
        Assert.Equal(Round, UnitWork.OpenRound([second, Round], new DateOnly(2026, 9, 14)));
        Assert.Null(UnitWork.OpenRound([Round, second], new DateOnly(2026, 11, 20)));
    }
}
