using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>No decision in the library yet: a job that needs one cannot run.</summary>
public sealed class NoDecisionException(string wardId)
    : Errors.DanVanException($"Ward '{wardId}' has no decision in '{SiteSchema.DecisionFolder}' yet.")
{
    public string WardId { get; } = wardId;
}

/// <summary>A round number the ward's decision (and library) does not have.</summary>
public sealed class UnknownRoundException(string wardId, int round)
    : Errors.DanVanException(string.Create(CultureInfo.InvariantCulture, $"Ward '{wardId}' has no round {round}."))
{
    public int Round { get; } = round;
}

/// <summary>A round whose last day has passed: structured submissions are no longer taken.</summary>
public sealed class RoundClosedException(string wardId, int round, DateOnly lastDay)
    : Errors.DanVanException(string.Create(CultureInfo.InvariantCulture, $"Ward '{wardId}': round {round} closed on {lastDay:yyyy-MM-dd}."))
{
    public int Round { get; } = round;

    public DateOnly LastDay { get; } = lastDay;
}

/// <summary>A structured submission refused by <see cref="SubmissionRules"/>; the reasons per row are in <see cref="Result"/>.</summary>
public sealed class SubmissionRefusedException(SubmissionParseResult result)
    : Errors.DanVanException($"Submission refused: {result?.Rejections.Count ?? 0} reason(s).")
{
    public SubmissionParseResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));
}

/// <summary>
/// Use case: compiling a round's report from the library's decision: one round, or every round due, which the daily timer
/// runs: each round (the decision's and the ad hoc ones in use) whose last day has passed and that was not compiled since
/// (a sealed state value per round records the ward day it was last compiled).
/// </summary>
public sealed class RoundCompilation(WardContext ward, DecisionIntake decisions, ReportRounds rounds, ReportCompilation compilation,
    TimeProvider clock, WardProposals proposals, WardRunLease lease, IStateStore state)
{
    /// <summary>
    /// The state key of the ward day a round was last compiled ("round-compiled:2026:3"); the value is dd/MM/yyyy, as a clerk
    /// writes it (an ISO date text would come back from Graph as a date-time, docs/architecture.md "Records people can trust").
    /// </summary>
    public static string CompiledStateKey(int year, int round) =>
        string.Create(CultureInfo.InvariantCulture, $"round-compiled:{year}:{round}");

    /// <summary>
    /// Rounds of the library's decision (and its ad hoc rounds) whose last day has passed (ICT) and that were not compiled
    /// after it (none without a decision).
    /// </summary>
    public async Task<IReadOnlyList<int>> DueRoundsAsync(CancellationToken cancellationToken)
    {
        var today = WardTime.Today(clock);
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return [];
        }

        var decision = current.Catalogue.Decision;
        var due = new List<int>();
        foreach (var round in await rounds.ListAsync(decision, cancellationToken).ConfigureAwait(false))
        {
            if (round.IsClosedOn(today) && !await CompiledAfterAsync(decision, round, cancellationToken).ConfigureAwait(false))
            {
                due.Add(round.Number);
            }
        }

        return due;
    }

    private async Task<bool> CompiledAfterAsync(Catalogue.Decision decision, ReportRound round, CancellationToken cancellationToken)
    {
        var value = await state.GetAsync(CompiledStateKey(ReportLibrary.Year(decision), round.Number), cancellationToken)
            .ConfigureAwait(false);
        return DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
            && on > round.LastDay;
    }

    /// <summary>Compiles every round due (<see cref="DueRoundsAsync"/>); returns them with their files.</summary>
    public async Task<IReadOnlyList<CompileResult>> CompileDueAsync(CancellationToken cancellationToken)
    {
        var results = new List<CompileResult>();
        foreach (var round in await DueRoundsAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(await CompileAsync(round, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Compiles one round of the library's decision into the library (holding the ward's lease).</summary>
    public Task<CompileResult> CompileAsync(int round, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        return lease.RunAsync("compile", token => CompileHeldAsync(round, token), cancellationToken);
    }

    private async Task<CompileResult> CompileHeldAsync(int round, CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id);
        return await CompileAsync(current.Catalogue, round, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compiles one round of <paramref name="catalogue"/> (the CLI's decision file) into the library, with the round's
    /// adjustment proposals (part IV) and the approved extensions beside the tasks they extend.
    /// </summary>
    public async Task<CompileResult> CompileAsync(Catalogue.TaskCatalogue catalogue, int round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        var chosen = await rounds.FindAsync(catalogue.Decision, round, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownRoundException(ward.Id, round);
        var previous = round > 1 ? await rounds.FindAsync(catalogue.Decision, round - 1, cancellationToken).ConfigureAwait(false) : null;
        var listing = await proposals.ReadAsync(cancellationToken).ConfigureAwait(false);
        var authority = proposals.Authority(catalogue);
        var lines = Proposals.ProposalReport.ForRound(listing.Proposals, chosen, previous, authority);
        var extensions = Proposals.EffectiveDeadlines.ReportExtensions(catalogue, listing.Proposals, authority);
        var result = await compilation.CompileAsync(catalogue, ward.Units, chosen, ward.IdentityFor(catalogue.Decision), lines, extensions,
                cancellationToken)
            .ConfigureAwait(false);
        await state.SetAsync(CompiledStateKey(ReportLibrary.Year(catalogue.Decision), round),
            Text.VietnameseText.PaddedDate(WardTime.Today(clock)), cancellationToken).ConfigureAwait(false);
        return result;
    }
}

/// <summary>
/// Use case: units' returns against the library's decision: new or changed files in the rounds' "Nộp" folders (delta),
/// and structured submissions (the same rows as an ingested template).
/// </summary>
public sealed class ReportIngestion(WardContext ward, DecisionIntake decisions, ReportRounds rounds, SubmissionIngest ingest,
    IStateStore state, TimeProvider clock, WardRunLease lease)
{
    /// <summary>Reads new or changed returns into Báo cáo kết quả; null when the library has no decision yet.</summary>
    public Task<IngestReport?> IngestChangesAsync(CancellationToken cancellationToken) =>
        lease.RunAsync("ingest", IngestHeldAsync, cancellationToken);

    private async Task<IngestReport?> IngestHeldAsync(CancellationToken cancellationToken)
    {
        if (await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return null;
        }

        var all = await rounds.ListAsync(current.Catalogue.Decision, cancellationToken).ConfigureAwait(false);
        return await ingest.IngestChangesAsync(current.Catalogue, all, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a unit's structured report for a round after the same <see cref="SubmissionRules"/> as an uploaded template
    /// (task codes, cell lengths, completion words, catalogue version when given), plus: the unit is one of the ward's,
    /// the round exists (<see cref="UnknownRoundException"/>) and is open (<see cref="RoundClosedException"/>), and no
    /// more rows than the unit's work items, each one of them (<see cref="SubmissionRefusedException"/>).
    /// </summary>
    public Task<(SyncPlan Plan, IReadOnlyList<RowFailure> Failures)> SubmitAsync(Submission submission, string source,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return lease.RunAsync("submit", token => SubmitHeldAsync(submission, source, token), cancellationToken);
    }

    private async Task<(SyncPlan Plan, IReadOnlyList<RowFailure> Failures)> SubmitHeldAsync(Submission submission, string source,
        CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id);
        var catalogue = current.Catalogue;
        var round = await rounds.FindAsync(catalogue.Decision, submission.Round, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownRoundException(ward.Id, submission.Round);
        if (round.IsClosedOn(WardTime.Today(clock)))
        {
            throw new RoundClosedException(ward.Id, round.Number, round.LastDay);
        }

        if (ward.Units.Find(submission.UnitCode) is null)
        {
            throw new SubmissionRefusedException(SubmissionParseResult.Rejected(RejectionKind.WrongUnit,
                $"Đơn vị {submission.UnitCode} không có trong danh sách đơn vị của phường."));
        }

        var version = CatalogueVersion.Compute(catalogue);
        var unitCodes = catalogue.WorkItems.Where(t => round.Covers(t.Code) && ReportPlanner.RoleOf(t, submission.UnitCode) is not null)
            .Select(t => Text.VietnameseText.Nfc(t.Code)).ToHashSet(StringComparer.Ordinal);
        var key = new TemplateKey(submission.UnitCode, submission.Round,
            submission.CatalogueVersion.Length == 0 ? version : submission.CatalogueVersion);
        var raw = submission.Rows.Select(r => new RawSubmissionRow(r.Code, r.Result, r.Status?.Label() ?? string.Empty,
            r.Difficulties, r.Proposals)).ToList();
        var result = SubmissionRules.Validate(catalogue, key, raw,
            new SubmissionExpectation(submission.UnitCode, submission.Round, version, unitCodes.Count, unitCodes));
        if (result.Submission is not { } accepted)
        {
            throw new SubmissionRefusedException(result);
        }

        // The operator's structured rows carry no year-end review (the rules rebuild the submission from its rows), so there
        // is no self score to record: a unit proposes its score itself (web part, CLI `score propose`, its template).
        var (plan, failures, _) = await ingest.WriteAsync(catalogue, accepted, source, cancellationToken, maker: "op")
            .ConfigureAwait(false);
        return (plan, failures);
    }
}
