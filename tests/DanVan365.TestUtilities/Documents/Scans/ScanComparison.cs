using DanVan365.Core.Catalogue;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>
/// A scan's catalogue compared with the digital one, entry by entry (title, lead, coordinating, time, footnotes): which
/// entries OCR read exactly, and whether every inexact one has a cell left for review.
/// </summary>
public sealed record ScanComparison(int Total, IReadOnlyList<string> Exact, IReadOnlyList<string> Inexact, IReadOnlyList<string> Unflagged)
{
    public static ScanComparison Of(RawCatalogue scan, RawCatalogue digital)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(digital);
        var review = (scan.Scan?.NeedsReview ?? []).Select(c => c.Row).ToHashSet(StringComparer.Ordinal);
        var read = scan.Entries.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var exact = new List<string>();
        var inexact = new List<string>();
        foreach (var entry in digital.Entries)
        {
            (read.TryGetValue(entry.Code, out var other) && Same(entry, other) ? exact : inexact).Add(entry.Code);
        }

        return new ScanComparison(digital.Entries.Count, exact, inexact, [.. inexact.Where(c => !review.Contains(c))]);
    }

    /// <summary>How an entry differs ("" when it does not).</summary>
    public static string Difference(RawEntry expected, RawEntry? actual) => actual is null ? "missing"
        : string.Join("; ", new[]
        {
            Diff("title", expected.Title, actual.Title), Diff("lead", expected.LeadText, actual.LeadText),
            Diff("coordinating", expected.CoordinatingText, actual.CoordinatingText), Diff("time", expected.TimeText, actual.TimeText),
            Diff("footnotes", string.Join(',', expected.Footnotes), string.Join(',', actual.Footnotes)),
        }.Where(d => d.Length > 0));

    private static bool Same(RawEntry a, RawEntry b) => Difference(a, b).Length == 0;

    private static string Diff(string what, string? expected, string? actual) =>
        string.Equals(expected ?? string.Empty, actual ?? string.Empty, StringComparison.Ordinal) ? string.Empty
            : $"{what}: \"{expected}\" read \"{actual}\"";
}
