using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>
/// Use case: read filled templates from the rounds' "Nộp" folders into Báo cáo kết quả rows.
/// <para>A file is read only when its version (with the catalogue's version) differs from its IngestedHash column, so
/// an unchanged file costs nothing. Rejected: the reasons go to the file's Rejection column (content untouched).
/// Accepted: the unit's rows of the round are replaced (created/updated, emptied rows cleared, nothing deleted),
/// then Rejection is cleared and IngestedHash set. Several files of one unit in a round are read in name order.</para>
/// <para>A file found in the library counts only if its last modifier is one of its unit's people or an administrator
/// (<see cref="ReturnUploaders"/>); otherwise it is refused with the reason on its Rejection column and nothing of it is
/// written. A file <see cref="SubmitAsync"/> uploads itself is the caller's (the operator holding the app's credentials).</para>
/// <para>The uploader judged is the author of the file's content (<see cref="ProcessedStamp"/>), never the app's own later
/// column writes: the sealed processed-file value remembers it, and one a person typed or copied (it does not verify) is
/// not used: the file is judged afresh by Graph's lastModifiedBy and the forgery recorded (Nhật ký can thiệp).</para>
/// </summary>
public sealed class SubmissionIngest(ILibraryStore library, IListStore lists, IReportDocuments documents, TimeProvider clock,
    Wards.WardContext ward, RecordSeal seal, IInterventionLog interventions, SubmissionReturns returns,
    Scoring.ISelfScoreRecorder? selfScores = null)
{
    /// <summary>Library column holding the reasons of a rejection.</summary>
    public const string RejectionColumn = LibraryNames.Rejection;

    /// <summary>Library column holding the stamp of the version last ingested.</summary>
    public const string IngestedColumn = LibraryNames.IngestedHash;

    private IReadOnlyList<CurrentRow>? _rows;

    /// <summary>The identity of a file version read against a catalogue version (what a retry counts attempts of).</summary>
    public static string Stamp(LibraryFile file, string catalogueVersion)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Version + "|" + catalogueVersion;
    }

    /// <summary>
    /// True when this very content was judged against this catalogue by DanVan365 (its sealed processed-file value says so):
    /// nothing to read. A value DanVan365 did not write never makes a file unchanged.
    /// </summary>
    public bool IsUnchanged(LibraryFile file, string catalogueVersion)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ProcessedStamp.Read(seal, file, out _) is { } stamp && file.Version.Length > 0
            && string.Equals(stamp.Version, file.Version, StringComparison.Ordinal)
            && string.Equals(stamp.Context, catalogueVersion, StringComparison.Ordinal);
    }

    /// <summary>Ingests every new or changed file in the given rounds' "Nộp" folders (all files with <paramref name="force"/>).</summary>
    public async Task<IngestReport> IngestAsync(TaskCatalogue catalogue, IReadOnlyList<ReportRound> rounds, bool force,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rounds);
        var version = CatalogueVersion.Compute(catalogue);
        var results = new List<IngestedFile>();
        foreach (var round in rounds)
        {
            var files = await library.ListAsync(ReportLibrary.SubmissionsFolder(catalogue.Decision, round.Number),
                cancellationToken).ConfigureAwait(false);
            foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (!force && IsUnchanged(file, version))
                {
                    results.Add(new IngestedFile(file, round.Number, IngestOutcome.Unchanged, null, null, []));
                    continue;
                }

                results.Add(await IngestFileAsync(catalogue, version, file, round.Number, cancellationToken).ConfigureAwait(false));
            }
        }

        return new IngestReport(results) { Interventions = [.. _interventions] };
    }

    /// <summary>The state key of the library's delta token used by <see cref="IngestChangesAsync"/>.</summary>
    public const string DeltaStateKey = "library-delta";

    /// <summary>
    /// Ingests the files of the rounds' "Nộp" folders that were added or changed since the last call, found with the
    /// library's delta (not a listing of every folder), and the files that failed before (<see cref="IngestRetries"/>).
    /// Each file is isolated: a failure (rows not written, or an error reading it) is counted for that file only; after
    /// <see cref="IngestRetries.MaxAttempts"/> failures of one version it is refused with the reason on its Rejection
    /// column. The new delta token is saved whenever the run finishes, so it never ages out between rounds.
    /// </summary>
    public async Task<IngestReport> IngestChangesAsync(TaskCatalogue catalogue, IReadOnlyList<ReportRound> rounds, IStateStore state,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(state);
        var folders = rounds.ToDictionary(r => ReportLibrary.SubmissionsFolder(catalogue.Decision,
            r.Number).Normalize(System.Text.NormalizationForm.FormC), r => r.Number, StringComparer.Ordinal);
        var token = await state.GetAsync(DeltaStateKey, cancellationToken).ConfigureAwait(false);
        var (changed, next) = await library.ChangesAsync(token, path => folders.ContainsKey(FolderOf(path)),
            cancellationToken).ConfigureAwait(false);
        var retries = await IngestRetries.LoadAsync(state, cancellationToken).ConfigureAwait(false);
        var files = await WithRetriesAsync(changed, retries, folders, cancellationToken).ConfigureAwait(false);
        var version = CatalogueVersion.Compute(catalogue);
        var results = new List<IngestedFile>();
        var stillFailing = new List<IngestRetry>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var round = folders[FolderOf(file.Path)];
            var stamp = Stamp(file, version);
            if (IsUnchanged(file, version))
            {
                results.Add(new IngestedFile(file, round, IngestOutcome.Unchanged, null, null, []));
                continue;
            }

            var ingested = await IsolatedAsync(catalogue, version, file, round, cancellationToken).ConfigureAwait(false);
            if (ingested.Outcome == IngestOutcome.Failed)
            {
                var attempts = IngestRetries.AttemptsOf(retries, file.Path, stamp) + 1;
                if (attempts >= IngestRetries.MaxAttempts)
                {
                    ingested = await RefuseAfterAttemptsAsync(ingested, attempts, version, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    stillFailing.Add(new IngestRetry(file.Path, stamp, attempts));
                }
            }

            results.Add(ingested);
        }

        await IngestRetries.SaveAsync(state, retries, stillFailing, cancellationToken).ConfigureAwait(false);
        await SaveTokenAsync(state, token, next, files.Count > 0, cancellationToken).ConfigureAwait(false);

        return new IngestReport(results) { Interventions = [.. _interventions] };
    }

    /// <summary>The state key of the ward day (yyyy-MM-dd) the delta token was last saved.</summary>
    public const string DeltaSavedStateKey = "library-delta-saved";

    /// <summary>
    /// Saves the new token whenever the run saw files (failed ones included: they are on the retry list), and at least once
    /// a ward day otherwise, so a token never ages out in a quiet period while an idle run writes nothing more.
    /// </summary>
    private async Task SaveTokenAsync(IStateStore state, string? token, string next, bool sawFiles, CancellationToken cancellationToken)
    {
        if (next.Length == 0 || next == token)
        {
            return;
        }

        var today = WardTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var savedOn = await state.GetAsync(DeltaSavedStateKey, cancellationToken).ConfigureAwait(false);
        if (token is not null && !sawFiles && savedOn == today)
        {
            return;
        }

        await state.SetAsync(DeltaStateKey, next, cancellationToken).ConfigureAwait(false);
        if (savedOn != today)
        {
            await state.SetAsync(DeltaSavedStateKey, today, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<LibraryFile>> WithRetriesAsync(IReadOnlyList<LibraryFile> changed, IReadOnlyList<IngestRetry> retries,
        Dictionary<string, int> folders, CancellationToken cancellationToken)
    {
        var files = changed.ToList();
        var wanted = retries.Select(r => r.Path).Where(p => folders.ContainsKey(FolderOf(p)) && files.All(f => f.Path != p)).ToHashSet();
        foreach (var folder in wanted.Select(FolderOf).Distinct(StringComparer.Ordinal))
        {
            var listed = await library.ListAsync(folder, cancellationToken).ConfigureAwait(false);
            files.AddRange(listed.Where(f => wanted.Contains(f.Path.Normalize(System.Text.NormalizationForm.FormC))));
        }

        return files;
    }

    /// <summary>One file, isolated: an error while reading or writing it is this file's failure, never the run's.</summary>
    private async Task<IngestedFile> IsolatedAsync(TaskCatalogue catalogue, string version, LibraryFile file, int round,
        CancellationToken cancellationToken)
    {
        try
        {
            return await IngestFileAsync(catalogue, version, file, round, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _rows = null;
            return new IngestedFile(file, round, IngestOutcome.Failed, null, null, [], ex.Message);
        }
    }

    private async Task<IngestedFile> RefuseAfterAttemptsAsync(IngestedFile failed, int attempts, string version,
        CancellationToken cancellationToken)
    {
        var cause = failed.Error ?? string.Join("; ", failed.Failures.Select(f => f.ToString()));
        var result = SubmissionParseResult.Rejected(RejectionKind.TooManyAttempts, string.Create(CultureInfo.InvariantCulture,
            $"Không đọc được tệp sau {attempts} lần thử; hãy tải lên lại. Lỗi cuối: {cause}"));
        await library.SetFieldsAsync(failed.File, Columns(result.Summary, failed.File, version), cancellationToken).ConfigureAwait(false);
        return failed with { Outcome = IngestOutcome.Rejected, Result = result };
    }

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return (slash < 0 ? string.Empty : path[..slash]).Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>
    /// Uploads a local filled template to its round's "Nộp" folder (as "Bao-cao-Dot-N-UNIT.docx": a re-submission is
    /// a new version of the same file) and ingests it. A file without a template key, or of a round that does not
    /// exist, is refused before upload.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(TaskCatalogue catalogue, IReadOnlyList<ReportRound> rounds, byte[] content,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(content);
        var probe = documents.ParseSubmission(content, catalogue, new SubmissionExpectation());
        if (probe.Key is not { } key)
        {
            return new SubmitResult(null, probe);
        }

        if (!UnitCodes.IsValid(key.UnitCode))
        {
            return new SubmitResult(null, SubmissionParseResult.Rejected([new SubmissionRejection(RejectionKind.WrongUnit,
                "Mã đơn vị trong mẫu có ký tự không được dùng trong tên tệp SharePoint; hãy dùng mẫu do hệ thống phát hành.")], key));
        }

        if (rounds.All(r => r.Number != key.Round))
        {
            return new SubmitResult(null, SubmissionParseResult.Rejected(
                [new SubmissionRejection(RejectionKind.WrongRound, string.Create(CultureInfo.InvariantCulture,
                    $"Mẫu của đợt {key.Round}, nhưng chưa có đợt báo cáo {key.Round}."))], key));
        }

        var folder = ReportLibrary.SubmissionsFolder(catalogue.Decision, key.Round);
        var file = await library.UploadAsync(folder, ReportLibrary.SubmissionFileName(key), content,
            cancellationToken).ConfigureAwait(false);
        var ingested = await IngestFileAsync(catalogue, CatalogueVersion.Compute(catalogue), file, key.Round, cancellationToken,
            content, uploadedHere: true).ConfigureAwait(false);
        return new SubmitResult(ingested, null);
    }

    /// <param name="uploadedHere">True when <see cref="SubmitAsync"/> uploaded the file in this call: its uploader is the caller.</param>
    private async Task<IngestedFile> IngestFileAsync(TaskCatalogue catalogue, string version, LibraryFile file, int round,
        CancellationToken cancellationToken, byte[]? content = null, bool uploadedHere = false)
    {
        var judged = ProcessedStamp.Read(seal, file, out var forged);
        if (forged)
        {
            await RecordAsync(ProcessedStamp.Forgery(file, "báo cáo"), cancellationToken).ConfigureAwait(false);
        }

        var author = ProcessedStamp.ContentAuthor(judged, file, out var byOperator);
        byOperator |= uploadedHere;
        SubmissionParseResult result;
        if (file.Size > documents.MaxSubmissionBytes)
        {
            result = SubmissionParseResult.Rejected(RejectionKind.FileTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"Tệp dài {file.Size} byte, vượt giới hạn {documents.MaxSubmissionBytes} byte."));
        }
        else
        {
            content ??= await library.DownloadAsync(file, documents.MaxSubmissionBytes, cancellationToken).ConfigureAwait(false);
            result = documents.ParseSubmission(content, catalogue, new SubmissionExpectation(ReportLibrary.UnitFromFileName(file.Name),
                round));
        }

        if (!byOperator && UploaderRefusal(catalogue, file, result, author) is { } refusal)
        {
            result = SubmissionParseResult.Rejected([refusal], result.Key);
        }

        var columns = Columns(result.Summary, file, version, author, byOperator);
        if (result.Submission is not { } submission)
        {
            await library.SetFieldsAsync(file, columns, cancellationToken).ConfigureAwait(false);
            return new IngestedFile(file, round, IngestOutcome.Rejected, result, null, []);
        }

        var maker = byOperator ? "op" : author?.UserId is { Length: > 0 } id ? "u:" + id : "-";
        var (plan, failures, selfScore) = await WriteAsync(catalogue, submission, file.Path, cancellationToken, maker)
            .ConfigureAwait(false);
        if (failures.Count > 0)
        {
            return new IngestedFile(file, round, IngestOutcome.Failed, result, plan, failures);
        }

        columns[RejectionColumn] = null;
        await library.SetFieldsAsync(file, columns, cancellationToken).ConfigureAwait(false);
        return new IngestedFile(file, round, IngestOutcome.Accepted, result, plan, []) { SelfScore = selfScore };
    }

    /// <summary>
    /// Writes an accepted submission into Báo cáo kết quả (key round|code|unit): the unit's rows of the round are
    /// replaced by the submission's content, nothing is deleted. The same path serves ingested templates and the
    /// structured reports of the SubmitReport function.
    /// <para>Once written, the submission's maker (<paramref name="maker"/>: "u:{object id}", "op" for the app's operator) is
    /// recorded (sealed) and a return of the unit's earlier submission for this round is closed (issue 23): the new submission
    /// replaces the returned one, and the return stays in Trả lại báo cáo as history.</para>
    /// <para>A year-end submission's self score (<see cref="YearEndReview.SelfScore"/>) is then recorded as the unit's proposed
    /// score by its maker (<see cref="Scoring.ISelfScoreRecorder"/>); <c>SelfScore</c> tells what happened (null: none given). A
    /// score that cannot be recorded refuses nothing of the submission.</para>
    /// </summary>
    public async Task<(SyncPlan Plan, IReadOnlyList<RowFailure> Failures, string? SelfScore)> WriteAsync(TaskCatalogue catalogue,
        Submission submission,
        string source, CancellationToken cancellationToken, string maker = "-")
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(submission);
        var today = WardTime.Today(clock);
        _rows ??= await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var unitRows = ReportRows.OfUnit(_rows, submission.Round, submission.UnitCode).ToList();
        var desired = ReportRows.Desired(catalogue, submission, unitRows, source, today);
        var plan = ReportRows.Plan(desired, unitRows);
        if (plan.Writes.Any())
        {
            var applied = await lists.ApplyAsync(plan, desired, today, cancellationToken).ConfigureAwait(false);
            _rows = null; // read again before the next file: its rows may be the ones just written.
            if (applied.Failures.Count > 0)
            {
                return (plan, applied.Failures, null);
            }
        }

        await returns.RecordSubmitterAsync(submission.Round, submission.UnitCode, maker, cancellationToken).ConfigureAwait(false);
        var closed = await returns.CloseAsync(submission.Round, submission.UnitCode, cancellationToken).ConfigureAwait(false);
        var selfScore = selfScores is null || submission.Review?.SelfScore is null
            ? null
            : await selfScores.RecordAsync(catalogue, submission, maker, cancellationToken).ConfigureAwait(false);
        return (plan, closed, selfScore);
    }

    /// <summary>
    /// Why the file does not count for the author of its content (<see cref="ReturnUploaders"/>), or null. The unit is the one the
    /// template names (else the file name); a file of no unit is refused by its content anyway.
    /// </summary>
    private SubmissionRejection? UploaderRefusal(TaskCatalogue catalogue, LibraryFile file, SubmissionParseResult parsed,
        FileModifier? author)
    {
        var unit = parsed.Key?.UnitCode ?? ReportLibrary.UnitFromFileName(file.Name);
        return unit is null ? null : ReturnUploaders.Refusal(ward.Units, unit, catalogue.Decision.AggregatingUnit, author);
    }

    /// <summary>The file's columns after a judgement: the reasons (or none) and the sealed processed-file value.</summary>
    private Dictionary<string, string?> Columns(string? rejection, LibraryFile file, string version, FileModifier? author = null,
        bool byOperator = false)
    {
        if (author is null && !byOperator)
        {
            author = ProcessedStamp.ContentAuthor(ProcessedStamp.Read(seal, file, out _), file, out byOperator);
        }

        return new(StringComparer.Ordinal)
        {
            [RejectionColumn] = rejection,
            [IngestedColumn] = ProcessedStamp.Write(seal, file, version, author, byOperator),
        };
    }

    private async Task RecordAsync(Intervention intervention, CancellationToken cancellationToken)
    {
        _interventions.Add(intervention);
        await interventions.RecordAsync([intervention], WardTime.Today(clock), cancellationToken).ConfigureAwait(false);
    }

    private readonly List<Intervention> _interventions = [];

    /// <summary>The interventions this ingest recorded (forged processed-file values), for the run's result.</summary>
    public IReadOnlyList<Intervention> Interventions => _interventions;
}
