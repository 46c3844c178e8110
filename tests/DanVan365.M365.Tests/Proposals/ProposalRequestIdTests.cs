using DanVan365.Core.Proposals;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities.M365;
using static DanVan365.TestUtilities.HaiAnPeople;
using static DanVan365.TestUtilities.Bundled;

namespace DanVan365.M365.Tests.Proposals;

/// <summary>
/// Creating a proposal with a client request id, against the local Graph: a retry after a lost answer, or a second request
/// racing the first, gets back the proposal recorded, and the list holds one row.
/// </summary>
public class ProposalRequestIdTests
{
    private const string RequestId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private static readonly ProposalRequest Extension = new("VP", "1.2", "extend", null, "2026-04-30", "Chờ kinh phí bổ sung.",
        RequestId);

    private static bool IsBatch(HttpRequestMessage r) =>
        r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("batch", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<Proposal>> StoredAsync(WardHarness ward)
    {
        await using var session = ward.NewSession();
        var listing = await session.Get<WardProposals>().ReadAsync(CancellationToken.None);
        Assert.Empty(listing.Problems);
        return listing.Proposals;
    }

    [Fact]
    public async Task ProposeAsync_RetriedAfterTheAnswerWasLost_RecordedProposalAndOneRow()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.Synced);
        await using (var lossy = ward.NewSession(new LoseFirstAnswerHandler(IsBatch)))
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                lossy.Get<WardProposals>().ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None));
        }

        var written = Assert.Single(await StoredAsync(ward));
        await using var retry = ward.NewSession();
        var outcome = await retry.Get<WardProposals>().ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None);

        Assert.True(outcome.IsAccepted && outcome.IsRepeated, outcome.Refusal?.ToString());
        Assert.Equal((written.Id, RequestId), (outcome.Value.Id, outcome.Value.RequestId));
        Assert.Single(await StoredAsync(ward));
    }

    [Fact]
    public async Task ProposeAsync_SecondRequestWithTheSameIdRacesTheFirst_BothGetOneRow()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.Synced);
        ProposalOutcome? rival = null;
        await using var rivalSession = ward.NewSession();
        await using var session = ward.NewSession(new BeforeFirstHandler(IsBatch, async () => rival = await rivalSession
            .Get<WardProposals>().ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None)));

        var outcome = await session.Get<WardProposals>().ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None);

        Assert.False(rival!.IsRepeated);
        Assert.True(outcome.IsRepeated, outcome.Refusal?.ToString());
        Assert.Equal(rival.Value.Id, outcome.Value.Id);
        Assert.Equal(RequestId, Assert.Single(await StoredAsync(ward)).RequestId);
    }

    [Fact]
    public async Task ProposeAsync_SameIdAfterTheProposalMoved_ItsCurrentStateAndNoNewRow()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.Synced);
        await using var session = ward.NewSession();
        var proposals = session.Get<WardProposals>();
        var first = await proposals.ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None);
        Assert.True((await proposals.ReviewAsync(Catalogue, first.Value.Id, Reviewer, true, null, CancellationToken.None)).IsAccepted);

        var again = await proposals.ProposeAsync(Catalogue, Extension, VpAssignee, CancellationToken.None);

        Assert.Equal((first.Value.Id, ProposalState.Submitted), (again.Value.Id, again.Value.State));
        Assert.Single(await StoredAsync(ward));
    }

    /// <summary>Lets the first matching request reach the server, then loses its answer (a dropped connection).</summary>
    private sealed class LoseFirstAnswerHandler(Func<HttpRequestMessage, bool> match) : DelegatingHandler
    {
        private int _done;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (match(request) && Interlocked.Exchange(ref _done, 1) == 0)
            {
                response.Dispose();
                throw new HttpRequestException("The response ended prematurely (test: answer lost).");
            }

            return response;
        }
    }
}
