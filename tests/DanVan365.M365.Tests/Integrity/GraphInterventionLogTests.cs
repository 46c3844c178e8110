using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.M365;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>Issue 22: Nhật ký can thiệp, recorded once, read back only when sealed by the app, marked reported.</summary>
public class GraphInterventionLogTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Intervention Edit(string found = "2026-12-31") => new("Phân công", "3.5.a|VHXH", "Hạn sau gia hạn", found,
        null, InterventionAction.Restored, "Giá trị do DanVan365 quản lý bị sửa ngoài hệ thống.",
        new FileModifier("00000000-0000-0000-0000-000000000001", "Nguyễn Văn A"), new DateTimeOffset(2026, 3, 1, 9, 0, 0,
            TimeSpan.FromHours(7)));

    [Fact]
    public async Task RecordAsync_SameInterventionTwice_OneRowUnreported()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);
        var log = ward.NewSession().Get<IInterventionLog>();

        Assert.Empty(await log.RecordAsync([Edit()], Today, CancellationToken.None));
        Assert.Empty(await ward.NewSession().Get<IInterventionLog>().RecordAsync([Edit(), Edit()], Today, CancellationToken.None));

        var unreported = await log.UnreportedAsync(CancellationToken.None);
        var recorded = Assert.Single(unreported);
        Assert.Equal(Edit() with { Found = "31/12/2026" }, recorded.Intervention);
        Assert.Equal(Today, recorded.RecordedOn);
    }

    [Fact]
    public async Task MarkReportedAsync_Reported_NotReturnedAgain()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);
        var log = ward.NewSession().Get<IInterventionLog>();
        await log.RecordAsync([Edit(), Edit("2026-11-30")], Today, CancellationToken.None);
        var first = await log.UnreportedAsync(CancellationToken.None);

        Assert.Empty(await log.MarkReportedAsync([first[0]], Today, CancellationToken.None));

        var left = Assert.Single(await log.UnreportedAsync(CancellationToken.None));
        Assert.Equal(first[1].Key, left.Key);
    }

    [Fact]
    public async Task UnreportedAsync_RowAddedOrEditedByAMember_NotReportedAsTheApps()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced);
        await ward.NewSession().Get<IInterventionLog>().RecordAsync([Edit()], Today, CancellationToken.None);
        using var member = ward.NewSessionAs("VHXH");
        var siteId = await member.Site.SiteIdAsync(CancellationToken.None);
        var listId = await member.Site.ListIdAsync(SiteSchema.Interventions, CancellationToken.None);
        var items = member.Connection.Client.Sites[siteId].Lists[listId].Items;
        await items.PostAsync(new ListItem
        {
            Fields = new FieldValueSet
            {
                AdditionalData = new Dictionary<string, object>
                {
                    [InterventionColumns.Key] = "forged",
                    [InterventionColumns.Action] = InterventionWords.Restored,
                    [InterventionColumns.RecordedOn] = "2026-03-02T00:00:00Z",
                },
            },
        });
        var recorded = (await member.Lists.ReadAsync(SiteSchema.Interventions, CancellationToken.None)).Single(r => r.Key != "forged");
        await items[recorded.ItemId].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { [InterventionColumns.Found] = "không có gì" },
        });

        var unreported = await ward.NewSession().Get<IInterventionLog>().UnreportedAsync(CancellationToken.None);

        Assert.Empty(unreported);
        var rows = await member.Lists.ReadAsync(SiteSchema.Interventions, CancellationToken.None);
        Assert.All(rows, r => Assert.Equal(ward.PersonOf("VHXH"), r.ModifiedBy?.UserId));
    }
}
