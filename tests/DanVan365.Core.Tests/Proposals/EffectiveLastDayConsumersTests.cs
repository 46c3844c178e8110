using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using static DanVan365.Core.Tests.Proposals.ProposalFixture;

namespace DanVan365.Core.Tests.Proposals;

/// <summary>Every consumer of a last day reads the one effective last day an approved extension gives (issue 17).</summary>
public class EffectiveLastDayConsumersTests
{
    private readonly ProposalFixture _f = new();

    private static CurrentRow Row(string key, DateOnly lastDay, DateOnly? extended, DateOnly? completedOn = null) =>
        new("item-" + key, key, "\"etag\"", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssignmentColumns.Key] = key,
            [AssignmentColumns.LastDay] = FieldValues.Date(lastDay),
            [AssignmentColumns.ExtendedLastDay] = FieldValues.Date(extended),
            [AssignmentColumns.CompletedOn] = FieldValues.Date(completedOn),
            [AssignmentColumns.TaskText] = "Nhiệm vụ",
        });

    [Theory]
    [InlineData("2026-02-14", "2026-04-30", "2026-04-30")]
    [InlineData("2026-02-14", "2026-02-14", "2026-02-14")]
    [InlineData("2026-05-14", "2026-04-30", "2026-05-14")]
    [InlineData("2026-02-14", null, "2026-02-14")]
    [InlineData(null, "2026-04-30", null)]
    public void Effective_DecisionAndExtendedDays_LaterExtensionOnlyWhenTheDecisionHasADay(string? decision, string? extended,
        string? expected)
    {
        static DateOnly? P(string? d) => d is null ? null : DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(P(expected), EffectiveDeadlines.Effective(P(decision), P(extended)));
    }

    [Fact]
    public void AssignmentRow_Extended_CategoryFollowsTheEffectiveDayAndTheDecisionsDayStays()
    {
        var row = AssignmentRow.From(Row("1.2|VP", D(2, 14), D(4, 30)))!;
        Assert.Equal((D(2, 14), D(4, 30), true), (row.LastDay!.Value, row.EffectiveLastDay!.Value, row.IsExtended));
        Assert.Equal(StatusCategory.InProgressOnTime, row.Category(D(3, 2)));
        Assert.Equal(StatusCategory.InProgressOverdue, row.Category(D(5, 4)));
        Assert.Equal(StatusCategory.CompletedOnTime, AssignmentRow.From(Row("1.2|VP", D(2, 14), D(4, 30), D(4, 20)))!.Category(D(5, 4)));
        Assert.Equal(StatusCategory.InProgressOverdue, AssignmentRow.From(Row("1.2|VP", D(2, 14), null))!.Category(D(3, 2)));
    }

    [Fact]
    public void StatusReport_ExtendedRow_CountedOnTime()
    {
        var report = StatusReport.Build([Row("1.2|VP", D(2, 14), D(4, 30)), Row("1.2|VHXH", D(2, 14), null)], _f.Catalogue.Sections,
            _f.Units, D(3, 2));
        Assert.Equal((1, 1), (report.Totals.Count(StatusCategory.InProgressOnTime), report.Totals.Count(StatusCategory.InProgressOverdue)));
    }

    [Fact]
    public void EscalationItems_ExtendedRow_EffectiveDayAndAKeyOfItsOwn()
    {
        var items = EscalationItems.FromAssignments([Row("1.2|VP", D(2, 14), D(4, 30)), Row("1.2|VHXH", D(2, 14), null)]);
        Assert.Equal(("PC:1.2|VP@2026-04-30", D(4, 30)), (items[0].Key, items[0].LastDay!.Value));
        Assert.Equal(("PC:1.2|VHXH", D(2, 14)), (items[1].Key, items[1].LastDay!.Value));
    }

    [Fact]
    public void PlannerSync_ProgressFields_StatusAgainstTheEffectiveDay()
    {
        var task = new PlannerTaskState("t1", "\"e\"", "b", "[1.2]", null, null, new HashSet<int>(), new HashSet<string>(), 50, null);
        var fields = PlannerSync.ProgressFields(Row("1.2|VP", D(2, 14), D(4, 30)), task, D(3, 2));
        Assert.Equal(StatusCategory.InProgressOnTime.Label(), fields[AssignmentColumns.Status]);
    }

    [Fact]
    public void PlannerDesign_Tasks_ExtendedAssignmentDueOnTheEffectiveDayOthersOnTheDecisionsDay()
    {
        var links = new PlannerLinks(_ => null, null);
        var effective = PlannerSync.EffectiveLastDays([Row("1.2|VP", D(2, 14), D(4, 30)), Row("1.2|VHXH", D(2, 14), null)]);
        var specs = PlannerDesign.Tasks(_f.Catalogue, _f.Units, links, effective);
        var vp = specs.Single(s => s.AssignmentKey == "1.2|VP");
        Assert.Equal(WardTime.EndOfDayUtc(D(4, 30)), vp.Due);
        Assert.Contains("Được gia hạn đến: 30/04/2026", vp.Description, StringComparison.Ordinal);
        Assert.Equal(WardTime.EndOfDayUtc(D(2, 14)), specs.Single(s => s.AssignmentKey == "1.2|VHXH").Due);
        var unextended = PlannerDesign.Tasks(_f.Catalogue, _f.Units, links).Single(s => s.AssignmentKey == "1.2|VHXH");
        Assert.Equal(unextended.Description, specs.Single(s => s.AssignmentKey == "1.2|VHXH").Description);
    }

    [Fact]
    public void ReportExtensions_OneOfSeveralLeadUnits_NamedPerUnit_AllLeads_PlainPhrase()
    {
        var authority = _f.Authority;
        var vpOnly = EffectiveDeadlines.ReportExtensions(_f.Catalogue, [Approved("DX-2026-0001", "VP", "1.2", D(4, 30), D(3, 2))],
            authority)["1.2"];
        Assert.Equal(D(4, 30), vpOnly.LastDay);
        Assert.StartsWith("Văn phòng HĐND và UBND phường: gia hạn đến 30/04/2026 theo ý kiến của ", vpOnly.Text, StringComparison.Ordinal);

        var single = EffectiveDeadlines.ReportExtensions(_f.Catalogue, [Approved("DX-2026-0002", "VHXH", "2.4", D(6, 30), D(3, 2))],
            authority)["2.4"];
        Assert.StartsWith("gia hạn đến 30/06/2026 theo ý kiến của ", single.Text, StringComparison.Ordinal);
        Assert.Contains("Bùi Quang Ngân", single.Text, StringComparison.Ordinal);
        Assert.Empty(EffectiveDeadlines.ReportExtensions(_f.Catalogue, [], authority));
    }

    [Fact]
    public void ReportCompiler_Extension_BesideTheTaskAndInTheAppendix_JudgedAgainstTheEffectiveDay()
    {
        var round = ReportRound.FromDecision(_f.Catalogue.Decision)[0];
        var extensions = new Dictionary<string, ReportExtension> { ["2.4"] = new(D(6, 30), "gia hạn đến 30/06/2026 theo ý kiến của X") };
        var plain = ReportCompiler.Compile(_f.Catalogue, new Dictionary<string, StatusCategory>(), [], _f.Units, round, D(4, 15));
        var extended = ReportCompiler.Compile(_f.Catalogue, new Dictionary<string, StatusCategory>(), [], _f.Units, round, D(4, 15),
            extensions: extensions);

        ReportTaskEntry Entry(CompiledReport r) => r.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == "2.4");
        Assert.Equal((StatusCategory.InProgressOverdue, (string?)null), (Entry(plain).Status.Category, Entry(plain).Extension));
        Assert.Equal(StatusCategory.InProgressOnTime, Entry(extended).Status.Category);
        Assert.Equal("gia hạn đến 30/06/2026 theo ý kiến của X", Entry(extended).Extension);
        Assert.Equal(D(3, 31), Entry(extended).LastDay);
        Assert.Equal(Entry(extended).Extension, extended.Appendix.Single(a => a.Code == "2.4").Extension);
    }

    [Fact]
    public void ProposalReminder_ToNotification_SameLedgerKeyAndItsOwnDigestGroup()
    {
        Proposal pending = Recorded("DX-2026-0001", "VP", "1.2", ProposalKind.Extend, ProposalState.Pending, D(4, 30));
        var plan = ProposalReminders.Plan([pending], _f.Authority, WorkingCalendar.WeekdaysOnly, _f.Options, D(3, 10),
            new HashSet<string>(StringComparer.Ordinal));
        var reminder = Assert.Single(plan.Reminders);

        var notification = reminder.ToNotification();

        Assert.Equal(reminder.IdempotencyKey, notification.IdempotencyKey);
        Assert.Equal((EscalationKind.ProposalReview, "review+5"), (notification.Level.Kind, notification.Level.Key));
        var digest = EscalationDigestComposer.Compose(notification.Recipient, [notification], D(3, 10));
        Assert.Equal("[Dân vận] 1 đề xuất chờ xem xét", digest.Subject);
        Assert.Contains("[DX-2026-0001]", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("chờ từ ngày: 02/03/2026 (chờ 6 ngày làm việc)", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<th>Chờ từ ngày</th>", digest.HtmlBody, StringComparison.Ordinal);
    }
}
