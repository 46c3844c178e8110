using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Status;

/// <summary>The dashboard's filters (codes as the API takes them); null = not filtered.</summary>
/// <param name="Unit">A unit code of the directory.</param>
/// <param name="Section">A section code of the decision, e.g. "1".</param>
/// <param name="Status">A <see cref="StatusCategory"/> name or <see cref="DashboardFilter.Ongoing"/>.</param>
public sealed record DashboardFilter(string? Unit = null, string? Section = null, string? Status = null)
{
    /// <summary>The status filter value for tasks without a last day.</summary>
    public const string Ongoing = "Ongoing";

    /// <summary>The first problem of the filter against the directory and the decision (Vietnamese), or null.</summary>
    public string? Problem(UnitDirectory units, IReadOnlyList<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(sections);
        if (Unit is not null && units.Find(Unit) is null)
        {
            return $"Không có đơn vị với mã \"{Unit}\".";
        }

        if (Section is not null && !sections.Any(s => s.Code == Section))
        {
            return $"Không có mục \"{Section}\" trong quyết định.";
        }

        if (Status is not null && Status != Ongoing && !Enum.TryParse<StatusCategory>(Status, ignoreCase: false, out _))
        {
            return $"Trạng thái \"{Status}\" không hợp lệ; dùng một trong: " +
                string.Join(", ", StatusCategories.All.Select(c => c.ToString()).Append(Ongoing)) + ".";
        }

        return null;
    }

    /// <summary>True when the row passes the filter as of <paramref name="today"/>.</summary>
    public bool Keeps(AssignmentRow row, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Unit is not null && row.UnitCode != Unit)
        {
            return false;
        }

        if (Section is not null && row.TaskCode.Split('.')[0] != Section)
        {
            return false;
        }

        return Status is null || (row.Category(today)?.ToString() ?? Ongoing) == Status;
    }
}

/// <summary>An overdue (Đang thực hiện quá hạn) assignment with how long it is overdue and its links.</summary>
public sealed record OverdueItem(string Code, string Task, string Unit, string UnitName, string Role, DateOnly LastDay,
    int DaysOverdue, string? PlannerUrl, string? ListItemUrl);

/// <summary>
/// Whether a unit's report for a round came in by the round's last day. "Reported" is the one rule of
/// <see cref="RoundReports"/> (a row with content); the submission date only decides on time or late.
/// </summary>
public enum SubmissionState
{
    /// <summary>Reported, first submitted on or before the round's last day (or undated while the round is still open).</summary>
    OnTime,

    /// <summary>Reported, first submitted after the round's last day (or undated once the round is closed).</summary>
    Late,

    /// <summary>Not reported (<see cref="RoundReports"/>): no row of the round with content.</summary>
    Missing,

    /// <summary>
    /// Not reported by a unit the committee only requests (<see cref="UnitDirectory.IsAssigned"/> false): its report is
    /// welcome, not required, and never counted as missing.
    /// </summary>
    NotRequired,

    /// <summary>
    /// Returned for additions ("Trả lại, đề nghị bổ sung", issue 23): Phòng Văn hóa - Xã hội returned the unit's submission;
    /// not reported (<see cref="RoundReports"/>) until the unit submits again.
    /// </summary>
    Returned,
}

/// <summary>The rule of <see cref="SubmissionState"/>.</summary>
public static class SubmissionStates
{
    /// <summary>
    /// The state of a unit for a round: <see cref="SubmissionState.Missing"/> unless it <paramref name="reported"/>
    /// (<see cref="RoundReports"/>); then on time when its first submission date is on or before the round's last day.
    /// A report without a date (typed into the list: every write of the app records one) still counts as reported, never
    /// as missing: while the round is open on <paramref name="today"/> it came in by the last day (on time); once the
    /// round is closed nothing shows it did (late). A submission returned for additions (<paramref name="returned"/>) is
    /// <see cref="SubmissionState.Returned"/>.
    /// </summary>
    public static SubmissionState Of(bool reported, DateOnly? firstSubmittedOn, ReportRound round, DateOnly today, bool returned = false)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (returned)
        {
            return SubmissionState.Returned;
        }

        if (!reported)
        {
            return SubmissionState.Missing;
        }

        var inTime = firstSubmittedOn is { } first ? first <= round.LastDay : round.IsOpenOn(today);
        return inTime ? SubmissionState.OnTime : SubmissionState.Late;
    }

    /// <summary>As <see cref="Of"/> for a unit whose report is optional (a requested unit): not reported is
    /// <see cref="SubmissionState.NotRequired"/>, never <see cref="SubmissionState.Missing"/>.</summary>
    public static SubmissionState OfOptional(bool reported, DateOnly? firstSubmittedOn, ReportRound round, DateOnly today,
        bool returned = false) =>
        Of(reported, firstSubmittedOn, round, today, returned) is var state && state == SubmissionState.Missing
            ? SubmissionState.NotRequired
            : state;
}

/// <summary>
/// One cell of the round × unit matrix (the day the list recorded the unit's rows; for a returned submission, the return:
/// reason, who and when).
/// </summary>
public sealed record RoundUnitState(string Unit, SubmissionState State, DateOnly? SubmittedOn, SubmissionReturn? Returned = null);

/// <summary>
/// One round of the submission matrix: <see cref="Units"/> are the units the committee assigns (their reports required);
/// <see cref="Requested"/> the units it only requests ("Các cơ quan, tổ chức phối hợp"), shown apart, their reports optional.
/// </summary>
public sealed record RoundMatrix(int Round, string Title, DateOnly LastDay, IReadOnlyList<RoundUnitState> Units)
{
    /// <summary>The requested units' cells (<see cref="SubmissionState.NotRequired"/> when nothing came in), directory order.</summary>
    public IReadOnlyList<RoundUnitState> Requested { get; init; } = [];
}

/// <summary>
/// The dashboard read model: <see cref="StatusReport"/> over the filtered Phân công rows of the units the committee assigns
/// (so the figures are the ones `danvan365 status` prints for the same rows and day), their overdue rows, and the submission
/// matrix; the units it only requests (<see cref="UnitDirectory.IsAssigned"/> false) are counted apart
/// (<see cref="RequestedUnits"/>, <see cref="RoundMatrix.Requested"/>), never as overdue or missing.
/// </summary>
public sealed record Dashboard(DateOnly AsOf, DashboardFilter Filters, int TaskCount, StatusReport Report,
    IReadOnlyList<OverdueItem> Overdue, IReadOnlyList<RoundMatrix> Rounds)
{
    /// <summary>Counts per requested unit ("Các cơ quan, tổ chức phối hợp"), in no total.</summary>
    public IReadOnlyList<StatusCounts> RequestedUnits { get; init; } = [];

    /// <summary>Builds the dashboard; pure. Rounds in any order; links may be <see cref="EscalationLinks.None"/>.</summary>
    public static Dashboard Build(IReadOnlyList<CurrentRow> assignments, IReadOnlyList<CurrentRow> reports, TaskCatalogue catalogue,
        UnitDirectory units, IReadOnlyList<ReportRound> rounds, DateOnly today, DashboardFilter filter, EscalationLinks links,
        ReturnedSubmissions? returned = null)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(links);
        var all = assignments.Where(r => AssignmentRow.From(r) is { Archived: false } a && filter.Keeps(a, today)).ToList();
        var (report, requested) = StatusReport.BuildByAuthority(all, catalogue.Sections, units, today);
        var kept = all.Where(r => units.IsAssigned(AssignmentRow.From(r)!.UnitCode)).ToList();
        var typed = kept.Select(r => AssignmentRow.From(r)!).ToList();
        var tasks = catalogue.WorkItems.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.Ordinal);
        var overdue = typed
            .Where(a => a.Category(today) == StatusCategory.InProgressOverdue)
            .Select(a => OverdueOf(a, tasks.GetValueOrDefault(a.TaskCode), units, today, links))
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Code, StringComparer.Ordinal).ThenBy(o => o.Unit, StringComparer.Ordinal)
            .ToList();
        var taskCount = typed.Select(a => a.TaskCode).Distinct(StringComparer.Ordinal).Count();
        return new Dashboard(today, filter, taskCount, report, overdue, Matrix(reports, catalogue, units, rounds, today, filter,
            returned ?? ReturnedSubmissions.None))
        {
            RequestedUnits = requested,
        };
    }

    private static OverdueItem OverdueOf(AssignmentRow row, CatalogueTask? task, UnitDirectory units, DateOnly today, EscalationLinks links)
    {
        var role = task is not null && ReportPlanner.RoleOf(task, row.UnitCode) is { } r ? r.Label() : TaskRole.Lead.Label();
        var lastDay = row.EffectiveLastDay!.Value;
        return new OverdueItem(row.TaskCode, row.TaskText ?? task?.Title ?? row.Title ?? row.TaskCode, row.UnitCode,
            ReportPlanner.UnitName(units, row.UnitCode), role, lastDay, today.DayNumber - lastDay.DayNumber,
            row.PlannerTaskId is { } planner ? links.PlannerTask(planner) : null, row.WebUrl ?? links.AssignmentItem(row.ItemId));
    }

    /// <summary>
    /// Rounds oldest first up to the one open on <paramref name="today"/>; units in directory order (the expected ones; of an
    /// ad hoc round, those it asks), the required (<see cref="ReportPlanner.RequiredUnits"/>) apart from the optional
    /// (<see cref="ReportPlanner.OptionalUnits"/>).
    /// </summary>
    private static List<RoundMatrix> Matrix(IReadOnlyList<CurrentRow> reports, TaskCatalogue catalogue, UnitDirectory units,
        IReadOnlyList<ReportRound> rounds, DateOnly today, DashboardFilter filter, ReturnedSubmissions returned)
    {
        var expected = ReportPlanner.ExpectedUnits(catalogue).ToHashSet(StringComparer.Ordinal);
        var order = units.Units.Select(u => u.Code).Where(expected.Contains)
            .Concat(ReportPlanner.ExpectedUnits(catalogue).Where(c => units.Find(c) is null))
            .Where(c => filter.Unit is null || c == filter.Unit)
            .ToList();
        var required = ReportPlanner.RequiredUnits(catalogue, units).ToHashSet(StringComparer.Ordinal);
        var typed = RoundReports.Reports(reports, returned).ToList();
        var ordered = rounds.OrderBy(r => r.LastDay).ThenBy(r => r.Number).ToList();
        var open = ordered.FindIndex(r => r.IsOpenOn(today));
        var shown = open < 0 ? ordered : ordered.Take(open + 1);
        RoundUnitState Cell(ReportRound round, string unit)
        {
            var rows = typed.Where(r => r.Round == round.Number && r.UnitCode == unit).ToList();
            var days = rows.Select(r => r.SubmittedOn).OfType<DateOnly>().ToList();
            var first = days.Count == 0 ? (DateOnly?)null : days.Min();
            var back = returned.Of(round.Number, unit);
            var state = required.Contains(unit)
                ? SubmissionStates.Of(rows.Count > 0, first, round, today, back is not null)
                : SubmissionStates.OfOptional(rows.Count > 0, first, round, today, back is not null);
            return new RoundUnitState(unit, state, first, back);
        }

        return [.. shown.Select(round => new RoundMatrix(round.Number, round.Title, round.LastDay,
            [.. order.Where(round.Asks).Where(required.Contains).Select(unit => Cell(round, unit))])
        {
            Requested = [.. order.Where(round.Asks).Where(unit => !required.Contains(unit)).Select(unit => Cell(round, unit))],
        })];
    }
}
