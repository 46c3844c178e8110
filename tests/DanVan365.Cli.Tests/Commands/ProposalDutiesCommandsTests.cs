using System.Text.Json;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>
/// `proposal …` separation of duties (exit 1 naming the rule, nothing written) and `add --request-id`, against the local
/// Microsoft 365 (the bundled Hải An decision and directory); today is 02/03/2026.
/// </summary>
public class ProposalDutiesCommandsTests
{
    private const string AsOf = "2026-03-02";
    private const string RequestId = "4d7a1e2b-8c3f-4a5d-9e6b-7f8091a2b3c4";

    private static Task<ConsoleRun> Local(TempDir data, params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync([.. args, "--data", data.Path, "--as-of", AsOf], stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    private static Task<TempDir> SyncedAsync() => PreparedData.CopyAsync("synced as of " + AsOf, async data =>
    {
        var sync = await Local(data, "sync", TestData.DecisionTextPath);
        Assert.True(sync.Exit == 0, sync.Err);
    });

    private static Task<ConsoleRun> ProposeExtension(TempDir data, params string[] extra) =>
        Local(data, ["proposal", "add", "--unit", "VP", "--task", "1.2", "--kind", "extend", "--last-day", "2026-04-30",
            "--reason", "Chờ kinh phí bổ sung.", "--as", VpAssignee, .. extra]);

    private static async Task<JsonElement[]> ListAsync(TempDir data)
    {
        var list = await Local(data, "proposal", "list", "--format", "json");
        Assert.True(list.Exit == 0, list.Err);
        return [.. JsonDocument.Parse(list.Out).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task ProposalReview_ReviewersOwnProposal_ExitsOneNamingTheRuleAndStaysPending()
    {
        using var data = await SyncedAsync();
        var add = await Local(data, "proposal", "add", "--unit", "VHXH", "--kind", "add", "--text",
            "Tổ chức hội nghị đối thoại với Nhân dân.", "--reason", "Nhiệm vụ mới phát sinh.", "--as", Reviewer);
        Assert.True(add.Exit == 0, add.Err);

        var review = await Local(data, "proposal", "review", LastLine(add.Out), "--forward", "--as", Reviewer);

        Assert.Equal(1, review.Exit);
        Assert.StartsWith("own-proposal: ", review.Err, StringComparison.Ordinal);
        Assert.Equal("pending", Assert.Single(await ListAsync(data)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ProposalDecide_ReviewerIsAlsoADeputy_ExitsOneThenTheSignerDecides()
    {
        using var data = await SyncedAsync();
        var settings = Path.Combine(data.Path, "proposals.json");
        await File.WriteAllTextAsync(settings, $$"""{ "Proposals": { "DeputyEmails": ["{{Reviewer}}"] } }""");
        var id = LastLine((await ProposeExtension(data)).Out);
        var review = await Local(data, "proposal", "review", id, "--forward", "--as", Reviewer);
        Assert.True(review.Exit == 0, review.Err);

        var byReviewer = await Local(data, "proposal", "decide", id, "--approve", "--as", Reviewer, "--settings", settings);
        Assert.Equal(1, byReviewer.Exit);
        Assert.StartsWith("reviewer-decides: ", byReviewer.Err, StringComparison.Ordinal);
        Assert.Equal("submitted", Assert.Single(await ListAsync(data)).GetProperty("state").GetString());

        var bySigner = await Local(data, "proposal", "decide", id, "--approve", "--as", Signer, "--settings", settings);
        Assert.True(bySigner.Exit == 0, bySigner.Err);
    }

    [Fact]
    public async Task ProposalAdd_SameRequestIdTwice_SameIdAndOneProposal()
    {
        using var data = await SyncedAsync();

        var first = await ProposeExtension(data, "--request-id", RequestId);
        var again = await ProposeExtension(data, "--request-id", RequestId);

        Assert.True(first.Exit == 0 && again.Exit == 0, first.Err + again.Err);
        Assert.Equal(LastLine(first.Out), LastLine(again.Out));
        Assert.Contains("đã được ghi trước đó", again.Out, StringComparison.Ordinal);
        Assert.Single(await ListAsync(data));
    }
}
