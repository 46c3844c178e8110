using DanVan365.Core.Proposals;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.HaiAnPeople;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Proposals;

/// <summary>
/// The whole path of an extension against the local Microsoft 365: propose → review → approve → the effective last day on
/// Phân công → status, dashboard, escalation, Planner's due date and the compiled report follow it → the signed amendment
/// is synced → the proposal is closed and the decision's date governs again.
/// </summary>
public class ExtensionEffectsTests
{
    private const string Key = "1.2|VP";

    /// <summary>1.2 of QĐ 673: "Hoàn thành trước 15/02/2026", last day 14/02/2026, led by VP.</summary>
    private static readonly DateOnly DecisionDay = new(2026, 2, 14);

    private static readonly DateOnly Extended = new(2026, 4, 30);

    [Fact]
    public async Task ApprovedExtension_StatusEscalationPlannerAndReportFollowTheEffectiveDay_UntilTheAmendmentCarriesItOut()
    {
        // Monday 02/03/2026 08:00 ICT: 1.2 is 16 days past the decision's last day.
        // The decision uploaded and in use (synced by the intake).
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        var original = await File.ReadAllBytesAsync(TestData.DecisionTextPath);
        await using (var session = ward.NewSession())
        {
            Assert.Equal(StatusCategory.InProgressOverdue, (await RowAsync(session)).Category(Today(ward)));
            Assert.Contains(await DryRunKeysAsync(session), k => k.Contains("|PC:1.2|VP|overdue", StringComparison.Ordinal));

            var proposals = session.Get<WardProposals>();
            var request = new ProposalRequest("VP", "1.2", "extend", null, "2026-04-30", "Chờ kinh phí bổ sung.");
            var id = (await proposals.ProposeAsync(Catalogue, request, VpAssignee, CancellationToken.None)).Value.Id;
            Assert.True((await proposals.ReviewAsync(Catalogue, id, Reviewer, true, null, CancellationToken.None)).IsAccepted);
            Assert.True((await proposals.DecideAsync(Catalogue, id, Signer, true, null, CancellationToken.None)).IsAccepted);
        }

        await using (var session = ward.NewSession())
        {
            // Phân công: the decision's day stays, the effective day beside it; status and the dashboard follow it.
            var row = await RowAsync(session);
            Assert.Equal((DecisionDay, Extended, Extended), (row.LastDay!.Value, row.ExtendedLastDay!.Value, row.EffectiveLastDay!.Value));
            Assert.Equal(StatusCategory.InProgressOnTime, row.Category(Today(ward)));
            var dashboard = await session.Get<WardPortal>().DashboardAsync(Catalogue, null, new DashboardFilter(), CancellationToken.None);
            Assert.DoesNotContain(dashboard.Overdue, o => o.Code == "1.2" && o.Unit == "VP");

            // Escalation: no overdue reminder before the effective day.
            Assert.DoesNotContain(await DryRunKeysAsync(session), k => k.Contains("|PC:1.2|VP", StringComparison.Ordinal));

            // A sync (lists then Planner) keeps the effective day and moves Planner's due date to it.
            var sync = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, dryRun: false,
                CancellationToken.None);
            Assert.True(sync.Succeeded, string.Join("\n", sync.Failures));
            var synced = await RowAsync(session);
            Assert.Equal((DecisionDay, Extended), (synced.LastDay!.Value, synced.ExtendedLastDay!.Value));
            var snapshot = await session.Planner.SnapshotAsync(WardHarness.PlanTitle, CancellationToken.None);
            var task = Assert.Single(snapshot!.Tasks, t => t.Id == synced.PlannerTaskId);
            Assert.Equal(WardTime.EndOfDayUtc(Extended), task.Due);

            // The compiled report says how far and on whose word, in the body and in the appendix: 1.2 has two lead units
            // and only VP's assignment was extended, so the words name VP, and the task stays overdue through KTHTDT's.
            var compiled = await session.Get<RoundCompilation>().CompileAsync(1, CancellationToken.None);
            var entry = compiled.Report.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == "1.2");
            Assert.StartsWith(Units.Get("VP").Name + ": gia hạn đến 30/04/2026 theo ý kiến của Phó Chủ tịch", entry.Extension,
                StringComparison.Ordinal);
            Assert.Contains("Bùi Quang Ngân", entry.Extension, StringComparison.Ordinal);
            Assert.Equal(StatusCategory.InProgressOverdue, entry.Status.Category);
            Assert.Equal(entry.Extension, compiled.Report.Appendix.Single(a => a.Code == "1.2").Extension);
            var text = DocumentText(compiled.Content);
            Assert.Contains(text.Split('\n'), l => l.Contains("thời gian thực hiện:", StringComparison.Ordinal)
                && l.Contains("(" + entry.Extension + ")", StringComparison.Ordinal));
            Assert.Contains("14/02/2026 (" + entry.Extension + ")", text, StringComparison.Ordinal);
        }

        // Monday 04/05/2026 (after the 30/04 – 01/05 holidays): past the effective day, the ladder starts again for it.
        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 4, 1, 0, 0, TimeSpan.Zero));
        await using (var session = ward.NewSession())
        {
            Assert.Equal(StatusCategory.InProgressOverdue, (await RowAsync(session)).Category(Today(ward)));
            Assert.Contains(await DryRunKeysAsync(session), k => k.Contains("|PC:1.2|VP@2026-04-30|overdue+", StringComparison.Ordinal));
        }

        // The signed amendment: 1.2 now "Hoàn thành trước 15/5/2026"; the proposal is closed, the decision's day governs.
        var amended = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(original)
            .Replace("15/2/2026", "15/5/2026", StringComparison.Ordinal));
        await using (var session = ward.NewSession())
        {
            using (var publisher = ward.NewPublisherSession())
            {
                await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, "qd-812-2026-hai-an.txt", amended, CancellationToken.None);
            }

            var intake = await session.Get<DecisionIntake>().SyncAsync(force: false, CancellationToken.None);
            Assert.True(intake.Sync!.Succeeded, string.Join("\n", intake.Sync.Failures));
            Assert.Single(intake.ClosedProposals);
            var row = await RowAsync(session);
            Assert.Equal((new DateOnly(2026, 5, 14), (DateOnly?)null), (row.EffectiveLastDay!.Value, row.ExtendedLastDay));
            Assert.Equal(StatusCategory.InProgressOnTime, row.Category(Today(ward)));
        }
    }

    [Fact]
    public async Task Sync_AfterApproval_NeverCorrectsTheExtendedDayBack()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.Synced);
        await using var session = ward.NewSession();
        var proposals = session.Get<WardProposals>();
        var id = (await proposals.ProposeAsync(Catalogue, new ProposalRequest("VP", "1.2", "extend", null, "2026-04-30", "Lý do."),
            VpAssignee, CancellationToken.None)).Value.Id;
        await proposals.ReviewAsync(Catalogue, id, Reviewer, true, null, CancellationToken.None);
        await proposals.DecideAsync(Catalogue, id, Signer, true, null, CancellationToken.None);

        var second = await session.Get<WardSync>().SyncAsync(Catalogue, WardHarness.DecisionFileName, false, CancellationToken.None);

        Assert.True(second.Succeeded);
        Assert.Equal(0, second.Lists.Assignments.Count(ChangeKind.Update));
        Assert.Equal(Extended, (await RowAsync(session)).ExtendedLastDay);
        Assert.Equal(0, await proposals.ApplyEffectiveDeadlinesAsync(Catalogue, CancellationToken.None));
    }

    private static DateOnly Today(WardHarness ward) => WardTime.Today(ward.Clock);

    private static async Task<AssignmentRow> RowAsync(WardHarness.Session session) =>
        AssignmentRow.From((await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None)).Single(r => r.Key == Key))!;

    private static async Task<IReadOnlyList<string>> DryRunKeysAsync(WardHarness.Session session)
    {
        var report = await session.Get<WardEscalation>().RunAsync(Catalogue, dryRun: true, CancellationToken.None);
        return [.. report.Digests.SelectMany(d => d.Digest.Notifications).Select(n => n.IdempotencyKey)];
    }

    private static string DocumentText(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Load(reader);
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Join("\n", xml.Descendants(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value))));
    }
}
