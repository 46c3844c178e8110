using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Scoring;

/// <summary>
/// The calculator over hand-made facts with the bundled model (on time 10, late 7, not done 0, in progress 10, ongoing 10/5;
/// lead 1.0, coordinating 0.3; bonus 0,02 a day up to 1; deduction 0,1 a day up to 3; report late 2, missing 5; grades
/// 90/70/50) and the bundled directory.
/// </summary>
public class ScoreCalculatorTests
{
    private static readonly ScoringModel Model = ScoringModelJson.LoadDefault();

    private static readonly DateOnly AsOf = new(2026, 12, 20);

    private static readonly DateOnly Due = new(2026, 11, 30);

    private static TaskFact Task(string code, string unit, DateOnly? completedOn, TaskRole role = TaskRole.Lead,
        TimeFrameKind kind = TimeFrameKind.Month, DateOnly? lastDay = null, string section = "4") =>
        new(code, section, unit, role, kind, lastDay ?? Due, completedOn);

    private static UnitScore Score(string unit, IReadOnlyList<TaskFact> tasks, IReadOnlyList<RoundFact>? rounds = null,
        ScoringModel? model = null) =>
        ScoreCalculator.Compute(model ?? Model, new ScoreFacts(2026, tasks) { Rounds = rounds ?? [] }, Bundled.Units, AsOf).Units
            .Single(u => u.UnitCode == unit);

    private static void AssertLinesAddUp(UnitScore score) =>
        Assert.Equal(score.Points!.Value, Math.Round(score.Lines.Sum(l => l.Points), 2));

    [Fact]
    public void Compute_OnTimeAndLate_NormalisedByTheWeightsLinesAddUp()
    {
        var score = Score("VP", [Task("4.3", "VP", Due), Task("4.4", "VP", Due.AddDays(5))]);

        Assert.True(score.Graded);
        Assert.Equal([ScoreOutcome.OnTime, ScoreOutcome.Late], score.Lines.Select(l => l.Outcome));
        // 10 of 10 and 7 − 5 × 0,1 = 6,5 of 10, each half the unit's weight: 50 + 32,5.
        Assert.Equal([50, 32.5], score.Lines.Select(l => l.Points));
        Assert.Equal(82.5, score.Points);
        Assert.Equal(ScoreGrade.Good, score.Grade);
        AssertLinesAddUp(score);
    }

    [Fact]
    public void Compute_EveryTaskOnTime_OneHundredWhateverTheNumberOfTasks()
    {
        var one = Score("VP", [Task("4.3", "VP", Due)]);
        var seven = Score("VP", [.. Enumerable.Range(1, 7).Select(i => Task("4." + i, "VP", Due, i % 2 == 0 ? TaskRole.Coordinating
            : TaskRole.Lead, section: (i % 4 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        Assert.Equal((100d, ScoreGrade.Excellent), (one.Points!.Value, one.Grade!.Value));
        Assert.Equal(100d, seven.Points);
        AssertLinesAddUp(seven);
    }

    [Fact]
    public void Compute_NotDoneAndInProgress_ZeroAndFullMark()
    {
        var score = Score("VP", [Task("4.3", "VP", null), Task("4.4", "VP", null, lastDay: new DateOnly(2026, 12, 31))]);

        Assert.Equal([ScoreOutcome.NotDone, ScoreOutcome.InProgress], score.Lines.Select(l => l.Outcome));
        Assert.Equal([0, 50], score.Lines.Select(l => l.Points));
        Assert.Contains("chưa hoàn thành, quá hạn 20 ngày (hạn 30/11/2026)", score.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Equal(ScoreGrade.Completed, score.Grade);
    }

    [Fact]
    public void Compute_FinishedEarly_BonusPerDayCappedAndExplainedInVietnamese()
    {
        var early = Score("VP", [Task("4.3", "VP", new DateOnly(2026, 11, 20)), Task("4.4", "VP", Due)]);
        var veryEarly = Score("VP", [Task("4.3", "VP", new DateOnly(2026, 3, 1)), Task("4.4", "VP", Due)]);

        // 10 days early: + 0,2; 274 days early: capped at + 1.
        Assert.Equal(51, early.Lines[0].Points);
        Assert.Equal(55, veryEarly.Lines[0].Points);
        Assert.StartsWith("Chủ trì, hoàn thành ngày 20/11/2026, trước hạn 10 ngày (hạn 30/11/2026): (10 điểm + thưởng 0,2 điểm)",
            early.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("= 51 điểm", early.Lines[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_VeryLate_DeductionCapped()
    {
        var score = Score("VP", [Task("4.3", "VP", Due.AddDays(60))]);

        // 7 − min(3, 60 × 0,1) = 4 of 10.
        Assert.Equal(40, score.Points);
        Assert.Contains("quá hạn 60 ngày", score.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("trừ 3 điểm", score.Lines[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CoordinatingWeighsPointThreeOfALead()
    {
        var score = Score("VP", [Task("4.3", "VP", Due), Task("4.4", "VP", null, TaskRole.Coordinating)]);

        // Weights 1,0 and 0,3: the lead task is 10/13 of the unit's score.
        Assert.Equal([76.92, 0], score.Lines.Select(l => l.Points));
        Assert.StartsWith("Phối hợp, ", score.Lines[1].Explanation, StringComparison.Ordinal);
        Assert.Equal(TaskRole.Coordinating, score.Lines[1].Role);
    }

    [Fact]
    public void Compute_RecurringAndOngoingTasks_ScoredPerRound()
    {
        var recurring = Task("2.3", "VHXH", null, kind: TimeFrameKind.YearOnward, lastDay: new DateOnly(2026, 12, 31), section: "2");
        var reported = recurring with { Rounds = [new RoundTaskFact(1, true), new RoundTaskFact(2, true)] };
        var ongoing = Task("2.1", "VHXH", null, kind: TimeFrameKind.Ongoing, section: "2");
        var missed = ongoing with { LastDay = null, Rounds = [new RoundTaskFact(1, true), new RoundTaskFact(2, false)] };

        var score = Score("VHXH", [reported, missed]);

        Assert.Equal([ScoreOutcome.OngoingReported, ScoreOutcome.OngoingUnreported], score.Lines.Select(l => l.Outcome));
        Assert.Equal([50, 25], score.Lines.Select(l => l.Points));
        Assert.Equal(2, score.Lines[1].Round);
        Assert.Contains("nhiệm vụ thực hiện hằng năm", score.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("không báo cáo đợt 2", score.Lines[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LateAndMissingRoundReports_Deducted_OpenRoundNotYet()
    {
        var rounds = new[]
        {
            new RoundFact(1, "lần 1 trước ngày 15/9/2026", new DateOnly(2026, 9, 14), "VP", true, SubmissionState.Late,
                new DateOnly(2026, 9, 17), true),
            new RoundFact(2, "lần 2 trước ngày 20/11/2026", new DateOnly(2026, 11, 19), "VP", true, SubmissionState.Missing, null, true),
            new RoundFact(3, "lần 3 (đột xuất)", new DateOnly(2026, 12, 31), "VP", true, SubmissionState.Missing, null, false),
        };

        var score = Score("VP", [Task("4.3", "VP", Due)], rounds);

        var reports = score.Lines.Where(l => l.Kind == ScoreLineKind.RoundReport).ToList();
        Assert.Equal([(1, ScoreOutcome.ReportLate, -2d), (2, ScoreOutcome.ReportMissing, -5d)],
            reports.Select(l => (l.Round!.Value, l.Outcome, l.Points)));
        Assert.Contains("nộp ngày 17/09/2026, quá hạn 3 ngày, trừ 2 điểm", reports[0].Explanation, StringComparison.Ordinal);
        Assert.Equal(93, score.Points);
        AssertLinesAddUp(score);
    }

    [Fact]
    public void Compute_RequestedUnit_ListedWithItsLinesNotGraded()
    {
        var rounds = new[]
        {
            new RoundFact(1, "lần 1", new DateOnly(2026, 9, 14), "MTTQ", false, SubmissionState.NotRequired, null, true),
        };

        var facts = new ScoreFacts(2026, [Task("2.4", "MTTQ", null, TaskRole.Coordinating)]) { Rounds = rounds };

        var sheet = ScoreCalculator.Compute(Model, facts, Bundled.Units, AsOf);

        var front = sheet.Units.Single(u => u.UnitCode == "MTTQ");
        Assert.Equal((false, (double?)null, (ScoreGrade?)null), (front.Graded, front.Points, front.Grade));
        Assert.Equal("2.4", Assert.Single(front.Lines).TaskCode);
        var assignedFirst = sheet.Units.TakeWhile(u => Bundled.Units.IsAssigned(u.UnitCode)).Count();
        Assert.Equal(Bundled.Units.Units.Count(u => u.IsAssigned), assignedFirst);
    }

    [Fact]
    public void Compute_UnitWithoutTasks_OneClearLineNotGradedNoDivisionByZero()
    {
        var score = Score("BQLDA", []);

        Assert.False(score.Graded);
        Assert.Null(score.Points);
        var line = Assert.Single(score.Lines);
        Assert.Equal((ScoreLineKind.Adjustment, ScoreOutcome.NoTask, 0d), (line.Kind, line.Outcome, line.Points));
        Assert.Contains("không chấm điểm", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AboveOneHundred_ScaleLimitLineBringsItBack()
    {
        var score = Score("VP", [Task("4.3", "VP", new DateOnly(2026, 6, 1))]);

        Assert.Equal(100, score.Points);
        Assert.Equal([110d, -10d], score.Lines.Select(l => l.Points));
        Assert.Equal(ScoreOutcome.ScaleLimit, score.Lines[1].Outcome);
        AssertLinesAddUp(score);
    }

    [Fact]
    public void Compute_BelowZero_ScaleLimitLineBringsItToZero()
    {
        var rounds = Enumerable.Range(1, 3).Select(n => new RoundFact(n, "lần " + n, new DateOnly(2026, 3 * n, 1), "VP", true,
            SubmissionState.Missing, null, true)).ToList();

        var score = Score("VP", [Task("4.3", "VP", Due.AddDays(2)) with { CompletedOn = null }], rounds);

        Assert.Equal(0, score.Points);
        Assert.Equal(ScoreGrade.NotCompleted, score.Grade);
        Assert.Equal(15, score.Lines.Single(l => l.Outcome == ScoreOutcome.ScaleLimit).Points);
        AssertLinesAddUp(score);
    }

    [Fact]
    public void Compute_ThirdsOfAWeight_LinesRoundedToTwoDecimalsAndAddUpExactly()
    {
        var score = Score("VP", [Task("4.3", "VP", Due), Task("4.4", "VP", Due), Task("4.5", "VP", Due.AddDays(1))]);

        // 100/3 twice, and 6,9 × 100/30 = 23: the total is the rounded lines' sum (89,66), not the rounded sum of thirds (89,67).
        Assert.Equal([33.33, 33.33, 23], score.Lines.Select(l => l.Points));
        Assert.Equal(89.66, score.Points);
        AssertLinesAddUp(score);
    }

    [Fact]
    public void Compute_DocsWorkedExample_SeventySixAndAHalfGood()
    {
        // docs/scoring.md "A worked example": keep the two in step.
        var rounds = new[]
        {
            new RoundFact(1, "lần 1 trước ngày 15/9/2026", new DateOnly(2026, 9, 14), "VP", true, SubmissionState.Late,
                new DateOnly(2026, 9, 17), true),
            new RoundFact(2, "lần 2 trước ngày 20/11/2026", new DateOnly(2026, 11, 19), "VP", true, SubmissionState.Missing, null, true),
        };

        var score = Score("VP", [Task("4.3", "VP", new DateOnly(2026, 11, 20)), Task("4.4", "VP", new DateOnly(2026, 12, 5))], rounds);

        Assert.Equal([51, 32.5, -2, -5], score.Lines.Select(l => l.Points));
        Assert.Equal((76.5, ScoreGrade.Good), (score.Points!.Value, score.Grade!.Value));
        Assert.Equal("Chủ trì, hoàn thành ngày 20/11/2026, trước hạn 10 ngày (hạn 30/11/2026): (10 điểm + thưởng 0,2 điểm) × 1,0 "
            + "(vai trò) × 1,0 (mục 4); quy về thang 100 theo hệ số của nhiệm vụ trên tổng hệ số 2,0 của đơn vị: "
            + "10,2 × 1,0 ÷ (10 × 2,0) × 100 = 51 điểm.", score.Lines[0].Explanation);
        Assert.Equal("Báo cáo lần 2 trước ngày 20/11/2026: không nộp báo cáo, trừ 5 điểm.", score.Lines[3].Explanation);
    }

    [Theory]
    [InlineData(100, ScoreGrade.Excellent)]
    [InlineData(90, ScoreGrade.Excellent)]
    [InlineData(89.99, ScoreGrade.Good)]
    [InlineData(70, ScoreGrade.Good)]
    [InlineData(69.99, ScoreGrade.Completed)]
    [InlineData(50, ScoreGrade.Completed)]
    [InlineData(49.99, ScoreGrade.NotCompleted)]
    [InlineData(0, ScoreGrade.NotCompleted)]
    public void GradeOf_BundledThresholds_ReachedWhenEqual(double points, ScoreGrade expected) =>
        Assert.Equal(expected, Model.Grades.GradeOf(points));

    [Fact]
    public void Compute_SectionWeight_CountsInTheShare()
    {
        var model = Model with { Sections = new Dictionary<string, double>(StringComparer.Ordinal) { ["4"] = 3.0 } };

        var score = Score("VP", [Task("4.3", "VP", null), Task("1.2", "VP", Due, section: "1")], model: model);

        // Section 4 weighs 3, section 1 (not named) 1: the on-time task is a quarter of the score.
        Assert.Equal([0, 25], score.Lines.Select(l => l.Points));
        Assert.Contains("× 3,0 (mục 4)", score.Lines[0].Explanation, StringComparison.Ordinal);
    }
}
