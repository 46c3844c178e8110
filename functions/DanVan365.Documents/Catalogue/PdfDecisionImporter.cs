using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue;

/// <summary>PDF decisions (being built).</summary>
public sealed class PdfDecisionImporter : IDecisionImporter
{
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public TaskCatalogue Import(Stream stream, string name, UnitDirectory units) =>
        throw new InvalidInputException(name, 0, "PDF decisions are not supported yet: use the .docx, or a UTF-8 text extraction (.txt)");
}
