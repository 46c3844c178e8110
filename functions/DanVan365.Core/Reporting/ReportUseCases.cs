using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>A template written and uploaded.</summary>
public sealed record IssuedTemplate(UnitTemplateSpec Spec, string FileName, byte[] Content, LibraryFile File);

/// <summary>Use case: one template per expected unit for a round, uploaded to "…/Đợt N/Mẫu/".</summary>
public sealed class ReportTemplates(ILibraryStore library, IReportDocuments documents)
{
    public async Task<IReadOnlyList<IssuedTemplate>> IssueAsync(TaskCatalogue catalogue, UnitDirectory units, ReportRound round,
        WardIdentity? ward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(round);
        ward ??= WardIdentity.HaiAn;
        var folder = ReportLibrary.TemplatesFolder(catalogue.Decision, round.Number);
        await library.EnsureFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        var issued = new List<IssuedTemplate>();
        foreach (var spec in ReportPlanner.Templates(catalogue, units, round))
        {
            var (name, content) = documents.WriteTemplate(spec, ward);
            var file = await library.UploadAsync(folder, name, content, cancellationToken).ConfigureAwait(false);
            issued.Add(new IssuedTemplate(spec, name, content, file));
        }

        return issued;
    }
}

/// <summary>
/// Use case: read filled templates from the rounds' "Nộp" folders into Báo cáo kết quả rows.
/// <para>A file is read only when its version (with the catalogue's version) differs from its IngestedHash column, so
/// an unchanged file costs nothing. Rejected: the reasons go to the file's Rejection column (content untouched).
/// Accepted: the unit's rows of the round are replaced (created/updated, emptied rows cleared, nothing deleted),
/// then Rejection is cleared and IngestedHash set. Several files of one unit in a round are read in name order.</para>
/// <para>A file found in the library counts only if its last modifier is one of its unit's people or an administrator
/// (<see cref="ReturnUploaders"/>); otherwise it is refused with the reason on its Rejection column and nothing of it is
/// written. A file <see cref="SubmitAsync"/> uploads itself is the caller's (the operator holding the app's credentials).</para>
/// </summary>
public sealed class SubmissionIngest(ILibraryStore library, IListStore lists, IReportDocuments documents, TimeProvider clock,
    Wards.WardContext ward)
{
    /// <summary>Library column holding the reasons of a rejection.</summary>
    public const string RejectionColumn = LibraryNames.Rejection;

    /// <summary>Library column holding the stamp of the version last ingested.</summary>
    public const string IngestedColumn = LibraryNames.IngestedHash;

    private IReadOnlyList<CurrentRow>? _rows;

    /// <summary>The value of IngestedHash for a file version read against a catalogue version.</summary>
    public static string Stamp(LibraryFile file, string catalogueVersion)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Version + "|" + catalogueVersion;
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
                if (!force && string.Equals(file.Fields.GetValueOrDefault(IngestedColumn), Stamp(file, version), StringComparison.Ordinal))
                {
                    results.Add(new IngestedFile(file, round.Number, IngestOutcome.Unchanged, null, null, []));
                    continue;
                }

                results.Add(await IngestFileAsync(catalogue, version, file, round.Number, cancellationToken).ConfigureAwait(false));
            }
        }

        return new IngestReport(results);
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
            if (string.Equals(file.Fields.GetValueOrDefault(IngestedColumn), stamp, StringComparison.Ordinal))
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
                    ingested = await RefuseAfterAttemptsAsync(ingested, attempts, stamp, cancellationToken).ConfigureAwait(false);
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

        return new IngestReport(results);
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

    private async Task<IngestedFile> RefuseAfterAttemptsAsync(IngestedFile failed, int attempts, string stamp,
        CancellationToken cancellationToken)
    {
        var cause = failed.Error ?? string.Join("; ", failed.Failures.Select(f => f.ToString()));
        var result = SubmissionParseResult.Rejected(RejectionKind.TooManyAttempts, string.Create(CultureInfo.InvariantCulture,
            $"Không đọc được tệp sau {attempts} lần thử; hãy tải lên lại. Lỗi cuối: {cause}"));
        await library.SetFieldsAsync(failed.File, Columns(result.Summary, stamp), cancellationToken).ConfigureAwait(false);
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
        var stamp = Stamp(file, version);
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

        if (!uploadedHere && UploaderRefusal(catalogue, file, result) is { } refusal)
        {
            result = SubmissionParseResult.Rejected([refusal], result.Key);
        }

        if (result.Submission is not { } submission)
        {
            await library.SetFieldsAsync(file, Columns(result.Summary, stamp), cancellationToken).ConfigureAwait(false);
            return new IngestedFile(file, round, IngestOutcome.Rejected, result, null, []);
        }

        var (plan, failures) = await WriteAsync(catalogue, submission, file.Path, cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            return new IngestedFile(file, round, IngestOutcome.Failed, result, plan, failures);
        }

        await library.SetFieldsAsync(file, Columns(null, stamp), cancellationToken).ConfigureAwait(false);
        return new IngestedFile(file, round, IngestOutcome.Accepted, result, plan, []);
    }

    /// <summary>
    /// Writes an accepted submission into Báo cáo kết quả (key round|code|unit): the unit's rows of the round are
    /// replaced by the submission's content, nothing is deleted. The same path serves ingested templates and the
    /// structured reports of the SubmitReport function.
    /// </summary>
    public async Task<(SyncPlan Plan, IReadOnlyList<RowFailure> Failures)> WriteAsync(TaskCatalogue catalogue, Submission submission,
        string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(submission);
        var today = WardTime.Today(clock);
        _rows ??= await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var unitRows = ReportRows.OfUnit(_rows, submission.Round, submission.UnitCode).ToList();
        var desired = ReportRows.Desired(catalogue, submission, unitRows, source, today);
        var plan = ReportRows.Plan(desired, unitRows);
        if (!plan.Writes.Any())
        {
            return (plan, []);
        }

        var applied = await lists.ApplyAsync(plan, desired, today, cancellationToken).ConfigureAwait(false);
        _rows = null; // read again before the next file: its rows may be the ones just written.
        return (plan, applied.Failures);
    }

    /// <summary>
    /// Why the file does not count for who last modified it (<see cref="ReturnUploaders"/>), or null. The unit is the one the
    /// template names (else the file name); a file of no unit is refused by its content anyway.
    /// </summary>
    private SubmissionRejection? UploaderRefusal(TaskCatalogue catalogue, LibraryFile file, SubmissionParseResult parsed)
    {
        if (!ReturnUploaders.MustCheck(file, out var standing))
        {
            return standing is null ? null : new SubmissionRejection(RejectionKind.NotTheUnitsPerson, standing);
        }

        var unit = parsed.Key?.UnitCode ?? ReportLibrary.UnitFromFileName(file.Name);
        return unit is null ? null : ReturnUploaders.Refusal(ward.Units, unit, catalogue.Decision.AggregatingUnit, file.LastModifiedBy);
    }

    private static Dictionary<string, string?> Columns(string? rejection, string stamp) => new(StringComparer.Ordinal)
    {
        [RejectionColumn] = rejection,
        [IngestedColumn] = stamp,
    };
}

/// <summary>The compiled report of a round: the model, the .docx and the library file.</summary>
public sealed record CompileResult(CompiledReport Report, byte[] Content, LibraryFile File);

/// <summary>
/// Use case: compile a round's BÁO CÁO from the catalogue, Phân công (status categories) and Báo cáo kết quả
/// (the units' results), dated by the clock, and upload it to "…/Đợt N/Tổng hợp/Bao-cao-Dot-N.docx" (compiling
/// again makes a new version of the same file).
/// </summary>
public sealed class ReportCompilation(IListStore lists, ILibraryStore library, IReportDocuments documents, TimeProvider clock)
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
        var compiled = ReportCompiler.Compile(
            catalogue,
            ReportRows.Statuses(assignments, WardTime.Today(clock)),
            ReportRows.Submissions(rows, round.Number, version),
            units,
            round,
            WardTime.Today(clock),
            ward,
            extensions);
        var report = compiled with { AdjustmentProposals = proposals ?? [] };
        var content = documents.WriteReport(report);
        var folder = ReportLibrary.CompiledFolder(catalogue.Decision, round.Number);
        await library.EnsureFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        var file = await library.UploadAsync(folder, ReportLibrary.CompiledFileName(round.Number), content,
            cancellationToken).ConfigureAwait(false);
        return new CompileResult(report, content, file);
    }
}
