using System.Text.Json;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>`proposal …` against the local Microsoft 365 (the bundled Hải An decision and directory); today is 02/03/2026.</summary>
public class ProposalCommandsTests
{
    private const string AsOf = "2026-03-02";
    private const string VpHead = "vp.truong@haian.example.vn";

    /// <summary>1.2 of QĐ 673: led by every office (VP included), last day 14/02/2026.</summary>
    private const string VpTask = "1.2";

    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

    private static Task<ConsoleRun> Local(TempDir data, params string[] args) =>
        Run([.. args, "--data", data.Path, "--as-of", AsOf]);

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    /// <summary>A data folder where `sync` of the bundled decision ran (once per test run; each test gets a copy).</summary>
    private static Task<TempDir> SyncedAsync() => PreparedData.CopyAsync("synced as of " + AsOf, async data =>
    {
        var sync = await Local(data, "sync", TestData.DecisionTextPath);
        Assert.True(sync.Exit == 0, sync.Err);
    });

    private static Task<ConsoleRun> Propose(TempDir data, string actor, string unit = "VP",
        string task = VpTask, string lastDay = "2026-04-30") =>
        Local(data, "proposal", "add", "--unit", unit, "--task", task, "--kind", "extend", "--last-day", lastDay,
            "--reason", "Chờ kinh phí bổ sung.", "--as", actor);

    private static async Task<JsonElement[]> ListAsync(TempDir data, params string[] extra)
    {
        var list = await Local(data, ["proposal", "list", "--format", "json", .. extra]);
        Assert.True(list.Exit == 0, list.Err);
        return [.. JsonDocument.Parse(list.Out).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task Proposal_AddReviewDecideDraft_StatesFollowAndTheAnnexIsWritten()
    {
        using var data = await SyncedAsync();

        var add = await Propose(data, VpAssignee);
        Assert.True(add.Exit == 0, add.Err);
        var id = LastLine(add.Out);
        Assert.Equal("DX-2026-0001", id);
        Assert.Equal("pending", (await ListAsync(data)).Single().GetProperty("state").GetString());

        var review = await Local(data, "proposal", "review", id, "--forward", "--note", "Đề nghị chấp thuận", "--as", Reviewer);
        Assert.True(review.Exit == 0, review.Err);
        var decide = await Local(data, "proposal", "decide", id, "--approve", "--as", Signer);
        Assert.True(decide.Exit == 0, decide.Err);

        var approved = Assert.Single(await ListAsync(data, "--state", "approved"));
        Assert.Equal((id, "Chấp thuận", Reviewer, Signer), (approved.GetProperty("id").GetString(),
            approved.GetProperty("stateLabel").GetString(), approved.GetProperty("reviewedBy").GetString(),
            approved.GetProperty("decidedBy").GetString()));
        Assert.Empty(await ListAsync(data, "--state", "pending"));

        var file = Path.Combine(data.Path, "du-thao.docx");
        var draft = await Local(data, "proposal", "draft", "--out", file);
        Assert.True(draft.Exit == 0, draft.Err);
        Assert.Contains("1 dòng điều chỉnh", draft.Out, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task ProposalAdd_OtherUnit_ExitsOneNamingTheRuleAndWritesNothing()
    {
        using var data = await SyncedAsync();

        var result = await Propose(data, VpAssignee, unit: "VHXH", task: VpTask);

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("wrong-unit: ", result.Err, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(data));
    }

    [Fact]
    public async Task ProposalReview_NotTheReviewer_ExitsOneNamingTheRuleAndStaysPending()
    {
        using var data = await SyncedAsync();
        var id = LastLine((await Propose(data, VpAssignee)).Out);

        var result = await Local(data, "proposal", "review", id, "--forward", "--as", VpHead);
        var decide = await Local(data, "proposal", "decide", id, "--approve", "--as", Reviewer);

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("wrong-role: ", result.Err, StringComparison.Ordinal);
        Assert.Equal(1, decide.Exit);
        Assert.StartsWith("wrong-role: ", decide.Err, StringComparison.Ordinal);
        Assert.Equal("pending", (await ListAsync(data)).Single().GetProperty("state").GetString());
    }

    [Theory]
    [InlineData(VpTask, "2026-02-27", "extension-before-today: ")]
    [InlineData("9.9", "2026-04-30", "unknown-task: ")]
    public async Task ProposalAdd_RefusedProposal_ExitsTwoAndWritesNothing(string task, string lastDay, string rule)
    {
        using var data = await SyncedAsync();

        var result = await Propose(data, VpAssignee, task: task, lastDay: lastDay);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith(rule, result.Err, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(data));
    }

    [Fact]
    public async Task ProposalReview_BothForwardAndReject_ExitsTwo()
    {
        var result = await Run("proposal", "review", "DX-2026-0001", "--forward", "--reject", "--as", Reviewer);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--forward", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalDecide_UnknownId_ExitsTwo()
    {
        using var data = await SyncedAsync();

        var result = await Local(data, "proposal", "decide", "DX-2026-0042", "--approve", "--as", Signer);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("unknown-proposal: ", result.Err, StringComparison.Ordinal);
    }
}
