namespace DanVan365.Core.Catalogue;

/// <summary>The part of a scanned decision a cell was read from.</summary>
public enum ScannedColumn
{
    /// <summary>The TT cell (the task's number).</summary>
    Number,

    /// <summary>The "Nhiệm vụ" cell (or a section row's title).</summary>
    Title,

    /// <summary>The "Cơ quan chủ trì" cell.</summary>
    Lead,

    /// <summary>The "Cơ quan phối hợp" cell.</summary>
    Coordinating,

    /// <summary>The "Thời gian thực hiện" cell.</summary>
    Time,

    /// <summary>Text outside the table: a line of the decision's own metadata (number, date, signer, rounds) or a
    /// footnote.</summary>
    Text,
}

/// <summary>A rectangle in a scanned page, in pixels of the page as read (after deskewing), origin top left.</summary>
public readonly record struct PixelBox(int X, int Y, int Width, int Height);

/// <summary>
/// One cell of a scanned decision as OCR read it: where (page, row, column, box), what (NFC text) and how sure the OCR
/// was (0–100, Tesseract's word confidence, the cell's lowest). <see cref="Row"/> is the task's code ("2.6", "3.5.a"),
/// the section's code for a section row, or empty for text outside the table. <see cref="Reviewed"/> is true only for
/// a cell a person confirmed in a reviewed copy (docs/architecture.md "Scanned decisions").
/// </summary>
public sealed record ScannedCell(int Page, string Row, ScannedColumn Column, PixelBox Box, string Text, double Confidence)
{
    /// <summary>A person confirmed this cell (a reviewed copy); never set by OCR.</summary>
    public bool Reviewed { get; init; }
}

/// <summary>
/// What OCR read from a scanned decision, kept with the catalogue: every cell with its confidence, the threshold
/// below which a cell must be reviewed before `sync` uses it, and the pages and resolution read.
/// </summary>
public sealed record ScanReading(IReadOnlyList<ScannedCell> Cells, double Threshold, int Pages, int Dpi)
{
    /// <summary>Cells below the threshold that nobody has confirmed, in reading order.</summary>
    public IReadOnlyList<ScannedCell> NeedsReview => [.. Cells.Where(c => !c.Reviewed && c.Confidence < Threshold)];
}
