using DanVan365.Core.Catalogue;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>One scan of the test corpus (see <see cref="ScanCorpus"/>).</summary>
public enum ScanProfile
{
    /// <summary>300 dpi, straight, no noise, no ink: the best a scanner gives.</summary>
    Clean300,

    /// <summary>300 dpi photocopy: grey, grain and specks; a red stamp over a table cell and over the signature, a blue
    /// signature.</summary>
    Photocopy300,

    /// <summary>150 dpi photocopy fed askew (turned 1° clockwise), with the same noise, stamps and signature.</summary>
    Rotated150,

    /// <summary>Another writer: Chromium's print of the HTML table (A4, Liberation Serif 13 pt, the header repeated per page),
    /// scanned as <see cref="Photocopy300"/> is.</summary>
    Chromium300,
}

/// <summary>The forms a scan is delivered in.</summary>
public enum ScanFormat
{
    /// <summary>A PDF with one JPEG image per page at the page's physical size and no text layer.</summary>
    ImagePdf,

    /// <summary>One page (the one with the stamped cell) as PNG, its resolution in a pHYs chunk.</summary>
    Png,

    /// <summary>The same page as JPEG (JFIF, its resolution in the header).</summary>
    Jpeg,

    /// <summary>Every page in one multi-page TIFF (RGB, Deflate, resolution tags).</summary>
    Tiff,
}

/// <summary>A red stamp over one table cell: the page (1-based), the task's row code and column, the cell's box and the
/// stamp's box, both in pixels of the scanned page (after its rotation; the box bounding the turned shape).</summary>
public sealed record StampedCell(int Page, string Row, ScannedColumn Column, PixelBox Cell, PixelBox Stamp);

/// <summary>Something drawn on one page (1-based), its box in pixels of the scanned page.</summary>
public sealed record PageMark(int Page, PixelBox Box);

/// <summary>
/// A scan made from the bundled decision's PDF: its pages (JPEG, as scanners store them), the page size in points each
/// was printed on, and where the ink was put (null on a clean scan).
/// </summary>
public sealed class Scan
{
    internal Scan(ScanProfile profile, int dpi, double rotation, IReadOnlyList<ScanPageImage> pages)
    {
        Profile = profile;
        Dpi = dpi;
        RotationDegrees = rotation;
        Pages = pages;
    }

    public ScanProfile Profile { get; }

    /// <summary>Pixels per inch the pages were rendered at.</summary>
    public int Dpi { get; }

    /// <summary>How far the sheets were turned, clockwise (0 when fed straight).</summary>
    public double RotationDegrees { get; }

    public IReadOnlyList<ScanPageImage> Pages { get; }

    /// <summary>The red stamp over a table cell.</summary>
    public StampedCell? StampedCell { get; internal init; }

    /// <summary>The red stamp over the signature block.</summary>
    public PageMark? SignatureStamp { get; internal init; }

    /// <summary>The blue signature stroke, above the signer's name.</summary>
    public PageMark? Signature { get; internal init; }

    /// <summary>The signer's printed name under the signature (where it is on the scan).</summary>
    public PageMark? SignerName { get; internal init; }
}

/// <summary>One scanned page: its JPEG bytes, its size in pixels and the paper's size in points.</summary>
public sealed record ScanPageImage(byte[] Jpeg, int Width, int Height, double WidthPoints, double HeightPoints);
