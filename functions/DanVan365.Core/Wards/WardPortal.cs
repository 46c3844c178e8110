using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>A filter value the decision or the directory does not know (the API answers 400).</summary>
public sealed class InvalidQueryException(string message) : Errors.DanVanException(message);

/// <summary>What a form submission did: refused with reasons, or recorded (rows written, the day, what was recorded).</summary>
public sealed record FormSubmitResult(IReadOnlyList<SubmissionRejection> Rejections, IReadOnlyList<SubmissionRow> Recorded,
    DateTimeOffset RecordedAt, IReadOnlyList<RowFailure> Failures)
{
    public bool Accepted => Rejections.Count == 0;

    /// <summary>What became of a year-end report's self score (recorded as the unit's proposal, or why not); null when none.</summary>
    public string? SelfScore { get; init; }
}

/// <summary>
/// Use case: what the web parts read and write (dashboard, a unit's work for a round, the report form), over the
/// ward's lists and a catalogue (the library's decision for the Functions; the CLI's decision for `serve`). The
/// figures come from <see cref="StatusReport"/>, so they equal `danvan365 status` for the same rows and day.
/// </summary>
public sealed class WardPortal(WardContext ward, IListStore lists, ReportRounds rounds, SubmissionIngest ingest, ISiteLinks links,
    DecisionIntake decisions, TimeProvider clock, WardRunLease lease, SubmissionReturns returns, IReadAheadStore readAhead,
    ParsedDecisions parsed)
{
    /// <summary>The lists the dashboard reads (<see cref="DashboardAsync"/>).</summary>
    public static IReadOnlyList<ListDefinition> DashboardLists { get; } = [SiteSchema.Assignments, SiteSchema.Reports, SiteSchema.Returns];

    /// <summary>The lists a unit's work for a round reads (<see cref="WorkAsync"/>).</summary>
    public static IReadOnlyList<ListDefinition> WorkLists { get; } = [SiteSchema.Reports, SiteSchema.Returns];

    /// <summary>
    /// Fetches together (one request against Graph) what the call is about to read (issue 25): <paramref name="lists"/>, the
    /// rounds file's folder of the decision last read for the ward, and, with <paramref name="decision"/>, the version check of
    /// the decision in use (the "Quyết định" folder and the state key naming it). Read only by calls that change nothing before
    /// they read: a write under the ward's lease reads afresh (the lease's claim forgets what was read ahead).
    /// </summary>
    public Task ReadAheadAsync(IReadOnlyList<ListDefinition> lists, bool decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var folders = new List<string>();
        if (decision)
        {
            folders.Add(SiteSchema.DecisionFolder);
        }

        if (parsed.LastUsed(ward.Id) is { } last)
        {
            folders.Add(ReportLibrary.YearFolder(last.Decision));
        }

        return readAhead.ReadAheadAsync(new ReadAhead(lists, decision ? [DecisionIntake.InUseStateKey] : [], folders),
            cancellationToken);
    }

    /// <summary>The library's current decision; throws <see cref="NoDecisionException"/> when there is none.</summary>
    public async Task<TaskCatalogue> LibraryCatalogueAsync(CancellationToken cancellationToken) =>
        (await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id)).Catalogue;

    /// <summary>The dashboard as of <paramref name="asOf"/> (default today, ICT).</summary>
    public async Task<Dashboard> DashboardAsync(TaskCatalogue catalogue, DateOnly? asOf, DashboardFilter filter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Problem(ward.Units, catalogue.Sections) is { } problem)
        {
            throw new InvalidQueryException(problem);
        }

        var assignments = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var reports = await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var all = await rounds.ListAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        var siteLinks = await links.EscalationLinksAsync(cancellationToken).ConfigureAwait(false);
        var returned = await returns.OpenAsync(cancellationToken).ConfigureAwait(false);
        return Dashboard.Build(assignments, reports, catalogue, ward.Units, all, asOf ?? WardTime.Today(clock), filter, siteLinks,
            returned);
    }

    /// <summary>
    /// A unit's rows for a round (default: the first round open today that asks the unit, else the round whose submission
    /// was returned to the unit); null when no such round is open or returned and none is given.
    /// </summary>
    public async Task<UnitWork?> WorkAsync(TaskCatalogue catalogue, string unitCode, int? round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var today = WardTime.Today(clock);
        var returned = await returns.OpenAsync(cancellationToken).ConfigureAwait(false);
        var chosen = await RoundAsync(catalogue, round, today, cancellationToken, unitCode).ConfigureAwait(false);
        if (chosen is null && round is null)
        {
            var all = await rounds.ListAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
            chosen = all.Where(r => returned.IsReturned(r.Number, unitCode)).OrderBy(r => r.LastDay).LastOrDefault();
        }

        if (chosen is null)
        {
            return null;
        }

        var reports = await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        return UnitWork.Build(catalogue, ward.Units, chosen, unitCode, reports, today, returned);
    }

    /// <summary>
    /// Checks a form's rows (<see cref="FormSubmissionRules"/>) and writes them into Báo cáo kết quả through the same path
    /// as an ingested template; nothing is written when a row is refused. Throws <see cref="UnknownRoundException"/>, and
    /// <see cref="RoundClosedException"/> after the round's last day unless the unit's submission was returned for additions
    /// (issue 23: the unit answers a return whenever it comes). <paramref name="submittedBy"/> is the caller's object id.
    /// </summary>
    public async Task<FormSubmitResult> SubmitAsync(TaskCatalogue catalogue, string unitCode, int round,
        IReadOnlyList<RawSubmissionRow> rows, CancellationToken cancellationToken, string? catalogueVersion = null,
        string? submittedBy = null, RawYearEndReview? review = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var now = WardTime.Now(clock);
        var chosen = await RoundAsync(catalogue, round, WardTime.Today(clock), cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownRoundException(ward.Id, round);
        if (chosen.IsClosedOn(WardTime.Today(clock))
            && !(await returns.OpenAsync(cancellationToken).ConfigureAwait(false)).IsReturned(chosen.Number, unitCode))
        {
            throw new RoundClosedException(ward.Id, chosen.Number, chosen.LastDay);
        }

        // The same limits as an uploaded template (issue 13): the catalogue version it was made for, and no more rows than
        // the unit has work items.
        var version = CatalogueVersion.Compute(catalogue);
        if (!string.IsNullOrEmpty(catalogueVersion) && !string.Equals(catalogueVersion, version, StringComparison.Ordinal))
        {
            return new FormSubmitResult([new SubmissionRejection(RejectionKind.WrongCatalogueVersion, string.Create(
                CultureInfo.InvariantCulture,
                $"Báo cáo theo phiên bản danh mục {catalogueVersion}, khác phiên bản hiện hành {version}: hãy tải lại biểu mẫu."))],
                [], now, []);
        }

        var workItems = catalogue.WorkItems.Count(t => ReportPlanner.RoleOf(t, unitCode) is not null);
        if (rows.Count > workItems)
        {
            return new FormSubmitResult([new SubmissionRejection(RejectionKind.TooManyRows, string.Create(CultureInfo.InvariantCulture,
                $"Báo cáo có {rows.Count} dòng, nhiều hơn {workItems} nhiệm vụ của đơn vị."))], [], now, []);
        }

        var checkedRows = FormSubmissionRules.Check(catalogue, ward.Units, chosen, unitCode, rows);
        var (general, problems) = Review(chosen, unitCode, review);
        if (checkedRows.Submission is not { } submission || problems.Count > 0)
        {
            return new FormSubmitResult([.. checkedRows.Rejections, .. problems], [], now, []);
        }

        submission = submission with { Review = general };

        // The write holds the ward's lease (a busy ward: WardBusyException, nothing written).
        var (_, failures, selfScore) = await lease.RunAsync("submit", token => ingest.WriteAsync(catalogue, submission,
            "api/submissions", token, submittedBy is { Length: > 0 } by ? "u:" + by : "-"),
            cancellationToken).ConfigureAwait(false);
        return new FormSubmitResult([], submission.Rows, now, failures) { SelfScore = selfScore };
    }

    /// <summary>
    /// The general part of a year-end report (<see cref="YearEndReviews.Validate"/>; only an assigned unit scores itself); refused
    /// for any other round.
    /// </summary>
    private (YearEndReview? Review, IReadOnlyList<SubmissionRejection> Problems) Review(ReportRound round, string unitCode,
        RawYearEndReview? review)
    {
        if (review is null)
        {
            return (null, []);
        }

        return round.YearEnd
            ? YearEndReviews.Validate(review, ward.Units.IsAssigned(unitCode))
            : (null, [new SubmissionRejection(RejectionKind.WrongRound,
                "Chỉ báo cáo tổng kết năm có phần đánh giá chung và phương hướng năm sau.", null, "review")]);
    }

    private async Task<ReportRound?> RoundAsync(TaskCatalogue catalogue, int? round, DateOnly today, CancellationToken cancellationToken,
        string? unitCode = null)
    {
        var all = await rounds.ListAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        if (round is not { } number)
        {
            return UnitWork.OpenRound(all, today, unitCode);
        }

        return all.FirstOrDefault(r => r.Number == number) ?? throw new UnknownRoundException(ward.Id, number);
    }
}
