using DanVan365.Core.Escalation;
using DanVan365.Core.Time;
using Microsoft.Extensions.Time.Testing;
using static DanVan365.Core.Tests.Escalation.EscalationFixture;

namespace DanVan365.Core.Tests.Escalation;

/// <summary>Walks the clock through every day from 12/02/2026 to 31/12/2026, feeding back what was sent.</summary>
public class EscalationYearWalkTests
{
    /// <summary>Days off written out here independently of the holiday file (weekday holidays of 2026).</summary>
    private static readonly HashSet<DateOnly> WeekdayHolidays =
    [
        D(1, 1), D(1, 2), D(2, 16), D(2, 17), D(2, 18), D(2, 19), D(2, 20),
        D(4, 27), D(4, 30), D(5, 1), D(8, 31), D(9, 1), D(9, 2),
    ];

    private static readonly HashSet<DateOnly> MakeUpSaturdays = [D(1, 10), D(8, 22)];

    private static bool IsDayOff(DateOnly d) =>
        WeekdayHolidays.Contains(d) || (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !MakeUpSaturdays.Contains(d));

    private sealed record Sent(DateOnly Day, EscalationDigest Digest);

    /// <summary>Items as they stand on <paramref name="today"/> (completion and report receipt flip mid-year).</summary>
    private static List<EscalationItem> ItemsOn(DateOnly today) =>
    [
        Task("1.1", "KT", D(2, 20)),
        Task("1.2", "KT", D(3, 31)),
        Task("1.3", "TTDV", D(5, 1)),
        Task("1.4", "KT", D(2, 13)),
        Task("2.1", "TTDV", D(6, 30), completed: today >= D(7, 2)),
        Task("2.2", "KT", D(12, 31), completed: today >= D(6, 1)),
        Task("3.1", "VHXH", D(9, 30), archived: true),
        Task("4.1", "KT", null),
        Task("5.1", "VHXH", D(9, 2)),
        Task("5.2", "KT", D(12, 31)),
        EscalationItem.ForReport(1, D(9, 14), "KT"),
        EscalationItem.ForReport(1, D(9, 14), "TTDV", reported: today >= D(9, 10)),
        EscalationItem.ForReport(1, D(9, 14), "VHXH", reported: today >= D(9, 16)),
        EscalationItem.ForReport(2, D(11, 19), "KT"),
        EscalationItem.ForReport(2, D(11, 19), "TTDV", archived: true),
    ];

    private static EscalationItem Task(string code, string unit, DateOnly? lastDay, bool completed = false, bool archived = false) =>
        EscalationItem.ForAssignment(code, "Nhiệm vụ " + code, unit, lastDay, completed, archived,
            $"https://tasks.office.com/haian/Home/Task/{code}",
                $"https://haian.sharepoint.com/sites/danvan/Lists/PhanCong/DispForm.aspx?ID={code}");

    /// <summary>Expected (item key, offset, send day), worked out by hand from the 2026 calendar.</summary>
    private static readonly (string Item, int Offset, DateOnly Day)[] Expected =
    [
        // 1.4, last day Fri 13/02: the walk starts Thu 12/02, so −7 and −3 are past: catch-up sends −1 only;
        // +1 (14/02), +3 (16/02) and +7 (20/02) all land on Mon 23/02 after Tết: only +7.
        ("PC:1.4|KT", -1, D(2, 12)), ("PC:1.4|KT", 7, D(2, 23)),
        // 1.1, last day Fri 20/02 (inside Tết): −7 on 13/02; −3, −1, +1, +3 collapse on Mon 23/02 → +3; +7 on 27/02.
        ("PC:1.1|KT", -7, D(2, 13)), ("PC:1.1|KT", 3, D(2, 23)), ("PC:1.1|KT", 7, D(2, 27)),
        // 1.2, last day Tue 31/03: −3 (Sat 28/03) and −1 collapse on Mon 30/03 → −1.
        ("PC:1.2|KT", -7, D(3, 24)), ("PC:1.2|KT", -1, D(3, 30)), ("PC:1.2|KT", 1, D(4, 1)), ("PC:1.2|KT", 3, D(4, 3)), ("PC:1.2|KT", 7,
            D(4, 7)),
        // 1.3, last day Fri 01/05 (holiday): −1 (30/04), +1 (Sat 02/05) and +3 (Mon 04/05) collapse on 04/05 → +3.
        ("PC:1.3|TTDV", -7, D(4, 24)), ("PC:1.3|TTDV", -3, D(4, 28)), ("PC:1.3|TTDV", 3, D(5, 4)), ("PC:1.3|TTDV", 7, D(5, 8)),
        // 2.1, last day Tue 30/06, completed 02/07: +3 (03/07) and +7 never sent.
        ("PC:2.1|TTDV", -7, D(6, 23)), ("PC:2.1|TTDV", -1, D(6, 29)), ("PC:2.1|TTDV", 1, D(7, 1)),
        // 5.1, last day Wed 02/09 (National Day): −3 (Sun 30/08), −1 (01/09), +1 (03/09) collapse on Thu 03/09 → +1.
        ("PC:5.1|VHXH", -7, D(8, 26)), ("PC:5.1|VHXH", 1, D(9, 3)), ("PC:5.1|VHXH", 3, D(9, 7)), ("PC:5.1|VHXH", 7, D(9, 9)),
        // 5.2, last day Thu 31/12: the overdue rungs fall in 2027, after the walk.
        ("PC:5.2|KT", -7, D(12, 24)), ("PC:5.2|KT", -3, D(12, 28)), ("PC:5.2|KT", -1, D(12, 30)),
        // Round 1, last day Mon 14/09: −1 (Sun 13/09) moves to 14/09.
        ("BC:1|KT", -7, D(9, 7)), ("BC:1|KT", -3, D(9, 11)), ("BC:1|KT", -1, D(9, 14)), ("BC:1|KT", 1, D(9, 15)), ("BC:1|KT", 3, D(9, 17)),
            ("BC:1|KT", 7, D(9, 21)),
        ("BC:1|TTDV", -7, D(9, 7)),
        ("BC:1|VHXH", -7, D(9, 7)), ("BC:1|VHXH", -3, D(9, 11)), ("BC:1|VHXH", -1, D(9, 14)), ("BC:1|VHXH", 1, D(9, 15)),
        // Round 2, last day Thu 19/11: +3 (Sun 22/11) moves to Mon 23/11.
        ("BC:2|KT", -7, D(11, 12)), ("BC:2|KT", -3, D(11, 16)), ("BC:2|KT", -1, D(11, 18)), ("BC:2|KT", 1, D(11, 20)), ("BC:2|KT", 3, D(11,
            23)), ("BC:2|KT", 7, D(11, 26)),
    ];

    private static List<Sent> Walk()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 12, 7, 30, 0, WardTime.Offset));
        var directory = Directory();
        var options = Options();
        var log = new HashSet<string>(StringComparer.Ordinal);
        var sent = new List<Sent>();
        while (WardTime.Today(clock) <= D(12, 31))
        {
            var today = WardTime.Today(clock);
            var plan = EscalationPolicy.Plan(ItemsOn(today), directory, Calendar, options, clock, log);
            Assert.Empty(plan.Problems);
            foreach (var digest in EscalationDigestComposer.ComposeAll(plan))
            {
                foreach (var key in digest.IdempotencyKeys)
                {
                    Assert.True(log.Add(key), $"{key} sent twice (again on {today:dd/MM/yyyy}).");
                }

                sent.Add(new Sent(today, digest));
            }

            clock.Advance(TimeSpan.FromDays(1));
        }

        return sent;
    }

    [Fact]
    public void Walk_EveryDayOf2026_NoMailOnDaysOff()
    {
        var sent = Walk();
        Assert.NotEmpty(sent);
        Assert.All(sent, s => Assert.False(IsDayOff(s.Day), $"mail on day off {s.Day:dd/MM/yyyy}"));
        Assert.All(sent, s => Assert.True(Calendar.IsWorkingDay(s.Day)));
    }

    [Fact]
    public void Walk_EveryDayOf2026_EachStepSentExactlyOnceOnItsDay()
    {
        var sent = Walk();
        var actual = sent
            .SelectMany(s => s.Digest.Notifications.Select(n => (n.Item.Key, n.Level.OffsetDays, s.Day)))
            .Distinct()
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Day)
            .ToList();
        var expected = Expected.OrderBy(t => t.Item, StringComparer.Ordinal).ThenBy(t => t.Day).ToList();
        Assert.Equal(expected, actual);

        // Exactly once: no (item, step) on two different days.
        Assert.Equal(actual.Count, actual.Select(t => (t.Key, t.OffsetDays)).Distinct().Count());
    }

    [Fact]
    public void Walk_EveryDayOf2026_LadderRecipientsAtEachLevel()
    {
        var sent = Walk();
        var byStep = sent
            .SelectMany(s => s.Digest.Notifications.Select(n => (s.Day, n)))
            .GroupBy(t => (t.n.Item.Key, t.n.Level.OffsetDays, t.n.Item.UnitCode));
        foreach (var step in byStep)
        {
            var recipients = step.Select(t => t.n.Recipient.Key).ToList();
            Assert.Equal(recipients.Count, recipients.Distinct().Count());
            Assert.Equal(ExpectedRecipients(step.Key.UnitCode, step.Key.OffsetDays), recipients.ToHashSet());
        }

        // The signer hears only of items seven days overdue.
        Assert.All(
            sent.Where(s => s.Digest.Recipient.Key == Signer).SelectMany(s => s.Digest.Notifications),
            n => Assert.Equal(7, n.Level.OffsetDays));
    }

    [Fact]
    public void Walk_EveryDayOf2026_NothingAfterCompletionOrForArchivedOngoingOrReported()
    {
        var sent = Walk();
        var notifications = sent.SelectMany(s => s.Digest.Notifications.Select(n => (s.Day, n))).ToList();
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "PC:2.1|TTDV" && t.Day >= D(7, 2));
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "PC:2.2|KT");
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "PC:3.1|VHXH");
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "PC:4.1|KT");
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "BC:2|TTDV");
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "BC:1|TTDV" && t.Day >= D(9, 10));
        Assert.DoesNotContain(notifications, t => t.n.Item.Key == "BC:1|VHXH" && t.Day >= D(9, 16));
    }

    [Fact]
    public void Walk_EveryDayOf2026_OneDigestPerRecipientPerDayWithMatchingSubject()
    {
        var sent = Walk();
        Assert.Equal(sent.Count, sent.Select(s => (s.Day, s.Digest.Recipient.Key)).Distinct().Count());

        // 23/02: KT assignees get 1.1 at +3 and 1.4 at +7, both overdue.
        var kt = Assert.Single(sent, s => s.Day == D(2, 23) && s.Digest.Recipient.Key == "kt.a1@haian.example.vn");
        Assert.Equal("[Dân vận] 2 nhiệm vụ quá hạn", kt.Digest.Subject);

        // 14/09: KT assignees get the round-1 report at −1 only.
        var report = Assert.Single(sent, s => s.Day == D(9, 14) && s.Digest.Recipient.Key == "kt.a2@haian.example.vn");
        Assert.Equal("[Dân vận] 1 báo cáo chưa nộp", report.Digest.Subject);
        Assert.Contains("còn 0 ngày", report.Digest.TextBody.Replace("hạn cuối hôm nay", "còn 0 ngày", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }
}
