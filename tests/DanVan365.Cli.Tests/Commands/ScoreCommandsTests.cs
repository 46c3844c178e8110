using System.Text.Json;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>`score …` against the local Microsoft 365 (the bundled Hải An decision and directory); today is 10/12/2026.</summary>
public class ScoreCommandsTests
{
    private const string AsOf = "2026-12-10";
    private const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";

    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero))));

    private static Task<ConsoleRun> Local(TempDir data, params string[] args) =>
        Run([.. args, "--data", data.Path, "--as-of", AsOf]);

    private static Task<TempDir> SyncedAsync() => PreparedData.CopyAsync("synced as of " + AsOf, async data =>
    {
        var sync = await Local(data, "sync", TestData.DecisionTextPath);
        Assert.True(sync.Exit == 0, sync.Err);
    });

    private static async Task<JsonElement> BoardAsync(TempDir data)
    {
        var board = await Local(data, "score", "--format", "json");
        Assert.True(board.Exit == 0, board.Err);
        return JsonDocument.Parse(board.Out).RootElement;
    }

    private static string ProposerOf(string unit) => unit == "VHXH" ? VhxhAssignee : Bundled.Units.Find(unit)!.Head!;

    [Fact]
    public async Task Score_ProposeAppraiseApprove_ExitCodesAndOutput()
    {
        using var data = await SyncedAsync();
        var before = await BoardAsync(data);
        var graded = before.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("graded").GetBoolean())
            .Select(u => u.GetProperty("unit").GetString()!).ToList();
        Assert.Contains("VP", graded);
        var vp = before.GetProperty("units").EnumerateArray().First(u => u.GetProperty("unit").GetString() == "VP");
        Assert.Equal(("NotProposed", "Chưa tự chấm"), (vp.GetProperty("state").GetString(), vp.GetProperty("stateLabel").GetString()));
        Assert.True(vp.GetProperty("lines").GetArrayLength() > 0);

        foreach (var unit in graded)
        {
            var propose = await Local(data, "score", "propose", "--unit", unit, "--points", "95", "--note", "Hoàn thành nhiệm vụ",
                "--as", ProposerOf(unit));
            Assert.True(propose.Exit == 0, propose.Err);
        }

        var early = await Local(data, "score", "approve", "--as", Signer);
        Assert.Equal(1, early.Exit);
        Assert.StartsWith("not-appraised: Chưa thể phê duyệt", early.Err, StringComparison.Ordinal);

        foreach (var unit in graded)
        {
            var appraise = unit == "VP"
                ? await Local(data, "score", "appraise", "--unit", unit, "--points", "90,5", "--reason", "Nhiệm vụ 1.2 quá hạn",
                    "--as", VhxhHead)
                : await Local(data, "score", "appraise", "--unit", unit, "--points", "95", "--as", VhxhHead);
            Assert.True(appraise.Exit == 0, appraise.Err);
        }

        var approve = await Local(data, "score", "approve", "--as", Signer);
        Assert.True(approve.Exit == 0, approve.Err);
        Assert.StartsWith("đã phê duyệt bảng điểm năm 2026", approve.Out, StringComparison.Ordinal);

        var table = await Local(data, "score");
        Assert.True(table.Exit == 0, table.Err);
        var vpLine = table.Out.Split('\n').Single(l => l.StartsWith("VP\t", StringComparison.Ordinal)).TrimEnd('\r').Split('\t');
        Assert.Equal(("95", "90,5", "Đã phê duyệt"), (vpLine[2], vpLine[3], vpLine[5]));
        Assert.Contains("\tkhông xếp loại (đơn vị được đề nghị phối hợp)\t-", table.Out, StringComparison.Ordinal);

        var after = (await BoardAsync(data)).GetProperty("units").EnumerateArray().First(u => u.GetProperty("unit").GetString() == "VP");
        Assert.Equal((90.5, VhxhHead, Signer), (after.GetProperty("finalPoints").GetDouble(),
            after.GetProperty("appraised").GetProperty("by").GetString(), after.GetProperty("approved").GetProperty("by").GetString()));
    }

    [Fact]
    public async Task Score_Refusals_Exit1ForRightsExit2ForBadInput_NothingWritten()
    {
        using var data = await SyncedAsync();

        var badPoints = await Local(data, "score", "propose", "--unit", "VP", "--points", "chín mươi", "--note", "x", "--as", VpAssignee);
        Assert.Equal(2, badPoints.Exit);
        Assert.Contains("--points", badPoints.Err, StringComparison.Ordinal);
        var outOfRange = await Local(data, "score", "propose", "--unit", "VP", "--points", "101", "--note", "x", "--as", VpAssignee);
        Assert.Equal(2, outOfRange.Exit);
        Assert.StartsWith("invalid-points:", outOfRange.Err, StringComparison.Ordinal);

        var otherUnit = await Local(data, "score", "propose", "--unit", "KTHTDT", "--points", "90", "--note", "x", "--as", VpAssignee);
        Assert.Equal(1, otherUnit.Exit);
        Assert.StartsWith("wrong-unit:", otherUnit.Err, StringComparison.Ordinal);
        var requested = await Local(data, "score", "propose", "--unit", "MTTQ", "--points", "90", "--note", "x",
            "--as", "mttq.chutich@haian.example.vn");
        Assert.Equal(1, requested.Exit);
        Assert.Contains("Đơn vị được đề nghị phối hợp không tự chấm điểm.", requested.Err, StringComparison.Ordinal);

        var own = await Local(data, "score", "propose", "--unit", "VHXH", "--points", "90", "--note", "Tự chấm", "--as", VhxhHead);
        Assert.True(own.Exit == 0, own.Err);
        var selfAppraise = await Local(data, "score", "appraise", "--unit", "VHXH", "--points", "90", "--as", VhxhHead);
        Assert.Equal(1, selfAppraise.Exit);
        Assert.StartsWith("own-score:", selfAppraise.Err, StringComparison.Ordinal);

        var board = await BoardAsync(data);
        var states = board.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!,
            u => u.GetProperty("state").GetString());
        Assert.Equal(("NotProposed", "NotProposed", "Proposed"), (states["VP"], states["KTHTDT"], states["VHXH"]));
    }
}
