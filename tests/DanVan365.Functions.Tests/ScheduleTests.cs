using DanVan365.Core.Time;
using DanVan365.Functions.Triggers;
using NCrontab;

namespace DanVan365.Functions.Tests;

/// <summary>The timers' CRON (UTC, six fields) evaluated the way the Functions host does, with NCrontab.</summary>
public class ScheduleTests
{
    private static IReadOnlyList<DateTimeOffset> NextInIct(string cron, DateTime fromUtc, int count)
    {
        var schedule = CrontabSchedule.Parse(cron, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return [.. schedule.GetNextOccurrences(fromUtc, fromUtc.AddDays(60)).Take(count).Select(t => new DateTimeOffset(t,
            TimeSpan.Zero).ToOffset(WardTime.Offset))];
    }

    [Fact]
    public void EscalateDeadlines_NextOccurrences_At0800IctMondayToFriday()
    {
        // From Friday 2026-09-11 12:00 ICT: Mon 14 … Fri 18, Mon 21 … at 08:00 ICT.
        var next = NextInIct(Schedules.EscalateDeadlines, new DateTime(2026, 9, 11, 5, 0, 0, DateTimeKind.Utc), 10);

        Assert.All(next, t => Assert.Equal(new TimeSpan(8, 0, 0), t.TimeOfDay));
        Assert.All(next, t => Assert.InRange(t.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.Equal(new DateTimeOffset(2026, 9, 14, 8, 0, 0, WardTime.Offset), next[0]);
        Assert.Equal(
            [14, 15, 16, 17, 18, 21, 22, 23, 24, 25],
            next.Select(t => t.Day));
    }

    [Fact]
    public void EscalateDeadlines_FromMondayBefore0800Ict_FiresThatMorning()
    {
        // Monday 07:59 ICT = Monday 00:59 UTC.
        var next = NextInIct(Schedules.EscalateDeadlines, new DateTime(2026, 9, 14, 0, 59, 0, DateTimeKind.Utc), 1);

        Assert.Equal(new DateTimeOffset(2026, 9, 14, 8, 0, 0, WardTime.Offset), next[0]);
    }

    [Fact]
    public void CompileRoundReport_NextOccurrences_DailyAt0700Ict()
    {
        var next = NextInIct(Schedules.CompileRoundReport, new DateTime(2026, 9, 14, 3, 0, 0, DateTimeKind.Utc), 7);

        Assert.All(next, t => Assert.Equal(new TimeSpan(7, 0, 0), t.TimeOfDay));
        Assert.Equal(Enumerable.Range(15, 7), next.Select(t => t.Day));
    }

    [Theory]
    [InlineData(Schedules.SyncCatalogue, 60)]
    [InlineData(Schedules.PullPlannerProgress, 15)]
    [InlineData(Schedules.IngestSubmissions, 10)]
    public void Periodic_NextOccurrences_EvenlySpacedByMinutes(string cron, int minutes)
    {
        var next = NextInIct(cron, new DateTime(2026, 3, 2, 1, 2, 0, DateTimeKind.Utc), 6);

        Assert.All(next.Zip(next.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(minutes), pair.Second - pair.First));
    }
}
