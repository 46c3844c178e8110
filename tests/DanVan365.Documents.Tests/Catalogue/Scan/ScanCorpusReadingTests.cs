using System.Globalization;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Documents.Scans;
using Xunit.Abstractions;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>
/// The scan reader on the scan corpus (issue 27): the 300 dpi photocopy and the 150 dpi one fed 1° askew, each an
/// image-only PDF read through the ordinary importer. A table is found with every entry; each entry that differs from the
/// text version (compared field by field, as the PDF corpus's parity tests do) has a cell waiting for review; the stamped
/// cell is read right or flagged. The figures (exact out of 31, flagged, seconds per page) are printed, not asserted:
/// docs/benchmarks.md "Scanned decisions". Each scan is read once per test run (OCR costs seconds per page).
/// </summary>
public class ScanCorpusReadingTests(ITestOutputHelper output)
{
    // Both scans are read at once on first use (OCR runs one Tesseract process at a time per reading; two use both cores).
    private static readonly Lazy<Dictionary<ScanProfile, Task<ScanScore>>> Readings = new(() =>
        new[] { ScanProfile.Photocopy300, ScanProfile.Rotated150 }.ToDictionary(p => p, p => Task.Run(() => Read(p))));

    [Theory]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    public async Task Import_ScannedPdf_TableFoundWithEveryEntry(ScanProfile profile)
    {
        var score = await Score(profile);
        Print(score);

        Assert.True(score.Refusal is null, $"{score.File} refused: {score.Refusal}");
        Assert.Equal(Bundled.Catalogue.Tasks.Count, score.Catalogue!.Tasks.Count);
        Assert.NotNull(score.Catalogue.Scan);
        Assert.Equal(score.Pages, score.Catalogue.Scan.Pages);
        Assert.NotEmpty(score.Catalogue.Scan.Cells);
    }

    [Theory]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    public async Task Import_ScannedPdf_EveryInexactEntryFlaggedForReview(ScanProfile profile)
    {
        var score = await Score(profile);
        Print(score);

        Assert.True(score.Refusal is null, $"{score.File} refused: {score.Refusal}");
        Assert.All(score.Inexact, e => Assert.True(e.Flagged,
            $"{score.File}: entry {e.Code} differs and none of its cells waits for review\nexpected: {e.Expected}\nactual:   {e.Actual}"));
    }

    [Theory]
    [InlineData(ScanProfile.Photocopy300)]
    [InlineData(ScanProfile.Rotated150)]
    public async Task Import_ScannedPdf_StampedCellReadOrFlagged(ScanProfile profile)
    {
        var stamped = ScanCorpus.Get(profile).StampedCell!;
        var score = await Score(profile);
        Assert.True(score.Refusal is null, $"{score.File} refused: {score.Refusal}");
        var reading = score.Catalogue!.Scan!;

        var cell = reading.Cells.FirstOrDefault(c => c.Row == stamped.Row && c.Column == stamped.Column);
        Assert.True(cell is not null, $"no {stamped.Column} cell of {stamped.Row} was read");
        Assert.Equal(stamped.Page, cell.Page);
        var expected = Bundled.Catalogue.Tasks.Single(t => t.Code == stamped.Row).Lead;
        var read = score.Catalogue.Tasks.FirstOrDefault(t => t.Code == stamped.Row)?.Lead;
        var flagged = reading.NeedsReview.Contains(cell);
        output.WriteLine($"{score.File}: stamped cell {stamped.Row} {stamped.Column} read \"{cell.Text}\" ({cell.Confidence:0}), "
            + $"expected \"{expected.Text}\"; flagged: {flagged}");
        Assert.True((read is not null && read.Text == expected.Text && read.Units.SequenceEqual(expected.Units)) || flagged,
            $"the stamped cell read \"{read?.Text}\" for \"{expected.Text}\" and is not flagged (confidence {cell.Confidence})");
    }

    internal static Task<ScanScore> Score(ScanProfile profile) => Readings.Value[profile];

    private static ScanScore Read(ScanProfile profile)
    {
        var scan = ScanCorpus.Get(profile);
        return ScanScore.Read(ScanCorpus.Bytes(profile, ScanFormat.ImagePdf), ScanCorpus.FileName(profile, ScanFormat.ImagePdf),
            scan.Pages.Count, scan.Dpi, Bundled.Catalogue, Bundled.Units);
    }

    private void Print(ScanScore s)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.File}: {s.Pages} pages at {s.Dpi} dpi; exact {s.Exact}/{s.Entries.Count}; inexact {s.Inexact.Count}, flagged "
            + $"{s.InexactFlagged}; cells flagged {s.CellsFlagged}/{s.Cells}; metadata exact: {s.MetadataExact}; "
            + $"{s.SecondsPerPage:0.0} s/page"));
        foreach (var e in s.Inexact)
        {
            output.WriteLine($"  {e.Code} (flagged: {e.Flagged})\n    expected: {e.Expected}\n    actual:   {e.Actual}");
        }
    }
}
