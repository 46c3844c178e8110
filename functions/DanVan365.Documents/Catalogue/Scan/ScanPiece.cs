using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>Where a piece of a scanned page belongs: a table cell, or text before the table, after it, or a footnote.</summary>
internal enum PieceKind
{
    Cell,
    Before,
    After,
    Footnote,
}

/// <summary>
/// A piece of a page cut out for OCR: a table cell (its page-wide row number and columns) or a region of text outside the
/// table; its box on the deskewed page, its image (null when it has no ink: nothing to read) and, once read, its lines.
/// </summary>
internal sealed class ScanPiece(int page, PieceKind kind, int row, GridCell? cell, PixelBox box, GreyPage? image)
{
    public int Page { get; } = page;

    public PieceKind Kind { get; } = kind;

    /// <summary>The table row (counted over the document), for a cell; -1 otherwise.</summary>
    public int Row { get; } = row;

    public GridCell? Cell { get; } = cell;

    public PixelBox Box { get; } = box;

    public GreyPage? Image { get; } = image;

    public IReadOnlyList<OcrLine> Lines { get; set; } = [];

    /// <summary>The cell's text: its lines joined (the TT cell's as a code: <see cref="OcrText.Code"/>).</summary>
    public string Text => Cell is { FirstColumn: 0 } ? OcrText.Code(string.Concat(Lines.Select(l => l.Text)))
        : OcrText.Join(Lines.Select(l => (l, Image?.Width ?? 0)));

    /// <summary>The lowest word confidence; 0 for ink that OCR read no word from; 100 for a piece without ink.</summary>
    public double Confidence => Image is null ? 100 : Lines.Count == 0 ? 0 : Lines.Min(l => l.Confidence);
}
