using DanVan365.Documents.Reporting;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Reporting;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

public class ReportCommandsTests
{
    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 1, 0, 0, TimeSpan.Zero))));

    private static string[] Args(TempDir dir, params string[] args) => [.. args, "--data", dir.File("state"), "--decision",
        TestData.DecisionTextPath];

    [Fact]
    public async Task ReportCommands_TemplatesSubmitIngestCompile_EndToEnd()
    {
        using var dir = new TempDir();
        var sync = await Run("sync", TestData.DecisionTextPath, "--data", dir.File("state"));
        Assert.True(sync.Exit == 0, sync.Err);

        var templates = await Run(Args(dir, "templates", "--round", "1", "--out", dir.File("mau")));
        Assert.True(templates.Exit == 0, templates.Err);
        Assert.Contains("2026/Đợt 1/Mẫu/Mau-bao-cao-Dot-1-VHXH.docx", templates.Out, StringComparison.Ordinal);
        Assert.Contains("templates: Đợt 1 files=11", templates.Out, StringComparison.Ordinal);
        var template = await File.ReadAllBytesAsync(dir.File("mau/Mau-bao-cao-Dot-1-VHXH.docx"));

        var good = dir.WriteBytes("vhxh.docx", ReportFiller.Fill(template, new Dictionary<string, FilledRow>
        {
            ["3.5.a"] = new("Tổ chức 4 hội nghị tuyên truyền.", "Hoàn thành đúng hạn", "Thiếu hội trường.", "Đề nghị hỗ trợ hội trường."),
        }));
        var submitted = await Run(Args(dir, "submit", good));
        Assert.True(submitted.Exit == 0, submitted.Out + submitted.Err);
        Assert.Contains("đã nhận\t2026/Đợt 1/Nộp/Bao-cao-Dot-1-VHXH.docx\tVHXH\tghi 1 dòng", submitted.Out, StringComparison.Ordinal);

        var vpTemplate = await File.ReadAllBytesAsync(dir.File("mau/Mau-bao-cao-Dot-1-VP.docx"));
        var bad = dir.WriteBytes("vp.docx", ReportFiller.Fill(vpTemplate,
            new Dictionary<string, FilledRow> { ["1.1"] = new("Đã làm.", "Gần xong") }));
        var rejected = await Run(Args(dir, "submit", bad));
        Assert.Equal(1, rejected.Exit);
        Assert.Contains("từ chối\t2026/Đợt 1/Nộp/Bao-cao-Dot-1-VP.docx", rejected.Out, StringComparison.Ordinal);
        Assert.Contains("Gần xong", rejected.Out, StringComparison.Ordinal);

        var ingest = await Run(Args(dir, "ingest"));
        Assert.Equal(1, ingest.Exit);
        Assert.Contains("ingest: accepted=0 rejected=0 failed=0 unchanged=2", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("từ chối (chưa nộp lại)\t2026/Đợt 1/Nộp/Bao-cao-Dot-1-VP.docx", ingest.Out, StringComparison.Ordinal);

        var compiled = await Run(Args(dir, "compile", "--round", "1", "--out", dir.File("bc/Bao-cao-Dot-1.docx"), "--as-of", "2026-09-10"));
        Assert.True(compiled.Exit == 0, compiled.Err);
        Assert.Contains("2026/Đợt 1/Tổng hợp/Bao-cao-Dot-1.docx", compiled.Out, StringComparison.Ordinal);
        Assert.Contains("1/6 đơn vị đã báo cáo", compiled.Out, StringComparison.Ordinal);
        var text = ReportFiller.AllText(await File.ReadAllBytesAsync(dir.File("bc/Bao-cao-Dot-1.docx")));
        Assert.Contains("Tổ chức 4 hội nghị tuyên truyền.", text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị hỗ trợ hội trường (Phòng Văn hóa - Xã hội: nhiệm vụ 3.5.a).", text, StringComparison.Ordinal);
        Assert.Contains("ngày 10 tháng 9 năm 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_AddThenList_AdHocRoundNumberedAfterDecisionAndYearEnd()
    {
        using var dir = new TempDir();
        var added = await Run(Args(dir, "round", "add", "--title", "Báo cáo đột xuất quý III", "--last-day", "2026-10-05",
            "--units", "KTHTDT", "--tasks", "2.2", "--as", "vhxh.truong@haian.example.vn", "--as-of", "2026-09-01"));
        Assert.True(added.Exit == 0, added.Err);
        Assert.Contains("đã thêm Đợt 4: Báo cáo đột xuất quý III, hạn báo cáo 05/10/2026; 1 đơn vị, 1 nhiệm vụ", added.Out,
            StringComparison.Ordinal);
        Assert.Contains("mẫu\t2026/Đợt 4/Mẫu/Mau-bao-cao-Dot-4-KTHTDT.docx", added.Out, StringComparison.Ordinal);

        var listed = await Run(Args(dir, "round", "list"));

        Assert.Equal(0, listed.Exit);
        var lines = listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1\t14/09/2026\t", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2\t19/11/2026\t", lines[1], StringComparison.Ordinal);
        Assert.Equal("3\t15/12/2026\tTổng kết năm 2026\ttổng kết", lines[2]);
        Assert.Equal("4\t05/10/2026\tBáo cáo đột xuất quý III\tđột xuất\tKTHTDT\t2.2", lines[3]);
    }

    [Fact]
    public async Task RoundAdd_PersonOutsideTheAggregatingUnit_ExitsOneAndAddsNothing()
    {
        using var dir = new TempDir();

        var refused = await Run(Args(dir, "round", "add", "--title", "Báo cáo đột xuất", "--last-day", "2026-10-05",
            "--units", "KTHTDT", "--tasks", "2.2", "--as", "tran.thi.lan@haian.example.vn", "--as-of", "2026-09-01"));
        var listed = await Run(Args(dir, "round", "list"));

        Assert.Equal(1, refused.Exit);
        Assert.Contains("Phòng Văn hóa - Xã hội", refused.Err, StringComparison.Ordinal);
        Assert.Equal(3, listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task RoundAdd_UnitWithoutAChosenTask_ExitsTwoNamingTheOption()
    {
        using var dir = new TempDir();

        var refused = await Run(Args(dir, "round", "add", "--title", "Báo cáo đột xuất", "--last-day", "2026-10-05",
            "--units", "KTHTDT,VP", "--tasks", "2.2", "--as", "vhxh.truong@haian.example.vn", "--as-of", "2026-09-01"));

        Assert.Equal(2, refused.Exit);
        Assert.Contains("--units: ", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_UnknownRound_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = await Run(Args(dir, "templates", "--round", "9"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("không có đợt báo cáo 9", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundAdd_BadDate_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = await Run(Args(dir, "round", "add", "--title", "X", "--last-day", "mai"));

        Assert.Equal(2, result.Exit);
    }
}
