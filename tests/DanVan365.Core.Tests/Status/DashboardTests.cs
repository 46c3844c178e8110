using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Status;

/// <summary>The submission matrix follows the one "reported" rule (<see cref="RoundReports"/>); the date says on time or late.</summary>
public class DashboardTests
{
    private static readonly ReportRound Round = new(1, "trước ngày 15/9/2026", new DateOnly(2026, 9, 14), false);

    [Fact]
    public void SubmissionStatesOf_NotReported_MissingWhateverTheDate()
    {
        Assert.Equal(SubmissionState.Missing, SubmissionStates.Of(false, new DateOnly(2026, 9, 1), Round, new DateOnly(2026, 9, 2)));
    }

    [Theory]
    [InlineData(2026, 9, 14, SubmissionState.OnTime)]
    [InlineData(2026, 9, 15, SubmissionState.Late)]
    public void SubmissionStatesOf_ReportedWithDate_OnTimeThroughTheLastDay(int year, int month, int day, SubmissionState expected)
    {
        Assert.Equal(expected, SubmissionStates.Of(true, new DateOnly(year, month, day), Round, new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void SubmissionStatesOf_ReportedWithoutDate_OnTimeWhileOpenLateOnceClosedNeverMissing()
    {
        Assert.Equal(SubmissionState.OnTime, SubmissionStates.Of(true, null, Round, new DateOnly(2026, 9, 14)));
        Assert.Equal(SubmissionState.Late, SubmissionStates.Of(true, null, Round, new DateOnly(2026, 9, 15)));
    }

    [Fact]
    public void Build_EmptyRowWithDateAndUndatedRowWithContent_MatrixAgreesWithEscalation()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var units = ReportCatalogueBuilder.SampleUnits();
        var round = ReportRound.FromDecision(catalogue.Decision)[0];
        var expected = ReportPlanner.ExpectedUnits(catalogue);
        var (emptied, undated) = (expected[0], expected[1]);
        CurrentRow Row(string unit, string? result, string? submittedOn) => new(unit, $"{round.Number}|1.1|{unit}", null,
            new Dictionary<string, string?>
            {
                [ReportColumns.Round] = "1",
                [ReportColumns.TaskCode] = "1.1",
                [ReportColumns.UnitCode] = unit,
                [ReportColumns.Result] = result,
                [ReportColumns.SubmittedOn] = submittedOn,
            });
        var rows = new[] { Row(emptied, null, "2026-09-01"), Row(undated, "Đã làm.", null) };
        var today = round.LastDay.AddDays(1);

        var matrix = Dashboard.Build([], rows, catalogue, units, [round], today, new DashboardFilter(), EscalationLinks.None)
            .Rounds.Single().Units.ToDictionary(u => u.Unit, u => u.State);
        var chased = EscalationItems.FromReports(rows, [round], expected).ToDictionary(i => i.UnitCode, i => i.Completed);

        Assert.Equal(SubmissionState.Missing, matrix[emptied]);
        Assert.Equal(SubmissionState.Late, matrix[undated]);
        Assert.False(chased[emptied]);
        Assert.True(chased[undated]);
    }
}
