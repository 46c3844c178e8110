using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using UglyToad.PdfPig;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// The Functions' decision reader: the Azure host has no Tesseract, so a scanned decision in the library (an image, or a
/// PDF without a text layer) is refused before any OCR, with the reason on the file saying to upload the reviewed copy
/// (.docx or .json from `danvan365 catalogue FILE --out`); everything else is read by the importer for its extension. A
/// .json copy with unreviewed low-confidence cells is refused by <see cref="ScanReviewGate"/> (in
/// <see cref="DecisionIntake"/>). docs/architecture.md "Scanned decisions".
/// </summary>
public sealed class OcrFreeDecisionReader : IDecisionReader
{
    private static readonly string[] Images = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    /// <summary>The reason given for a scan (English, then Vietnamese: it is shown on the file in the library).</summary>
    public const string ScanRefusal =
        "a scanned decision is not read on the server (no OCR there): read it with `danvan365 catalogue FILE --out COPY.docx` " +
        "(or COPY.json), review the copy and upload it instead (Quyết định là bản quét: máy chủ không đọc bản quét; hãy tạo " +
        "bản sao bằng danvan365 catalogue TỆP --out, rà soát rồi tải bản sao lên thay cho bản quét)";

    public TaskCatalogue Read(ReadOnlyMemory<byte> content, string fileName, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ext = Path.GetExtension(fileName);
        if (Images.Contains(ext, StringComparer.OrdinalIgnoreCase)
            || (ext.Equals(".pdf", StringComparison.OrdinalIgnoreCase) && ImageOnly(content)))
        {
            throw new InvalidInputException(fileName, 0, ScanRefusal);
        }

        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return DecisionImporters.Import(stream, fileName, units);
    }

    /// <summary>True for a PDF whose pages carry no text at all (a scan); a PDF that does not open is left to the importer.</summary>
    public static bool ImageOnly(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content.ToArray());
            return pdf.NumberOfPages is > 0 and <= PdfDecisionImporter.MaxPages && pdf.GetPages().All(p => p.Letters.Count == 0);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Encrypted, corrupt or not a PDF: the PDF importer refuses it with its own message.
            return false;
        }
    }
}
