using System.Diagnostics;
using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue;
using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents.Scans;
using Xunit.Abstractions;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>
/// The bundled decision printed to PDF by LibreOffice (ruled table), rendered at 300 dpi into an image-only PDF: read by
/// the PDF importer, which hands it to the scan reader (real pdftoppm, real Tesseract). The OCR is done once per run.
/// </summary>
public class ScanDecisionImporterTests(ITestOutputHelper output)
{
    private static readonly Lazy<(RawCatalogue Raw, double Seconds)> Scan300 = new(() =>
    {
        using var dir = new TempDir();
        var path = dir.File("qd-673-ban-quet.pdf");
        File.WriteAllBytes(path, ScanRender.ImagePdf(DecisionForms.RuledPdf, 300));
        var watch = Stopwatch.StartNew();
        var raw = DecisionImporters.ReadRaw(path, Bundled.Units);
        return (raw, watch.Elapsed.TotalSeconds);
    });

    private static readonly Lazy<(RawCatalogue Raw, double Seconds)> Tiff150 = new(() =>
    {
        var pages = ScanRender.PngPages(DecisionForms.RuledPdf, 150).Select(MadeScans.Decode).ToList();
        var tiff = MadeScans.Tiff(pages);
        var watch = Stopwatch.StartNew();
        var raw = new ScanDecisionImporter().Read(new MemoryStream(tiff), "qd-673-ban-quet.tif", Bundled.Units);
        return (raw, watch.Elapsed.TotalSeconds);
    });

    private static readonly Lazy<RawCatalogue> Digital = new(() =>
        DecisionImporters.ReadRaw(TestData.DecisionTextPath, Bundled.Units));

    [Fact]
    public void ReadRaw_ImageOnlyPdf_FindsTheTableWithEveryEntryAndSection()
    {
        var raw = Scan300.Value.Raw;

        Assert.NotNull(raw.Scan);
        Assert.Equal(Digital.Value.Entries.Select(e => e.Code), raw.Entries.Select(e => e.Code));
        Assert.Equal(Digital.Value.Sections.Select(s => s.Code), raw.Sections.Select(s => s.Code));
        Assert.Equal(Digital.Value.Entries.Select(e => e.Section), raw.Entries.Select(e => e.Section));
        Assert.Equal(6, raw.Scan.Pages);
        Assert.Equal(300, raw.Scan.Dpi);
    }

    [Fact]
    public void ReadRaw_ImageOnlyPdf_ReadsTheDecisionsMetadata()
    {
        var decision = Scan300.Value.Raw.Decision;

        Assert.Equal("673/QĐ-UBND", decision.Number);
        Assert.Equal(new DateOnly(2026, 2, 12), decision.Date);
        Assert.Equal("Bùi Quang Ngân", decision.Signer);
        Assert.Equal([new DateOnly(2026, 9, 14), new DateOnly(2026, 11, 19)], decision.ReportingRounds.Select(r => r.LastDay));
    }

    [Fact]
    public void ReadRaw_ImageOnlyPdf_EveryEntryReadInexactlyHasACellToReview()
    {
        var (raw, seconds) = Scan300.Value;
        var comparison = ScanComparison.Of(raw, Digital.Value);
        var read = raw.Entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"300 dpi image-only PDF: {comparison.Exact.Count}/{comparison.Total} entries exact, "
            + $"{comparison.Inexact.Count - comparison.Unflagged.Count}"
            + $"/{comparison.Inexact.Count} inexact ones flagged, {raw.Scan!.NeedsReview.Count} of {raw.Scan.Cells.Count} cells to review, "
            + $"{seconds / raw.Scan.Pages:0.0} s a page"));
        foreach (var code in comparison.Inexact)
        {
            var expected = Digital.Value.Entries.First(e => e.Code == code);
            output.WriteLine($"{code} ({(comparison.Unflagged.Contains(code) ? "NOT flagged" : "flagged")}): "
                + ScanComparison.Difference(expected, read.GetValueOrDefault(code)));
        }

        var lowest = raw.Entries.ToDictionary(e => e.Code, e => raw.Scan.Cells.Where(c => c.Row == e.Code).Min(c => c.Confidence),
            StringComparer.Ordinal);
        output.WriteLine("lowest cell confidence, exact entries: " + string.Join(' ', comparison.Exact.Select(c => lowest[c].ToString("0",
            CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)));
        output.WriteLine("lowest cell confidence, inexact entries: " + string.Join(' ', comparison.Inexact.Where(lowest.ContainsKey)
            .Select(c => lowest[c].ToString("0", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)));
        Assert.Empty(comparison.Unflagged);
    }

    [Fact]
    public void Read_MultiPageTiff150Dpi_FindsEveryEntryAndReportsHowExact()
    {
        var (raw, seconds) = Tiff150.Value;
        var comparison = ScanComparison.Of(raw, Digital.Value);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"150 dpi TIFF: {comparison.Exact.Count}/{comparison.Total} entries exact, "
            + $"{comparison.Inexact.Count - comparison.Unflagged.Count}"
            + $"/{comparison.Inexact.Count} inexact ones flagged ({string.Join(' ', comparison.Unflagged)} not), "
            + $"{raw.Scan!.NeedsReview.Count} of {raw.Scan.Cells.Count} cells to review, {seconds / raw.Scan.Pages:0.0} s a page"));

        Assert.Equal(6, raw.Scan.Pages);
        Assert.Equal(Digital.Value.Entries.Select(e => e.Code), raw.Entries.Select(e => e.Code));
        Assert.Equal("673/QĐ-UBND", raw.Decision.Number);
    }

    [Fact]
    public void ReadRaw_ImageOnlyPdf_CellsAreNfcWithTheirPlaceAndConfidence()
    {
        var scan = Scan300.Value.Raw.Scan!;

        Assert.All(scan.Cells, c => Assert.True(c.Text.IsNormalized(NormalizationForm.FormC), c.Text));
        Assert.All(scan.Cells, c => Assert.InRange(c.Confidence, 0, 100));
        Assert.All(scan.Cells, c => Assert.InRange(c.Page, 1, scan.Pages));
        Assert.All(scan.Cells, c => Assert.True(c.Box.Width > 0 && c.Box.Height > 0, c.ToString()));
        Assert.DoesNotContain(scan.Cells, c => c.Text.Contains('\u00D0', StringComparison.Ordinal));
        var entries = Scan300.Value.Raw.Entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(entries, code => Assert.Contains(scan.Cells, c => c.Row == code && c.Column == ScannedColumn.Title));
        Assert.Contains(scan.Cells, c => c.Column == ScannedColumn.Text && c.Text.Contains("673/QĐ-UBND", StringComparison.Ordinal));
    }
}
