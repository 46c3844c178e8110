namespace DanVan365.Core.Scoring;

/// <summary>
/// Base points of a task by how it ended (docs/scoring.md "tasks"), before the role and section weights. <see cref="OnTime"/>
/// is the full mark a task can earn without a bonus; every other value lies between 0 and it.
/// </summary>
/// <param name="OnTime">Completed on or before its (effective) last day.</param>
/// <param name="Late">Completed after it (then less the deduction per day late).</param>
/// <param name="NotDone">Still open after its last day (then less the deduction per day late).</param>
/// <param name="InProgress">Open, its last day not yet come.</param>
/// <param name="OngoingReported">An ongoing or recurring task reported in every closed round that asked for it.</param>
/// <param name="OngoingUnreported">An ongoing or recurring task missing from at least one such round's report.</param>
public sealed record TaskPoints(double OnTime, double Late, double NotDone, double InProgress, double OngoingReported,
    double OngoingUnreported);

/// <summary>The weight of the unit's role on a task (lead 1.0; coordinating about 0.3).</summary>
public sealed record RoleWeights(double Lead, double Coordinating);

/// <summary>Points per day early or late, and the most a task can gain or lose that way (base points, before weights).</summary>
/// <param name="PerDay">Points per calendar day.</param>
/// <param name="Max">The cap per task.</param>
public sealed record DayRate(double PerDay, double Max);

/// <summary>Deductions on the 0–100 scale for one round report sent late or missing (an assigned unit, a closed round).</summary>
public sealed record ReportDeductions(double Late, double Missing);

/// <summary>
/// The least total points (0–100) each grade needs: <c>Excellent ≥ Good ≥ Completed</c>; below <see cref="Completed"/> is
/// <see cref="ScoreGrade.NotCompleted"/>.
/// </summary>
public sealed record GradeThresholds(double Excellent, double Good, double Completed)
{
    /// <summary>The grade <paramref name="points"/> reach (a threshold is reached when the points equal it).</summary>
    public ScoreGrade GradeOf(double points) =>
        points >= Excellent ? ScoreGrade.Excellent
        : points >= Good ? ScoreGrade.Good
        : points >= Completed ? ScoreGrade.Completed
        : ScoreGrade.NotCompleted;
}

/// <summary>
/// The ward's scoring model, loaded from JSON (<see cref="ScoringModelJson"/>, docs/scoring.md); the bundled default is
/// <c>Defaults/HaiAn/scoring.json</c>. A unit's task points are weighted (role × section) and normalised by the sum of the
/// weights of its tasks, so its total is on 0–100 whatever its number of tasks; round report deductions are then taken off,
/// and the total is held within 0–100.
/// </summary>
/// <param name="Tasks">Base points by outcome.</param>
/// <param name="Roles">Role weights.</param>
/// <param name="EarlyBonus">Bonus per day finished before the last day (capped).</param>
/// <param name="LateDeduction">Deduction per day after the last day, for a task finished late or not done (capped).</param>
/// <param name="Reports">Deductions per late or missing round report.</param>
/// <param name="Sections">Weights by catalogue section code ("1".."4"); a section not named weighs 1.0.</param>
/// <param name="Grades">The grade thresholds.</param>
public sealed record ScoringModel(TaskPoints Tasks, RoleWeights Roles, DayRate EarlyBonus, DayRate LateDeduction,
    ReportDeductions Reports, IReadOnlyDictionary<string, double> Sections, GradeThresholds Grades)
{
    /// <summary>The top of the scale.</summary>
    public const double Scale = 100;

    /// <summary>The weight of section <paramref name="sectionCode"/> (1.0 when the model does not name it).</summary>
    public double SectionWeight(string sectionCode) =>
        Sections.TryGetValue(sectionCode ?? string.Empty, out var weight) ? weight : 1.0;

    /// <summary>The weight of a role.</summary>
    public double RoleWeight(Reporting.TaskRole role) => role == Reporting.TaskRole.Lead ? Roles.Lead : Roles.Coordinating;
}
