using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue;

/// <summary>Imports a decision from Word (.docx) — placeholder.</summary>
public sealed class DocxDecisionImporter : IDecisionImporter
{
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public TaskCatalogue Import(string path, UnitDirectory units) => throw new NotSupportedException();
}
