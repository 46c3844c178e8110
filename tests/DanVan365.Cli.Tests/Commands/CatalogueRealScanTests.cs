using System.Text.Json;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Documents.Scans;
using DanVan365.TestUtilities.LocalM365;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>The review path on a real scan: the bundled decision's PDF scanned at 300 dpi (image-only PDF), read by Tesseract.</summary>
public class CatalogueRealScanTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Catalogue_ImageOnlyPdfAt300Dpi_JsonCopyKeepsTheReviewAndSyncIsGated()
    {
        await using var graph = await LocalGraphFixture.StartAsync();
        using var dir = new TempDir();
        var scan = dir.WriteBytes(ScanCorpus.FileName(ScanProfile.Clean300, ScanFormat.ImagePdf),
            ScanCorpus.Bytes(ScanProfile.Clean300, ScanFormat.ImagePdf));
        var copy = dir.File("qd-673-ban-sao.json");

        // One OCR pass: the copy written and the cells to review listed.
        var read = await Run("catalogue", scan, "--out", copy, "--review");
        var again = await Run("catalogue", copy, "--review");
        var json = await Run("catalogue", copy, "--format", "json");
        var sync = await Run("sync", copy, "--graph-url", graph.Server.BaseUrl);

        Assert.Equal(0, read.Exit);
        var lines = read.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"Đã ghi bản sao .json: {copy}", lines[0], StringComparison.Ordinal);
        // The copy keeps every cell and its confidence: its review is the scan's.
        Assert.Equal(0, again.Exit);
        Assert.Equal(string.Join('\n', lines.Skip(1)) + "\n", again.Out);
        Assert.Equal(0, json.Exit);
        using var doc = JsonDocument.Parse(json.Out);
        var scanned = doc.RootElement.GetProperty("scan");
        Assert.Equal(300, scanned.GetProperty("dpi").GetInt32());
        Assert.True(scanned.GetProperty("cells").GetArrayLength() >= 31 * 5);
        var toReview = lines.Count(l => l.StartsWith("Trang ", StringComparison.Ordinal));
        Assert.Equal(toReview, scanned.GetProperty("needsReview").GetInt32());
        var assembled = !doc.RootElement.TryGetProperty("assembled", out var flag) || flag.GetBoolean();
        if (!assembled)
        {
            // What OCR read does not resolve yet: sync refuses it on the first problem, before any request.
            var problem = doc.RootElement.GetProperty("problems")[0].GetString()!;
            Assert.Equal(2, sync.Exit);
            Assert.Contains(problem, sync.Err, StringComparison.Ordinal);
            Assert.Equal(0, graph.Stats.Requests);
        }
        else if (toReview > 0)
        {
            Assert.Equal(2, sync.Exit);
            Assert.Equal(0, graph.Stats.Requests);
            Assert.All(lines.Where(l => l.StartsWith("Trang ", StringComparison.Ordinal)),
                l => Assert.Contains(l, sync.Err, StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(0, sync.Exit);
        }

        Console.WriteLine($"real scan (Clean300, image-only PDF): {toReview} cell(s) to review, assembled {assembled}, " +
            $"sync exit {sync.Exit}; {sync.Err.Split('\n')[0]}");
    }

    // A photographed page of the table alone (no annex line with the decision's number and date): the table is
    // printed for review with exit 0, the problem named; importing it (sync) is refused.
    [Fact]
    public async Task Catalogue_TableOnlyPng_PrintsTheTableAndNamesTheMissingNumber()
    {
        using var dir = new TempDir();
        var page = dir.WriteBytes(ScanCorpus.FileName(ScanProfile.Clean300, ScanFormat.Png),
            ScanCorpus.Bytes(ScanProfile.Clean300, ScanFormat.Png));

        var json = await Run("catalogue", page, "--format", "json");

        Assert.Equal(0, json.Exit);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.False(doc.RootElement.GetProperty("assembled").GetBoolean());
        Assert.Contains("decision number and date not found", doc.RootElement.GetProperty("problems")[0].GetString(),
            StringComparison.Ordinal);
        Assert.True(doc.RootElement.GetProperty("entries").GetArrayLength() > 0);
        Assert.True(doc.RootElement.GetProperty("scan").GetProperty("cells").GetArrayLength() > 0);
    }
}
