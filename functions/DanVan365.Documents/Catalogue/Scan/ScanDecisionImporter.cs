using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Imports a scanned decision (PNG, JPEG, TIFF, or an image-only PDF handed over by <see cref="PdfDecisionImporter"/>):
/// page images, red ink removed, deskewed, the table's grid found from its ruling lines, each cell OCR'd on its own by
/// Tesseract (Vietnamese), and the text read by the same <see cref="TextDecisionImporter"/> as a PDF's rebuilt lines.
/// The raw catalogue carries every cell with its confidence (<see cref="RawCatalogue.Scan"/>).
/// </summary>
public sealed class ScanDecisionImporter(ScanOptions? options = null) : IDecisionImporter
{
    private readonly ScanOptions _options = Validated(options ?? ScanOptions.Default);

    public IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    public TaskCatalogue Import(Stream stream, string name, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var raw = ScanReader.Read(DecisionInput.ReadAll(stream, name), name, units, _options, out var layout);
        try
        {
            return CatalogueAssembler.Assemble(raw, units);
        }
        catch (InvalidInputException ex) when (ex.Page is null && ex.File == name && ex.Line > 0 && ex.Line <= layout.LineCount)
        {
            // a unit name OCR misread, found by the assembler: point at the page and line it was read from
            var (page, line) = layout.Place(ex.Line);
            throw new InvalidInputException(name, page, line, ex.Reason, ex);
        }
    }

    /// <summary>Reads the scan into a raw catalogue with <see cref="RawCatalogue.Scan"/> set; null
    /// <paramref name="units"/>: without a directory (see <see cref="TextDecisionImporter.ReadWithoutDirectory"/>).</summary>
    public RawCatalogue Read(Stream stream, string name, UnitDirectory? units)
    {
        var bytes = DecisionInput.ReadAll(stream, name);
        return ScanReader.Read(bytes, name, units, _options);
    }

    /// <summary>Reads an image-only PDF (no text layer) that <see cref="PdfDecisionImporter"/> hands over, with the default
    /// options.</summary>
    internal static RawCatalogue ReadScannedPdf(byte[] pdf, string name, UnitDirectory? units) =>
        ScanReader.Read(pdf, name, units, ScanOptions.Default);

    private static ScanOptions Validated(ScanOptions options)
    {
        options.Validate();
        return options;
    }
}
