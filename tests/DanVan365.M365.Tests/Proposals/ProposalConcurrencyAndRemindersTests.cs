using DanVan365.Core.Escalation;
using DanVan365.Core.Proposals;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.HaiAnPeople;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Proposals;

/// <summary>
/// Two people acting on one proposal at once (the eTag in If-Match, against the local Graph), and the reminders of proposals
/// that wait too long, sent through the daily digest once per step.
/// </summary>
public class ProposalConcurrencyAndRemindersTests
{
    private static readonly ProposalRequest Extension = new("VP", "1.2", "extend", null, "2026-04-30", "Chờ kinh phí bổ sung.");

    private static async Task<(WardHarness Ward, string Id)> StartWithPendingAsync()
    {
        var ward = await SyncedWard.StartAsync(WardState.Synced);
        await using var session = ward.NewSession();
        var outcome = await session.Get<WardProposals>().ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None);
        return (ward, outcome.Value.Id);
    }

    /// <summary>A session that lets <paramref name="rival"/> act just before its first write ($batch) goes out.</summary>
    private static WardHarness.Session RacedSession(WardHarness ward, Func<Task> rival) =>
        ward.NewSession(new BeforeFirstHandler(r => r.Method == HttpMethod.Post
            && r.RequestUri!.AbsolutePath.EndsWith("batch", StringComparison.Ordinal), rival));

    [Fact]
    public async Task ReviewAsync_AnotherReviewerActedMeanwhile_ChangedMeanwhileConflictAndTheFirstDecisionStands()
    {
        var (ward, id) = await StartWithPendingAsync();
        await using var _ = ward;
        ProposalOutcome? rivalOutcome = null;
        await using var rivalSession = ward.NewSession();
        await using var session = RacedSession(ward, async () => rivalOutcome = await rivalSession.Get<WardProposals>()
            .ReviewAsync(Catalogue, id, Reviewer, forward: true, "Đề nghị chấp thuận", CancellationToken.None));

        var outcome = await session.Get<WardProposals>().ReviewAsync(Catalogue, id, Reviewer, forward: false, "Không đủ căn cứ",
            CancellationToken.None);

        Assert.True(rivalOutcome!.IsAccepted);
        Assert.Equal((ProposalRules.ChangedMeanwhile, RefusalKind.Conflict), (outcome.Refusal!.Code, outcome.Refusal.Kind));
        Assert.Contains(id, outcome.Refusal.Message, StringComparison.Ordinal);
        var stored = (await rivalSession.Get<WardProposals>().ReadAsync(CancellationToken.None)).Find(id)!.Proposal;
        Assert.Equal((ProposalState.Submitted, "Đề nghị chấp thuận"), (stored.State, stored.ReviewNote));
    }

    [Fact]
    public async Task DecideAsync_RejectedMeanwhile_ConflictAndNoEffectiveDayWritten()
    {
        var (ward, id) = await StartWithPendingAsync();
        await using var _ = ward;
        await using var rivalSession = ward.NewSession();
        Assert.True((await rivalSession.Get<WardProposals>().ReviewAsync(Catalogue, id, Reviewer, true, null, CancellationToken.None))
            .IsAccepted);
        await using var session = RacedSession(ward, async () =>
        {
            // The decider's colleague rejects it first, from another screen.
            var first = await rivalSession.Get<WardProposals>().DecideAsync(Catalogue, id, Signer, approve: false, "Chưa cần thiết",
                CancellationToken.None);
            Assert.True(first.IsAccepted);
        });

        var outcome = await session.Get<WardProposals>().DecideAsync(Catalogue, id, Signer, approve: true, null, CancellationToken.None);

        Assert.Equal(ProposalRules.ChangedMeanwhile, outcome.Refusal!.Code);
        var stored = (await rivalSession.Get<WardProposals>().ReadAsync(CancellationToken.None)).Find(id)!.Proposal;
        Assert.Equal(ProposalState.Rejected, stored.State);
        var rows = await rivalSession.Lists.ReadAsync(Core.Sync.SiteSchema.Assignments, CancellationToken.None);
        Assert.All(rows, r => Assert.Null(Core.Sync.AssignmentRow.From(r)!.ExtendedLastDay));
    }

    [Fact]
    public async Task WardEscalation_ProposalWaitingMoreThanFiveWorkingDays_ReviewerThenDeciderRemindedOncePerStep()
    {
        var (ward, id) = await StartWithPendingAsync();
        await using var _ = ward;

        // Proposed Monday 02/03; Monday 09/03 is the 5th working day after it: not yet.
        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
        Assert.Empty(await ProposalMailsAsync(ward));

        // Tuesday 10/03: the 6th working day. The reviewer is reminded, once.
        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));
        var review = Assert.Single(await ProposalMailsAsync(ward));
        Assert.Equal((Reviewer, EscalationKind.ProposalReview), (review.Recipient.Address, review.Level.Kind));
        Assert.Equal($"{Reviewer}|DX:{id}|review+5", review.IdempotencyKey);
        Assert.Empty(await ProposalMailsAsync(ward));
        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero));
        Assert.Empty(await ProposalMailsAsync(ward));

        // Forwarded on 11/03: the decider is reminded on the 6th working day after (19/03), once.
        await using (var session = ward.NewSession())
        {
            Assert.True((await session.Get<WardProposals>().ReviewAsync(Catalogue, id, Reviewer, true, null, CancellationToken.None))
                .IsAccepted);
        }

        ward.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 19, 1, 0, 0, TimeSpan.Zero));
        var decision = Assert.Single(await ProposalMailsAsync(ward));
        Assert.Equal((Signer, EscalationKind.ProposalDecision), (decision.Recipient.Address, decision.Level.Kind));
        Assert.Empty(await ProposalMailsAsync(ward));
    }

    /// <summary>Runs today's escalation (sending) and returns the proposal reminders its digests carried.</summary>
    private static async Task<IReadOnlyList<EscalationNotification>> ProposalMailsAsync(WardHarness ward)
    {
        await using var session = ward.NewSession();
        var report = await session.Get<WardEscalation>().RunAsync(Catalogue, dryRun: false, CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Failures.Select(f => f.Reason)));
        var sent = report.Digests.Where(d => d.Status == DigestStatus.Sent).SelectMany(d => d.Digest.Notifications).ToList();
        var reminders = sent.Where(n => n.Item.Kind == EscalationItemKind.Proposal).ToList();
        foreach (var digest in report.Digests.Where(d => d.Digest.Notifications.Any(n => n.Item.Kind == EscalationItemKind.Proposal)))
        {
            Assert.Contains("đề xuất chờ", digest.Digest.Subject, StringComparison.Ordinal);
            Assert.Contains("ngày làm việc", digest.Digest.TextBody, StringComparison.Ordinal);
        }

        return reminders;
    }
}
