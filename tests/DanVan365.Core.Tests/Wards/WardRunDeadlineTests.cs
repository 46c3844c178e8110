using DanVan365.Core.Wards;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Core.Tests.Wards;

/// <summary>Issue 25: a run stops at its deadline only at a safe point, and only after it has finished a unit of work.</summary>
public class WardRunDeadlineTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void StopIfDue_PassedAfterAUnit_ThrowsWithTheUnitsAndAVietnameseSentence()
    {
        var deadline = new WardRunDeadline(_clock, "Phường Hải An", _clock.GetUtcNow().AddMinutes(8));
        deadline.Done();
        deadline.StopIfDue("sync");

        _clock.Advance(TimeSpan.FromMinutes(8));
        deadline.Done();

        var stopped = Assert.Throws<WardRunContinuedException>(() => deadline.StopIfDue("sync"));
        Assert.Equal(2, stopped.Units);
        Assert.Equal("Phường Hải An: lượt đồng bộ danh mục nhiệm vụ đã dừng đúng hạn sau 2 phần việc; phần đã ghi được giữ nguyên, "
            + "lượt tiếp theo làm tiếp phần còn lại.", stopped.Message);
    }

    [Fact]
    public void ShouldStop_PassedBeforeAnyUnit_FalseSoEveryRunMovesTheJobOn()
    {
        var deadline = new WardRunDeadline(_clock, "Phường Hải An", _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.True(deadline.Passed);
        Assert.False(deadline.ShouldStop);
        deadline.StopIfDue("escalate");
    }

    [Fact]
    public void ShouldStop_NoDeadline_NeverStops()
    {
        var deadline = WardRunDeadline.None(_clock);
        deadline.Done();
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.False(deadline.Splits);
        Assert.False(deadline.ShouldStop);
    }
}
