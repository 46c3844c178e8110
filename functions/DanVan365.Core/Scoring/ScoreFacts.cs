using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Scoring;

/// <summary>Whether a unit reported an ongoing or recurring task in one round that asked for it.</summary>
public sealed record RoundTaskFact(int Round, bool Reported);

/// <summary>What the score rests on for one task and one unit that leads or coordinates it.</summary>
/// <param name="TaskCode">The task's code.</param>
/// <param name="Section">Its section's code ("1".."4").</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="Role">Its role (<see cref="ReportPlanner.RoleOf"/>).</param>
/// <param name="Kind">The time frame's kind (null when the decision gives none).</param>
/// <param name="LastDay">The effective last day (approved extensions count: <see cref="EffectiveDeadlines"/>); null for ongoing.</param>
/// <param name="CompletedOn">The completion date (<see cref="Completion"/>), or null while open.</param>
public sealed record TaskFact(string TaskCode, string Section, string UnitCode, TaskRole Role, TimeFrameKind? Kind,
    DateOnly? LastDay, DateOnly? CompletedOn)
{
    /// <summary>The decision's own last day, when an approved extension moved it (else null).</summary>
    public DateOnly? ExtendedFrom { get; init; }

    /// <summary>
    /// The unit whose Phân công row gave the dates when it is not the unit's own (a coordinating unit, or a requested lead:
    /// the task's owner, <see cref="TaskOwners.Of"/>, the least advanced when several); null for the unit's own row.
    /// </summary>
    public string? DatesFrom { get; init; }

    /// <summary>For an ongoing or recurring task: each round that asked the unit for it and is closed (or that it already
    /// reported), in round order.</summary>
    public IReadOnlyList<RoundTaskFact> Rounds { get; init; } = [];

    /// <summary>True when the task is judged per round (ongoing, no last day, or recurring: <see cref="TimeFrames.Recurs"/>).</summary>
    public bool IsOngoing => Kind == TimeFrameKind.Ongoing || LastDay is null || TimeFrames.Recurs(Kind);
}

/// <summary>A unit's report for one round that asks it.</summary>
/// <param name="Round">The round's number.</param>
/// <param name="Title">Its wording (<see cref="ReportRound.Wording"/>).</param>
/// <param name="LastDay">Its last day.</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="Required">True when the committee requires the unit's report (<see cref="ReportPlanner.RequiredUnits"/>).</param>
/// <param name="State">On time, late, missing or returned (<see cref="SubmissionStates"/>).</param>
/// <param name="SubmittedOn">The first submission date of the round's rows (Ngày nộp), or null.</param>
/// <param name="Closed">True when the round is closed on the day of the facts (<see cref="ReportRound.IsClosedOn"/>).</param>
public sealed record RoundFact(int Round, string Title, DateOnly LastDay, string UnitCode, bool Required, SubmissionState State,
    DateOnly? SubmittedOn, bool Closed);

/// <summary>The facts the calculator reads: per task × unit, and per round × unit.</summary>
/// <param name="Year">The programme year.</param>
/// <param name="Tasks">Per task × unit that leads or coordinates it, catalogue order.</param>
public sealed record ScoreFacts(int Year, IReadOnlyList<TaskFact> Tasks)
{
    /// <summary>Per round × unit it asks, oldest round first.</summary>
    public IReadOnlyList<RoundFact> Rounds { get; init; } = [];

    /// <summary>
    /// Reads the facts from the ward's rows (pure): Phân công (<paramref name="assignments"/>), Báo cáo kết quả
    /// (<paramref name="reports"/>, <see cref="RoundReports"/> less <paramref name="returned"/>), the rounds (ad hoc ones
    /// included) and the effective last days (<paramref name="deadlines"/>, by Phân công key; the rows' own when absent).
    /// </summary>
    public static ScoreFacts From(TaskCatalogue catalogue, UnitDirectory units, IReadOnlyList<CurrentRow> assignments,
        IReadOnlyList<CurrentRow> reports, IReadOnlyList<ReportRound> rounds, ReturnedSubmissions returned,
        IReadOnlyDictionary<string, EffectiveDeadline>? deadlines, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(returned);
        var rows = assignments.Select(AssignmentRow.From).OfType<AssignmentRow>().Where(r => !r.Archived)
            .GroupBy(r => AssignmentKey.Format(r.TaskCode, r.UnitCode), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reported = RoundReports.Reports(reports, returned).ToList();
        var ordered = rounds.OrderBy(r => r.LastDay).ThenBy(r => r.Number).ToList();
        var expected = ReportPlanner.ExpectedUnits(catalogue);
        var tasks = new List<TaskFact>();
        foreach (var task in catalogue.WorkItems)
        {
            foreach (var unit in expected)
            {
                if (ReportPlanner.RoleOf(task, unit) is { } role)
                {
                    var fact = Dates(task, unit, role, units, rows, deadlines, asOf);
                    tasks.Add(fact.IsOngoing ? fact with { Rounds = OngoingRounds(task, unit, ordered, reported, asOf) } : fact);
                }
            }
        }

        var required = ReportPlanner.RequiredUnits(catalogue, units).ToHashSet(StringComparer.Ordinal);
        var roundFacts = new List<RoundFact>();
        foreach (var round in ordered)
        {
            foreach (var unit in round.UnitsOr(expected))
            {
                var mine = reported.Where(r => r.Round == round.Number && r.UnitCode == unit).ToList();
                var days = mine.Select(r => r.SubmittedOn).OfType<DateOnly>().ToList();
                DateOnly? first = days.Count == 0 ? null : days.Min();
                var back = returned.IsReturned(round.Number, unit);
                var state = required.Contains(unit)
                    ? SubmissionStates.Of(mine.Count > 0, first, round, asOf, back)
                    : SubmissionStates.OfOptional(mine.Count > 0, first, round, asOf, back);
                roundFacts.Add(new RoundFact(round.Number, round.Wording, round.LastDay, unit, required.Contains(unit), state, first,
                    round.IsClosedOn(asOf)));
            }
        }

        return new ScoreFacts(ReportLibrary.Year(catalogue.Decision), tasks) { Rounds = roundFacts };
    }

    private static TaskFact Dates(CatalogueTask task, string unit, TaskRole role, UnitDirectory units,
        Dictionary<string, AssignmentRow> rows, IReadOnlyDictionary<string, EffectiveDeadline>? deadlines, DateOnly asOf)
    {
        var kind = task.TimeFrame?.Kind;
        var decisionDay = task.TimeFrame?.LastDay;
        (DateOnly? Last, DateOnly? Done) Of(string owner)
        {
            var key = AssignmentKey.Format(task.Code, owner);
            var row = rows.GetValueOrDefault(key);
            var last = deadlines?.GetValueOrDefault(key)?.EffectiveLastDay ?? row?.EffectiveLastDay ?? decisionDay;
            return (last, row?.CompletedOn);
        }

        TaskFact Fact((DateOnly? Last, DateOnly? Done) dates, string? from) =>
            new(task.Code, task.Section, unit, role, kind, dates.Last, dates.Done)
            {
                ExtendedFrom = dates.Last != decisionDay ? decisionDay : null,
                DatesFrom = from,
            };

        var owners = TaskOwners.Of(task, units).Select(o => o.UnitCode).ToList();
        if (owners.Contains(unit, StringComparer.Ordinal) || owners.Count == 0)
        {
            return Fact(Of(unit), null);
        }

        // Not an owner (a coordinating unit, a requested lead): the task as far as its owners have taken it, the least advanced.
        var byOwner = owners.Select(o => (Owner: o, Dates: Of(o))).ToList();
        var worst = byOwner.OrderByDescending(o => Completion.Category(kind, o.Dates.Last, o.Dates.Done, asOf)?.Severity() ?? -1)
            .First();
        return Fact(worst.Dates, worst.Owner);
    }

    private static List<RoundTaskFact> OngoingRounds(CatalogueTask task, string unit, List<ReportRound> rounds, List<ReportRow> reported,
        DateOnly asOf)
    {
        var result = new List<RoundTaskFact>();
        foreach (var round in rounds.Where(r => r.Asks(unit) && r.Covers(task.Code)))
        {
            var has = reported.Any(r => r.Round == round.Number && r.UnitCode == unit
                && string.Equals(Text.VietnameseText.Nfc(r.TaskCode), Text.VietnameseText.Nfc(task.Code), StringComparison.Ordinal));
            if (round.IsClosedOn(asOf) || has)
            {
                result.Add(new RoundTaskFact(round.Number, StatusRules.CategoriseRound(has) == RoundReportStatus.Reported));
            }
        }

        return result;
    }
}
