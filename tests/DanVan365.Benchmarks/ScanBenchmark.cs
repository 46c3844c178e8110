using System.Diagnostics;
using System.Globalization;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Benchmarks;

/// <summary>
/// Figures for issue 27 ("Measured, not asserted"): each scan of the corpus read through the ordinary importer (the file's
/// extension picks it), every entry compared with the text version's, whether each inexact entry has a cell waiting for
/// review, and the time per page (making the scan is not timed). `scans` reads the four image-only PDFs and the 150 dpi
/// scan's multi-page TIFF; `scans Photocopy300:pdf Rotated150:tif …` picks some. Prints one Markdown row per scan
/// (docs/benchmarks.md "Scanned decisions"), then each inexact entry.
/// </summary>
public static class ScanBenchmark
{
    private static readonly (ScanProfile Profile, ScanFormat Format)[] Default =
    [
        (ScanProfile.Clean300, ScanFormat.ImagePdf),
        (ScanProfile.Photocopy300, ScanFormat.ImagePdf),
        (ScanProfile.Rotated150, ScanFormat.ImagePdf),
        (ScanProfile.Rotated150, ScanFormat.Tiff),
        (ScanProfile.Chromium300, ScanFormat.ImagePdf),
    ];

    public static int Run(string[] args)
    {
        var picked = new List<(ScanProfile, ScanFormat)>();
        foreach (var arg in args)
        {
            var parts = arg.Split(':');
            if (!Enum.TryParse<ScanProfile>(parts[0], out var profile) || parts.Length > 2)
            {
                Console.WriteLine($"unknown scan '{arg}': one of {string.Join(", ", ScanCorpus.All)}, optionally :pdf or :tif");
                return 2;
            }

            picked.Add((profile, parts.Length == 2 && parts[1] == "tif" ? ScanFormat.Tiff : ScanFormat.ImagePdf));
        }

        var scores = new List<ScanScore>();
        var made = new List<string>();
        Console.WriteLine("| scan | file | pages | dpi | entries exact | inexact | inexact flagged | cells flagged | metadata "
            + "| s / page |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var (profile, format) in picked.Count > 0 ? picked : [.. Default])
        {
            var making = Stopwatch.StartNew();
            var scan = ScanCorpus.Get(profile);
            var bytes = ScanCorpus.Bytes(profile, format);
            var file = ScanCorpus.FileName(profile, format);
            made.Add(string.Create(CultureInfo.InvariantCulture, $"{file}: made in {making.Elapsed.TotalSeconds:0.0} s "
                + $"(with the scan's pages if not made yet), {bytes.Length / 1048576.0:0.0} MB"));
            var score = ScanScore.Read(bytes, file, scan.Pages.Count, scan.Dpi, Bundled.Catalogue, Bundled.Units);
            scores.Add(score);
            Console.WriteLine(score.Refusal is not null
                ? $"| {profile} | {file} | {score.Pages} | {score.Dpi} | refused: {score.Refusal} | | | | | "
                    + string.Create(CultureInfo.InvariantCulture, $"{score.SecondsPerPage:0.0} |")
                : string.Create(CultureInfo.InvariantCulture,
                    $"| {profile} | {file} | {score.Pages} | {score.Dpi} | {score.Exact}/{score.Entries.Count} | {score.Inexact.Count} | "
                    + $"{score.InexactFlagged}/{score.Inexact.Count} | {score.CellsFlagged}/{score.Cells} | "
                    + $"{(score.MetadataExact ? "exact" : "differs")} | {score.SecondsPerPage:0.0} |"));
        }

        made.ForEach(Console.WriteLine);
        foreach (var score in scores.Where(s => s.Refusal is null))
        {
            if (score.MetadataDifference.Length > 0)
            {
                Console.WriteLine($"{score.File} metadata: {score.MetadataDifference}");
            }

            foreach (var e in score.Inexact)
            {
                Console.WriteLine($"{score.File} {e.Code} (flagged: {e.Flagged})\n  expected: {e.Expected}\n  actual:   {e.Actual}");
            }
        }

        return 0;
    }
}
