using System.Text.Json;
using DanVan365.Core.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

public class CatalogueReviewTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Catalogue_ScannedCopyAsJson_CarriesEveryCellWithItsReviewFlag()
    {
        using var dir = new TempDir();
        var copy = ScannedCatalogues.WriteJsonCopy(dir.Path);

        var (exit, output, err) = await Run("catalogue", copy, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(31, root.GetProperty("tasks").GetArrayLength());
        var scan = root.GetProperty("scan");
        Assert.Equal(80, scan.GetProperty("threshold").GetDouble());
        Assert.Equal(300, scan.GetProperty("dpi").GetInt32());
        Assert.Equal(3, scan.GetProperty("needsReview").GetInt32());
        var cells = scan.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(ScannedCatalogues.HaiAn().Scan!.Cells.Count, cells.Count);
        var flagged = cells.Where(c => c.GetProperty("needsReview").GetBoolean()).ToList();
        Assert.Equal(["2.6", "3.5.a", "4.1"], flagged.Select(c => c.GetProperty("row").GetString()).Order(StringComparer.Ordinal));
        var lead = flagged.Single(c => c.GetProperty("row").GetString() == "2.6");
        Assert.Equal("lead", lead.GetProperty("column").GetString());
        Assert.Equal(61, lead.GetProperty("confidence").GetDouble());
        Assert.True(lead.GetProperty("box").GetProperty("x").GetInt32() > 0);
    }

    [Fact]
    public async Task Catalogue_DigitalDecisionAsJson_HasNoScan()
    {
        var (exit, output, _) = await Run("catalogue", TestData.DecisionTextPath, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("scan", out _));
    }

    [Fact]
    public async Task Catalogue_Review_PrintsTheLowCellsAndACount()
    {
        using var dir = new TempDir();
        var copy = ScannedCatalogues.WriteJsonCopy(dir.Path);

        var (exit, output, err) = await Run("catalogue", copy, "--review");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Trang ", StringComparison.Ordinal)
            && l.Contains(", nhiệm vụ 2.6, cột Cơ quan chủ trì (x 1230, y ", StringComparison.Ordinal)
            && l.EndsWith("— độ tin cậy 61/100", StringComparison.Ordinal));
        Assert.StartsWith("Cần rà soát 3 ô dưới ngưỡng tin cậy 80/100 (trên tổng số ", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_ReviewOfAReviewedCopyOrADigitalDecision_SaysNothingToReview()
    {
        using var dir = new TempDir();
        var reviewed = ScannedCatalogues.WriteJsonCopy(dir.Path, ScannedCatalogues.Reviewed(ScannedCatalogues.HaiAn()));

        var fromCopy = await Run("catalogue", reviewed, "--review");
        var fromText = await Run("catalogue", TestData.DecisionTextPath, "--review");

        Assert.Equal(0, fromCopy.Exit);
        Assert.StartsWith("Không có ô nào dưới ngưỡng tin cậy 80/100 chưa được rà soát", fromCopy.Out, StringComparison.Ordinal);
        Assert.Equal(0, fromText.Exit);
        Assert.Equal("Văn bản không phải bản quét: không có ô nào cần rà soát.\n", fromText.Out);
    }

    [Theory]
    [InlineData("ban-sao.json")]
    [InlineData("ban-sao.docx")]
    public async Task Catalogue_OutCopyThenImport_SameCatalogueAsTheOriginal(string name)
    {
        using var dir = new TempDir();
        var copy = dir.File(name);

        var written = await Run("catalogue", TestData.DecisionTextPath, "--out", copy);
        var original = await Run("catalogue", TestData.DecisionTextPath, "--format", "json");
        var back = await Run("catalogue", copy, "--format", "json");

        Assert.Equal(0, written.Exit);
        Assert.Equal($"Đã ghi bản sao {Path.GetExtension(name)}: {copy}.\n", written.Out);
        Assert.Equal(0, back.Exit);
        Assert.Empty(back.Err);
        Assert.Equal(original.Out, back.Out);
        Assert.Equal([name], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Catalogue_OutOverAnExistingFile_RefusedUnlessForce()
    {
        using var dir = new TempDir();
        var copy = dir.Write("ban-sao.json", "của người khác");

        var refused = await Run("catalogue", TestData.DecisionTextPath, "--out", copy);
        var kept = await File.ReadAllTextAsync(copy);
        var forced = await Run("catalogue", TestData.DecisionTextPath, "--out", copy, "--force");

        Assert.Equal(2, refused.Exit);
        Assert.Contains("pass --force", refused.Err, StringComparison.Ordinal);
        Assert.Equal("của người khác", kept);
        Assert.Equal(0, forced.Exit);
        Assert.StartsWith("{", await File.ReadAllTextAsync(copy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ban-sao.txt")]
    [InlineData("khong-co/ban-sao.json")]
    public async Task Catalogue_OutNotJsonOrDocxOrNoFolder_ExitsTwoWritingNothing(string name)
    {
        using var dir = new TempDir();

        var (exit, output, err) = await Run("catalogue", TestData.DecisionTextPath, "--out", dir.File(name));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--out", err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Catalogue_OutPlanAsWord_RefusedWritingNothing()
    {
        using var dir = new TempDir();

        var (exit, output, err) = await Run("catalogue", TestData.PlanProsePath, "--out", dir.File("ban-sao.docx"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("write a .json copy instead", err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Catalogue_ScanWhoseUnitNameOcrMisread_JsonPrintsRawEntriesWithTheProblem()
    {
        using var dir = new TempDir();
        var scanned = ScannedCatalogues.HaiAn();
        var misread = scanned with
        {
            Entries = [.. scanned.Entries.Select(e => e.Code == "2.6" ? e with { LeadText = "Phòng Văn hoá-Xã hôi" } : e)],
        };
        var copy = ScannedCatalogues.WriteJsonCopy(dir.Path, misread);

        var json = await Run("catalogue", copy, "--format", "json");
        var table = await Run("catalogue", copy);

        Assert.Equal(0, json.Exit);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("assembled").GetBoolean());
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.Contains("task 2.6: lead unit phrase \"Phòng Văn hoá-Xã hôi\"", problem, StringComparison.Ordinal);
        Assert.StartsWith(copy + ":", problem, StringComparison.Ordinal);
        Assert.Equal(31, root.GetProperty("entries").GetArrayLength());
        Assert.Equal(3, root.GetProperty("scan").GetProperty("needsReview").GetInt32());
        Assert.Contains(problem, json.Err, StringComparison.Ordinal);
        Assert.Equal(2, table.Exit);
        Assert.Contains("task 2.6", table.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_OutScanAsJson_LowCellsUnreviewedInTheCopy()
    {
        using var dir = new TempDir();
        var scan = ScannedCatalogues.WriteJsonCopy(dir.Path, name: "quet.json");
        var copy = dir.File("ban-sao.json");

        var (exit, output, _) = await Run("catalogue", scan, "--out", copy);

        Assert.Equal(0, exit);
        Assert.Contains("(3 ô cần rà soát)", output, StringComparison.Ordinal);
        using var stream = File.OpenRead(copy);
        var back = Documents.Catalogue.Json.JsonDecisionImporter.Read(stream, copy);
        Assert.Equal(3, back.Scan!.NeedsReview.Count);
        Assert.All(back.Scan.Cells, c => Assert.False(c.Reviewed));
        Assert.Contains(back.Scan.NeedsReview, c => c is { Row: "2.6", Column: ScannedColumn.Lead });
    }
}
