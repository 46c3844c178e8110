using DanVan365.Core.Escalation;
using DanVan365.Core.Proposals;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

public class ProposalRemindersTests
{
    private static readonly HashSet<string> NoneSent = [];
    private readonly ProposalFixture _f = new();

    // Proposed Monday 02/03/2026: five working days are Tue 3 … Mon 9; the sixth is Tue 10.
    private static readonly Proposal Pending = Recorded("DX-2026-0001", "VP", "1.2", ProposalKind.Extend, ProposalState.Pending, D(4, 30),
        proposedOn: D(3, 2));

    private ProposalReminderPlan Plan(DateOnly today, IReadOnlySet<string>? sent = null, WorkingCalendar? calendar = null,
        params Proposal[] proposals) =>
        ProposalReminders.Plan(proposals, _f.Authority, calendar ?? WorkingCalendar.WeekdaysOnly, _f.Options, today, sent ?? NoneSent);

    [Fact]
    public void Plan_PendingFiveWorkingDays_NoReminder() =>
        Assert.Empty(Plan(D(3, 9), proposals: Pending).Reminders);

    [Fact]
    public void Plan_PendingMoreThanFiveWorkingDays_ReviewerRemindedOnce()
    {
        var plan = Plan(D(3, 10), proposals: Pending);
        var r = Assert.Single(plan.Reminders);
        Assert.Equal(VhxhHead, r.Recipient.Address);
        Assert.Equal(RecipientRole.AggregatingUnitHead, r.Role);
        Assert.Equal((ProposalWaitStep.Review, 6, D(3, 2)), (r.Step, r.WorkingDaysWaiting, r.WaitingSince));
        Assert.Equal("vhxh.head@haian.example.vn|DX:DX-2026-0001|review+5", r.IdempotencyKey);
        Assert.Equal("Đề xuất DX-2026-0001 (Gia hạn, nhiệm vụ 1.2) của Văn phòng HĐND và UBND phường chờ xem xét 6 ngày làm việc", r.Text);
        Assert.Empty(plan.Problems);

        var again = Plan(D(3, 11), new HashSet<string> { r.IdempotencyKey }, proposals: Pending);
        Assert.Empty(again.Reminders);
    }

    [Fact]
    public void Plan_HolidayInTheWait_NotCounted()
    {
        var calendar = new WorkingCalendar([new CalendarDay(D(3, 5), "Nghỉ thử nghiệm")]);
        Assert.Empty(Plan(D(3, 10), calendar: calendar, proposals: Pending).Reminders);
        Assert.Single(Plan(D(3, 11), calendar: calendar, proposals: Pending).Reminders);
    }

    [Fact]
    public void Plan_DayOff_Nothing()
    {
        var plan = Plan(D(3, 14), proposals: Pending);
        Assert.False(plan.IsWorkingDay);
        Assert.Empty(plan.Reminders);
    }

    [Fact]
    public void Plan_SubmittedWaitingForDecision_SignerAndDeputyWithTheirOwnStepKey()
    {
        var submitted = Pending with { State = ProposalState.Submitted, ReviewedBy = VhxhHead, ReviewedOn = D(3, 10) };
        var reviewKey = "vhxh.head@haian.example.vn|DX:DX-2026-0001|review+5";
        Assert.Empty(Plan(D(3, 17), new HashSet<string> { reviewKey }, proposals: submitted).Reminders);
        var plan = Plan(D(3, 18), new HashSet<string> { reviewKey }, proposals: submitted);
        Assert.Equal([Signer, Deputy], plan.Reminders.Select(r => r.Recipient.Address));
        Assert.All(plan.Reminders, r => Assert.Equal(ProposalWaitStep.Decision, r.Step));
        Assert.Equal("ubnd.pct@haian.example.vn|DX:DX-2026-0001|decision+5", plan.Reminders[0].IdempotencyKey);
        Assert.Equal("Bùi Quang Ngân", plan.Reminders[0].Recipient.DisplayName[^14..]);
    }

    [Theory]
    [InlineData(ProposalState.Approved)]
    [InlineData(ProposalState.Rejected)]
    [InlineData(ProposalState.Withdrawn)]
    public void Plan_NoLongerWaiting_Nothing(ProposalState state) =>
        Assert.Empty(Plan(D(4, 30), proposals: Pending with { State = state }).Reminders);

    [Fact]
    public void Plan_NoDeciderKnown_Problem()
    {
        var units = ProposalFixture.Directory();
        var bare = new DanVan365.Core.Units.UnitDirectory(units.Units, [], units.Rules, []);
        var authority = new ProposalAuthority(bare, _f.Catalogue.Decision, new ProposalOptions());
        var submitted = Pending with { State = ProposalState.Submitted, ReviewedOn = D(3, 2) };
        var plan = ProposalReminders.Plan([submitted], authority, WorkingCalendar.WeekdaysOnly, new ProposalOptions(), D(3, 10), NoneSent);
        Assert.Empty(plan.Reminders);
        Assert.Contains(plan.Problems, p => p.Contains("SignerEmail", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ConfiguredWait_Followed()
    {
        var options = new ProposalOptions { ReminderWorkingDays = 2 };
        var plan = ProposalReminders.Plan([Pending], _f.Authority, WorkingCalendar.WeekdaysOnly, options, D(3, 5), NoneSent);
        Assert.Equal("review+2", Assert.Single(plan.Reminders).LevelKey);
    }
}
