using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>The one rule of "a unit has reported for a round": a Báo cáo kết quả row of the round with content.</summary>
public class RoundReportsTests
{
    private static CurrentRow Row(int round, string unit, string? result = null, string? completion = null, string? difficulties = null,
        string? proposals = null, string? submittedOn = null) =>
        new($"{round}{unit}", $"{round}|1.1|{unit}", null, new Dictionary<string, string?>
        {
            [ReportColumns.Round] = round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ReportColumns.TaskCode] = "1.1",
            [ReportColumns.UnitCode] = unit,
            [ReportColumns.Result] = result,
            [ReportColumns.Completion] = completion,
            [ReportColumns.Difficulties] = difficulties,
            [ReportColumns.Proposals] = proposals,
            [ReportColumns.SubmittedOn] = submittedOn,
        });

    [Theory]
    [InlineData("Đã làm.", null, null, null)]
    [InlineData(null, "Hoàn thành đúng hạn", null, null)]
    [InlineData(null, null, "Thiếu kinh phí.", null)]
    [InlineData(null, null, null, "Đề nghị hỗ trợ.")]
    public void HasContent_AnyOfTheFourCells_True(string? result, string? completion, string? difficulties, string? proposals)
    {
        Assert.True(RoundReports.HasContent(result, completion, difficulties, proposals));
        Assert.True(RoundReports.HasContent(Row(1, "VP", result, completion, difficulties, proposals)));
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("", "", "", "")]
    [InlineData(" ", "\n", "\t", " ")]
    public void HasContent_BlankCells_False(string? result, string? completion, string? difficulties, string? proposals)
    {
        Assert.False(RoundReports.HasContent(result, completion, difficulties, proposals));
        Assert.False(RoundReports.HasContent(Row(1, "VP", result, completion, difficulties, proposals)));
    }

    [Fact]
    public void HasContent_TypedRowAndSubmissionRow_SameAnswerAsListRow()
    {
        var empty = Row(1, "VP", submittedOn: "2026-09-01");
        var full = Row(1, "VP", completion: "Hoàn thành đúng hạn");

        Assert.False(RoundReports.HasContent(ReportRow.From(empty)!));
        Assert.True(RoundReports.HasContent(ReportRow.From(full)!));
        Assert.False(new SubmissionRow("1.1", "", null, "", "").HasContent);
        Assert.True(new SubmissionRow("1.1", "", StatusCategory.CompletedOnTime, "", "").HasContent);
    }

    [Fact]
    public void HasReported_RowWithContentWithoutSubmissionDate_True()
    {
        Assert.True(RoundReports.HasReported([Row(1, "VP", result: "Đã làm.")], ReturnedSubmissions.None, 1, "VP"));
    }

    [Fact]
    public void HasReported_EmptyRowWithSubmissionDate_False()
    {
        Assert.False(RoundReports.HasReported([Row(1, "VP", submittedOn: "2026-09-01")], ReturnedSubmissions.None, 1, "VP"));
    }

    [Fact]
    public void HasReported_OtherRoundOrUnit_False()
    {
        var rows = new[] { Row(2, "VP", result: "Đã làm."), Row(1, "VHXH", result: "Đã làm.") };

        Assert.False(RoundReports.HasReported(rows, ReturnedSubmissions.None, 1, "VP"));
        Assert.True(RoundReports.HasReported(rows, ReturnedSubmissions.None, 2, "VP"));
    }

    [Fact]
    public void Reporters_MixedRows_OnlyRoundsAndUnitsWithContent()
    {
        var rows = new[]
        {
            Row(1, "VP", result: "Đã làm."), Row(1, "VHXH"), Row(2, "VHXH", proposals: "Đề nghị."),
            new CurrentRow("x", "không phải khóa", null, new Dictionary<string, string?> { [ReportColumns.Result] = "Không khóa" }),
        };

        Assert.Equal([(1, "VP"), (2, "VHXH")], RoundReports.Reporters(rows, ReturnedSubmissions.None).Order());
    }

    private static SubmissionReturn Return(int round, string unit, DateOnly? resubmittedOn = null) =>
        new($"{round}|{unit}|1", round, unit, "Bổ sung số liệu.", "Đỗ Văn Nam", null, new DateTimeOffset(2026, 9, 7, 9, 0, 0,
            TimeSpan.FromHours(7)), "Nhiệm vụ 1.1: …", resubmittedOn);

    [Fact]
    public void HasReported_SubmissionReturnedForAdditions_FalseUntilTheReturnIsClosed()
    {
        var rows = new[] { Row(1, "VP", result: "Đã làm."), Row(1, "VHXH", result: "Đã làm.") };

        Assert.False(RoundReports.HasReported(rows, new ReturnedSubmissions([Return(1, "VP")]), 1, "VP"));
        Assert.True(RoundReports.HasReported(rows, new ReturnedSubmissions([Return(1, "VP")]), 1, "VHXH"));
        Assert.True(RoundReports.HasReported(rows, new ReturnedSubmissions([Return(1, "VP", new DateOnly(2026, 9, 8))]), 1, "VP"));
        Assert.Equal([(1, "VHXH")], RoundReports.Reporters(rows, new ReturnedSubmissions([Return(1, "VP")])));
    }
}
