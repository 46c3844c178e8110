using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;
using DanVan365.Core.Planner;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Catalogue;

/// <summary>
/// "Năm 2026 và các năm tiếp theo" (tasks 2.2 and 2.3 of the bundled decision) recurs (docs/architecture.md "Time frames"):
/// on 05/01/2027 it is not overdue in the status, the dashboard, the escalation or Planner, while a plain "Năm 2026" task is.
/// </summary>
public class RecurringTimeFrameTests
{
    private static readonly DateOnly January5 = new(2027, 1, 5);

    // The Phân công rows as sync writes them for the bundled ward, nothing completed.
    private static List<CurrentRow> Rows() => DesiredRows.ForAssignments(Bundled.Catalogue, Bundled.Units)
        .Select((d, i) => new CurrentRow($"{i + 1}", d.Key, null, new Dictionary<string, string?>(d.Fields, StringComparer.Ordinal)
        {
            [AssignmentColumns.Key] = d.Key,
        }))
        .ToList();

    [Theory]
    [InlineData("2.2|KTHTDT")]
    [InlineData("2.3|VHXH")]
    public void Category_YearOnwardOnJanuary5NextYear_InProgressOnTime(string key)
    {
        var row = AssignmentRow.From(Rows().Single(r => r.Key == key))!;

        Assert.Equal(TimeFrameKind.YearOnward, row.TimeFrameKind);
        Assert.Equal(new DateOnly(2026, 12, 31), row.LastDay);
        Assert.Equal(StatusCategory.InProgressOnTime, row.Category(January5));
        Assert.Null(row.OverdueAfter);
    }

    [Fact]
    public void Category_PlainYearOnJanuary5NextYear_Overdue()
    {
        var row = AssignmentRow.From(Rows().Single(r => r.Key == "4.2|KTHTDT"))!;

        Assert.Equal(StatusCategory.InProgressOverdue, row.Category(January5));
    }

    [Fact]
    public void Categorise_YearOnwardCompletedAfterItsYear_CompletedOnTime()
    {
        var last = new DateOnly(2026, 12, 31);

        Assert.Equal(StatusCategory.CompletedOnTime, StatusRules.Categorise(TimeFrameKind.YearOnward, last, January5, January5));
        Assert.Equal(StatusCategory.CompletedLate, StatusRules.Categorise(TimeFrameKind.Year, last, January5, January5));
        Assert.Null(StatusRules.Categorise(TimeFrameKind.Ongoing, null, null, January5));
    }

    [Fact]
    public void Dashboard_January5NextYear_Tasks22And23NotAmongTheOverdue()
    {
        var rounds = ReportRound.FromDecision(Bundled.Catalogue.Decision);

        var dashboard = Dashboard.Build(Rows(), [], Bundled.Catalogue, Bundled.Units, rounds, January5, new DashboardFilter(),
            EscalationLinks.None);

        Assert.DoesNotContain(dashboard.Overdue, o => o.Code is "2.2" or "2.3");
        Assert.Contains(dashboard.Overdue, o => o.Code == "4.2");
    }

    [Fact]
    public void EscalationPlan_January5NextYear_NothingAboutTasks22And23()
    {
        var options = new EscalationOptions { AggregatingUnitCode = "VHXH", SignerEmail = "ubnd.pct.ngan@haian.example.vn" };
        var items = EscalationItems.FromAssignments(Rows());

        var plan = EscalationPolicy.Plan(items, RecipientDirectory.From(Bundled.Units, options), HolidayCalendarFile.LoadDefault(),
            options, January5, new HashSet<string>());

        Assert.All(items.Where(i => i.TaskCode is "2.2" or "2.3"), i => Assert.Null(i.LastDay));
        Assert.DoesNotContain(plan.Notifications, n => n.Item.TaskCode is "2.2" or "2.3");
        Assert.Contains(plan.Notifications, n => n.Item.TaskCode == "4.2");
    }

    [Fact]
    public void PlannerTasks_YearOnward_NoDueDateAndSaysItRecurs()
    {
        var specs = PlannerDesign.Tasks(Bundled.Catalogue, Bundled.Units, new PlannerLinks(_ => null, null));

        Assert.All(specs.Where(s => s.TaskCode is "2.2" or "2.3"), s =>
        {
            Assert.Null(s.Due);
            Assert.Contains(TimeFrames.RecurringNote, s.Description, StringComparison.Ordinal);
        });
        Assert.NotNull(specs.Single(s => s.TaskCode == "4.2").Due);
    }
}
