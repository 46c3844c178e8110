using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Tests.Escalation;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = HolidayCalendarFile.LoadDefault();

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-20")]
    [InlineData("2026-04-27")]
    [InlineData("2026-04-30")]
    [InlineData("2026-05-01")]
    [InlineData("2026-08-31")]
    [InlineData("2026-09-01")]
    [InlineData("2026-09-02")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-22")]
    [InlineData("2026-04-26")]
    public void IsWorkingDay_DefaultHolidayOrWeekend_False(string day)
    {
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2026-01-10")]
    [InlineData("2026-08-22")]
    [InlineData("2026-02-12")]
    [InlineData("2026-02-23")]
    [InlineData("2026-04-28")]
    [InlineData("2026-09-03")]
    [InlineData("2026-12-31")]
    public void IsWorkingDay_MakeUpSaturdayOrOrdinaryWeekday_True(string day)
    {
        Assert.True(Calendar.IsWorkingDay(DateOnly.Parse(day)));
    }

    [Fact]
    public void LoadDefault_Year2026_Has250WorkingDays()
    {
        // 261 weekdays − 13 weekday holidays + 2 make-up Saturdays.
        Assert.Equal(250, Calendar.WorkingDaysBetween(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Count());
        Assert.Equal(13, Calendar.Holidays.Count);
        Assert.Equal(2, Calendar.ExtraWorkingDays.Count);
        Assert.Equal("Tết Nguyên đán (mùng 1)", Calendar.HolidayName(new DateOnly(2026, 2, 17)));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-13")]
    [InlineData("2026-02-14", "2026-02-23")]
    [InlineData("2026-04-25", "2026-04-28")]
    [InlineData("2026-04-30", "2026-05-04")]
    [InlineData("2026-08-29", "2026-09-03")]
    [InlineData("2026-12-26", "2026-12-28")]
    public void NextWorkingDayOnOrAfter_DayOff_NextWorkingDay(string day, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Calendar.NextWorkingDayOnOrAfter(DateOnly.Parse(day)));
    }

    [Fact]
    public void WeekdaysOnly_Holiday_IsWorkingDay()
    {
        Assert.True(WorkingCalendar.WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 2, 17)));
        Assert.False(WorkingCalendar.WeekdaysOnly.IsWorkingDay(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void Load_OverridePath_UsesWardFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              // a ward's own file: comments and plain date strings are accepted
              "holidays": ["2026-03-02", { "date": "2026-03-03", "name": "Lễ hội địa phương" }],
              "workingDays": [{ "date": "2026-03-07" }],
            }
            """);
        try
        {
            var calendar = HolidayCalendarFile.Parse(File.ReadAllText(path), path);
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 2)));
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 3)));
            Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
            Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
            Assert.Equal("Lễ hội địa phương", calendar.HolidayName(new DateOnly(2026, 3, 3)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_NoOverride_EmbeddedDefault()
    {
        Assert.False(HolidayCalendarFile.LoadDefault().IsWorkingDay(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public void Parse_BadDate_InvalidInputWithLine()
    {
        var json = "{\n  \"holidays\": [\n    \"2026-02-30\"\n  ]\n}";
        var ex = Assert.Throws<InvalidInputException>(() => HolidayCalendarFile.Parse(json, "holidays.json"));
        Assert.Equal("holidays.json", ex.File);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Parse_BrokenJson_InvalidInputWithLine()
    {
        var json = "{\n  \"holidays\": [\n    \"2026-02-17\"\n    \"2026-02-18\"\n  ]\n}";
        var ex = Assert.Throws<InvalidInputException>(() => HolidayCalendarFile.Parse(json, "h.json"));
        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void Parse_MissingHolidays_InvalidInput()
    {
        Assert.Throws<InvalidInputException>(() => HolidayCalendarFile.Parse("{\"year\": 2026}", "h.json"));
    }

    [Fact]
    public void Parse_DayBothHolidayAndWorking_InvalidInput()
    {
        Assert.Throws<InvalidInputException>(() =>
            HolidayCalendarFile.Parse("{\"holidays\":[\"2026-03-02\"],\"workingDays\":[\"2026-03-02\"]}", "h.json"));
    }
}
