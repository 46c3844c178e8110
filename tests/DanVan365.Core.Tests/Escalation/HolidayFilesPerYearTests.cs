using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Tests.Escalation;

public class HolidayFilesPerYearTests
{
    [Fact]
    public void Combine_TwoYears_CoversBothAndMergesTheirDays()
    {
        var calendar = HolidayCalendarFile.Combine(
        [
            new HolidayFileText("""{ "holidays": ["2026-03-02"] }""", "holidays-2026.json"),
            new HolidayFileText("""{ "year": 2027, "holidays": ["2027-03-03"] }""", "holidays-2027.json"),
        ]);

        Assert.True(calendar.Covers(2026));
        Assert.True(calendar.Covers(2027));
        Assert.False(calendar.Covers(2028));
        Assert.False(calendar.Calendar.IsWorkingDay(new DateOnly(2026, 3, 2)));
        Assert.False(calendar.Calendar.IsWorkingDay(new DateOnly(2027, 3, 3)));
    }

    [Fact]
    public void Combine_SecondFileForTheSameYear_RefusedNamingBoth()
    {
        var error = Assert.Throws<InvalidInputException>(() => HolidayCalendarFile.Combine(
        [
            new HolidayFileText("""{ "holidays": ["2026-03-02"] }""", "a.json"),
            new HolidayFileText("""{ "holidays": ["2026-04-30"] }""", "b.json"),
        ]));

        Assert.Equal("b.json", error.File);
        Assert.Contains("a.json", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_DeclaredYearDisagreesWithDays_Refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => HolidayCalendarFile.Combine(
            [new HolidayFileText("{ \"year\": 2027,\n \"holidays\": [\"2026-03-02\"] }", "h.json")]));

        Assert.Equal(1, error.Line);
        Assert.Contains("2027", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_EmbeddedFile_CoversOnly2026()
    {
        var calendar = HolidayCalendarFile.Default();

        Assert.Equal([2026], calendar.Years);
        Assert.False(calendar.Calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public void Default_EmbeddedFile_NamesTheEveOfTetAsThe29thOfTheTwelfthMonth()
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            DanVan365.Core.Defaults.DefaultResources.ReadText(HolidayCalendarFile.DefaultFileName));
        var eve = json.RootElement.GetProperty("holidays").EnumerateArray()
            .Single(h => h.GetProperty("date").GetString() == "2026-02-16");

        Assert.Equal("Tết Nguyên đán (29 tháng Chạp)", eve.GetProperty("name").GetString());
    }
}
