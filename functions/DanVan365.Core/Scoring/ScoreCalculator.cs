using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Units;

namespace DanVan365.Core.Scoring;

/// <summary>
/// The computed score (docs/scoring.md, docs/architecture.md "The computed score"): pure, from the model, the facts
/// (<see cref="ScoreFacts"/>), the unit directory and the ward day.
/// <list type="bullet">
/// <item>A task line: base points of its outcome, plus the early bonus or less the late deduction (capped; never below 0),
/// times the role weight and the section weight, normalised by the full mark times the sum of the weights of the unit's tasks,
/// times 100 — so the task lines of a unit whose every task is on time add up to 100 whatever its number of tasks.</item>
/// <item>A round report line: minus the model's deduction for a report late or missing (a required report of a closed
/// round); 0 for one on time.</item>
/// <item>Each line is rounded to 2 decimals (half away from zero) and the total is the sum of the rounded lines; when it lies
/// outside 0–100 one <see cref="ScoreLineKind.Adjustment"/> line brings it to the limit, so the lines always add up to the
/// total exactly.</item>
/// <item>Units: every unit of the directory, assigned first, then requested (then codes the directory does not know). A
/// requested unit is listed with its lines, not graded; a unit with no task gets one <see cref="ScoreOutcome.NoTask"/> line
/// and is not graded.</item>
/// </list>
/// </summary>
public static class ScoreCalculator
{
    /// <summary>The score sheet of every unit the directory or the facts name, as of <paramref name="asOf"/>.</summary>
    public static ScoreSheet Compute(ScoringModel model, ScoreFacts facts, UnitDirectory units, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(units);
        var codes = units.Units.Select(u => u.Code).ToList();
        var unknown = facts.Tasks.Select(t => t.UnitCode).Concat(facts.Rounds.Select(r => r.UnitCode))
            .Where(c => units.Find(c) is null).Distinct(StringComparer.Ordinal);
        var ordered = codes.Where(units.IsAssigned).Concat(codes.Where(c => !units.IsAssigned(c))).Concat(unknown);
        var sheet = ordered.Select(code => ForUnit(model, facts, units, code, asOf)).ToList();
        return new ScoreSheet(facts.Year, asOf, sheet);
    }

    /// <summary>One unit's score (see the type's rules).</summary>
    public static UnitScore ForUnit(ScoringModel model, ScoreFacts facts, UnitDirectory units, string unitCode, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(units);
        var name = ReportPlanner.UnitName(units, unitCode);
        var assigned = units.IsAssigned(unitCode);
        var tasks = facts.Tasks.Where(t => t.UnitCode == unitCode).ToList();
        var weights = tasks.Sum(t => Weight(model, t));
        var lines = new List<ScoreLine>();
        foreach (var task in tasks)
        {
            lines.Add(TaskLine(model, task, weights, asOf, units));
        }

        foreach (var round in facts.Rounds.Where(r => r.UnitCode == unitCode))
        {
            if (RoundLine(model, round) is { } line)
            {
                lines.Add(line);
            }
        }

        if (tasks.Count == 0)
        {
            lines.Add(new ScoreLine(ScoreLineKind.Adjustment, null, null, null, ScoreOutcome.NoTask, 0, ScoreExplanations.NoTask()));
            return new UnitScore(unitCode, name, Graded: false, null, null, lines);
        }

        var sum = lines.Sum(l => (decimal)l.Points);
        var total = Math.Clamp(sum, 0m, (decimal)ScoringModel.Scale);
        if (total != sum)
        {
            lines.Add(new ScoreLine(ScoreLineKind.Adjustment, null, null, null, ScoreOutcome.ScaleLimit, (double)(total - sum),
                ScoreExplanations.ScaleLimit(sum, total)));
        }

        return assigned
            ? new UnitScore(unitCode, name, Graded: true, (double)total, model.Grades.GradeOf((double)total), lines)
            : new UnitScore(unitCode, name, Graded: false, null, null, lines);
    }

    /// <summary>Rounds a line's points to 2 decimals, half away from zero (the one rounding of the score).</summary>
    public static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);

    private static double Weight(ScoringModel model, TaskFact task) => model.RoleWeight(task.Role) * model.SectionWeight(task.Section);

    private static ScoreLine TaskLine(ScoringModel model, TaskFact task, double weights, DateOnly asOf, UnitDirectory units)
    {
        var (outcome, basePoints, bonus, deduction, days, round) = Rate(model, task, asOf);
        var raw = Math.Max(0, basePoints + bonus - deduction);
        var weight = Weight(model, task);
        var points = Round((decimal)(ScoringModel.Scale * weight * raw / (model.Tasks.OnTime * weights)));
        var text = new TaskExplanation(task, outcome, basePoints, bonus, deduction, days, model.RoleWeight(task.Role),
            model.SectionWeight(task.Section), weights, model.Tasks.OnTime, points,
            task.DatesFrom is { } from ? ReportPlanner.UnitName(units, from) : null);
        return new ScoreLine(ScoreLineKind.Task, task.TaskCode, round, task.Role, outcome, (double)points, ScoreExplanations.Task(text));
    }

    /// <summary>The outcome of a task, its base points, bonus and deduction (base points), the days early or late, and the
    /// first round an ongoing task missed.</summary>
    private static (ScoreOutcome Outcome, double Base, double Bonus, double Deduction, int Days, int? Round) Rate(ScoringModel model,
        TaskFact task, DateOnly asOf)
    {
        var points = model.Tasks;
        if (task.IsOngoing)
        {
            if (task.Rounds.Count == 0)
            {
                return (ScoreOutcome.InProgress, points.InProgress, 0, 0, 0, null);
            }

            var missed = task.Rounds.FirstOrDefault(r => !r.Reported);
            return missed is null
                ? (ScoreOutcome.OngoingReported, points.OngoingReported, 0, 0, 0, null)
                : (ScoreOutcome.OngoingUnreported, points.OngoingUnreported, 0, 0, 0, missed.Round);
        }

        var last = task.LastDay!.Value;
        switch (Completion.Category(task.Kind, task.LastDay, task.CompletedOn, asOf))
        {
            case StatusCategory.CompletedOnTime:
                var early = last.DayNumber - task.CompletedOn!.Value.DayNumber;
                return (ScoreOutcome.OnTime, points.OnTime, Capped(model.EarlyBonus, early), 0, early, null);
            case StatusCategory.CompletedLate:
                var late = task.CompletedOn!.Value.DayNumber - last.DayNumber;
                return (ScoreOutcome.Late, points.Late, 0, Capped(model.LateDeduction, late), late, null);
            case StatusCategory.InProgressOverdue:
                return (ScoreOutcome.NotDone, points.NotDone, 0, 0, asOf.DayNumber - last.DayNumber, null);
            default:
                return (ScoreOutcome.InProgress, points.InProgress, 0, 0, last.DayNumber - asOf.DayNumber, null);
        }
    }

    private static double Capped(DayRate rate, int days) => Math.Min(rate.Max, rate.PerDay * Math.Max(0, days));

    private static ScoreLine? RoundLine(ScoringModel model, RoundFact round)
    {
        if (!round.Required)
        {
            // A requested unit's report is welcome, never required: listed when it came in, never a deduction.
            return round.State is SubmissionState.OnTime or SubmissionState.Late
                ? new ScoreLine(ScoreLineKind.RoundReport, null, round.Round, null,
                    round.State == SubmissionState.OnTime ? ScoreOutcome.ReportOnTime : ScoreOutcome.ReportLate, 0,
                    ScoreExplanations.Report(round, 0, required: false))
                : null;
        }

        ScoreOutcome? outcome = round.State switch
        {
            SubmissionState.OnTime => ScoreOutcome.ReportOnTime,
            SubmissionState.Late => ScoreOutcome.ReportLate,
            _ when round.Closed => ScoreOutcome.ReportMissing,
            _ => null,
        };
        var deduction = outcome switch
        {
            ScoreOutcome.ReportLate => model.Reports.Late,
            ScoreOutcome.ReportMissing => model.Reports.Missing,
            _ => 0,
        };
        if (outcome is not { } rated)
        {
            return null;
        }

        // No deduction is 0, never -0 (which JSON would print as "-0").
        var points = deduction == 0 ? 0m : -Round((decimal)deduction);
        return new ScoreLine(ScoreLineKind.RoundReport, null, round.Round, null, rated, (double)points,
            ScoreExplanations.Report(round, points, required: true));
    }
}
