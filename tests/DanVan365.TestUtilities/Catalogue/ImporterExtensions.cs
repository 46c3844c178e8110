using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>Tests are an edge: they open the file and hand the importer a stream, as the CLI does.</summary>
public static class ImporterExtensions
{
    public static TaskCatalogue ImportFile(this IDecisionImporter importer, string path, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(importer);
        using var stream = File.OpenRead(path);
        return importer.Import(stream, path, units);
    }
}
