namespace DanVan365.Core.Escalation;

/// <summary>A named day in a calendar file (a holiday or a make-up working day).</summary>
public sealed record CalendarDay(DateOnly Date, string Name);

/// <summary>
/// The ward's working days: Monday–Friday, minus holidays, plus make-up working days
/// (a Saturday or Sunday worked in exchange for a bridged weekday, "làm bù").
/// Days outside the years the holiday files cover are judged by weekday alone.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _workingDays;

    public WorkingCalendar(IEnumerable<CalendarDay> holidays, IEnumerable<CalendarDay>? extraWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [];
        foreach (var day in holidays)
        {
            _holidays[day.Date] = day.Name;
        }

        _workingDays = [];
        foreach (var day in extraWorkingDays ?? [])
        {
            _workingDays[day.Date] = day.Name;
        }

        Holidays = [.. _holidays.OrderBy(p => p.Key).Select(p => new CalendarDay(p.Key, p.Value))];
        ExtraWorkingDays = [.. _workingDays.OrderBy(p => p.Key).Select(p => new CalendarDay(p.Key, p.Value))];
    }

    /// <summary>Monday–Friday, no holidays.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>Holidays (days off that would otherwise be working days), in date order.</summary>
    public IReadOnlyList<CalendarDay> Holidays { get; }

    /// <summary>Make-up working days (weekend days worked), in date order.</summary>
    public IReadOnlyList<CalendarDay> ExtraWorkingDays { get; }

    /// <summary>True when the ward's offices work on that day (mail may go out).</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_holidays.ContainsKey(day))
        {
            return false;
        }

        if (_workingDays.ContainsKey(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The holiday's name, or null when the day is not a listed holiday.</summary>
    public string? HolidayName(DateOnly day) => _holidays.GetValueOrDefault(day);

    /// <summary>The day itself when it is a working day, else the next working day.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        // A run of days off longer than a year means a broken file; stop rather than loop.
        for (var i = 0; i < 366; i++)
        {
            var candidate = day.AddDays(i);
            if (IsWorkingDay(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No working day within a year after {day:yyyy-MM-dd}.");
    }

    /// <summary>Working days in [from, to] (inclusive), in order.</summary>
    public IEnumerable<DateOnly> WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                yield return d;
            }
        }
    }
}
