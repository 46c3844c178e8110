namespace DanVan365.Documents.Catalogue.Pdf;

/// <summary>
/// One glyph in upright reading coordinates (points, y up): its box, its baseline from <see cref="StartX"/> to
/// <see cref="EndX"/> at <see cref="Baseline"/>, and its size.
/// </summary>
internal sealed record PdfGlyph(string Value, double Left, double Right, double Bottom, double Top, double StartX, double EndX,
    double Baseline, double PointSize)
{
    /// <summary>The glyph is a space (or has no visible character).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Value);

    /// <summary>Horizontal centre of the glyph's box.</summary>
    public double Centre => (Left + Right) / 2;
}

/// <summary>A ruled line (a thin stroke or bar) in upright coordinates: horizontal or vertical.</summary>
internal sealed record PdfRule(double Left, double Bottom, double Right, double Top)
{
    /// <summary>Longer than wide: a vertical rule.</summary>
    public bool IsVertical => Top - Bottom > Right - Left;

    /// <summary>The x of a vertical rule.</summary>
    public double X => (Left + Right) / 2;

    /// <summary>The y of a horizontal rule.</summary>
    public double Y => (Bottom + Top) / 2;
}

/// <summary>
/// A logical page as the table reader sees it: glyphs and rules in upright reading coordinates, its logical number
/// (1-based, counting split halves), and the physical sheet of the PDF it came from.
/// </summary>
internal sealed record PdfPageView(int Number, int Sheet, double Width, double Height, IReadOnlyList<PdfGlyph> Glyphs,
    IReadOnlyList<PdfRule> Rules);
