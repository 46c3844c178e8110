using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.Bundled;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.M365.Tests.Wards;

/// <summary>The scoring workflow through the one registration, against the local Graph (list Chấm điểm).</summary>
public class WardScoringTests
{
    private const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";

    private static Task<WardHarness> StartWardAsync() => SyncedWard.StartAsync(WardState.DecisionInUse);

    /// <summary>Who proposes for a unit: its head, VHXH's assignee for VHXH (so VHXH's head may appraise it).</summary>
    private static string ProposerOf(string unit) => unit == "VHXH" ? VhxhAssignee : Units.Find(unit)!.Head!;

    [Fact]
    public async Task ProposeAppraiseApprove_ThreePeople_RecordedInTheListAndFinal()
    {
        await using var ward = await StartWardAsync();
        IReadOnlyList<string> graded;
        await using (var session = ward.NewSession())
        {
            var scoring = session.Get<WardScoring>();
            var board = await scoring.BoardAsync(Catalogue, CancellationToken.None);
            graded = board.Graded;
            Assert.Contains("VP", graded);
            Assert.DoesNotContain("MTTQ", graded);
            Assert.All(board.Rows.Where(r => r.Computed.Graded), r => Assert.Equal(r.Computed.Points, r.FinalPoints));

            foreach (var unit in graded)
            {
                var proposed = await scoring.ProposeAsync(Catalogue, unit, 95, "Đơn vị hoàn thành các nhiệm vụ được giao", null,
                    ProposerOf(unit), CancellationToken.None);
                Assert.True(proposed.IsAccepted, proposed.Refusal?.ToString());
            }

            var early = await scoring.ApproveAsync(Catalogue, Signer, CancellationToken.None);
            Assert.Equal(ScoreRuleCodes.NotAppraised, early.Refusal?.Code);

            foreach (var unit in graded)
            {
                var (points, reason) = unit == "VP" ? (90.5, "Nhiệm vụ 1.2 hoàn thành quá hạn") : (95d, (string?)null);
                var appraised = await scoring.AppraiseAsync(Catalogue, unit, points, reason, VhxhHead, CancellationToken.None);
                Assert.True(appraised.IsAccepted, appraised.Refusal?.ToString());
            }

            var approved = await scoring.ApproveAsync(Catalogue, Signer, CancellationToken.None);
            Assert.True(approved.IsAccepted, approved.Refusal?.ToString());
        }

        await using (var session = ward.NewSession())
        {
            var listing = await session.Get<IScoreReviewStore>().ReadAsync(CancellationToken.None);
            Assert.Empty(listing.Problems);
            Assert.Empty(listing.Ignored);
            var vp = listing.Find(2026, "VP")!.Record;
            Assert.Equal((ScoreReviewState.Approved, Units.Find("VP")!.Head, VhxhHead, Signer),
                (vp.Review.State, vp.Review.Proposed!.By, vp.Review.Appraised!.By, vp.Review.Approved!.By));
            Assert.Equal((95d, 90.5, "Nhiệm vụ 1.2 hoàn thành quá hạn"), (vp.Review.Proposed.Points!.Value,
                vp.Review.Appraised.Points!.Value, vp.Review.Appraised.Text));
            Assert.Equal(ward.PersonOf("VP"), vp.ProposedById);
            Assert.Equal(graded.Count, listing.Items.Count);

            var board = await session.Get<WardScoring>().BoardAsync(Catalogue, CancellationToken.None);
            var row = board.Find("VP")!;
            Assert.Equal(90.5, row.FinalPoints);
            Assert.Equal(board.Grades.GradeOf(90.5), row.FinalGrade);
            var again = await session.Get<WardScoring>().ApproveAsync(Catalogue, Signer, CancellationToken.None);
            Assert.Equal((ScoreRuleCodes.IllegalTransition, RefusalKind.Conflict), (again.Refusal?.Code, again.Refusal?.Kind));
        }
    }

    [Fact]
    public async Task Appraise_ByTheProposer_RefusedAndNothingWritten()
    {
        await using var ward = await StartWardAsync();
        await using var session = ward.NewSession();
        var scoring = session.Get<WardScoring>();
        Assert.True((await scoring.ProposeAsync(Catalogue, "VHXH", 90, "Tự chấm", null, VhxhHead, CancellationToken.None)).IsAccepted);
        var refused = await scoring.AppraiseAsync(Catalogue, "VHXH", 90, null, VhxhHead, CancellationToken.None);
        Assert.Equal((ScoreRuleCodes.OwnScore, RefusalKind.Forbidden), (refused.Refusal?.Code, refused.Refusal?.Kind));
        var wrongUnit = await scoring.ProposeAsync(Catalogue, "KTHTDT", 90, "Tự chấm", null, VpAssignee, CancellationToken.None);
        Assert.Equal(ScoreRuleCodes.WrongUnit, wrongUnit.Refusal?.Code);
        var listing = await session.Get<IScoreReviewStore>().ReadAsync(CancellationToken.None);
        Assert.Equal(ScoreReviewState.Proposed, Assert.Single(listing.Items).Record.Review.State);
    }

    [Fact]
    public async Task Update_RowChangedMeanwhile_NotWritten()
    {
        await using var ward = await StartWardAsync();
        await using var session = ward.NewSession();
        var scoring = session.Get<WardScoring>();
        await scoring.ProposeAsync(Catalogue, "VP", 90, "Lần đầu", null, VpAssignee, CancellationToken.None);
        var store = session.Get<IScoreReviewStore>();
        var stale = (await store.ReadAsync(CancellationToken.None)).Find(2026, "VP")!;
        Assert.True((await scoring.ProposeAsync(Catalogue, "VP", 92, "Lần hai", null, VpAssignee, CancellationToken.None)).IsAccepted);

        var written = await store.UpdateAsync(stale, stale.Record with
        {
            Review = stale.Record.Review with { Proposed = stale.Record.Review.Proposed! with { Points = 99 } },
        }, CancellationToken.None);

        Assert.False(written);
        var now = (await store.ReadAsync(CancellationToken.None)).Find(2026, "VP")!.Record.Review.Proposed!;
        Assert.Equal((92d, "Lần hai"), (now.Points!.Value, now.Text));
    }

    [Fact]
    public async Task Read_PointsTypedInSharePoint_RowNotTrusted_RecordedThenOverwrittenByANewProposal()
    {
        await using var ward = await StartWardAsync();
        await using (var session = ward.NewSession())
        {
            await session.Get<WardScoring>().ProposeAsync(Catalogue, "VP", 80, "Tự chấm", null, VpAssignee, CancellationToken.None);
        }

        await using (var member = ward.NewSessionAs("KTHTDT"))
        {
            await MemberEdits.PatchAsync(member, SiteSchema.Scores, "2026|VP", new Dictionary<string, object>
            {
                [ScoreColumns.ProposedPoints] = 100,
            });
        }

        await using (var session = ward.NewSession())
        {
            var scoring = session.Get<WardScoring>();
            var board = await scoring.BoardAsync(Catalogue, CancellationToken.None);
            Assert.Equal("2026|VP", Assert.Single(board.Ignored).RowKey);
            Assert.Null(board.Find("VP")!.Review);
            Assert.Equal(board.Find("VP")!.Computed.Points, board.Find("VP")!.FinalPoints);

            var again = await scoring.ProposeAsync(Catalogue, "VP", 85, "Tự chấm lại", null, VpAssignee, CancellationToken.None);
            Assert.True(again.IsAccepted, again.Refusal?.ToString());
            Assert.Equal(85, again.Board!.Find("VP")!.FinalPoints);
            var recorded = await session.Get<Core.Integrity.IInterventionLog>().UnreportedAsync(CancellationToken.None);
            Assert.Contains(recorded, i => i.Intervention.RowKey == "2026|VP" && i.Intervention.List == "Chấm điểm");
        }
    }

    [Fact]
    public async Task Write_YearEndSubmissionWithSelfScore_ProposalByTheMaker()
    {
        await using var ward = await StartWardAsync();
        await using var session = ward.NewSession();
        var task = Catalogue.WorkItems.First(t => t.Lead.Units.Contains("VP"));
        var submission = new Submission("VP", 1, CatalogueVersion.Compute(Catalogue),
            [new SubmissionRow(task.Code, "Đã thực hiện.", null, string.Empty, string.Empty)])
        {
            Review = new YearEndReview("Ưu điểm", "Hạn chế", "Nguyên nhân", "Phương hướng", new SelfScore(88.5, "Hoàn thành cơ bản")),
        };

        var (_, failures, selfScore) = await session.Get<SubmissionIngest>().WriteAsync(Catalogue, submission, "api/submissions",
            CancellationToken.None, "u:" + ward.PersonOf("VP"));

        Assert.Empty(failures);
        Assert.StartsWith("Đã ghi điểm tự chấm 88,5 điểm", selfScore, StringComparison.Ordinal);
        var vp = (await session.Get<IScoreReviewStore>().ReadAsync(CancellationToken.None)).Find(2026, "VP")!.Record.Review;
        Assert.Equal((ScoreReviewState.Proposed, 88.5, "Hoàn thành cơ bản", Units.Find("VP")!.Head),
            (vp.State, vp.Proposed!.Points!.Value, vp.Proposed.Text, vp.Proposed.By));

        var byOperator = await session.Get<SubmissionIngest>().WriteAsync(Catalogue, submission with { UnitCode = "KTHTDT", Rows = [] },
            "api/submissions", CancellationToken.None, "op");
        Assert.StartsWith("Chưa ghi điểm tự chấm", byOperator.SelfScore, StringComparison.Ordinal);
        Assert.Empty(byOperator.Failures);
    }
}
