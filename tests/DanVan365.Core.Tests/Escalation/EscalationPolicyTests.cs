using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using static DanVan365.Core.Tests.Escalation.EscalationFixture;

namespace DanVan365.Core.Tests.Escalation;

public class EscalationPolicyTests
{
    private static readonly HashSet<string> NoneSent = [];

    private static EscalationPlan Plan(DateOnly today, IReadOnlySet<string>? sent = null, bool withSigner = true,
        params EscalationItem[] items) =>
        EscalationPolicy.Plan(items, Directory(withSigner), Calendar, Options(withSigner), today, sent ?? NoneSent);

    private static EscalationItem Task(DateOnly? lastDay, string unit = "KT", string code = "1.1", bool completed = false,
        bool archived = false) =>
        EscalationItem.ForAssignment(code, "Tuyên truyền, phổ biến", unit, lastDay, completed, archived,
            "https://tasks.office.com/x", "https://haian.sharepoint.com/Lists/PhanCong/1");

    [Fact]
    public void Plan_SevenDaysBefore_AssigneesOnlyUpcoming()
    {
        var plan = Plan(D(3, 24), items: Task(D(3, 31)));
        Assert.True(plan.IsWorkingDay);
        Assert.Equal(["kt.a1@haian.example.vn", "kt.a2@haian.example.vn"], plan.Notifications.Select(n => n.Recipient.Key));
        Assert.All(plan.Notifications, n => Assert.Equal(new EscalationLevel(EscalationKind.Upcoming, -7), n.Level));
        Assert.Equal("kt.a1@haian.example.vn|PC:1.1|KT|upcoming-7", plan.Notifications[0].IdempotencyKey);
        Assert.Equal(-7, plan.Notifications[0].DaysPastLastDay);
        Assert.Equal("Phòng Kinh tế", plan.Notifications[0].UnitName);
    }

    [Fact]
    public void Plan_DayOff_Nothing()
    {
        var plan = Plan(D(2, 17), items: Task(D(2, 24)));
        Assert.False(plan.IsWorkingDay);
        Assert.Empty(plan.Notifications);
    }

    [Fact]
    public void Plan_CompletedArchivedOrOngoing_Nothing()
    {
        var plan = Plan(D(4, 1), items:
        [
            Task(D(3, 31), code: "1.1", completed: true),
            Task(D(3, 31), code: "1.2", archived: true),
            Task(null, code: "1.3"),
            EscalationItem.ForReport(1, D(3, 31), "KT", reported: true),
        ]);
        Assert.Empty(plan.Notifications);
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void Plan_StepsPushedPastTet_OnlyHighestSent()
    {
        // Last day 20/02 (Tết): −3, −1, +1 and +3 all fall on Monday 23/02.
        var plan = Plan(D(2, 23), items: Task(D(2, 20)));
        Assert.All(plan.Notifications, n => Assert.Equal(new EscalationLevel(EscalationKind.Overdue, 3), n.Level));
        Assert.Equal(ExpectedRecipients("KT", 3), plan.Notifications.Select(n => n.Recipient.Key).ToHashSet());
    }

    [Fact]
    public void Plan_SameDayTwiceFeedingBackKeys_SecondRunEmpty()
    {
        var first = Plan(D(4, 1), items: Task(D(3, 31)));
        Assert.NotEmpty(first.Notifications);
        var sent = first.Notifications.Select(n => n.IdempotencyKey).ToHashSet();
        Assert.Empty(Plan(D(4, 1), sent, items: Task(D(3, 31))).Notifications);
        Assert.Empty(Plan(D(4, 2), sent, items: Task(D(3, 31))).Notifications);
    }

    [Fact]
    public void Plan_JobMissedDays_CatchesUpWithCurrentStepOnly()
    {
        // Nothing ran between 20/03 and 06/04: −7, −1, +1 and +3 were missed; only +3 (send day 03/04) goes out on 06/04.
        var plan = Plan(D(4, 6), items: Task(D(3, 31)));
        Assert.All(plan.Notifications, n => Assert.Equal(3, n.Level.OffsetDays));
        Assert.Equal(6, plan.Notifications[0].DaysPastLastDay);
    }

    [Fact]
    public void Plan_AfterLastStep_Nothing()
    {
        var sent = Plan(D(4, 7), items: Task(D(3, 31))).Notifications.Select(n => n.IdempotencyKey).ToHashSet();
        Assert.Empty(Plan(D(6, 1), sent, items: Task(D(3, 31))).Notifications);
    }

    [Fact]
    public void Plan_PersonWithTwoRoles_OneNotificationWithBothRoles()
    {
        var plan = Plan(D(4, 1), items: Task(D(3, 31), unit: "TTDV"));
        var head = Assert.Single(plan.Notifications, n => n.Recipient.Key == "ttdv.head@haian.example.vn");
        Assert.Equal([RecipientRole.UnitAssignees, RecipientRole.UnitHead], head.Roles);
        Assert.Equal(2, plan.Notifications.Count);
    }

    [Fact]
    public void Plan_SignerNotConfigured_ProblemReportedOthersStillSent()
    {
        var plan = Plan(D(4, 7), withSigner: false, items: Task(D(3, 31)));
        Assert.Equal(ExpectedRecipients("KT", 3), plan.Notifications.Select(n => n.Recipient.Key).ToHashSet());
        Assert.Contains(plan.Problems, p => p.Contains("SignerEmail", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_UnknownUnitOrMissingHead_Problems()
    {
        var plan = Plan(D(4, 1), items: [Task(D(3, 31), unit: "XYZ", code: "9.9"), Task(D(3, 31), unit: "NOHEAD", code: "9.8")]);
        Assert.Contains(plan.Problems, p => p.Contains("'XYZ'", StringComparison.Ordinal));
        Assert.Contains(plan.Problems, p => p.Contains("thủ trưởng", StringComparison.Ordinal) && p.Contains("NOHEAD",
            StringComparison.Ordinal));
        Assert.Equal(["nohead.a@haian.example.vn"], plan.Notifications.Select(n => n.Recipient.Key));
    }

    [Fact]
    public void Plan_MissingReport_ReportMissingLevels()
    {
        var report = EscalationItem.ForReport(1, D(9, 14), "KT");
        Assert.Equal("BC:1|KT", report.Key);
        var before = Plan(D(9, 7), items: report);
        Assert.All(before.Notifications, n => Assert.Equal(new EscalationLevel(EscalationKind.ReportMissing, -7), n.Level));
        var after = Plan(D(9, 15), items: report);
        Assert.All(after.Notifications, n => Assert.Equal("report+1", n.Level.Key));
        Assert.Equal(ExpectedRecipients("KT", 1), after.Notifications.Select(n => n.Recipient.Key).ToHashSet());
    }

    [Fact]
    public void Plan_LadderWithoutOverdueSteps_NoUpcomingAfterLastDay()
    {
        var options = new EscalationOptions { Steps = [new EscalationStep(-1, RecipientRole.UnitAssignees)] };
        // −1 of 01/05 falls on 30/04 (holiday) and would be pushed to 04/05, after the last day: dropped.
        var plan = EscalationPolicy.Plan([Task(D(5, 1))], Directory(), Calendar, options, D(5, 4), NoneSent);
        Assert.Empty(plan.Notifications);
    }

    [Fact]
    public void Plan_DuplicateItem_ConsideredOnceWithProblem()
    {
        var plan = Plan(D(3, 24), items: [Task(D(3, 31)), Task(D(3, 31))]);
        Assert.Equal(2, plan.Notifications.Count);
        Assert.Single(plan.Problems);
    }

    [Fact]
    public void Plan_FromClock_UsesIctDate()
    {
        // 23/03 17:30 UTC is already 24/03 00:30 in ICT.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 23, 17, 30, 0, TimeSpan.Zero));
        var plan = EscalationPolicy.Plan([Task(D(3, 31))], Directory(), Calendar, Options(), clock, NoneSent);
        Assert.Equal(D(3, 24), plan.Today);
        Assert.Equal(2, plan.Notifications.Count);
    }

    [Fact]
    public void SendDay_StepOnHoliday_NextWorkingDay()
    {
        Assert.Equal(D(5, 4), EscalationPolicy.SendDay(D(5, 1), -1, Calendar));
        Assert.Equal(D(3, 24), EscalationPolicy.SendDay(D(3, 31), -7, Calendar));
    }

    [Fact]
    public void Validate_DuplicateOffsetOrNoRecipients_ConfigurationException()
    {
        var duplicate =
            new EscalationOptions { Steps = [new EscalationStep(1, RecipientRole.UnitHead), new EscalationStep(1, RecipientRole.Signer)] };
        Assert.Throws<ConfigurationException>(duplicate.Validate);
        var empty = new EscalationOptions { Steps = [new EscalationStep { OffsetDays = 2 }] };
        Assert.Throws<ConfigurationException>(empty.Validate);
        Options().Validate();
    }

    [Fact]
    public void EffectiveSteps_Default_IssueSevenLadder()
    {
        var steps = new EscalationOptions().EffectiveSteps;
        Assert.Equal([-7, -3, -1, 1, 3, 7], steps.Select(s => s.OffsetDays));
        Assert.Equal(
            [RecipientRole.UnitAssignees, RecipientRole.UnitHead, RecipientRole.AggregatingUnitHead, RecipientRole.Signer],
            steps[^1].Recipients);
    }

    [Fact]
    public void Recipient_HeaderInjectionInDisplayName_Neutralised()
    {
        var r = Recipient.Create("a@haian.example.vn", "Nguyễn Văn A\r\nBcc: attacker@evil.example\u2028X");
        Assert.DoesNotContain('\r', r.DisplayName);
        Assert.DoesNotContain('\n', r.DisplayName);
        Assert.DoesNotContain('\u2028', r.DisplayName);
        Assert.Equal("Nguyễn Văn A Bcc: attacker@evil.example X", r.DisplayName);
    }

    [Theory]
    [InlineData("a@b.vn\r\nBcc: x@y.vn")]
    [InlineData("<a@b.vn>")]
    [InlineData("a@@b.vn")]
    [InlineData("no-at-sign")]
    [InlineData("a@localhost")]
    public void Recipient_BadAddress_Rejected(string address)
    {
        Assert.False(Recipient.TryCreate(address, null, out _));
    }
}

public class EscalationKeysTests
{
    [Fact]
    public void ForColumn_ShortKey_Unchanged()
    {
        Assert.Equal("a@b.vn|PC:1.1|KT|overdue+1", EscalationKeys.ForColumn("a@b.vn|PC:1.1|KT|overdue+1"));
    }

    [Fact]
    public void ForColumn_LongKeys_FitAndStayDistinct()
    {
        var a = new string('a', 240) + "@b.vn|PC:1.1|KT|overdue+1";
        var b = new string('a', 240) + "@b.vn|PC:1.1|KT|overdue+3";
        Assert.Equal(255, EscalationKeys.ForColumn(a).Length);
        Assert.NotEqual(EscalationKeys.ForColumn(a), EscalationKeys.ForColumn(b));
        Assert.Equal(EscalationKeys.ForColumn(a), EscalationKeys.ForColumn(a));
    }

    [Fact]
    public void LevelKey_Offsets_SignedText()
    {
        Assert.Equal("upcoming-7", new EscalationLevel(EscalationKind.Upcoming, -7).Key);
        Assert.Equal("upcoming0", EscalationLevel.For(EscalationItemKind.Assignment, 0).Key);
        Assert.Equal("overdue+7", EscalationLevel.For(EscalationItemKind.Assignment, 7).Key);
        Assert.Equal("report-3", EscalationLevel.For(EscalationItemKind.Report, -3).Key);
    }
}
