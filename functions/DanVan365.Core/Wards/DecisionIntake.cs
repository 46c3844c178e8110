using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Wards;

/// <summary>A decision file chosen from the library and read.</summary>
public sealed record CurrentDecision(LibraryFile File, TaskCatalogue Catalogue);

/// <summary>What an intake did. <see cref="Sync"/> is null when nothing was synced (see <see cref="SkipReason"/>).</summary>
public sealed record DecisionIntakeReport(LibraryFile? File, string? SkipReason, int ChangedFiles, WardSyncReport? Sync)
{
    /// <summary>Approved proposals the synced decision carries out, now marked done (issue 17).</summary>
    public IReadOnlyList<Proposals.Proposal> ClosedProposals { get; init; } = [];

    /// <summary>
    /// Files refused because their content's author may not publish decisions (<see cref="DecisionPublishers"/>), and
    /// processed-file values DanVan365 did not write: each recorded in Nhật ký can thiệp (issue 22).
    /// </summary>
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];
}

/// <summary>
/// Use case: the decision in the library's "Quyết định" folder. Choose the file (the name that sorts last, among the
/// changed ones unless forced), read it, sync the ward from it (<see cref="WardSync"/>) and stamp the files so an
/// unchanged decision costs one listing. A decision that cannot be read is rejected whole before any write, with the
/// reason on the file for people to see, once (the stamp).
/// <para>The decision in use (<see cref="CurrentAsync"/>) is the last one that imported cleanly, recorded in the ward's
/// state (<see cref="InUseStateKey"/>): a later bad, draft or unsupported file never stops ingestion, escalation or
/// compilation.</para>
/// <para>Only a publisher's decision is read (issue 22, <see cref="DecisionPublishers"/>): the author of a file's content
/// (<see cref="ProcessedStamp.ContentAuthor"/>) must be one of the office that issues the ward's decisions or the signer.
/// A file anyone else put there is refused with the reason on it, once (the sealed stamp), recorded in Nhật ký can thiệp,
/// and never becomes the decision in use; the last accepted decision stays in use.</para>
/// <para>A version read once is not downloaded again (<see cref="ParsedDecisions"/>, issue 25): a warm call costs the
/// folder listing (which carries each file's cTag) and the state, not the decision's bytes.</para>
/// </summary>
public sealed class DecisionIntake(WardContext ward, ILibraryStore library, IDecisionReader reader, WardSync sync, IStateStore state,
    WardProposals proposals, WardRunLease lease, RecordSeal seal, IInterventionLog interventions, TimeProvider clock,
    ParsedDecisions parsed)
{
    /// <summary>State key holding the drive item id of the decision that last imported cleanly.</summary>
    public const string InUseStateKey = "decision-in-use";

    /// <summary>
    /// Library column that records, sealed, the Version (cTag) of the file last judged and its author
    /// (<see cref="ProcessedStamp"/>).
    /// </summary>
    public const string StampColumn = LibraryNames.IngestedHash;

    /// <summary>Library column that tells people why a file was refused.</summary>
    public const string RejectionColumn = LibraryNames.Rejection;

    /// <summary>A decision larger than this is refused (the Hải An decision is a few hundred KB).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    // .json: a reviewed copy of a scan; images: a scan, read where OCR is (refused on the Functions host).
    private static readonly string[] Extensions = [".docx", ".txt", ".pdf", ".doc", ".json", ".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    /// <summary>True for a file that is meant as a decision (the importer refuses .pdf/.doc with a reason people can act on).</summary>
    public static bool IsDecision(LibraryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Extensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the file's content was not judged yet: no stamp DanVan365 sealed names its current Version (a value a
    /// person typed does not count: that file is judged afresh).
    /// </summary>
    public bool Changed(LibraryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ProcessedStamp.Read(seal, file, out _) is not { } stamp
            || !string.Equals(stamp.Version, file.Version, StringComparison.Ordinal);
    }

    /// <summary>Why the file's content may not be imported (its author is no publisher), or null.</summary>
    public string? PublisherRefusal(LibraryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return DecisionPublishers.Refusal(ward.Units, ProcessedStamp.ContentAuthor(ProcessedStamp.Read(seal, file, out _), file, out _));
    }

    /// <summary>The file whose name sorts last (decisions are named by number and year, so an amendment wins), or null.</summary>
    public static LibraryFile? Latest(IEnumerable<LibraryFile> files) => files.OrderBy(f => f.Name, StringComparer.Ordinal).LastOrDefault();

    /// <summary>The decision files in "Quyết định" (none while the site is not provisioned).</summary>
    public async Task<IReadOnlyList<LibraryFile>> FilesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var files = await library.ListAsync(SiteSchema.DecisionFolder, cancellationToken).ConfigureAwait(false);
            return [.. files.Where(IsDecision)];
        }
        catch (SiteNotProvisionedException)
        {
            return [];
        }
    }

    /// <summary>
    /// The decision in use, read: the one that last imported cleanly (recorded in the state); before any clean import (or
    /// when that file is gone or no longer readable) the newest file not refused that reads. Null when there is none.
    /// </summary>
    public async Task<CurrentDecision?> CurrentAsync(CancellationToken cancellationToken)
    {
        var files = await FilesAsync(cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
        {
            // No decision yet (or no site yet: the state list does not exist before provisioning).
            return null;
        }

        var recorded = await state.GetAsync(InUseStateKey, cancellationToken).ConfigureAwait(false);
        // Only a publisher's content is ever in use: a file a member replaced or added is skipped, whatever its columns say.
        var candidates = files.Where(f => f.Id == recorded)
            .Concat(files.Where(f => f.Id != recorded && string.IsNullOrEmpty(f.Fields.GetValueOrDefault(RejectionColumn)))
                .OrderByDescending(f => f.Name, StringComparer.Ordinal))
            .Where(f => PublisherRefusal(f) is null);
        foreach (var file in candidates)
        {
            try
            {
                return new CurrentDecision(file, await ReadAsync(file, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidInputException)
            {
                // Refused by SyncAsync with the reason on the file; the next candidate is the decision in use.
            }
        }

        return null;
    }

    /// <summary>Syncs the ward from the library's decision: only when a file changed, unless <paramref name="force"/>.</summary>
    public async Task<DecisionIntakeReport> SyncAsync(bool force, CancellationToken cancellationToken)
    {
        var files = await FilesAsync(cancellationToken).ConfigureAwait(false);
        var changed = files.Where(Changed).ToList();
        var refused = changed.Where(f => PublisherRefusal(f) is not null).ToList();
        var publishers = files.Where(f => PublisherRefusal(f) is null).ToList();
        var file = force ? Latest(publishers) : Latest(changed.Except(refused));
        if (file is null && refused.Count == 0)
        {
            return new DecisionIntakeReport(null,
                files.Count == 0 ? $"no decision in '{SiteSchema.DecisionFolder}'" : "decision unchanged", changed.Count, null);
        }

        // Something to write: the ward's lease for the rest (the sync re-enters it); an idle run costs only the listing.
        return await lease.RunAsync("intake", async token =>
        {
            var recorded = await RefuseAsync(refused, token).ConfigureAwait(false);
            var report = file is null
                ? new DecisionIntakeReport(null, "refused: not uploaded by a publisher", changed.Count, null)
                : await SyncFileAsync(file, changed.Except(refused).ToList(), token).ConfigureAwait(false);
            return report with { Interventions = [.. recorded, .. report.Interventions] };
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses files whose content's author may not publish: the reason on the file, the stamp (judged once), and the
    /// intervention recorded; a processed-file value DanVan365 did not write is recorded too. Nothing else changes.
    /// </summary>
    private async Task<IReadOnlyList<Intervention>> RefuseAsync(IReadOnlyList<LibraryFile> refused, CancellationToken cancellationToken)
    {
        var recorded = new List<Intervention>();
        foreach (var file in refused)
        {
            var reason = PublisherRefusal(file)!;
            if (ProcessedStamp.Read(seal, file, out var forged) is null && forged)
            {
                recorded.Add(ProcessedStamp.Forgery(file, "quyết định"));
            }

            var column = SiteSchema.Library.Columns.First(c => c.Name == RejectionColumn).DisplayName;
            recorded.Add(new Intervention(SiteSchema.Library.DisplayName, file.Path, column, file.Name, null,
                InterventionAction.Refused, reason, file.LastModifiedBy, null));
            await StampAsync([file], reason, cancellationToken).ConfigureAwait(false);
        }

        if (recorded.Count > 0)
        {
            var failures = await interventions.RecordAsync(recorded, WardTime.Today(clock), cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                throw new RemoteServiceException("record interventions", 500, "interventionNotRecorded", null, failures[0].Reason);
            }
        }

        return recorded;
    }

    private async Task<DecisionIntakeReport> SyncFileAsync(LibraryFile file, List<LibraryFile> changed,
        CancellationToken cancellationToken)
    {
        TaskCatalogue catalogue;
        try
        {
            catalogue = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            // The stamp stops the same bad file being retried every hour; the reason is on the file.
            var reason = string.Create(CultureInfo.InvariantCulture, $"{file.Name}:{ex.Line}: {ex.Reason}");
            await StampAsync([file], "Không nhập được quyết định: " + reason, cancellationToken).ConfigureAwait(false);
            return new DecisionIntakeReport(file, "rejected: " + reason, changed.Count, null);
        }

        var report = await sync.SyncAsync(catalogue, file.Name, dryRun: false, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Proposals.Proposal> closed = [];
        if (report.Succeeded)
        {
            // The amendment is applied: the approved proposals it carries out are done (before the stamp, so a failure retries).
            closed = await proposals.CloseCoveredAsync(catalogue, cancellationToken).ConfigureAwait(false);

            // Stamp only after a complete run: a failed run is retried from the same file.
            await StampAsync(changed.Contains(file) ? changed : [.. changed, file], null, cancellationToken).ConfigureAwait(false);
            await state.SetAsync(InUseStateKey, file.Id, cancellationToken).ConfigureAwait(false);
        }

        return new DecisionIntakeReport(file, null, changed.Count, report) { ClosedProposals = closed };
    }

    /// <summary>
    /// The file's catalogue: the one read before when this very version of this file was read (<see cref="ParsedDecisions"/>,
    /// issue 25), else downloaded and read now.
    /// </summary>
    private Task<TaskCatalogue> ReadAsync(LibraryFile file, CancellationToken cancellationToken) =>
        parsed.GetAsync(ward, file, async () =>
        {
            var bytes = await library.DownloadAsync(file, MaxBytes, cancellationToken).ConfigureAwait(false);
            var catalogue = reader.Read(bytes, file.Name, ward.Units);
            // A scan's low-confidence cells must be reviewed first (docs/architecture.md "Scanned decisions"): no --accept-ocr here.
            _ = ScanReviewGate.Check(catalogue, file.Name, acceptOcr: false);
            return catalogue;
        });

    private async Task StampAsync(IEnumerable<LibraryFile> files, string? rejection, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            // The author judged is sealed with the content version: the app's column write below makes the application the
            // file's lastModifiedBy (baseitem.md), and must not change the verdict on the next read.
            var author = ProcessedStamp.ContentAuthor(ProcessedStamp.Read(seal, file, out _), file, out var byOperator);
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [StampColumn] = ProcessedStamp.Write(seal, file, ProcessedStamp.DecisionContext, author, byOperator),
                [RejectionColumn] = rejection,
            };
            await library.SetFieldsAsync(file, fields, cancellationToken).ConfigureAwait(false);
        }
    }
}
