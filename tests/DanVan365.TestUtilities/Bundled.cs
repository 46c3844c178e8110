using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.TestUtilities;

/// <summary>
/// The bundled Hải An unit directory and decision, loaded once per test run and shared (both are immutable): test classes
/// use these instead of loading their own copies. Tests about loading or importing them still call the loaders.
/// </summary>
public static class Bundled
{
    private static readonly Lazy<UnitDirectory> LazyUnits = new(UnitDirectory.LoadDefault);

    private static readonly Lazy<TaskCatalogue> LazyCatalogue = new(() => DecisionImporters.Import(TestData.DecisionTextPath, Units));

    /// <summary>The bundled unit directory (Core/Defaults/HaiAn/units.json).</summary>
    public static UnitDirectory Units => LazyUnits.Value;

    /// <summary>QĐ 673/QĐ-UBND imported from its text extraction against <see cref="Units"/>.</summary>
    public static TaskCatalogue Catalogue => LazyCatalogue.Value;
}
