using DanVan365.Core.Time;

namespace DanVan365.Cli.Target;

/// <summary>The clock of a local run with --as-of: it starts at 08:00 ICT of that day and then runs at real speed.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly TimeSpan _shift;

    public ShiftedClock(TimeProvider inner, DateOnly day)
    {
        _inner = inner;
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), WardTime.Offset);
        _shift = start - inner.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _shift;

    public override TimeZoneInfo LocalTimeZone => WardTime.Zone;

    public static TimeProvider For(TimeProvider inner, DateOnly? day) => day is { } d ? new ShiftedClock(inner, d) : inner;
}
