using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Scoring;

/// <summary>The facts read from the bundled ward's rows (QĐ 673), and the sheet the calculator makes of them.</summary>
public class ScoreFactsTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 20);

    private static readonly IReadOnlyList<ReportRound> Rounds = ReportRound.FromDecision(Bundled.Catalogue.Decision);

    private static CurrentRow Assignment(string code, string unit, string? completedOn) => new(code + unit,
        AssignmentKey.Format(code, unit), null, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssignmentColumns.TaskCode] = code,
            [AssignmentColumns.UnitCode] = unit,
            [AssignmentColumns.LastDay] = Bundled.Catalogue.Tasks.Single(t => t.Code == code).TimeFrame?.LastDay?.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture),
            [AssignmentColumns.CompletedOn] = completedOn,
        });

    private static CurrentRow Report(int round, string code, string unit, string submittedOn) => new($"{round}{code}{unit}",
        $"{round}|{code}|{unit}", null, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ReportColumns.Round] = round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ReportColumns.TaskCode] = code,
            [ReportColumns.UnitCode] = unit,
            [ReportColumns.Result] = "Đã thực hiện.",
            [ReportColumns.SubmittedOn] = submittedOn,
        });

    private static ScoreFacts Facts(IReadOnlyList<CurrentRow> assignments, IReadOnlyList<CurrentRow>? reports = null,
        IReadOnlyDictionary<string, EffectiveDeadline>? deadlines = null) =>
        ScoreFacts.From(Bundled.Catalogue, Bundled.Units, assignments, reports ?? [], Rounds, ReturnedSubmissions.None, deadlines, AsOf);

    private static UnitScore Score(ScoreFacts facts, string unit) =>
        ScoreCalculator.Compute(ScoringModelJson.LoadDefault(), facts, Bundled.Units, AsOf).Units.Single(u => u.UnitCode == unit);

    [Fact]
    public void From_ApprovedExtension_MovesTheDeadlineSoALateDayIsOnTime()
    {
        // 1.2 "Hoàn thành trước 15/2/2026" (last day 14/02/2026), VP's row completed 10/03/2026.
        var rows = new[] { Assignment("1.2", "VP", "2026-03-10") };
        var extended = new Dictionary<string, EffectiveDeadline>(StringComparer.Ordinal)
        {
            ["1.2|VP"] = new("1.2", "VP", new DateOnly(2026, 2, 14), new DateOnly(2026, 4, 30), null),
        };

        var plain = Facts(rows).Tasks.Single(t => t.TaskCode == "1.2" && t.UnitCode == "VP");
        var moved = Facts(rows, deadlines: extended).Tasks.Single(t => t.TaskCode == "1.2" && t.UnitCode == "VP");

        Assert.Equal((new DateOnly(2026, 2, 14), (DateOnly?)null), (plain.LastDay!.Value, plain.ExtendedFrom));
        Assert.Equal((new DateOnly(2026, 4, 30), new DateOnly(2026, 2, 14)), (moved.LastDay!.Value, moved.ExtendedFrom!.Value));
        var late = Score(Facts(rows), "VP").Lines.Single(l => l.TaskCode == "1.2");
        var onTime = Score(Facts(rows, deadlines: extended), "VP").Lines.Single(l => l.TaskCode == "1.2");
        Assert.Equal((ScoreOutcome.Late, ScoreOutcome.OnTime), (late.Outcome, onTime.Outcome));
        Assert.Contains("hạn 14/02/2026, được gia hạn đến 30/04/2026", onTime.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void From_CoordinatingUnit_DatesFromTheLeadsRow()
    {
        // 2.4 (Quý I/2026) led by VHXH, coordinated by VP: VHXH completed it on 10/04/2026, ten days late.
        var facts = Facts([Assignment("2.4", "VHXH", "2026-04-10")]);

        var vp = facts.Tasks.Single(t => t.TaskCode == "2.4" && t.UnitCode == "VP");
        Assert.Equal((TaskRole.Coordinating, "VHXH", new DateOnly(2026, 4, 10)), (vp.Role, vp.DatesFrom, vp.CompletedOn!.Value));
        var line = Score(facts, "VP").Lines.Single(l => l.TaskCode == "2.4");
        Assert.Equal(ScoreOutcome.Late, line.Outcome);
        Assert.Contains("theo tiến độ của Phòng Văn hóa - Xã hội", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void From_RecurringTask_ScoredAsOngoingPerClosedRound()
    {
        // 2.3 "Năm 2026 và các năm tiếp theo" led by VHXH: reported in round 1, not in round 2; completion is not what counts.
        var facts = Facts([Assignment("2.3", "VHXH", "2026-06-01")], [Report(1, "2.3", "VHXH", "2026-09-10")]);

        var task = facts.Tasks.Single(t => t.TaskCode == "2.3" && t.UnitCode == "VHXH");
        Assert.True(task.IsOngoing);
        Assert.Equal([new RoundTaskFact(1, true), new RoundTaskFact(2, false)], task.Rounds);
        Assert.Equal(ScoreOutcome.OngoingUnreported, Score(facts, "VHXH").Lines.Single(l => l.TaskCode == "2.3").Outcome);
    }

    [Fact]
    public void From_RoundReports_LateMissingAndRequestedNotRequired()
    {
        var facts = Facts([], [Report(1, "4.3", "VP", "2026-09-20")]);

        var vp = facts.Rounds.Where(r => r.UnitCode == "VP").ToList();
        Assert.Equal([(1, SubmissionState.Late, true), (2, SubmissionState.Missing, true)], vp.Select(r => (r.Round, r.State, r.Required)));
        Assert.Equal(new DateOnly(2026, 9, 20), vp[0].SubmittedOn);
        var front = facts.Rounds.Where(r => r.UnitCode == "MTTQ").ToList();
        Assert.All(front, r => Assert.Equal((false, SubmissionState.NotRequired), (r.Required, r.State)));
        var score = Score(facts, "VP");
        Assert.Equal([-2d, -5d], score.Lines.Where(l => l.Kind == ScoreLineKind.RoundReport).Select(l => l.Points));
    }

    [Fact]
    public void Compute_BundledWard_EveryAssignedUnitGradedLinesNameTasksAndAddUp()
    {
        var rows = Bundled.Catalogue.WorkItems.SelectMany(t => Core.Catalogue.TaskOwners.Of(t, Bundled.Units)
            .Select(o => Assignment(t.Code, o.UnitCode, t.TimeFrame?.LastDay is { } d && d < AsOf ? "2026-02-01" : null))).ToList();

        var sheet = ScoreCalculator.Compute(ScoringModelJson.LoadDefault(), Facts(rows), Bundled.Units, AsOf);

        var assigned = Bundled.Units.Units.Where(u => u.IsAssigned).Select(u => u.Code).ToList();
        Assert.Equal(assigned, sheet.Units.Where(u => u.Graded).Select(u => u.UnitCode));
        Assert.All(sheet.Units.Where(u => u.Graded), u =>
        {
            Assert.Equal(u.Points!.Value, Math.Round(u.Lines.Sum(l => l.Points), 2));
            Assert.InRange(u.Points.Value, 0, 100);
            Assert.All(u.Lines.Where(l => l.Kind == ScoreLineKind.Task), l => Assert.Contains(Bundled.Catalogue.WorkItems,
                t => t.Code == l.TaskCode));
            Assert.All(u.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Explanation)));
        });
        Assert.All(sheet.Units.Where(u => !Bundled.Units.IsAssigned(u.UnitCode)), u => Assert.False(u.Graded));
        var front = sheet.Units.Single(u => u.UnitCode == "MTTQ");
        Assert.Contains(front.Lines, l => l.TaskCode == "2.4" && l.Role == TaskRole.Coordinating);
    }
}
