using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>The compiled report of a round: the model, the .docx and the library file.</summary>
public sealed record CompileResult(CompiledReport Report, byte[] Content, LibraryFile File);

/// <summary>
/// Use case: compile a round's BÁO CÁO from the catalogue, Phân công (status categories) and Báo cáo kết quả
/// (the units' results), dated by the clock, and upload it to "…/Đợt N/Tổng hợp/Bao-cao-Dot-N.docx" (compiling
/// again makes a new version of the same file). An ad hoc round's report covers only its chosen tasks and units
/// (<see cref="RoundScope"/>); the returns are still read against the whole catalogue's version.
/// </summary>
/// <para>The year-end round (<see cref="ReportRound.YearEnd"/>) reads Phân công as of its data cut-off and adds the year-end
/// part (<see cref="YearEndCompiler"/>) with the scoring table from <see cref="Scoring.IScoreBoardSource"/> when one is
/// registered (none: the appendix says the scoring is not yet available).</para>
public sealed class ReportCompilation(IListStore lists, ILibraryStore library, IReportDocuments documents, TimeProvider clock,
    SubmissionReturns returns, Scoring.IScoreBoardSource scores)
{
    public Task<CompileResult> CompileAsync(TaskCatalogue catalogue, UnitDirectory units, ReportRound round, WardIdentity? ward,
        CancellationToken cancellationToken) => CompileAsync(catalogue, units, round, ward, [], null, cancellationToken);

    /// <summary>
    /// As above, with the round's adjustment proposals listed in part IV and the approved extensions (by task code) beside
    /// the tasks they extend (issue 17).
    /// </summary>
    public async Task<CompileResult> CompileAsync(TaskCatalogue catalogue, UnitDirectory units, ReportRound round, WardIdentity? ward,
        IReadOnlyList<Proposals.ProposalReportLine> proposals, IReadOnlyDictionary<string, ReportExtension>? extensions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(round);
        var assignments = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var rows = await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var version = CatalogueVersion.Compute(catalogue);
        var returned = await returns.OpenAsync(cancellationToken).ConfigureAwait(false);
        var today = WardTime.Today(clock);
        var asOf = round.DataCutOff is { } cut && cut < today ? cut : today;
        var submissions = ReportRows.Submissions(rows, round.Number, version, returned).Where(s => round.Asks(s.UnitCode)).ToList();
        var compiled = ReportCompiler.Compile(
            RoundScope.Of(catalogue, round),
            ReportRows.Statuses(assignments, asOf),
            submissions,
            units,
            round,
            today,
            ward,
            extensions);
        var report = compiled with { AdjustmentProposals = proposals ?? [] };
        if (round.YearEnd)
        {
            var board = await scores.ReadAsync(catalogue, cancellationToken).ConfigureAwait(false);
            report = report with { YearEnd = YearEndCompiler.Summarize(report, catalogue, submissions, units, board) };
        }

        var content = documents.WriteReport(report);
        var folder = ReportLibrary.CompiledFolder(catalogue.Decision, round.Number);
        await library.EnsureFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        var file = await library.UploadAsync(folder, ReportLibrary.CompiledFileName(round.Number), content,
            cancellationToken).ConfigureAwait(false);
        return new CompileResult(report, content, file);
    }
}
