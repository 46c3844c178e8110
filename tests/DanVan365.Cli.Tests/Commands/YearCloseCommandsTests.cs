using System.Text.Json;
using DanVan365.Core.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Reporting;
using Microsoft.Extensions.Time.Testing;
using static DanVan365.TestUtilities.HaiAnPeople;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>
/// Issue 24's closing of the year, end to end through the CLI on the local Microsoft 365: the bundled ward carried to
/// 20/12/2026 — computed scores traceable to tasks, a proposal, its appraisal and the approval by three different people
/// (the appraiser's own approval refused), the year-end report with every task and the approved scoring appendix, and
/// next year's draft that re-imports with every recurring task.
/// </summary>
public class YearCloseCommandsTests
{
    private const string AsOf = "2026-12-20";
    private const string VhxhAssignee = "vhxh.chuyenvien1@haian.example.vn";

    private static Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(args, stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero))));

    private static Task<ConsoleRun> Local(TempDir data, params string[] args) =>
        Run([.. args, "--data", data.Path, "--as-of", AsOf]);

    private static Task<TempDir> SyncedAsync() => PreparedData.CopyAsync("synced as of " + AsOf, async data =>
    {
        var sync = await Local(data, "sync", TestData.DecisionTextPath);
        Assert.True(sync.Exit == 0, sync.Err);
    });

    private static string ProposerOf(string unit) => unit == "VHXH" ? VhxhAssignee : Bundled.Units.Find(unit)!.Head!;

    [Fact]
    public async Task YearClose_BundledWardAt20December_ScoresApprovedReportAndDraftCloseTheYear()
    {
        using var data = await SyncedAsync();

        // Computed scores: every assigned unit graded, every point traceable to a task or a round report.
        var board = await Local(data, "score", "--format", "json");
        Assert.True(board.Exit == 0, board.Err);
        var units = JsonDocument.Parse(board.Out).RootElement.GetProperty("units").EnumerateArray().ToList();
        var graded = units.Where(u => u.GetProperty("graded").GetBoolean()).Select(u => u.GetProperty("unit").GetString()!).ToList();
        Assert.Equal(Bundled.Units.Units.Where(u => u.IsAssigned).Select(u => u.Code).Order(), graded.Order());
        var workItems = Bundled.Catalogue.WorkItems.Select(t => t.Code).ToHashSet();
        foreach (var unit in units.Where(u => u.GetProperty("graded").GetBoolean()))
        {
            var lines = unit.GetProperty("lines").EnumerateArray().ToList();
            Assert.Equal(unit.GetProperty("computed").GetDouble(), Math.Round(lines.Sum(l => l.GetProperty("points").GetDouble()), 2));
            Assert.Contains(lines, l => l.GetProperty("kind").GetString() == "Task"
                && workItems.Contains(l.GetProperty("taskCode").GetString()!));
            Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("explanation").GetString())));
        }

        // Proposal (the unit), appraisal (Phòng Văn hóa - Xã hội), approval (the signer): three different people.
        foreach (var unit in graded)
        {
            var propose = await Local(data, "score", "propose", "--unit", unit, "--points", "95", "--note",
                "Đơn vị hoàn thành các nhiệm vụ được giao", "--as", ProposerOf(unit));
            Assert.True(propose.Exit == 0, propose.Err);
            var appraise = unit == "VP"
                ? await Local(data, "score", "appraise", "--unit", unit, "--points", "88", "--reason",
                    "Nhiệm vụ 1.2 hoàn thành quá hạn", "--as", VhxhHead)
                : await Local(data, "score", "appraise", "--unit", unit, "--points", "95", "--as", VhxhHead);
            Assert.True(appraise.Exit == 0, appraise.Err);
        }

        var settings = Path.Combine(data.Path, "deputy.json");
        await File.WriteAllTextAsync(settings, $$"""{ "Proposals": { "DeputyEmails": ["{{VhxhHead}}"] } }""");
        var byAppraiser = await Local(data, "score", "approve", "--as", VhxhHead, "--settings", settings);
        Assert.Equal(1, byAppraiser.Exit);
        Assert.StartsWith("appraiser-approves: ", byAppraiser.Err, StringComparison.Ordinal);
        var bySigner = await Local(data, "score", "approve", "--as", Signer, "--settings", settings);
        Assert.True(bySigner.Exit == 0, bySigner.Err);

        var approved = JsonDocument.Parse((await Local(data, "score", "--format", "json")).Out).RootElement.GetProperty("units")
            .EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "VP");
        Assert.Equal(("Approved", VpHeadOrAssignee(), VhxhHead, Signer, 88d), (approved.GetProperty("state").GetString(),
            approved.GetProperty("proposed").GetProperty("by").GetString(), approved.GetProperty("appraised").GetProperty("by").GetString(),
            approved.GetProperty("approved").GetProperty("by").GetString(), approved.GetProperty("finalPoints").GetDouble()));

        // The year-end report (round 3, "Tổng kết năm 2026"): every task with its final state, the approved scoring appendix.
        var list = await Local(data, "round", "list");
        Assert.Contains("Tổng kết năm 2026", list.Out, StringComparison.Ordinal);
        var reportFile = Path.Combine(data.Path, "tong-ket-2026.docx");
        var compile = await Local(data, "compile", "--round", "3", "--out", reportFile);
        Assert.True(compile.Exit == 0, compile.Err);
        var text = ReportFiller.AllText(await File.ReadAllBytesAsync(reportFile));
        Assert.All(workItems, code => Assert.Contains(code + ". ", text, StringComparison.Ordinal));
        Assert.Contains("Đang thực hiện quá hạn", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả chấm điểm, xếp loại đã được phê duyệt.", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành tốt nhiệm vụ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(chưa phê duyệt)", text, StringComparison.Ordinal);

        // Next year's draft: re-imports without errors and holds every recurring task.
        var draft = Path.Combine(data.Path, "du-thao-2027.docx");
        var nextYear = await Local(data, "next-year", "--out", draft);
        Assert.True(nextYear.Exit == 0, nextYear.Err);
        var reimport = await Run("catalogue", draft, "--format", "json");
        Assert.True(reimport.Exit == 0, reimport.Err);
        var drafted = JsonDocument.Parse(reimport.Out).RootElement.GetProperty("tasks").EnumerateArray()
            .Select(t => t.GetProperty("code").GetString()).ToHashSet();
        var recurring = Bundled.Catalogue.WorkItems
            .Where(t => t.TimeFrame?.Kind == TimeFrameKind.Ongoing || TimeFrames.Recurs(t.TimeFrame?.Kind)).Select(t => t.Code).ToList();
        Assert.NotEmpty(recurring);
        Assert.All(recurring, code => Assert.Contains(code, drafted));
    }

    private static string VpHeadOrAssignee() => ProposerOf("VP");
}
