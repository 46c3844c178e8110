using System.Text.RegularExpressions;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.LocalM365;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

public class SyncScanGateTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Sync_ScanWithUnreviewedLowCells_ExitsTwoWithTheCellListAndSendsNoRequest()
    {
        await using var graph = await LocalGraphFixture.StartAsync();
        using var dir = new TempDir();
        var copy = ScannedCatalogues.WriteJsonCopy(dir.Path);

        var (exit, output, err) = await Run("sync", copy, "--graph-url", graph.Server.BaseUrl);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith(copy + ":0: 3 cell(s) of the scan were read below the confidence threshold 80", err, StringComparison.Ordinal);
        Assert.Equal(3, err.Split('\n').Count(l => l.StartsWith("Trang ", StringComparison.Ordinal)));
        Assert.Contains(", nhiệm vụ 3.5.a, cột Thời gian thực hiện (x 2070, y ", err, StringComparison.Ordinal);
        Assert.Equal(0, graph.Stats.Requests);
    }

    [Fact]
    public async Task Sync_AcceptOcr_SyncsAndSaysHowManyCellsWentUnreviewed()
    {
        using var dir = new TempDir();
        var copy = ScannedCatalogues.WriteJsonCopy(dir.Path);

        var (exit, output, _) = await Run("sync", copy, "--accept-ocr", "--data", dir.File("data"));

        Assert.Equal(0, exit);
        Assert.Contains("Đã chấp nhận 3 ô đọc từ bản quét có độ tin cậy thấp mà chưa được rà soát (--accept-ocr).", output,
            StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^lists: created=87 updated=0 archived=0 unchanged=0 requests=\d+  planner: created=56 ",
            RegexOptions.Multiline), output);
    }

    [Fact]
    public async Task Sync_CopyWithEveryLowCellReviewed_Syncs()
    {
        using var dir = new TempDir();
        var copy = ScannedCatalogues.WriteJsonCopy(dir.Path, ScannedCatalogues.Reviewed(ScannedCatalogues.HaiAn()));

        var (exit, output, _) = await Run("sync", copy, "--data", dir.File("data"));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("--accept-ocr", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^lists: created=87 updated=0 archived=0 unchanged=0 ", RegexOptions.Multiline), output);
    }

    [Fact]
    public async Task Sync_WordCopyOfAnUnreviewedScan_IsTheReviewedCopyAndSyncs()
    {
        using var dir = new TempDir();
        var scan = ScannedCatalogues.WriteJsonCopy(dir.Path, name: "qd-quet.json");
        var word = dir.File("qd-673-ban-sao.docx");

        var written = await Run("catalogue", scan, "--out", word);
        var table = await Run("catalogue", scan);
        var (exit, output, _) = await Run("sync", word, "--data", dir.File("data"));

        Assert.Equal(0, written.Exit);
        Assert.Contains("(3 ô cần rà soát, tô màu vàng)", written.Out, StringComparison.Ordinal);
        Assert.Equal(0, table.Exit);
        Assert.Contains("Bản quét: ", table.Out, StringComparison.Ordinal);
        Assert.Contains(" ô, 3 ô dưới ngưỡng tin cậy 80/100 cần rà soát", table.Out, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("--accept-ocr", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^lists: created=87 updated=0 archived=0 unchanged=0 ", RegexOptions.Multiline), output);
    }
}
