using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue.Pdf;
using DanVan365.Documents.Catalogue.Scan;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace DanVan365.Documents.Catalogue;

/// <summary>
/// Imports a decision from a PDF with a digital text layer (exported from Word or LibreOffice, possibly signed): the
/// table is rebuilt from the words' positions by <see cref="PdfTableReader"/> and then read exactly as a text
/// extraction, so the three forms give the same catalogue. A scan (no text), an encrypted, corrupt or oversized PDF
/// is refused at once with a message saying what to do; an image-only PDF (a scan) goes to
/// <see cref="ScanDecisionImporter"/>. Pages are first made upright and 2-up sheets split by
/// <see cref="PdfPageNormaliser"/>; errors name file:page:line (the logical page, the line on it from the top).
/// </summary>
public sealed class PdfDecisionImporter : IDecisionImporter
{
    /// <summary>Most pages accepted (a decision is a few pages; more is not a decision, and costs time to read).</summary>
    public const int MaxPages = 200;

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public TaskCatalogue Import(Stream stream, string name, UnitDirectory units) =>
        CatalogueAssembler.Assemble(Read(stream, name, units), units);

    public static RawCatalogue Read(Stream stream, string name, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var lines = ReadPlacedLines(stream, name, out var scan);
        if (scan is not null)
        {
            return ScanDecisionImporter.ReadScannedPdf(scan, name, units);
        }

        try
        {
            return TextDecisionImporter.Read(name, lines.Select((t, i) => new NumberedLine(i + 1, t.Text)).ToList(), units);
        }
        catch (InvalidInputException ex) when (ex.Page is null && ex.File == name && ex.Line > 0 && ex.Line <= lines.Count)
        {
            // the text importer counts rebuilt lines: point at the page and the line on it where that line starts
            var at = lines[ex.Line - 1];
            throw new InvalidInputException(name, at.Page, at.Line, ex.Reason, ex);
        }
    }

    /// <summary>Reads the PDF without a unit directory (`danvan365 init`, see
    /// <see cref="TextDecisionImporter.ReadWithoutDirectory"/>).</summary>
    public static RawCatalogue ReadWithoutDirectory(Stream stream, string name)
    {
        var lines = ReadPlacedLines(stream, name, out var scan);
        return scan is not null
            ? ScanDecisionImporter.ReadScannedPdf(scan, name, null)
            : TextDecisionImporter.Read(name, lines.Select((t, i) => new NumberedLine(i + 1, t.Text)).ToList(), null);
    }

    /// <summary>The decision's text rebuilt from the PDF's layout (one string per line).</summary>
    public static IReadOnlyList<string> ReadLines(Stream stream, string name)
    {
        var lines = ReadPlacedLines(stream, name, out var scan);
        return scan is null ? [.. lines.Select(l => l.Text)] : throw NoTextLayer(name);
    }

    // The rebuilt lines, each with the logical page and the line on that page where it starts; an image-only PDF (a scan)
    // gives no lines and its bytes in scan, for the scan reader.
    private static IReadOnlyList<PdfTextLine> ReadPlacedLines(Stream stream, string name, out byte[]? scan)
    {
        scan = null;
        var bytes = DecisionInput.ReadAll(stream, name);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw Corrupt(name, "it does not start like a PDF", null);
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw Encrypted(name, ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Corrupt(name, ex.Message, ex);
        }

        using (document)
        {
            if (document.IsEncrypted && !CanRead(document))
            {
                throw Encrypted(name, null);
            }

            if (document.NumberOfPages > MaxPages)
            {
                throw new InvalidInputException(name, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the PDF has {document.NumberOfPages} pages; a decision has at most {MaxPages}. Check that this is the decision. " +
                        $"(Tệp PDF có {document.NumberOfPages} trang, quá {MaxPages} trang: hãy kiểm tra lại đây có phải quyết định " +
                        $"không.)"));
            }

            try
            {
                var pages = PdfPageNormaliser.Normalise(document.GetPages());
                if (!pages.Any(p => p.Glyphs.Any(l => !l.IsBlank)))
                {
                    scan = bytes; // no text layer: a scan, read by OCR (Scan/ScanDecisionImporter)
                    return [];
                }

                var bodySize = PdfLines.BodySize(pages.SelectMany(p => p.Glyphs));
                return new PdfTableReader().Read(pages, bodySize);
            }
            catch (PdfLayoutException ex)
            {
                throw new InvalidInputException(name, ex.Page, ex.Line,
                    ex.Message + " (Không đọc được bảng danh mục trong tệp PDF: hãy dùng bản .docx.)", ex);
            }
            catch (Exception ex) when (ex is not InvalidInputException and not OutOfMemoryException)
            {
                throw Corrupt(name, ex.Message, ex);
            }
        }
    }

    private static InvalidInputException NoTextLayer(string name) => new(name, 1, 0,
        "the PDF has no text layer (a scanned image): its text is read by OCR only when the decision is imported. "
        + "(Tệp PDF là bản quét, không có lớp chữ: chữ chỉ được nhận dạng (OCR) khi nhập quyết định.)");

    private static bool CanRead(PdfDocument document)
    {
        try
        {
            return document.NumberOfPages >= 0 && document.GetPage(1).Letters.Count >= 0;
        }
        catch (PdfDocumentEncryptedException)
        {
            return false;
        }
    }

    private static InvalidInputException Encrypted(string name, Exception? inner) => new(name, 0,
        "the PDF is encrypted (password-protected): ask for an unprotected copy or the .docx. (Tệp PDF có mật khẩu: hãy xin bản không " +
            "đặt mật khẩu hoặc bản .docx.)", inner);

    private static InvalidInputException Corrupt(string name, string reason, Exception? inner) => new(name, 0,
        $"the PDF is damaged or not a PDF ({reason}): ask for the file again, or use the .docx. (Tệp PDF bị hỏng: hãy xin gửi lại tệp " +
            $"hoặc dùng bản .docx.)", inner);
}
