using System.Globalization;
using System.Text.Json.Nodes;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Integrity;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>The rounds of a year as read: the ones in use, and the entries of the rounds file not used (their seal fails).</summary>
/// <param name="Rounds">The decision's rounds, then the ad hoc ones whose seal verifies, by number.</param>
/// <param name="Ignored">One intervention per ad hoc entry not used (recorded by the next escalation run).</param>
public sealed record RoundListing(IReadOnlyList<ReportRound> Rounds, IReadOnlyList<Intervention> Ignored);

/// <summary>
/// The reporting rounds of a programme year: the decision's rounds, then ad hoc rounds added later (decision part II.1).
/// Ad hoc rounds live in the library as a small JSON file, "{year}/Đợt báo cáo.json" (<see cref="AdHocRoundFile"/>);
/// numbering continues after every number used. Members can edit the library, so an entry is used only when its seal
/// verifies (docs/architecture.md "Records people can trust"): one a person added or changed is left in the file, used
/// by nothing (no templates, reminders, compilation or form) and returned in <see cref="RoundListing.Ignored"/>. A file
/// that does not read at all is ignored whole the same way. Creating a round is <see cref="Wards.WardRounds"/>.
/// The year-end round (tổng kết, <see cref="ReportRound.YearEnd"/>) is listed too, though the decision does not name it: its
/// days come from the ward's <see cref="YearEndOptions"/>, its number is the smallest after the decision's rounds that no
/// stored ad hoc entry (used or ignored) takes, and ad hoc rounds are numbered after it, so it never changes.
/// </summary>
public sealed class ReportRounds(ILibraryStore library, RecordSeal seal, Wards.WardContext ward)
{
    /// <summary>Largest rounds file read (bytes).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Longest ad hoc round title (characters).</summary>
    public const int MaxTitleLength = 255;

    /// <summary>The decision's rounds, then the ad hoc ones in use, by number.</summary>
    public async Task<IReadOnlyList<ReportRound>> ListAsync(Decision decision, CancellationToken cancellationToken) =>
        (await ReadAsync(decision, cancellationToken).ConfigureAwait(false)).Rounds;

    /// <summary>The rounds in use and the ad hoc entries not used (their seal fails).</summary>
    public async Task<RoundListing> ReadAsync(Decision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var stored = await ReadFileAsync(decision, cancellationToken).ConfigureAwait(false);
        return new RoundListing(Merge(decision, YearEnd(decision, stored), stored.Valid), stored.Ignored);
    }

    /// <summary>One round by number, or null.</summary>
    public async Task<ReportRound?> FindAsync(Decision decision, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var fromDecision = ReportRound.FromDecision(decision).FirstOrDefault(r => r.Number == number);
        if (fromDecision is not null)
        {
            return fromDecision;
        }

        var all = await ListAsync(decision, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(r => r.Number == number);
    }

    /// <summary>
    /// Stores an ad hoc round (its number: the next one after every number in use, the decision's, the year-end round's and
    /// the file's, ignored entries included) sealed, creates its folders and returns it. Entries not used stay in the file as they are. The
    /// caller validates (<see cref="AdHocRoundRules"/>) and holds the ward's lease.
    /// </summary>
    public async Task<ReportRound> AddAsync(Decision decision, ReportRound draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(draft);
        var stored = await ReadFileAsync(decision, cancellationToken).ConfigureAwait(false);
        var used = ReportRound.FromDecision(decision).Select(r => r.Number)
            .Concat(stored.Entries.Select(AdHocRoundFile.Number).OfType<int>()).Append(YearEnd(decision, stored).Number).ToList();
        var round = draft with { Number = used.Count == 0 ? 1 : used.Max() + 1, AdHoc = true };
        foreach (var folder in ReportLibrary.RoundFolders(decision, round.Number))
        {
            await library.EnsureFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        }

        var path = FilePath(decision);
        var entries = stored.Entries.Append(AdHocRoundFile.Entry(round, seal, path));
        await library.UploadAsync(ReportLibrary.YearFolder(decision), ReportLibrary.RoundsFileName, AdHocRoundFile.Write(entries),
            cancellationToken).ConfigureAwait(false);
        return round;
    }

    /// <summary>The rounds file's content, unsealed (deterministic).</summary>
    public static byte[] Serialize(IEnumerable<ReportRound> adHoc)
    {
        ArgumentNullException.ThrowIfNull(adHoc);
        return AdHocRoundFile.Write(adHoc.Select(r => AdHocRoundFile.Entry(r, null, string.Empty)));
    }

    /// <summary>Reads a rounds file's entries, sealed or not; a broken file is bad input (file:line).</summary>
    public static IReadOnlyList<ReportRound> Parse(byte[] content, string path) =>
        [.. AdHocRoundFile.Read(content, path).Select(s => s.Round)];

    /// <summary>The rounds file's path in the library ("2026/Đợt báo cáo.json").</summary>
    public static string FilePath(Decision decision) => ReportLibrary.YearFolder(decision) + "/" + ReportLibrary.RoundsFileName;

    /// <summary>
    /// The year-end round as stored entries leave it: numbered the smallest after the decision's rounds that no entry of the
    /// rounds file (used or ignored) takes.
    /// </summary>
    private ReportRound YearEnd(Decision decision, StoredFile stored)
    {
        var taken = stored.Entries.Select(AdHocRoundFile.Number).OfType<int>().ToHashSet();
        var number = ReportRound.FromDecision(decision).Select(r => r.Number).DefaultIfEmpty(0).Max() + 1;
        while (taken.Contains(number))
        {
            number++;
        }

        return ReportRound.YearEndOf(decision, ward.YearEnd, number);
    }

    private static List<ReportRound> Merge(Decision decision, ReportRound yearEnd, IReadOnlyList<ReportRound> adHoc)
    {
        var fromDecision = ReportRound.FromDecision(decision).Append(yearEnd).ToList();
        var taken = fromDecision.Select(r => r.Number).ToHashSet();
        // A number the decision already uses belongs to the decision.
        return [.. fromDecision.Concat(adHoc.Where(r => !taken.Contains(r.Number))).GroupBy(r => r.Number).Select(g => g.First())
            .OrderBy(r => r.Number)];
    }

    private sealed record StoredFile(IReadOnlyList<ReportRound> Valid, IReadOnlyList<JsonObject> Entries,
        IReadOnlyList<Intervention> Ignored);

    private async Task<StoredFile> ReadFileAsync(Decision decision, CancellationToken cancellationToken)
    {
        var files = await library.ListAsync(ReportLibrary.YearFolder(decision), cancellationToken).ConfigureAwait(false);
        var file = files.FirstOrDefault(f => string.Equals(VietnameseText.Nfc(f.Name), ReportLibrary.RoundsFileName,
            StringComparison.Ordinal));
        if (file is null)
        {
            return new StoredFile([], [], []);
        }

        var path = FilePath(decision);
        var content = await library.DownloadAsync(file, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StoredRound> entries;
        try
        {
            entries = AdHocRoundFile.Read(content, path);
        }
        catch (InvalidInputException ex)
        {
            return new StoredFile([], [], [Unreadable(file, path, ex.Message)]);
        }

        var valid = new List<ReportRound>();
        var ignored = new List<Intervention>();
        foreach (var entry in entries)
        {
            var check = seal.Verify(AdHocRoundFile.SealList, AdHocRoundFile.RowKey(path, entry.Round.Number),
                AdHocRoundFile.SealedValues(entry.Round), entry.Seal);
            if (check == SealCheck.Broken)
            {
                ignored.Add(Ignored(file, path, entry.Round));
            }
            else
            {
                valid.Add(entry.Round);
            }
        }

        return new StoredFile(valid, [.. entries.Select(e => e.Raw)], ignored);
    }

    private static Intervention Ignored(LibraryFile file, string path, ReportRound round) =>
        new(AdHocRoundFile.SealList, AdHocRoundFile.RowKey(path, round.Number), ReportLibrary.RoundsFileName,
            Shorten(string.Create(CultureInfo.InvariantCulture,
                $"Đợt {round.Number}: {round.Title}, hạn {VietnameseText.PaddedDate(round.LastDay)}")), null,
            InterventionAction.Ignored,
            string.Create(CultureInfo.InvariantCulture,
                $"Đợt báo cáo {round.Number} trong tệp \"{ReportLibrary.RoundsFileName}\" không do DanVan365 ghi hoặc đã bị sửa; {Unused}"),
            file.LastModifiedBy, null);

    private static Intervention Unreadable(LibraryFile file, string path, string problem) =>
        new(AdHocRoundFile.SealList, path, ReportLibrary.RoundsFileName, Shorten(problem), null, InterventionAction.Ignored,
            $"Tệp \"{ReportLibrary.RoundsFileName}\" không đọc được; các đợt báo cáo đột xuất trong tệp không được sử dụng.",
            file.LastModifiedBy, null);

    private const string Unused = "không sử dụng (không phát mẫu, không nhắc, không tổng hợp).";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
