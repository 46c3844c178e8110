using System.Text.Json;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

public class CatalogueCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Catalogue_Json_HasIssueShape()
    {
        var (exit, output, err) = await Run("catalogue", TestData.DecisionTextPath, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var decision = root.GetProperty("decision");
        Assert.Equal("673/QĐ-UBND", decision.GetProperty("number").GetString());
        Assert.Equal("2026-02-12", decision.GetProperty("date").GetString());
        Assert.Equal(HaiAnDecision.Issuer, decision.GetProperty("issuer").GetString());
        Assert.Equal(HaiAnDecision.Signer, decision.GetProperty("signer").GetString());
        var rounds = decision.GetProperty("reportingRounds");
        Assert.Equal(1, rounds[0].GetProperty("round").GetInt32());
        Assert.Equal("2026-09-14", rounds[0].GetProperty("lastDay").GetString());
        Assert.Equal("2026-11-19", rounds[1].GetProperty("lastDay").GetString());
        Assert.Equal(5, root.GetProperty("sections").GetArrayLength());
        Assert.Equal("1", root.GetProperty("sections")[0].GetProperty("code").GetString());

        var tasks = root.GetProperty("tasks");
        Assert.Equal(31, tasks.GetArrayLength());
        var a = tasks.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "3.5.a");
        Assert.Equal("3", a.GetProperty("section").GetString());
        Assert.Equal("3.5", a.GetProperty("parent").GetString());
        Assert.Equal("Phòng Văn hóa-Xã hội", a.GetProperty("lead").GetProperty("text").GetString());
        Assert.Equal("VHXH", a.GetProperty("lead").GetProperty("units")[0].GetString());
        // "Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc" without the lead itself.
        var coordinating = a.GetProperty("coordinating").GetProperty("units").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Equal(5, coordinating.Count);
        Assert.DoesNotContain("VHXH", coordinating);
        var tf = a.GetProperty("timeframe");
        Assert.Equal("Hoàn thành trước 15/02/2026", tf.GetProperty("text").GetString());
        Assert.Equal("before", tf.GetProperty("kind").GetString());
        Assert.Equal("2026-02-14", tf.GetProperty("lastDay").GetString());

        var heading = tasks.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "3.5");
        Assert.Equal(string.Empty, heading.GetProperty("lead").GetProperty("text").GetString());
        Assert.Equal(string.Empty, heading.GetProperty("coordinating").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, heading.GetProperty("timeframe").ValueKind);

        var first = tasks[0];
        Assert.Equal("1", first.GetProperty("footnotes")[0].GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("parent").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("timeframe").GetProperty("lastDay").ValueKind);
    }

    [Fact]
    public async Task Catalogue_Table_RowsAndOneLineSummary()
    {
        var (exit, output, err) = await Run("catalogue", TestData.DecisionTextPath);

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2 + 31 + 2, lines.Length);
        Assert.Equal("Thể loại: quyết định (danh mục nhiệm vụ dạng bảng)", lines[^2]);
        Assert.StartsWith("TT", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("3.5.d", StringComparison.Ordinal) && l.Contains("DN",
            StringComparison.Ordinal) && l.Contains("2026-12-31", StringComparison.Ordinal));
        Assert.Contains("673/QĐ-UBND", lines[^1], StringComparison.Ordinal);
        Assert.Contains("31 entries", lines[^1], StringComparison.Ordinal);
        Assert.Contains("2026-09-14", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_ProsePlan_GenreLineAndTheDecisionsTasks()
    {
        var (exit, output, err) = await Run("catalogue", TestData.PlanProsePath);

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2 + 31 + 2, lines.Length);
        Assert.Equal("Thể loại: kế hoạch (nhiệm vụ viết thành đoạn văn)", lines[^2]);
        Assert.StartsWith("Kế hoạch 45/KH-UBND ngày 20/02/2026", lines[^1], StringComparison.Ordinal);
        var table = await Run("catalogue", TestData.DecisionTextPath);
        Assert.Equal(table.Out.Split('\n')[..33], output.Split('\n')[..33]);
    }

    [Fact]
    public async Task Catalogue_PlanWithAppendix_GenreLineAndJsonGenre()
    {
        var (exit, output, _) = await Run("catalogue", TestData.PlanAppendixPath);
        var json = await Run("catalogue", TestData.PlanAppendixPath, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("\nThể loại: kế hoạch (danh mục nhiệm vụ ở bảng phụ lục)\n", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("plan-appendix-table", doc.RootElement.GetProperty("genre").GetString());
    }

    [Fact]
    public async Task Catalogue_PlanTaskWithoutLead_Exit2FileLineNothingOnStdout()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(TestData.PlanProsePath).ToList();
        var task = lines.FindIndex(l => l.StartsWith("1.3. ", StringComparison.Ordinal));
        lines.RemoveAt(lines.FindIndex(l => l.StartsWith("- Chủ trì: Trung tâm dịch vụ sự nghiệp công", StringComparison.Ordinal)));
        var bad = dir.Write("kh-loi.txt", string.Join('\n', lines));

        var (exit, output, err) = await Run("catalogue", bad);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"{bad}:{task + 1}: task 1.3 has no lead unit", err, StringComparison.Ordinal);
        Assert.Contains("(nhiệm vụ 1.3 chưa có cơ quan chủ trì)", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_Docx_SameJsonAsText()
    {
        using var dir = new TempDir();
        var path = dir.File("qd.docx");
        DecisionDocxBuilder.HaiAn().Save(path);

        var fromDocx = await Run("catalogue", path, "--format", "json");
        var fromText = await Run("catalogue", TestData.DecisionTextPath, "--format", "json");

        Assert.Equal(0, fromDocx.Exit);
        Assert.Equal(fromText.Out, fromDocx.Out);
    }

    [Fact]
    public async Task Catalogue_MissingFile_Exit2FileLineOnStderrNothingOnStdout()
    {
        var (exit, output, err) = await Run("catalogue", "/nonexistent/qd.txt");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("/nonexistent/qd.txt:0: file not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_ImpossibleDate_Exit2WithLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("qd.txt", DecisionVariants.WithLine(212, "30/02/2026 "));

        var (exit, output, err) = await Run("catalogue", path);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Matches(@"^.+qd\.txt:\d+: .*30/02/2026", err);
    }

    [Fact]
    public async Task Catalogue_CustomUnitsFile_Used()
    {
        using var dir = new TempDir();
        var units = dir.Write("units.json",
            DanVan365.Core.Defaults.DefaultResources.ReadText("HaiAn/units.json").Replace("\"code\": \"VHXH\"", "\"code\": \"VH\"",
            StringComparison.Ordinal).Replace("\"VHXH\"", "\"VH\"", StringComparison.Ordinal));

        var (exit, output, _) = await Run("catalogue", TestData.DecisionTextPath, "--units", units, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("\"VH\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"VHXH\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_BadUnitsFile_Exit2()
    {
        using var dir = new TempDir();
        var units = dir.Write("units.json", "{\"units\": [");

        var (exit, output, err) = await Run("catalogue", TestData.DecisionTextPath, "--units", units);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("units.json:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_UnknownFormat_Exit2()
    {
        var (exit, output, _) = await Run("catalogue", TestData.DecisionTextPath, "--format", "xml");

        Assert.Equal(2, exit);
        Assert.Empty(output);
    }
}
