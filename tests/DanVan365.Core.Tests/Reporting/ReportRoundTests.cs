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

    [Theory]
    [InlineData("lần 1 trước ngày 15/9/2026")]
    [InlineData("trước ngày 15/9/2026")]
    public void Wording_DecisionRound_RoundAndItsOneDeadlineOnce(string title)
    {
        var wording = new ReportRound(1, title, new DateOnly(2026, 9, 14), false).Wording;

        Assert.Equal("lần 1 trước ngày 15/9/2026", wording);
    }

    [Fact]
    public void Wording_AdHocRound_SaysAdHocWithItsTitleAndDeadline()
    {
        var wording = new ReportRound(3, "Kết quả phong trào Dân vận khéo.", new DateOnly(2026, 10, 30), true).Wording;

        Assert.Equal("lần 3 (đột xuất: Kết quả phong trào Dân vận khéo) trước ngày 31/10/2026", wording);
    }
}
