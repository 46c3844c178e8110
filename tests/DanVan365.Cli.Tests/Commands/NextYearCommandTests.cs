using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>`next-year` against the local Microsoft 365: the bundled ward synced, carried to 20/12/2026.</summary>
public class NextYearCommandTests
{
    private const string AsOf = "2026-12-20";

    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero))));

    private static Task<ConsoleRun> Local(TempDir data, params string[] args) =>
        Run([.. args, "--data", data.Path, "--as-of", AsOf]);

    /// <summary>A data folder where `sync` of the bundled decision ran (once per test run; each test gets a copy).</summary>
    private static Task<TempDir> SyncedAsync() => PreparedData.CopyAsync("synced as of " + AsOf, async data =>
    {
        var sync = await Local(data, "sync", TestData.DecisionTextPath);
        Assert.True(sync.Exit == 0, sync.Err);
    });

    [Fact]
    public async Task NextYear_SyncedWard_WritesTheDraftThatCatalogueReimports()
    {
        using var data = await SyncedAsync();
        var file = Path.Combine(data.Path, "du-thao-2027.docx");

        var result = await Local(data, "next-year", "--out", file);

        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("8 recurring, 22 unfinished", result.Out, StringComparison.Ordinal);
        Assert.Contains(
            $"đã ghi dự thảo danh mục năm 2027 (8 nhiệm vụ thường xuyên, lặp lại hằng năm; 22 nhiệm vụ chưa hoàn thành) vào {file}",
            result.Out, StringComparison.Ordinal);
        var catalogue = await Run("catalogue", file, "--format", "json");
        Assert.True(catalogue.Exit == 0, catalogue.Err);
        var json = System.Text.Json.JsonDocument.Parse(catalogue.Out).RootElement;
        var tasks = json.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(Bundled.Catalogue.Tasks.Select(t => t.Code), tasks.Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("Quý IV/2027", tasks.Single(t => t.GetProperty("code").GetString() == "2.5").GetProperty("timeframe")
            .GetProperty("text").GetString());
        Assert.Equal(["2027-09-14", "2027-11-19"], json.GetProperty("decision").GetProperty("reportingRounds").EnumerateArray()
            .Select(r => r.GetProperty("lastDay").GetString()));
    }

    [Fact]
    public async Task NextYear_ExistingFile_ExitsTwoAndKeepsItUnlessForced()
    {
        using var data = await SyncedAsync();
        var file = Path.Combine(data.Path, "du-thao.docx");
        await File.WriteAllTextAsync(file, "bản cũ");

        var refused = await Local(data, "next-year", "--out", file);

        Assert.Equal(2, refused.Exit);
        Assert.Contains("đã có; thêm --force để ghi đè", refused.Err, StringComparison.Ordinal);
        Assert.Equal("bản cũ", await File.ReadAllTextAsync(file));

        var forced = await Local(data, "next-year", "--out", file, "--force");

        Assert.True(forced.Exit == 0, forced.Err);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(file))[..2]);
        Assert.Empty(Directory.GetFiles(data.Path, "du-thao.docx.tmp-*"));
    }

    [Theory]
    [InlineData("khong-co-thu-muc/du-thao.docx", "không tồn tại")]
    [InlineData("du-thao.txt", "phải là tệp .docx")]
    public async Task NextYear_BadOutput_ExitsTwoWritingNothing(string output, string message)
    {
        using var data = await SyncedAsync();
        var path = Path.Combine(data.Path, output);

        var result = await Local(data, "next-year", "--out", path);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
