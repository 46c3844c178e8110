using DanVan365.Core.Sync;
using DanVan365.M365.Lists;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;
using GraphList = Microsoft.Graph.Models.List;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Lists;

public class GraphSiteProvisionerTests
{
    [Fact]
    public async Task EnsureAsync_ListOfAnOlderSchema_AddsMissingColumnsAndKeepsRows()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var client = session.Connection.Client;
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        // An older DanVan365 made "Nhiệm vụ dân vận" with only its key and text columns, and a row is in it.
        var old = await client.Sites[siteId].Lists.PostAsync(new GraphList
        {
            DisplayName = SiteSchema.Tasks.DisplayName,
            Description = "DanVan365 (tasks) schema v0",
            Columns = [ColumnMapping.ToGraph(SiteSchema.Tasks.Column("TaskCode")),
                ColumnMapping.ToGraph(SiteSchema.Tasks.Column("TaskText"))],
            ListProp = new ListInfo { Template = "genericList" },
        });
        await client.Sites[siteId].Lists[old!.Id].Items.PostAsync(new ListItem
        {
            Fields =
                new FieldValueSet
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["Title"] = "1.1",
                        ["TaskCode"] = "1.1",
                        ["TaskText"] = "Nội dung cũ"
                    }
                },
        });
        session.Site.Invalidate();

        var result = await session.Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);

        Assert.Equal(SiteSchema.Tasks.Columns.Count - 2, result.ColumnsAdded);
        var columns = await client.Sites[siteId].Lists[old.Id].Columns.GetAsync();
        Assert.Contains(columns!.Value!, c => c.Name == "LastDay" && c.DisplayName == "Hạn cuối");
        var rows = await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None);
        Assert.Equal("Nội dung cũ", Assert.Single(rows).Fields["TaskText"]);
        // Updating a list is not a documented v1.0 operation: the description stays, the new version is in the state list.
        var list = await client.Sites[siteId].Lists[old.Id].GetAsync();
        Assert.Equal(0, SiteSchema.VersionOf(list!.Description));
        var saved = await session.State.GetAsync(GraphSiteProvisioner.SchemaKey(SiteSchema.Tasks), CancellationToken.None);
        Assert.Equal(SiteSchema.Version, SiteSchema.VersionOf(saved));

        // Provisioned now: a second run changes nothing.
        var again = await ward.NewSession().Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);
        Assert.False(again.ChangedAnything);
    }

    /// <summary>Display names an older schema (v2) gave columns that schema v3 words plainly (internal name → old name).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> OldNames = new()
    {
        [SiteSchema.Tasks.Key] = new()
        {
            [TaskColumns.ParentCode] = "Nhiệm vụ cha",
            [TaskColumns.DecisionNumber] = "Quyết định",
        },
        [SiteSchema.Notifications.Key] = new()
        {
            [NotificationColumns.ClaimedAt] = "Thời điểm nhận gửi",
            [NotificationColumns.ItemKey] = "Mục",
            [NotificationColumns.Level] = "Mức",
        },
        [SiteSchema.Reports.Key] = new()
        {
            [ReportColumns.Difficulties] = "Khó khăn vướng mắc",
            [ReportColumns.Proposals] = "Đề xuất kiến nghị",
        },
    };

    [Fact]
    public async Task EnsureAsync_ExistingSiteWithOldDisplayNames_RenamesThemByInternalNameAndKeepsRows()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();
        var client = session.Connection.Client;
        var siteId = await session.Site.SiteIdAsync(CancellationToken.None);
        var ids = new Dictionary<string, string>();
        foreach (var definition in new[] { SiteSchema.Tasks, SiteSchema.Notifications, SiteSchema.Reports })
        {
            var old = OldNames[definition.Key];
            var created = await client.Sites[siteId].Lists.PostAsync(new GraphList
            {
                DisplayName = definition.DisplayName,
                Description = $"DanVan365 ({definition.Key}) schema v2",
                Columns = [.. definition.Columns.Select(c => ColumnMapping.ToGraph(old.TryGetValue(c.Name, out var name)
                    ? c with { DisplayName = name }
                    : c))],
                ListProp = new ListInfo { Template = "genericList", Hidden = definition.Hidden },
            });
            ids[definition.Key] = created!.Id!;
        }

        await client.Sites[siteId].Lists[ids[SiteSchema.Tasks.Key]].Items.PostAsync(new ListItem
        {
            Fields = new FieldValueSet
            {
                AdditionalData = new Dictionary<string, object>
                {
                    ["Title"] = "3.5.a",
                    [TaskColumns.Code] = "3.5.a",
                    [TaskColumns.ParentCode] = "3.5",
                },
            },
        });
        session.Site.Invalidate();

        var result = await session.Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);

        Assert.Equal(OldNames.Values.Sum(n => n.Count), result.ColumnsRenamed);
        Assert.Equal(0, result.ColumnsAdded);
        foreach (var definition in new[] { SiteSchema.Tasks, SiteSchema.Notifications, SiteSchema.Reports })
        {
            var columns = (await client.Sites[siteId].Lists[ids[definition.Key]].Columns.GetAsync(
                r => r.QueryParameters.Select = ["name", "displayName", "hidden"]))!.Value!;
            Assert.All(definition.Columns, c => Assert.Equal(c.DisplayName, Assert.Single(columns, g => g.Name == c.Name).DisplayName));
        }

        var row = Assert.Single(await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None));
        Assert.Equal("3.5", row.Fields[TaskColumns.ParentCode]);
        var again = await ward.NewSession().Provisioner.EnsureAsync(SiteSchema.Folders(Catalogue.Decision), CancellationToken.None);
        Assert.False(again.ChangedAnything);
    }
}
