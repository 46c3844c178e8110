using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Status;

/// <summary>
/// "Completed" is one rule (<see cref="Completion"/>) for escalation, the status table and `pull`: a row counts done
/// exactly when it holds a completion date; a Planner task exactly when it is at 100 %.
/// </summary>
public class CompletionTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly UnitDirectory Units = new([new Unit("VHXH", "Phòng Văn hóa - Xã hội", [], UnitKind.Office, null, [])]);
    private static readonly Core.Catalogue.Section[] Sections = [new("3", "Công tác dân vận")];

    private static CurrentRow Row(string code, params (string Name, string? Value)[] fields)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssignmentColumns.TaskCode] = code,
            [AssignmentColumns.UnitCode] = "VHXH",
            [AssignmentColumns.LastDay] = "2026-02-14",
        };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return new CurrentRow(code, AssignmentKey.Format(code, "VHXH"), null, values);
    }

    // Rows a person or `pull` may leave, all past their last day: only those with a completion date are done.
    public static TheoryData<string, string?, string?, string?, bool> Rows => new()
    {
        { "3.1", "2026-02-10", "100", "Hoàn thành đúng hạn", true },
        { "3.2", "2026-02-20", "100", "Hoàn thành quá hạn", true },
        { "3.3", "2026-02-10", null, null, true },
        { "3.4", null, "100", null, false },
        { "3.5", null, null, "Hoàn thành đúng hạn", false },
        { "3.6", null, "40", "Đang thực hiện quá hạn", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void StatusAndEscalation_SameRow_AgreeOnCompleted(string code, string? completedOn, string? percent, string? status, bool done)
    {
        var row = Row(code, (AssignmentColumns.CompletedOn, completedOn), (AssignmentColumns.PercentComplete, percent),
            (AssignmentColumns.Status, status));

        var report = StatusReport.Build([row], Sections, Units, Today);
        var countedDone = report.Totals.Count(StatusCategory.CompletedOnTime) + report.Totals.Count(StatusCategory.CompletedLate);
        var item = Assert.Single(EscalationItems.FromAssignments([row]));
        var step = EscalationPolicy.CurrentStep(item, EscalationOptions.DefaultSteps, WorkingCalendar.WeekdaysOnly, Today);

        Assert.Equal(done ? 1 : 0, countedDone);
        Assert.Equal(done ? 0 : 1, report.Totals.Count(StatusCategory.InProgressOverdue));
        Assert.Equal(done, item.Completed);
        Assert.Equal(done, step is null);
    }

    [Theory]
    [InlineData(100, "2026-02-10T03:00:00Z", true)]
    [InlineData(100, null, true)]
    [InlineData(90, "2026-02-10T03:00:00Z", false)]
    [InlineData(0, null, false)]
    public void Pull_PlannerProgress_RowDoneForStatusAndEscalationExactlyAt100(int percent, string? completedAt, bool done)
    {
        var row = Row("3.1");
        DateTimeOffset? at = completedAt is null
            ? null
            : DateTimeOffset.Parse(completedAt, System.Globalization.CultureInfo.InvariantCulture);
        var task = new PlannerTaskState("T1", "e", "b", "[3.1] x", null, null, new HashSet<int>(), new HashSet<string>(), percent, at);

        var fields = PlannerSync.ProgressFields(row, task, Today);
        var pulled = new CurrentRow(row.ItemId, row.Key, null,
            row.Fields.Concat(fields).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

        var item = Assert.Single(EscalationItems.FromAssignments([pulled]));
        var report = StatusReport.Build([pulled], Sections, Units, Today);
        Assert.Equal(done, item.Completed);
        Assert.Equal(done, EscalationPolicy.CurrentStep(item, EscalationOptions.DefaultSteps, WorkingCalendar.WeekdaysOnly, Today) is null);
        Assert.Equal(done ? 0 : 1, report.Totals.Count(StatusCategory.InProgressOverdue));
        Assert.Equal(done, StatusCategories.TryParse(fields[AssignmentColumns.Status], out var written) && written.IsCompleted());
    }

    [Fact]
    public void FromPlanner_CompletedLateEveningUtc_DateIsNextDayInIct()
    {
        // 2026-02-14 18:30 UTC is 15/02 01:30 in Hà Nội: completed the day after the last day.
        var on = Completion.FromPlanner(100, new DateTimeOffset(2026, 2, 14, 18, 30, 0, TimeSpan.Zero), null, Today);

        Assert.Equal(new DateOnly(2026, 2, 15), on);
        Assert.Equal(StatusCategory.CompletedLate, Completion.Category(new DateOnly(2026, 2, 14), on, Today));
    }

    [Fact]
    public void FromPlanner_At100WithoutDate_KeepsRecordedDateElseToday()
    {
        Assert.Equal(new DateOnly(2026, 2, 1), Completion.FromPlanner(100, null, new DateOnly(2026, 2, 1), Today));
        Assert.Equal(Today, Completion.FromPlanner(100, null, null, Today));
        // Issue 13: a pull never clears a completion date the row holds (a re-opened or re-created task keeps it).
        Assert.Equal(new DateOnly(2026, 2, 1), Completion.FromPlanner(99, null, new DateOnly(2026, 2, 1), Today));
        Assert.Null(Completion.FromPlanner(99, null, null, Today));
    }
}
