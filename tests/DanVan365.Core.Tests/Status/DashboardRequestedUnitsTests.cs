using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Status;

/// <summary>
/// The bundled Hải An ward: the units the committee only requests are shown apart ("Các cơ quan, tổ chức phối hợp"), their
/// reports optional, never counted as missing, overdue or in the totals.
/// </summary>
public class DashboardRequestedUnitsTests
{
    private static readonly ReportRound Round1 = ReportRound.FromDecision(Bundled.Catalogue.Decision).Single(r => r.Number == 1);

    private static CurrentRow Assignment(string code, string unit, string lastDay) => new(code, AssignmentKey.Format(code, unit), null,
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssignmentColumns.TaskCode] = code,
            [AssignmentColumns.UnitCode] = unit,
            [AssignmentColumns.LastDay] = lastDay,
        });

    private static CurrentRow Report(string unit, string submittedOn) => new(unit, $"1|1.1|{unit}", null,
        new Dictionary<string, string?>
        {
            [ReportColumns.Round] = "1",
            [ReportColumns.TaskCode] = "1.1",
            [ReportColumns.UnitCode] = unit,
            [ReportColumns.Result] = "Đã phối hợp tổ chức.",
            [ReportColumns.SubmittedOn] = submittedOn,
        });

    private static Dashboard Build(IReadOnlyList<CurrentRow> assignments, IReadOnlyList<CurrentRow> reports, DateOnly today,
        DashboardFilter? filter = null) =>
        Dashboard.Build(assignments, reports, Bundled.Catalogue, Bundled.Units, [Round1], today, filter ?? new DashboardFilter(),
            EscalationLinks.None);

    [Fact]
    public void Build_NothingReportedAfterRound1_RequiredMissingRequestedApartNotRequired()
    {
        var round = Build([], [], new DateOnly(2026, 9, 22)).Rounds.Single();

        Assert.Equal(ReportPlanner.RequiredUnits(Bundled.Catalogue, Bundled.Units).Order(), round.Units.Select(u => u.Unit).Order());
        Assert.All(round.Units, u => Assert.Equal(SubmissionState.Missing, u.State));
        Assert.Equal(ReportPlanner.OptionalUnits(Bundled.Catalogue, Bundled.Units).Order(), round.Requested.Select(u => u.Unit).Order());
        Assert.Contains(round.Requested, u => u.Unit == "MTTQ");
        Assert.All(round.Requested, u => Assert.Equal(SubmissionState.NotRequired, u.State));
        Assert.DoesNotContain(round.Units, u => !Bundled.Units.IsAssigned(u.Unit));
    }

    [Fact]
    public void Build_RequestedUnitReportedLate_ShownApartWithItsDate()
    {
        var round = Build([], [Report("MTTQ", "2026-09-16")], new DateOnly(2026, 9, 22)).Rounds.Single();

        var front = Assert.Single(round.Requested, u => u.Unit == "MTTQ");
        Assert.Equal((SubmissionState.Late, new DateOnly(2026, 9, 16)), (front.State, front.SubmittedOn));
    }

    [Fact]
    public void Build_RequestedUnitPastItsLastDay_NotOverdueNotInTotalsCountedApart()
    {
        var rows = new[] { Assignment("2.3", "MTTQ", "2026-06-30"), Assignment("2.3", "VHXH", "2026-06-30") };

        var dashboard = Build(rows, [], new DateOnly(2026, 9, 22));

        Assert.Equal("VHXH", Assert.Single(dashboard.Overdue).Unit);
        Assert.Equal(1, dashboard.Report.Totals.Total);
        Assert.DoesNotContain(dashboard.Report.Units, u => u.Key == "MTTQ");
        var front = Assert.Single(dashboard.RequestedUnits);
        Assert.Equal(("MTTQ", 1), (front.Key, front.Count(StatusCategory.InProgressOverdue)));
    }

    [Fact]
    public void SubmissionStatesOfOptional_NotReported_NotRequiredReportedAsForAnyUnit()
    {
        var after = Round1.LastDay.AddDays(1);

        Assert.Equal(SubmissionState.NotRequired, SubmissionStates.OfOptional(false, null, Round1, after));
        Assert.Equal(SubmissionState.OnTime, SubmissionStates.OfOptional(true, Round1.LastDay, Round1, after));
    }
}
