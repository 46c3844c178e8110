using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>The scan reader's pipeline: page images → cleaned, deskewed pages → grid → OCR → text importer.</summary>
internal static class ScanReader
{
    public static RawCatalogue Read(byte[] bytes, string name, UnitDirectory? units, ScanOptions options)
    {
        _ = bytes;
        _ = units;
        _ = options;
        throw new InvalidInputException(name, 0, "scanned decisions are not read yet (chưa đọc được bản quét)");
    }
}
