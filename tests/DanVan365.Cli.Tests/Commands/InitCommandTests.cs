using DanVan365.Documents.Catalogue;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Units;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>`danvan365 init`: a new ward's directory and settings from its decision, then doctor and demo on it.</summary>
public class InitCommandTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero))));

    private static Task<ConsoleRun> Init(string outDir, string? decision = null) =>
        Run("init", "--decision", decision ?? TestData.DecisionTextPath, "--ward", "Phường Lê Chân", "--out", outDir);

    [Fact]
    public async Task Init_BundledDecision_WritesADirectoryThatResolvesEveryPhraseAndSettingsForIt()
    {
        using var dir = new TempDir();
        var ward = dir.File("le-chan");

        var (exit, output, err) = await Init(ward);

        Assert.True(exit == 0, err);
        var units = UnitDirectoryFiles.Load(Path.Combine(ward, "units.json"));
        var catalogue = DecisionImporters.Import(TestData.DecisionTextPath, units);
        Assert.Equal(Bundled.Catalogue.Tasks.Count, catalogue.Tasks.Count);
        Assert.All(catalogue.WorkItems, t => Assert.NotEmpty(t.Lead.Units));
        var settings = await File.ReadAllTextAsync(Path.Combine(ward, "settings.json"));
        Assert.Contains("\"Id\": \"le-chan\"", settings, StringComparison.Ordinal);
        Assert.Contains("\"Name\": \"Phường Lê Chân\"", settings, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ward, "holidays-2026.json")));
        Assert.Contains("Đơn vị: 11; nhóm: 2;", output, StringComparison.Ordinal);
        Assert.Contains("Việc còn phải làm:", output, StringComparison.Ordinal);
        Assert.Contains("objectId (Entra) của 21 người", output, StringComparison.Ordinal);
        Assert.Contains("Người ký: Bùi Quang Ngân (Phó Chủ tịch Ủy ban nhân dân phường)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_ThenDoctor_PlaceholdersFlaggedPerUnitExitOne()
    {
        using var dir = new TempDir();
        var ward = dir.File("le-chan");
        Assert.Equal(0, (await Init(ward)).Exit);

        var (exit, output, _) = await Run("doctor", "--settings", Path.Combine(ward, "settings.json"), "--data", dir.File("data"));

        Assert.Equal(1, exit);
        Assert.Matches(@"\[THIẾU\] +Người trong danh bạ — VHXH \(Phòng Văn hóa-Xã hội\): 2 người còn để trống", output);
        Assert.Contains("Quyết định qd-673-2026-hai-an.txt: mọi cụm từ đơn vị chủ trì, phối hợp đều có trong danh bạ", output,
            StringComparison.Ordinal);
        Assert.Contains("Tệp ngày nghỉ lễ năm 2026: có", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_PlaceholdersFilledIn_DemoOnTheNewWardExitsZeroAndCreatesTheTasks()
    {
        using var dir = new TempDir();
        var ward = dir.File("le-chan");
        Assert.Equal(0, (await Init(ward)).Exit);
        Assert.Equal(21, PlaceholderFiller.Fill(Path.Combine(ward, "units.json")));
        var settings = Path.Combine(ward, "settings.json");

        var doctor = await Run("doctor", "--settings", settings, "--data", dir.File("doctor"));
        var (exit, output, err) = await Run("demo", "--settings", settings, "--data", dir.File("data"));

        Assert.DoesNotContain("Người trong danh bạ — ", doctor.Out, StringComparison.Ordinal);
        Assert.True(exit == 0, err + output);
        Assert.Contains("Phường Lê Chân", await File.ReadAllTextAsync(settings), StringComparison.Ordinal);
        Assert.Contains("[3/8] Tạo công việc Planner cho từng đơn vị chủ trì… xong (tạo 56, không đổi 0)", output,
            StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ: 30; phân công: 56; công việc Planner: 56", output, StringComparison.Ordinal);
        Assert.Contains("(3 báo cáo được chấp nhận)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_RuledPdfAndDocx_SameUnitsKindsAndGroupsAsTheText()
    {
        using var dir = new TempDir();
        var pdf = dir.WriteBytes("qd-673.pdf", DecisionForms.RuledPdf);
        var docx = dir.WriteBytes("qd-673.docx", DecisionForms.Docx(FootnoteMarkStyle.Reference));
        Assert.Equal(0, (await Init(dir.File("text"))).Exit);

        var fromPdf = await Init(dir.File("pdf"), pdf);
        var fromDocx = await Init(dir.File("docx"), docx);

        Assert.True(fromPdf.Exit == 0, fromPdf.Err);
        Assert.True(fromDocx.Exit == 0, fromDocx.Err);
        static string Shape(string folder)
        {
            var units = UnitDirectoryFiles.Load(Path.Combine(folder, "units.json"));
            return string.Join("; ", units.Units.Select(u => $"{u.Code}:{u.Kind}")) + " | " +
                string.Join("; ", units.Groups.Select(g => string.Join(",", g.Units)));
        }

        Assert.Equal(Shape(dir.File("text")), Shape(dir.File("pdf")));
        Assert.Equal(Shape(dir.File("text")), Shape(dir.File("docx")));
    }

    [Fact]
    public async Task Init_FilesAlreadyThere_RefusedExitTwoNothingChanged()
    {
        using var dir = new TempDir();
        var ward = dir.File("le-chan");
        Directory.CreateDirectory(ward);
        var existing = Path.Combine(ward, "units.json");
        await File.WriteAllTextAsync(existing, "{ \"mine\": true }");

        var (exit, _, err) = await Init(ward);

        Assert.Equal(2, exit);
        Assert.Contains("units.json", err, StringComparison.Ordinal);
        Assert.Contains("không ghi đè", err, StringComparison.Ordinal);
        Assert.Equal("{ \"mine\": true }", await File.ReadAllTextAsync(existing));
        Assert.Equal([existing], Directory.GetFileSystemEntries(ward));
        Assert.Equal([ward], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Init_BadDecision_ExitTwoWithFileLineAndNothingWritten()
    {
        using var dir = new TempDir();
        var lines = (await File.ReadAllLinesAsync(TestData.DecisionTextPath)).ToList();
        var cut = lines.FindIndex(l => l.StartsWith(" II. TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal));
        var decision = dir.Write("qd-cut.txt", string.Join('\n', lines.Take(cut)));
        var ward = dir.File("le-chan");

        var (exit, output, err) = await Init(ward, decision);

        Assert.Equal(2, exit);
        Assert.Matches(@"qd-cut\.txt:\d+: ", err);
        Assert.Empty(output);
        Assert.False(Directory.Exists(ward));
        Assert.Equal([decision], Directory.GetFileSystemEntries(dir.Path));
    }
}
