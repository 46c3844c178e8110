using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue.Pdf;

/// <summary>PDFs of the bundled decision in layouts the reader must find by geometry give the text version's catalogue.</summary>
public class PdfLayoutParityTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly Lazy<TaskCatalogue> FromText = new(() => DecisionImporters.Import(TestData.DecisionTextPath, Units));

    [Fact]
    public void Import_WrappedCentredHeaderPdf_SameEntriesAsText()
    {
        DecisionForms.AssertSameEntries(FromText.Value, Import(DecisionForms.WrappedHeaderPdf), "PDF (header wraps over three lines)");
    }

    private static TaskCatalogue Import(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return DecisionImporters.Import(stream, "qd-673.pdf", Units);
    }
}
