using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Escalation;

/// <summary>Escalation asks the one "reported" rule (<see cref="RoundReports"/>): a row with content.</summary>
public class EscalationItemsTests
{
    private static readonly ReportRound[] Rounds = [new ReportRound(1, "trước ngày 15/9/2026", new DateOnly(2026, 9, 14), false)];

    private static CurrentRow Row(string unit, string? result = null, string? completion = null, string? submittedOn = null) =>
        new("1", $"1|1.1|{unit}", null, new Dictionary<string, string?>
        {
            [ReportColumns.Round] = "1",
            [ReportColumns.TaskCode] = "1.1",
            [ReportColumns.UnitCode] = unit,
            [ReportColumns.Result] = result,
            [ReportColumns.Completion] = completion,
            [ReportColumns.SubmittedOn] = submittedOn,
        });

    [Fact]
    public void FromReports_EmptyRowOfTheRound_NotReportedAndStillChased()
    {
        var items = EscalationItems.FromReports([Row("VHXH", result: null, submittedOn: "2026-09-01")], Rounds, ["VHXH"]);

        Assert.False(Assert.Single(items).Completed);
    }

    [Fact]
    public void FromReports_BlankCellsOnly_NotReported()
    {
        var items = EscalationItems.FromReports([Row("VHXH", result: "  ", completion: "")], Rounds, ["VHXH"]);

        Assert.False(Assert.Single(items).Completed);
    }

    [Fact]
    public void FromReports_RowWithContentAndNoSubmissionDate_Reported()
    {
        var items = EscalationItems.FromReports([Row("VHXH", completion: "Hoàn thành đúng hạn")], Rounds, ["VHXH"]);

        Assert.True(Assert.Single(items).Completed);
    }

    [Fact]
    public void FromReports_SameRowsAsDashboardAndReport_SameUnitsReported()
    {
        var rows = new[] { Row("VHXH", result: "Đã làm."), Row("KT"), Row("CAP", result: "Đã làm.", submittedOn: "2026-09-01") };

        var chased = EscalationItems.FromReports(rows, Rounds, ["VHXH", "KT", "CAP"]).Where(i => i.Completed).Select(i => i.UnitCode);
        var compiled = ReportRows.Submissions(rows, 1, "v").Select(s => s.UnitCode);

        Assert.Equal(["CAP", "VHXH"], chased.Order(StringComparer.Ordinal));
        Assert.Equal(["CAP", "VHXH"], compiled);
        Assert.Equal(RoundReports.Reporters(rows, ReturnedSubmissions.None).Select(r => r.UnitCode).Order(StringComparer.Ordinal),
            chased.Order(StringComparer.Ordinal));
    }
}
