using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.HaiAnPeople;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Proposals;

/// <summary>The proposals use case through the one registration, against the local Graph (list Đề xuất điều chỉnh).</summary>
public class WardProposalsTests
{
    /// <summary>A task VP leads that has a last day (1.2 of QĐ 673: before 15/02/2026).</summary>
    private static readonly CatalogueTask VpTask = Catalogue.WorkItems.First(t => t.TimeFrame?.LastDay is not null
        && t.Lead.Units.Contains("VP"));

    private static readonly DateOnly NewLastDay = new(2026, 4, 30);

    private static Task<WardHarness> StartWardAsync() => SyncedWard.StartAsync(WardState.Synced);

    private static ProposalRequest Extension(string lastDay = "2026-04-30", string? task = null) =>
        new("VP", task ?? VpTask.Code, "extend", null, lastDay, "Chờ kinh phí bổ sung.");

    [Fact]
    public async Task ProposeReviewDecide_Extension_StoredInTheListAndDraftedAndClosedByTheAmendment()
    {
        await using var ward = await StartWardAsync();
        string id;
        await using (var session = ward.NewSession())
        {
            var proposals = session.Get<WardProposals>();
            var outcome = await proposals.ProposeAsync(Catalogue, Extension(), VpAssignee, CancellationToken.None);
            Assert.True(outcome.IsAccepted, outcome.Refusal?.ToString());
            id = outcome.Value.Id;
            Assert.Equal("DX-2026-0001", id);
            var second = await proposals.ProposeAsync(Catalogue, new ProposalRequest("VP", null, "add",
                "Tuyên truyền vận động người dân tham gia chỉnh trang đô thị.", null, "Nhiệm vụ mới phát sinh."), VpAssignee,
                CancellationToken.None);
            Assert.Equal("DX-2026-0002", second.Value.Id);

            var reviewed = await proposals.ReviewAsync(Catalogue, id, Reviewer, true, "Đề nghị chấp thuận", CancellationToken.None);
            Assert.True(reviewed.IsAccepted, reviewed.Refusal?.ToString());
            var decided = await proposals.DecideAsync(Catalogue, id, Signer, true, null, CancellationToken.None);
            Assert.True(decided.IsAccepted, decided.Refusal?.ToString());
        }

        // A fresh scope reads what the list holds.
        await using (var session = ward.NewSession())
        {
            var proposals = session.Get<WardProposals>();
            var listing = await proposals.ReadAsync(CancellationToken.None);
            Assert.Empty(listing.Problems);
            var stored = listing.Find(id)!.Proposal;
            Assert.Equal((ProposalState.Approved, Reviewer, Signer, NewLastDay), (stored.State, stored.ReviewedBy, stored.DecidedBy,
                stored.ProposedLastDay));
            Assert.Equal("Đề nghị chấp thuận", stored.ReviewNote);
            Assert.Equal([id], (await proposals.ListAsync(ProposalState.Approved, CancellationToken.None)).Select(p => p.Id));
            Assert.Equal(["DX-2026-0002"], (await proposals.ListAsync(ProposalState.Pending, CancellationToken.None)).Select(p => p.Id));

            var deadlines = await proposals.EffectiveDeadlinesAsync(Catalogue, CancellationToken.None);
            Assert.Equal(NewLastDay, deadlines[VpTask.Code + "|VP"].EffectiveLastDay);
            Assert.Equal(VpTask.TimeFrame!.LastDay, deadlines[VpTask.Code + "|VP"].DecisionLastDay);

            var (draft, content) = await proposals.DraftAsync(Catalogue, CancellationToken.None);
            var row = Assert.Single(draft.Rows);
            Assert.Equal([id], row.ProposalIds);
            Assert.Equal((byte)'P', content[0]);
            Assert.Equal((byte)'K', content[1]);

            var amended = Catalogue with
            {
                Decision = Catalogue.Decision with { Number = "812/QĐ-UBND" },
                Tasks = [.. Catalogue.Tasks.Select(t => t.Code == VpTask.Code
                    ? t with { TimeFrame = new TimeFrame("Hoàn thành trước 01/5/2026", TimeFrameKind.Before, NewLastDay) }
                    : t)],
            };
            var closed = await proposals.CloseCoveredAsync(amended, CancellationToken.None);
            Assert.Equal([id], closed.Select(p => p.Id));
        }

        await using (var session = ward.NewSession())
        {
            var stored = (await session.Get<WardProposals>().ReadAsync(CancellationToken.None)).Find(id)!.Proposal;
            Assert.True(stored.IsClosed);
            Assert.Equal("812/QĐ-UBND", stored.ClosedByDecision);
            var row = (await session.Lists.ReadAsync(SiteSchema.Proposals, CancellationToken.None)).Single(r => r.Key == id);
            Assert.Equal("Chấp thuận", row.Fields["State"]);
        }
    }

    [Fact]
    public async Task Review_NotTheReviewer_RefusedAndNothingWritten()
    {
        await using var ward = await StartWardAsync();
        await using var session = ward.NewSession();
        var proposals = session.Get<WardProposals>();
        var id = (await proposals.ProposeAsync(Catalogue, Extension(), VpAssignee, CancellationToken.None)).Value.Id;

        var outcome = await proposals.ReviewAsync(Catalogue, id, VpAssignee, true, null, CancellationToken.None);

        Assert.Equal((ProposalRules.WrongRole, RefusalKind.Forbidden), (outcome.Refusal!.Code, outcome.Refusal.Kind));
        Assert.Equal(ProposalState.Pending, (await proposals.ReadAsync(CancellationToken.None)).Find(id)!.Proposal.State);
    }

    [Fact]
    public async Task Propose_UnknownTask_RefusedAndNoRow()
    {
        await using var ward = await StartWardAsync();
        await using var session = ward.NewSession();
        var proposals = session.Get<WardProposals>();

        var outcome = await proposals.ProposeAsync(Catalogue, Extension(task: "9.9"), VpAssignee, CancellationToken.None);

        Assert.Equal(ProposalRules.UnknownTask, outcome.Refusal!.Code);
        Assert.Empty((await proposals.ReadAsync(CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Decide_UnknownId_NotFound()
    {
        await using var ward = await StartWardAsync();
        await using var session = ward.NewSession();

        var outcome = await session.Get<WardProposals>().DecideAsync(Catalogue, "DX-2026-0099", Signer, true, null, CancellationToken.None);

        Assert.Equal((ProposalRules.UnknownProposal, RefusalKind.NotFound), (outcome.Refusal!.Code, outcome.Refusal.Kind));
    }

    [Fact]
    public async Task DecisionIntake_SignedAmendmentExtendsTheTask_TheApprovedExtensionIsClosed()
    {
        // The decision uploaded and in use (synced by the intake, no proposal yet).
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        var original = await File.ReadAllBytesAsync(TestData.DecisionTextPath);
        await using (var session = ward.NewSession())
        {
            var proposals = session.Get<WardProposals>();
            var id = (await proposals.ProposeAsync(Catalogue, Extension(task: "1.2"), VpAssignee, CancellationToken.None)).Value.Id;
            Assert.True((await proposals.ReviewAsync(Catalogue, id, Reviewer, true, null, CancellationToken.None)).IsAccepted);
            Assert.True((await proposals.DecideAsync(Catalogue, id, Signer, true, null, CancellationToken.None)).IsAccepted);

            // The round's report lists it in part IV with the effective last day and who granted it.
            var compiled = await session.Get<RoundCompilation>().CompileAsync(1, CancellationToken.None);
            var line = Assert.Single(compiled.Report.AdjustmentProposals);
            Assert.Equal(id, line.Id);
            Assert.Contains("gia hạn đến 30/04/2026 theo ý kiến của", line.State, StringComparison.Ordinal);
            Assert.Contains("Bùi Quang Ngân", line.State, StringComparison.Ordinal);
            Assert.Contains(line.State, DocumentText(compiled.Content), StringComparison.Ordinal);
        }

        // The signed amendment: 1.2 now "Hoàn thành trước 15/5/2026" (last day 14/05, after the approved 30/04).
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
            var closed = Assert.Single(intake.ClosedProposals);
            Assert.Equal("DX-2026-0001", closed.Id);
            var stored = (await session.Get<WardProposals>().ReadAsync(CancellationToken.None)).Find(closed.Id)!.Proposal;
            Assert.True(stored.IsClosed);
            Assert.Equal(Catalogue.Decision.Number, stored.ClosedByDecision);
        }
    }

    private static string DocumentText(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }
}
