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
internal sealed partial class ScanPiece(int page, PieceKind kind, int row, GridCell? cell, PixelBox box, GreyPage? image)
{
    public int Page { get; } = page;

    public PieceKind Kind { get; } = kind;

    /// <summary>The table row (counted over the document), for a cell; -1 otherwise.</summary>
    public int Row { get; } = row;

    public GridCell? Cell { get; } = cell;

    public PixelBox Box { get; } = box;

    public GreyPage? Image { get; } = image;

    public IReadOnlyList<OcrLine> Lines { get; set; } = [];

    /// <summary>The page's ink threshold.</summary>
    public int Threshold { get; init; } = 128;

    /// <summary>The second reading (the image binarised at the page's threshold); null when there was none.</summary>
    public IReadOnlyList<OcrLine>? Second { get; set; }

    /// <summary>True when the second reading gives another text: OCR is unsure of the cell, whatever its confidence.</summary>
    public bool Disagrees => Second is { } second && !string.Equals(TextOf(Lines), TextOf(second), StringComparison.Ordinal);

    /// <summary>True when the text holds what OCR cannot tell apart by sight (an ellipsis, written "…" but maybe typed as three
    /// dots; a run of dots), a TT cell that does not read as a code, or a footnote mark (a raised digit, often misread: every
    /// mark is checked).</summary>
    public bool Ambiguous => Text.Contains("...", StringComparison.Ordinal) || Text.Contains('\u2026', StringComparison.Ordinal)
        || (Cell is { FirstColumn: 0 } && Text.Length > 0 && !CodeRegex().IsMatch(Text))
        || (Cell is { FirstColumn: > 0 } && MarkRegex().IsMatch(Text));

    // A footnote mark, read as a digit glued to a word ("sở1.") or as the marks OCR takes a raised digit for ("sở!.").
    [System.Text.RegularExpressions.GeneratedRegex(@"\p{Ll}\d|\p{L}[!|'’`°¹²³]",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MarkRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,2}(\.\d{1,2}){0,2}\.?|[a-zđ])$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CodeRegex();

    /// <summary>The cell's text: its lines joined (the TT cell's as a code: <see cref="OcrText.Code"/>).</summary>
    public string Text => TextOf(Lines);

    /// <summary>The lowest word confidence; 0 for ink that OCR read no word from; 100 for a piece without ink.</summary>
    /// <remarks>
    /// A cell the two readings read differently, or holding an ellipsis, gets at most <see cref="DisagreementConfidence"/>.</remarks>
    public double Confidence => Image is null ? 100 : Lines.Count == 0 ? 0
        : Math.Min(Lines.Min(l => l.Confidence), Disagrees || Ambiguous ? DisagreementConfidence : 100);

    /// <summary>The highest confidence of a cell that two readings read differently.</summary>
    public const double DisagreementConfidence = 50;

    private string TextOf(IReadOnlyList<OcrLine> lines) => Cell is { FirstColumn: 0 }
        ? OcrText.Code(string.Concat(lines.Select(l => l.Text)))
        : OcrText.Join(lines.Select(l => (l, Image?.Width ?? 0)));
}
