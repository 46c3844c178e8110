using System.Diagnostics;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>One entry of the text version against what was read from a scan.</summary>
/// <param name="Code">The entry's code in the text version.</param>
/// <param name="Expected">The text version's entry, every field on one line (<see cref="ScanScore.Describe"/>).</param>
/// <param name="Actual">The scan's entry with that code, or null when none was read.</param>
/// <param name="Flagged">At least one cell of the entry's row is below the review threshold and unreviewed.</param>
public sealed record EntryCheck(string Code, string Expected, string? Actual, bool Flagged)
{
    public bool Exact => Expected == Actual;
}

/// <summary>
/// How well a scan of the bundled decision was read (issue 27, "Measured, not asserted"): each entry compared with the
/// text version field by field (as the PDF corpus's parity tests compare them), whether each inexact entry was flagged
/// for review, the metadata, and the time it took.
/// </summary>
public sealed record ScanScore(string File, int Pages, int Dpi, TaskCatalogue? Catalogue, IReadOnlyList<EntryCheck> Entries,
    bool MetadataExact, TimeSpan Elapsed, string? Refusal)
{
    /// <summary>On a refusal by the assembly: the entries and cells the reader itself gave (0 when the reading refused).</summary>
    public (int Entries, int Cells) RawReading { get; init; }

    public int Exact => Entries.Count(e => e.Exact);

    public IReadOnlyList<EntryCheck> Inexact => [.. Entries.Where(e => !e.Exact)];

    public int InexactFlagged => Inexact.Count(e => e.Flagged);

    /// <summary>The metadata fields the scan reads otherwise, expected then read ("" when none or nothing was read).</summary>
    public string MetadataDifference { get; init; } = string.Empty;

    /// <summary>Cells read in all, and those waiting for review.</summary>
    public int Cells => Catalogue?.Scan?.Cells.Count ?? 0;

    public int CellsFlagged => Catalogue?.Scan?.NeedsReview.Count ?? 0;

    public double SecondsPerPage => Elapsed.TotalSeconds / Math.Max(1, Pages);

    /// <summary>Reads <paramref name="bytes"/> as the ward's importer would (by the file's extension) and scores it against
    /// <paramref name="expected"/>, the text version; a refusal is scored too (no entries read).</summary>
    public static ScanScore Read(byte[] bytes, string file, int pages, int dpi, TaskCatalogue expected, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var watch = Stopwatch.StartNew();
        TaskCatalogue? read = null;
        string? refusal = null;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            read = DecisionImporters.Import(stream, file, units);
        }
        catch (InvalidInputException ex)
        {
            refusal = ex.Message;
        }

        watch.Stop();
        var raw = refusal is null ? (0, 0) : ReadRaw(bytes, file, units, ref refusal);
        return new ScanScore(file, pages, dpi, read, Compare(expected, read), read is not null && SameMetadata(expected.Decision,
            read.Decision), watch.Elapsed, refusal)
        { RawReading = raw, MetadataDifference = read is null ? string.Empty : MetadataDiff(expected.Decision, read.Decision) };
    }

    /// <summary>Every entry of <paramref name="expected"/> against the entry with the same code in <paramref name="actual"/>.</summary>
    public static IReadOnlyList<EntryCheck> Compare(TaskCatalogue expected, TaskCatalogue? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var review = actual?.Scan?.NeedsReview.Select(c => c.Row).ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. expected.Tasks.Select(t =>
        {
            var got = actual?.Tasks.FirstOrDefault(a => a.Code == t.Code);
            return new EntryCheck(t.Code, Describe(t), got is null ? null : Describe(got), review.Contains(t.Code));
        })];
    }

    /// <summary>An entry on one line: code, section and parent, title, lead and coordinating cells with their units, time
    /// frame and footnotes (the fields the PDF corpus's parity tests compare).</summary>
    public static string Describe(CatalogueTask t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"{t.Code} [{t.Section}/{t.Parent}] {t.Title} | {t.Lead.Text} => {string.Join(",", t.Lead.Units)} | "
            + $"{t.Coordinating.Text} => {string.Join(",", t.Coordinating.Units)} | {t.TimeFrame} | notes {string.Join(",", t.Footnotes)}";
    }

    // What the reader itself gave before the catalogue's assembly refused it (a diagnosis for the figures).
    private static (int Entries, int Cells) ReadRaw(byte[] bytes, string file, UnitDirectory units, ref string refusal)
    {
        using var dir = new TempDir();
        try
        {
            var raw = DecisionImporters.ReadRaw(dir.WriteBytes(file, bytes), units);
            var codes = raw.Entries.Select(e => e.Code).ToList();
            var cells = raw.Scan?.Cells.Count ?? 0;
            refusal += $" [read before assembly: {codes.Count} entries ({string.Join(" ", codes)}), {cells} cells]";
            return (codes.Count, cells);
        }
        catch (InvalidInputException ex)
        {
            refusal += $" [the reading itself refused: {ex.Message}]";
            return (0, 0);
        }
    }

    private static string MetadataDiff(Decision a, Decision b) => string.Join("; ", new[]
    {
        ("number", a.Number, b.Number), ("date", Day(a.Date), Day(b.Date)), ("signer", a.Signer, b.Signer),
        ("capacity", string.Join(" / ", a.SignerCapacity), string.Join(" / ", b.SignerCapacity)),
        ("rounds", string.Join(", ", a.ReportingRounds), string.Join(", ", b.ReportingRounds)),
    }.Where(f => f.Item2 != f.Item3).Select(f => $"{f.Item1}: \"{f.Item2}\" read \"{f.Item3}\""));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool SameMetadata(Decision a, Decision b) => a.Number == b.Number && a.Date == b.Date && a.Signer == b.Signer
        && a.SignerCapacity.SequenceEqual(b.SignerCapacity) && a.ReportingRounds.SequenceEqual(b.ReportingRounds);
}
