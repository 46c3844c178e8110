using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Functions.Configuration;

namespace DanVan365.Functions.Triggers;

/// <summary>One per-row problem of a request (docs/api.md, "Error body").</summary>
public sealed record RowError(string? Code, string? Field, string Message);

/// <summary>An error answer with per-row problems.</summary>
public sealed record RowErrorBody(string Error, IReadOnlyList<RowError> Rows);

/// <summary>A status category key with its Vietnamese label.</summary>
public sealed record CategoryBody(string Key, string Label);

/// <summary>Counts of one unit, one section, or the totals.</summary>
public sealed record CountsBody(string Key, string Name, int Total, int Ongoing, IReadOnlyDictionary<string, int> Counts);

/// <summary>A code and a name (filter choices, units).</summary>
public sealed record CodeName(string Code, string Name);

/// <summary>The choices of the dashboard's filters.</summary>
public sealed record OptionsBody(IReadOnlyList<CodeName> Units, IReadOnlyList<CodeName> Sections);

/// <summary>The filters applied.</summary>
public sealed record FiltersBody(string? Unit, string? Section, string? Status);

/// <summary>A submission returned for additions (issue 23): the state word, why, by whom and when.</summary>
public sealed record ReturnedBody(string State, string Reason, string ReturnedBy, DateTimeOffset ReturnedAt)
{
    public static ReturnedBody? From(SubmissionReturn? value) =>
        value is null ? null : new ReturnedBody(ReturnRow.ReturnedWord, value.Reason, value.ReturnedBy, value.ReturnedAt);
}

/// <summary>
/// One cell of the submission matrix (<c>submittedAt</c>: the day the list recorded, yyyy-mm-dd; <c>returned</c>: the open
/// return of a submission in state <c>Returned</c>, else null).
/// </summary>
public sealed record RoundUnitBody(string Unit, string State, string? SubmittedAt, ReturnedBody? Returned = null);

/// <summary>One round of the submission matrix: <c>units</c> the committee assigns (reports required), <c>requested</c> the
/// units it only requests ("Các cơ quan, tổ chức phối hợp": reports optional, <c>NotRequired</c> when none came in).</summary>
public sealed record RoundBody(int Round, string Title, DateOnly LastDay, IReadOnlyList<RoundUnitBody> Units)
{
    public IReadOnlyList<RoundUnitBody> Requested { get; init; } = [];
}

/// <summary>GET /api/dashboard answer (docs/api.md): counts, overdue rows and required reports of the units the committee
/// assigns; the units it only requests apart (<see cref="RequestedUnits"/>, <see cref="RoundBody.Requested"/>).</summary>
public sealed record DashboardBody(string Ward, string WardName, DateOnly AsOf, FiltersBody Filters, IReadOnlyList<CategoryBody> Categories,
    int TaskCount, CountsBody Totals, IReadOnlyList<CountsBody> Units, IReadOnlyList<CountsBody> Sections, OptionsBody Options,
    IReadOnlyList<OverdueItem> Overdue, IReadOnlyList<RoundBody> Rounds)
{
    /// <summary>Counts per requested unit ("Các cơ quan, tổ chức phối hợp"), in no total.</summary>
    public IReadOnlyList<CountsBody> RequestedUnits { get; init; } = [];

    /// <summary>True when the caller may return units' submissions (<see cref="ReturnAuthority.MayReturn"/>).</summary>
    public bool CanReturn { get; init; }

    public static DashboardBody From(Ward ward, Dashboard dashboard, IReadOnlyList<Core.Catalogue.Section> sections)
    {
        ArgumentNullException.ThrowIfNull(ward);
        ArgumentNullException.ThrowIfNull(dashboard);
        var report = dashboard.Report;
        return new DashboardBody(ward.Id, ward.Name, dashboard.AsOf,
            new FiltersBody(dashboard.Filters.Unit, dashboard.Filters.Section, dashboard.Filters.Status),
            [.. StatusCategoryLabels.All.Select(c => new CategoryBody(c.Category.ToString(), c.Label))],
            dashboard.TaskCount, Counts(report.Totals), [.. report.Units.Select(Counts)], [.. report.Sections.Select(Counts)],
            new OptionsBody([.. ward.Units.Units.Select(u => new CodeName(u.Code, u.Name))], [.. sections.Select(s => new CodeName(s.Code,
                s.Title))]),
            dashboard.Overdue,
            [.. dashboard.Rounds.Select(r => new RoundBody(r.Round, r.Title, r.LastDay, [.. r.Units.Select(Cell)])
            {
                Requested = [.. r.Requested.Select(Cell)],
            })])
        {
            RequestedUnits = [.. dashboard.RequestedUnits.Select(Counts)],
        };
    }

    private static RoundUnitBody Cell(RoundUnitState u) =>
        new(u.Unit, u.State.ToString(), u.SubmittedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ReturnedBody.From(u.Returned));

    private static CountsBody Counts(StatusCounts counts) => new(counts.Key, counts.Name, counts.Total, counts.Ongoing,
        StatusCategories.All.ToDictionary(c => c.ToString(), counts.Count, StringComparer.Ordinal));
}

/// <summary>The round of a unit's work (<c>adHoc</c>: a báo cáo đột xuất, named by its title; else "lần {round}").</summary>
public sealed record WorkRoundBody(int Round, string Title, DateOnly LastDay, bool Open, bool AdHoc = false)
{
    /// <summary>True for the year-end round (tổng kết): the form shows the general part (<see cref="MyWorkBody.Review"/>).</summary>
    public bool YearEnd { get; init; }
}

/// <summary>
/// The general part of the year-end form (GET /api/my/work, year-end round only): what the unit saved (null: nothing yet), the
/// next year's label, and whether the unit may score itself (assigned units only).
/// </summary>
public sealed record WorkReviewBody(ReviewBody? Saved, string NextYearLabel, bool SelfScore);

/// <summary>
/// GET /api/my/work answer (docs/api.md); <c>submittedAt</c> is the day the list recorded (yyyy-mm-dd); <c>returned</c> the
/// open return of the unit's submission (reason, by whom, when), else null.
/// </summary>
public sealed record MyWorkBody(string Ward, CodeName Unit, WorkRoundBody Round, IReadOnlyList<string> StatusLabels,
    string CatalogueVersion, string? SubmittedAt, IReadOnlyList<UnitWorkRow> Rows, ReturnedBody? Returned = null)
{
    /// <summary>The year-end form's general part; null for any other round.</summary>
    public WorkReviewBody? Review { get; init; }

    public static MyWorkBody From(Ward ward, UnitWork work)
    {
        ArgumentNullException.ThrowIfNull(ward);
        ArgumentNullException.ThrowIfNull(work);
        return new MyWorkBody(ward.Id, new CodeName(work.UnitCode, work.UnitName),
            new WorkRoundBody(work.Round.Number, work.Round.Title, work.Round.LastDay, work.Open, work.Round.AdHoc)
            {
                YearEnd = work.Round.YearEnd,
            },
            [.. StatusCategoryLabels.All.Select(c => c.Label)], work.CatalogueVersion,
            work.SubmittedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), work.Rows,
            ReturnedBody.From(work.Returned))
        {
            Review = work.Round.YearEnd
                ? new WorkReviewBody(ReviewBody.From(work.Review), YearEndReviews.NextYearLabel(work.Round.LastDay.Year), work.Graded)
                : null,
        };
    }
}

/// <summary>A row recorded by POST /api/submissions.</summary>
public sealed record RecordedRow(string Code, string Status);

/// <summary>POST /api/submissions answer (202).</summary>
public sealed record SubmitResult(string Ward, string Unit, int Round, int Rows, DateTimeOffset RecordedAt,
    IReadOnlyList<RecordedRow> Recorded)
{
    /// <summary>
    /// A year-end report's self score: recorded as the unit's proposed score, or why not (Vietnamese); absent otherwise.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SelfScore { get; init; }
}
