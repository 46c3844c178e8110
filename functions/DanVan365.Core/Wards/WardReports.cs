using System.Globalization;
using DanVan365.Core.Reporting;
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

/// <summary>
/// Use case: compiling a round's report from the library's decision: one round, or every round whose last day was
/// yesterday (ICT), which the daily timer runs.
/// </summary>
public sealed class RoundCompilation(WardContext ward, DecisionIntake decisions, ReportRounds rounds, ReportCompilation compilation,
    TimeProvider clock, WardProposals proposals)
{
    /// <summary>Rounds of the library's decision whose last day was yesterday (none without a decision).</summary>
    public async Task<IReadOnlyList<int>> DueRoundsAsync(CancellationToken cancellationToken)
    {
        var yesterday = WardTime.Today(clock).AddDays(-1);
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return current is null
            ? []
            : [.. current.Catalogue.Decision.ReportingRounds.Where(r => r.LastDay == yesterday).Select(r => r.Round)];
    }

    /// <summary>Compiles every round due (last day yesterday); returns them with their files.</summary>
    public async Task<IReadOnlyList<CompileResult>> CompileDueAsync(CancellationToken cancellationToken)
    {
        var results = new List<CompileResult>();
        foreach (var round in await DueRoundsAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(await CompileAsync(round, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Compiles one round of the library's decision into the library.</summary>
    public async Task<CompileResult> CompileAsync(int round, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id);
        var chosen = await rounds.FindAsync(current.Catalogue.Decision, round, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownRoundException(ward.Id, round);
        var previous = round > 1
            ? await rounds.FindAsync(current.Catalogue.Decision, round - 1, cancellationToken).ConfigureAwait(false)
            : null;
        var listing = await proposals.ReadAsync(cancellationToken).ConfigureAwait(false);
        var lines = Proposals.ProposalReport.ForRound(listing.Proposals, chosen, previous, proposals.Authority(current.Catalogue));
        return await compilation.CompileAsync(current.Catalogue, ward.Units, chosen, null, lines, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Use case: units' returns against the library's decision: new or changed files in the rounds' "Nộp" folders (delta),
/// and structured submissions (the same rows as an ingested template).
/// </summary>
public sealed class ReportIngestion(WardContext ward, DecisionIntake decisions, ReportRounds rounds, SubmissionIngest ingest,
    IStateStore state)
{
    /// <summary>Reads new or changed returns into Báo cáo kết quả; null when the library has no decision yet.</summary>
    public async Task<IngestReport?> IngestChangesAsync(CancellationToken cancellationToken)
    {
        if (await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return null;
        }

        var all = await rounds.ListAsync(current.Catalogue.Decision, cancellationToken).ConfigureAwait(false);
        return await ingest.IngestChangesAsync(current.Catalogue, all, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a unit's structured report for a round.</summary>
    public async Task<(SyncPlan Plan, IReadOnlyList<RowFailure> Failures)> SubmitAsync(Submission submission, string source,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoDecisionException(ward.Id);
        return await ingest.WriteAsync(current.Catalogue, submission, source, cancellationToken).ConfigureAwait(false);
    }
}
