using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Catalogue;

/// <summary>Picks the importer for a decision by its name's extension (.docx → Word, .pdf → PDF, .png .jpg .jpeg .tif .tiff →
/// scan, anything else → text extraction).</summary>
public static class DecisionImporters
{
    public static IDecisionImporter ForName(string name)
    {
        var ext = Path.GetExtension(name).ToUpperInvariant();
        return ext switch
        {
            ".DOCX" => new DocxDecisionImporter(),
            ".PDF" => new PdfDecisionImporter(),
            ".JSON" => new Json.JsonDecisionImporter(), // a reviewed copy (`danvan365 catalogue FILE --out COPY.json`)
            ".PNG" or ".JPG" or ".JPEG" or ".TIF" or ".TIFF" => new ScanDecisionImporter(),
            ".DOC" => throw new InvalidInputException(name, 0,
                "legacy Word .doc is not supported: save the decision as .docx (Word .doc cũ không được hỗ trợ: hãy lưu quyết định thành " +
                ".docx)"),
            _ => new TextDecisionImporter(),
        };
    }

    /// <summary>Imports a decision from a stream with the importer its name's extension calls for.</summary>
    public static TaskCatalogue Import(Stream stream, string name, UnitDirectory units) => ForName(name).Import(stream, name, units);

    /// <summary>
    /// For the edges (CLI, Functions, tests): opens the file (read-only, shared) and imports it. The importers themselves
    /// never open files.
    /// </summary>
    public static TaskCatalogue Import(string path, UnitDirectory units)
    {
        var importer = ForName(path);
        using var stream = OpenFile(path);
        return importer.Import(stream, path, units);
    }

    /// <summary>
    /// Reads a decision without a unit directory (`danvan365 init`): the raw catalogue, its cells as written. The .docx
    /// table gives its cells; a text extraction or a PDF finds them by the shape of the names
    /// (<see cref="TextDecisionImporter.ReadWithoutDirectory"/>).
    /// </summary>
    public static RawCatalogue ReadWithoutDirectory(string path)
    {
        var ext = Path.GetExtension(path).ToUpperInvariant();
        _ = ForName(path);
        using var stream = OpenFile(path);
        return ext switch
        {
            ".DOCX" => DocxDecisionImporter.Read(stream, path),
            ".PDF" => PdfDecisionImporter.ReadWithoutDirectory(stream, path),
            ".PNG" or ".JPG" or ".JPEG" or ".TIF" or ".TIFF" => new ScanDecisionImporter().Read(stream, path, null),
            _ => TextDecisionImporter.ReadWithoutDirectory(stream, path),
        };
    }

    /// <summary>
    /// Reads a decision of any format into its raw catalogue (before assembly) with the directory; a scan (an image, or an
    /// image-only PDF) comes back with <see cref="RawCatalogue.Scan"/> set.
    /// </summary>
    public static RawCatalogue ReadRaw(string path, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ext = Path.GetExtension(path).ToUpperInvariant();
        _ = ForName(path);
        using var stream = OpenFile(path);
        return ext switch
        {
            ".DOCX" => DocxDecisionImporter.Read(stream, path),
            ".PDF" => PdfDecisionImporter.Read(stream, path, units),
            ".JSON" => Json.JsonDecisionImporter.Read(stream, path),
            ".PNG" or ".JPG" or ".JPEG" or ".TIF" or ".TIFF" => new ScanDecisionImporter().Read(stream, path, units),
            _ => TextDecisionImporter.Read(stream, path, units),
        };
    }

    /// <summary>Opens a decision file for reading; a missing file is bad input (exit 2), not a crash.</summary>
    public static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException(path, 0, "file not found (không tìm thấy tệp)", ex);
        }
    }
}
