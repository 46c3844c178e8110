using DanVan365.Core.Sync;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Planner;

/// <summary>
/// Task 3.5.d of the bundled ward is led by outside bodies nobody in the ward can assign; Phòng Văn hóa - Xã hội, which
/// the coordinating cell names "tổng hợp, theo dõi chung", owns its Phân công row and Planner task (docs/architecture.md
/// "Units"), through the real Graph SDK against the local Graph.
/// </summary>
public class FollowUpOwnerTests
{
    private const string OnBehalf =
        "Tổng hợp, theo dõi chung việc thực hiện của cơ quan chủ trì: Các cơ quan, đơn vị, tổ chức, doanh nghiệp trên địa bàn phường";

    [Fact]
    public async Task Sync_BundledWard_Task35dHasAnOwnerAndPeople()
    {
        await using var ward = await SyncedWard.StartAsync();
        using var session = ward.NewSession();

        var rows = await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
        var snapshot = (await session.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None))!;

        Assert.DoesNotContain(rows, r => r.Key.StartsWith("3.5.d|", StringComparison.Ordinal) && r.Key != "3.5.d|VHXH");
        var row = AssignmentRow.From(Assert.Single(rows, r => r.Key == "3.5.d|VHXH"))!;
        Assert.Equal(OnBehalf, Assert.Single(rows, r => r.Key == "3.5.d|VHXH").Fields[AssignmentColumns.FollowUpFor]);
        var task = Assert.Single(snapshot.Tasks, t => t.Id == row.PlannerTaskId);
        Assert.Equal(snapshot.BucketIds["Phòng Văn hóa - Xã hội"], task.BucketId);
        Assert.StartsWith("[3.5.d] (Tổng hợp, theo dõi chung) ", task.Title, StringComparison.Ordinal);
        var people = Units.People.Where(p => p.Unit == "VHXH" && p.Role == "assignee").Select(p => p.ObjectId!).ToHashSet();
        Assert.NotEmpty(people);
        Assert.Equal(people, task.AssigneeIds.ToHashSet());
        Assert.DoesNotContain(Units.Get("DN").Name, snapshot.BucketIds.Keys);
        var details = await session.Connection.Client.Planner.Tasks[task.Id].Details.GetAsync();
        Assert.Contains(OnBehalf, details!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ExistingRowOfTheOutsideBodies_ArchivedNotDeleted()
    {
        await using var ward = await SyncedWard.StartAsync();
        using var session = ward.NewSession();
        var client = session.Connection.Client;
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var list = (await session.Site.FindAsync(SiteSchema.Assignments, CancellationToken.None))!;
        // The row an earlier DanVan365 made for the decision's lead of 3.5.d.
        await client.Sites[siteId].Lists[list.Id].Items.PostAsync(new ListItem
        {
            Fields = new FieldValueSet
            {
                AdditionalData = new Dictionary<string, object>
                {
                    ["Title"] = "[3.5.d] " + Units.Get("DN").Name,
                    [AssignmentColumns.Key] = "3.5.d|DN",
                    [AssignmentColumns.TaskCode] = "3.5.d",
                    [AssignmentColumns.UnitCode] = "DN",
                    [AssignmentColumns.UnitName] = Units.Get("DN").Name,
                },
            },
        });

        await session.SyncAllAsync(Catalogue, Units);

        var rows = await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
        var dn = AssignmentRow.From(Assert.Single(rows, r => r.Key == "3.5.d|DN"))!;
        Assert.True(dn.Archived);
        Assert.False(AssignmentRow.From(Assert.Single(rows, r => r.Key == "3.5.d|VHXH"))!.Archived);
    }
}
