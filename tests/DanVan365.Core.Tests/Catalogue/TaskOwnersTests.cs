using DanVan365.Core.Catalogue;
using DanVan365.Core.Planner;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Catalogue;

/// <summary>Who owns a task (docs/architecture.md "Units"): assigned leads, else the unit that follows the task up.</summary>
public class TaskOwnersTests
{
    private static CatalogueTask Task(string code) => Bundled.Catalogue.Tasks.Single(t => t.Code == code);

    [Fact]
    public void Of_BundledTask35d_VhxhFollowsUpForTheOutsideBodies()
    {
        var owner = Assert.Single(TaskOwners.Of(Task("3.5.d"), Bundled.Units));

        Assert.Equal("VHXH", owner.UnitCode);
        Assert.Equal(new FollowUp("VHXH", "tổng hợp, theo dõi chung"), owner.FollowUp);
        Assert.Equal(["DN"], Task("3.5.d").Lead.Units);
    }

    [Fact]
    public void Of_AssignedLead_OwnsItselfWithoutFollowUp()
    {
        var owner = Assert.Single(TaskOwners.Of(Task("2.3"), Bundled.Units));

        Assert.Equal(new TaskOwner("VHXH", null), owner);
        Assert.Null(Task("2.3").FollowUp);
    }

    [Fact]
    public void FollowUpOf_NoCellNamesAFollowUpUnit_TheAggregatingUnit()
    {
        var units = Bundled.Units;
        var lead = units.Resolve("Ban Xây dựng Đảng");
        var coordinating = units.Resolve("Phòng Kinh tế, Hạ tầng và Đô thị");

        var followUp = TaskOwners.FollowUpOf(new UnitReference("Ban Xây dựng Đảng", lead.Units),
            new UnitReference("Phòng Kinh tế, Hạ tầng và Đô thị", coordinating.Units), "VHXH", units);

        Assert.Equal(new FollowUp("VHXH", TaskOwners.AggregatingRole), followUp);
    }

    [Fact]
    public void FollowUpOf_RequestedFollowUpUnit_SkippedForTheAggregatingUnit()
    {
        var units = Bundled.Units;
        var coordinating = new UnitReference("x", ["MTTQ"]) { FollowUp = [new FollowUp("MTTQ", "theo dõi chung")] };

        var followUp = TaskOwners.FollowUpOf(new UnitReference("y", ["DN"]), coordinating, "VHXH", units);

        Assert.Equal("VHXH", followUp?.UnitCode);
    }

    [Fact]
    public void Of_RequestedAndAssignedLeads_OnlyTheAssignedLeadOwnsIt()
    {
        var task = new CatalogueTask("9.1", "9", null, "Nhiệm vụ thử", new UnitReference("Ban Xây dựng Đảng; Phòng VHXH", ["BXDD", "VHXH"]),
            UnitReference.Empty, new TimeFrame("Năm 2026", TimeFrameKind.Year, new DateOnly(2026, 12, 31)), []);

        Assert.Equal([new TaskOwner("VHXH", null)], TaskOwners.Of(task, Bundled.Units));
    }

    [Fact]
    public void Assemble_BundledDecision_NoLeadAmongItsOwnCoordinatingUnits()
    {
        Assert.All(Bundled.Catalogue.WorkItems, t => Assert.Empty(t.Lead.Units.Intersect(t.Coordinating.Units)));
        Assert.Equal(new[] { "BQLDA", "KTHTDT", "TTDVSNC", "TTPVHCC", "VP" }, Task("2.3").Coordinating.Units.Order(StringComparer.Ordinal));
        Assert.Equal("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc", Task("2.3").Coordinating.Text);
    }

    [Fact]
    public void ForAssignments_Task35d_RowOfVhxhSaysOnWhoseBehalfAndNoRowOfDn()
    {
        var rows = DesiredRows.ForAssignments(Bundled.Catalogue, Bundled.Units).ToDictionary(r => r.Key, StringComparer.Ordinal);

        Assert.DoesNotContain("3.5.d|DN", rows.Keys);
        var row = rows["3.5.d|VHXH"];
        Assert.Equal("Tổng hợp, theo dõi chung việc thực hiện của cơ quan chủ trì: Các cơ quan, đơn vị, tổ chức, doanh nghiệp trên "
            + "địa bàn phường", row.Fields[AssignmentColumns.FollowUpFor]);
        Assert.Null(rows["2.3|VHXH"].Fields[AssignmentColumns.FollowUpFor]);
        Assert.All(rows.Values, r => Assert.True(Bundled.Units.IsAssigned(r.Fields[AssignmentColumns.UnitCode]!)));
    }

    [Fact]
    public void Plan_ExistingRowOfDn_ArchivedNotDeleted()
    {
        var desired = DesiredRows.ForAssignments(Bundled.Catalogue, Bundled.Units);
        var current = desired.Select((d, i) => new CurrentRow($"{i}", d.Key, null, d.Fields)).ToList();
        var dn = AssignmentRow.SyncFields(Task("3.5.d"), Bundled.Units.Get("DN"));
        current.Add(new CurrentRow("dn", "3.5.d|DN", null, dn));

        var plan = SyncPlanner.Plan(SiteSchema.Assignments, desired, current, new DateOnly(2026, 12, 7));

        var change = Assert.Single(plan.Changes, c => c.Key == "3.5.d|DN");
        Assert.Equal(ChangeKind.Archive, change.Kind);
        Assert.Equal(["Archived", "ArchivedOn"], change.ChangedFields);
    }

    [Fact]
    public void PlannerTasks_Task35d_VhxhBucketAndPeopleAndOnBehalfText()
    {
        var spec = Assert.Single(PlannerDesign.Tasks(Bundled.Catalogue, Bundled.Units, new PlannerLinks(_ => null, null)),
            s => s.TaskCode == "3.5.d");

        Assert.Equal("3.5.d|VHXH", spec.AssignmentKey);
        Assert.Equal("Phòng Văn hóa - Xã hội", spec.BucketName);
        Assert.Equal(Bundled.Units.Get("VHXH").Assignees, spec.AssigneeEmails);
        Assert.StartsWith("[3.5.d] (Tổng hợp, theo dõi chung) Triển khai", spec.Title, StringComparison.Ordinal);
        Assert.Contains("việc thực hiện của cơ quan chủ trì: Các cơ quan, đơn vị, tổ chức, doanh nghiệp trên địa bàn phường",
            spec.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(spec.Checklist, c => c.Contains("Văn hóa - Xã hội", StringComparison.Ordinal));
        Assert.DoesNotContain(Bundled.Units.Get("DN").Name, PlannerDesign.Plan(Bundled.Catalogue, Bundled.Units, "p").Buckets);
    }

    [Fact]
    public void PlannerTasks_LeadInTheGroupPhrase_NotItsOwnCoordinator()
    {
        var spec = Assert.Single(PlannerDesign.Tasks(Bundled.Catalogue, Bundled.Units, new PlannerLinks(_ => null, null)),
            s => s.AssignmentKey == "2.3|VHXH");

        Assert.DoesNotContain("Phối hợp: Phòng Văn hóa - Xã hội", spec.Checklist);
        Assert.Contains("Phối hợp: Phòng Kinh tế, Hạ tầng và Đô thị", spec.Checklist);
        Assert.DoesNotContain("Đơn vị phối hợp: Phòng Văn hóa - Xã hội", spec.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateFor_Vhxh_Task35dIsItsOwnRow()
    {
        var round = ReportRound.FromDecision(Bundled.Catalogue.Decision)[0];

        var template = ReportPlanner.TemplateFor(Bundled.Catalogue, Bundled.Units, round, "VHXH");

        Assert.Equal(TaskRole.Lead, Assert.Single(template.Rows, r => r.Code == "3.5.d").Role);
        Assert.Equal(TaskRole.Lead, Assert.Single(template.Rows, r => r.Code == "2.3").Role);
    }
}
