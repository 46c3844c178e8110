using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Escalation;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>
/// Issue 22, the records DanVan365 keeps: a proposal row a member adds already approved, and a notification-log row a member
/// types in as "sent" to suppress a reminder. Neither is used (no source to restore them from), both are recorded with who
/// and reported in the next digest; the reminder still goes out.
/// </summary>
public class RecordForgeryTests
{
    private const string Assignment = "3.5.a|VHXH";

    /// <summary>Monday 23/02/2026, 08:00 ICT: a working day; 3.5.a (last day 14/02/2026) is overdue.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EscalationRun_ProposalRowAddedAsApproved_IgnoredByEveryRuleAndReported()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        using (var member = ward.NewSessionAs("VHXH"))
        {
            await MemberEdits.AddAsync(member, SiteSchema.Proposals, new Dictionary<string, object>
            {
                [ProposalColumns.Id] = "DX-2026-0001",
                [ProposalColumns.UnitCode] = "VHXH",
                [ProposalColumns.TaskCode] = "3.5.a",
                [ProposalColumns.Kind] = ProposalKind.Extend.ToWord(),
                [ProposalColumns.ProposedLastDay] = "2026-12-31T00:00:00Z",
                [ProposalColumns.Reason] = "Tự gia hạn",
                [ProposalColumns.ProposedBy] = VhxhHead,
                [ProposalColumns.ProposedOn] = "2026-02-20T00:00:00Z",
                [ProposalColumns.State] = ProposalState.Approved.ToWord(),
                [ProposalColumns.DecidedBy] = Signer,
                [ProposalColumns.DecidedOn] = "2026-02-20T00:00:00Z",
            });
        }

        using var session = ward.NewSession();
        var proposals = session.Get<WardProposals>();
        Assert.False((await proposals.EffectiveDeadlinesAsync(Catalogue, CancellationToken.None))[Assignment].IsExtended);
        Assert.Empty(await proposals.ListAsync(null, CancellationToken.None));
        Assert.Equal(0, await proposals.ApplyEffectiveDeadlinesAsync(Catalogue, CancellationToken.None));

        var escalation = await session.Get<WardEscalation>().RunAsync(Catalogue, dryRun: false, CancellationToken.None);

        Assert.True(escalation.Succeeded, string.Join("\n", escalation.Failures));
        Assert.Contains(escalation.Digests.SelectMany(d => d.Digest.Notifications),
            n => n.Item.Key == "PC:" + Assignment && n.Level.Kind == EscalationKind.Overdue);
        var told = Assert.Single(escalation.Digests, d => d.Digest.Notifications.Any(n => n.Level.Kind == EscalationKind.Intervention));
        Assert.Contains("ghi cột “Trạng thái” của dòng DX-2026-0001 (Đề xuất điều chỉnh) là Chấp thuận ngoài DanVan365; " +
            "DanVan365 không sử dụng dòng này.", told.Digest.TextBody, StringComparison.Ordinal);
        var log = await session.Lists.ReadAsync(SiteSchema.Interventions, CancellationToken.None);
        var recorded = Assert.Single(log, r => r.Fields[InterventionColumns.ListName] == "Đề xuất điều chỉnh");
        Assert.Equal((InterventionWords.Ignored, ward.PersonOf("VHXH")),
            (recorded.Fields[InterventionColumns.Action], recorded.Fields[InterventionColumns.ChangedById]));
        Assert.NotNull(recorded.Fields[InterventionColumns.ReportedOn]);

        // The forged row stays as it was (never deleted), and a real proposal takes the next free id.
        var row = Assert.Single(await session.Lists.ReadAsync(SiteSchema.Proposals, CancellationToken.None));
        Assert.Equal(ProposalState.Approved.ToWord(), row.Fields[ProposalColumns.State]);
        var request = new ProposalRequest("VP", "1.2", "extend", null, "2026-04-30", "Chờ kinh phí bổ sung.");
        var proposed = await proposals.ProposeAsync(Catalogue, request, VpAssignee, CancellationToken.None);
        Assert.Equal("DX-2026-0002", proposed.Value.Id);
        Assert.Equal("DX-2026-0002", Assert.Single(await proposals.ListAsync(null, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task EscalationRun_NotificationRowForgedAsSent_ReminderGoesOutAndReported()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.ListsSynced, Monday);
        var planned = await EscalateAsync(ward, dryRun: true);
        var notification = planned.Digests.SelectMany(d => d.Digest.Notifications).First(n => n.Item.Key == "PC:" + Assignment);
        var key = EscalationKeys.ForColumn(notification.IdempotencyKey);
        using (var member = ward.NewSessionAs("VHXH"))
        {
            await MemberEdits.AddAsync(member, SiteSchema.Notifications, new Dictionary<string, object>
            {
                [NotificationColumns.Key] = key,
                [NotificationColumns.State] = NotificationColumns.StateSent,
                [NotificationColumns.SentOn] = "2026-02-22T00:00:00Z",
            });
        }

        var report = await EscalateAsync(ward, dryRun: false);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        var sent = report.Digests.Where(d => d.Status == DigestStatus.Sent).SelectMany(d => d.Digest.Notifications).ToList();
        Assert.Contains(sent, n => n.IdempotencyKey == notification.IdempotencyKey);
        Assert.Contains(report.Digests, d => d.Digest.TextBody.Contains(
            "ghi cột “Trạng thái” của dòng " + key + " (Nhật ký thông báo) là sent ngoài DanVan365; DanVan365 không sử dụng dòng này.",
            StringComparison.Ordinal));
        using var session = ward.NewSession();
        var row = Assert.Single(await session.Lists.ReadAsync(SiteSchema.Notifications, CancellationToken.None), r => r.Key == key);
        Assert.Equal(NotificationColumns.StateSent, row.Fields[NotificationColumns.State]);
        Assert.NotEqual(SealCheck.Broken, NotificationRow.Sealed(row, session.Get<RecordSeal>()));
        var recorded = Assert.Single(await session.Lists.ReadAsync(SiteSchema.Interventions, CancellationToken.None));
        Assert.Equal(("Nhật ký thông báo", ward.PersonOf("VHXH")),
            (recorded.Fields[InterventionColumns.ListName], recorded.Fields[InterventionColumns.ChangedById]));

        // The next run finds the row the app's own: nothing more to send or record.
        var next = await EscalateAsync(ward, dryRun: false);
        Assert.DoesNotContain(next.Digests.SelectMany(d => d.Digest.Notifications), n => n.IdempotencyKey == notification.IdempotencyKey);
        Assert.Single(await session.Lists.ReadAsync(SiteSchema.Interventions, CancellationToken.None));
    }

    private static async Task<EscalationRunReport> EscalateAsync(WardHarness ward, bool dryRun)
    {
        using var session = ward.NewSession();
        var links = await EscalationSiteLinks.ForSiteAsync(session.Site, CancellationToken.None);
        return await session.Get<EscalationRun>().RunAsync(EscalationSetup.For(Catalogue, Units), links, dryRun, CancellationToken.None);
    }
}
