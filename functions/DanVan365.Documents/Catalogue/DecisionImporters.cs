using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue;

/// <summary>Picks the importer for a decision file by its extension (.docx → Word, .pdf → refused for now, anything else → text extraction).</summary>
public static class DecisionImporters
{
    public static IDecisionImporter ForPath(string path)
    {
        var ext = Path.GetExtension(path).ToUpperInvariant();
        return ext switch
        {
            ".DOCX" => new DocxDecisionImporter(),
            ".PDF" => throw new InvalidInputException(path, 0, "PDF decisions are not supported yet: use the .docx, or a UTF-8 text extraction (.txt)"),
            ".DOC" => throw new InvalidInputException(path, 0, "legacy Word .doc is not supported: save the decision as .docx"),
            _ => new TextDecisionImporter(),
        };
    }

    /// <summary>Imports a decision with the importer its extension calls for.</summary>
    public static TaskCatalogue Import(string path, UnitDirectory units) => ForPath(path).Import(path, units);
}
