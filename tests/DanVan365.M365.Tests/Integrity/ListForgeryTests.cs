using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.M365.Escalation;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>
/// Issue 22, "Verify what the app owns", the lists sync owns: a member edits a catalogue column or Phân công's "Hạn sau gia
/// hạn" in SharePoint; the next sync restores it from its source, records the edit (who, list, column, found → restored) and
/// the next digest tells the head of the aggregating unit; what people own is untouched.
/// </summary>
public class ListForgeryTests
{
    private const string Assignment = "3.5.a|VHXH";

    /// <summary>Monday 23/02/2026, 08:00 ICT: a working day; 3.5.a (last day 14/02/2026) is overdue.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_MemberEditedCatalogueColumn_RestoredRecordedAndToldInTheDigest()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        var original = (await ward.NewSession().Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None))
            .Single(r => r.Key == "3.5.a").Fields[TaskColumns.TaskText];
        using (var member = ward.NewSessionAs("VHXH"))
        {
            await MemberEdits.PatchAsync(member, SiteSchema.Tasks, "3.5.a", new Dictionary<string, object>
            {
                [TaskColumns.TaskText] = "Sửa tay",
                [TaskColumns.Notes] = "Ghi chú của đơn vị",
            });
        }

        var report = await ward.NewSession().CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        var row = (await ward.NewSession().Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Single(r => r.Key == "3.5.a");
        Assert.Equal(original, row.Fields[TaskColumns.TaskText]);
        Assert.Equal("Ghi chú của đơn vị", row.Fields[TaskColumns.Notes]);
        var recorded = Assert.Single(await ward.NewSession().Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal(("Nhiệm vụ dân vận", "3.5.a", "Nội dung nhiệm vụ", "Sửa tay", original, InterventionAction.Restored),
            (recorded.Intervention.List, recorded.Intervention.RowKey, recorded.Intervention.Column, recorded.Intervention.Found,
                recorded.Intervention.Restored, recorded.Intervention.Action));
        Assert.Equal(ward.PersonOf("VHXH"), recorded.Intervention.By?.UserId);

        var escalation = await EscalateAsync(ward);

        var told = Assert.Single(escalation.Digests,
            d => d.Digest.Notifications.Any(n => n.Level.Kind == EscalationKind.Intervention));
        Assert.Equal(DigestStatus.Sent, told.Status);
        Assert.Contains("sửa cột “Nội dung nhiệm vụ” của dòng 3.5.a (Nhiệm vụ dân vận) từ ", told.Digest.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("thành Sửa tay; DanVan365 đã khôi phục.", told.Digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("CAN THIỆP NGOÀI HỆ THỐNG (1)", told.Digest.TextBody, StringComparison.Ordinal);
        Assert.Empty(await ward.NewSession().Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_MemberForgedExtendedLastDay_RestoredRecordedAndEscalationFollowsTheDecision()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        using (var member = ward.NewSessionAs("VHXH"))
        {
            // Without an approved extension the row has no "Hạn sau gia hạn": a forged one would silence the overdue reminders.
            await MemberEdits.PatchAsync(member, SiteSchema.Assignments, Assignment, new Dictionary<string, object>
            {
                [AssignmentColumns.ExtendedLastDay] = "2026-12-31T00:00:00Z",
                [AssignmentColumns.Notes] = "Đang thực hiện",
            });
        }

        var report = await ward.NewSession().CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        var row = (await ward.NewSession().Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None))
            .Single(r => r.Key == Assignment);
        Assert.Null(row.Fields[AssignmentColumns.ExtendedLastDay]);
        Assert.Equal("Đang thực hiện", row.Fields[AssignmentColumns.Notes]);
        var recorded = Assert.Single(await ward.NewSession().Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal(("Phân công", Assignment, "Hạn sau gia hạn", "31/12/2026", (string?)null),
            (recorded.Intervention.List, recorded.Intervention.RowKey, recorded.Intervention.Column, recorded.Intervention.Found,
                recorded.Intervention.Restored));
        Assert.Equal(ward.PersonOf("VHXH"), recorded.Intervention.By?.UserId);

        var escalation = await EscalateAsync(ward);

        // The unit is reminded on the decision's last day again, and the head of the aggregating unit is told.
        Assert.Contains(escalation.Digests.SelectMany(d => d.Digest.Notifications), n => n.Item.Key == "PC:" + Assignment
            && n.Level.Kind == EscalationKind.Overdue);
        Assert.Contains(escalation.Digests, d => d.Digest.TextBody.Contains(
            "sửa cột “Hạn sau gia hạn” của dòng 3.5.a|VHXH (Phân công) từ (trống) thành 31/12/2026; DanVan365 đã khôi phục.",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ResyncAfterRestoring_WritesNothing()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        using (var member = ward.NewSessionAs("VHXH"))
        {
            await MemberEdits.PatchAsync(member, SiteSchema.Assignments, Assignment, new Dictionary<string, object>
            {
                [AssignmentColumns.ExtendedLastDay] = "2026-12-31T00:00:00Z",
                [AssignmentColumns.TaskText] = "Sửa tay",
            });
        }

        Assert.True((await ward.NewSession().CatalogueSync.RunAsync(Catalogue, Units, false, CancellationToken.None)).Succeeded);
        var writes = ward.Server.GetStats().Writes;

        var again = await ward.NewSession().CatalogueSync.RunAsync(Catalogue, Units, true, CancellationToken.None);

        Assert.False(again.WritesPending);
        Assert.Empty(again.Interventions);
        Assert.Equal(writes, ward.Server.GetStats().Writes);
    }

    private static async Task<EscalationRunReport> EscalateAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        var links = await EscalationSiteLinks.ForSiteAsync(session.Site, CancellationToken.None);
        return await session.Get<EscalationRun>().RunAsync(EscalationSetup.For(Catalogue, Units), links, dryRun: false,
            CancellationToken.None);
    }
}
