using System.Globalization;
using DanVan365.Core.Errors;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Settings of the scan reader (section <see cref="SectionName"/>): the OCR and PDF-rendering commands, the resolution
/// image-only PDFs are rendered at, the confidence below which a cell must be reviewed, and the limits on what is read
/// (docs/architecture.md "Scanned decisions").
/// </summary>
public sealed record ScanOptions
{
    public const string SectionName = "Scan";

    /// <summary>The Tesseract command (Debian packages tesseract-ocr, tesseract-ocr-vie).</summary>
    public string Tesseract { get; init; } = "tesseract";

    /// <summary>The command rendering PDF pages to images (Debian package poppler-utils).</summary>
    public string Pdftoppm { get; init; } = "pdftoppm";

    /// <summary>Resolution an image-only PDF's pages are rendered at (dots per inch).</summary>
    public int RenderDpi { get; init; } = 300;

    /// <summary>A cell read with a confidence (0–100, its lowest word's) below this must be reviewed before `sync`.</summary>
    public double ReviewThreshold { get; init; } = 80;

    /// <summary>Read every cell a second time (binarised) and flag the cells whose two readings differ (twice the OCR
    /// time; off only to measure).</summary>
    public bool SecondReading { get; init; } = true;

    /// <summary>Most pages read (a decision is a few pages; a longer scan is refused before any OCR).</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>Most pixels in one page image (an A4 page at 600 dpi is about 35 million).</summary>
    public long MaxPixelsPerPage { get; init; } = 40_000_000;

    /// <summary>Longest one OCR or rendering process may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the temporary work folders (page images, cell crops) are made; null: the system's temporary folder.
    /// Each is deleted when the scan has been read, read or not.</summary>
    public string? TempFolder { get; init; }

    /// <summary>The defaults.</summary>
    public static ScanOptions Default { get; } = new();

    /// <summary>Throws <see cref="ConfigurationException"/> on a setting out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Tesseract))
        {
            throw new ConfigurationException($"{SectionName}:Tesseract", "the Tesseract command is empty.");
        }

        if (string.IsNullOrWhiteSpace(Pdftoppm))
        {
            throw new ConfigurationException($"{SectionName}:Pdftoppm", "the pdftoppm command is empty.");
        }

        Check(RenderDpi is >= 72 and <= 600, "RenderDpi", RenderDpi, "72–600");
        Check(ReviewThreshold is >= 0 and <= 100, "ReviewThreshold", ReviewThreshold, "0–100");
        Check(MaxPages is >= 1 and <= 500, "MaxPages", MaxPages, "1–500");
        Check(MaxPixelsPerPage is >= 10_000 and <= 200_000_000, "MaxPixelsPerPage", MaxPixelsPerPage, "10000–200000000");
        Check(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromHours(1), "Timeout", Timeout, "more than 0, at most 1 hour");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ConfigurationException($"{SectionName}:{name}",
                string.Create(CultureInfo.InvariantCulture, $"{value} is out of range ({range})."));
        }
    }
}
