using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>Every PDF of the corpus (other writers and layouts) gives the text version's catalogue, entry by entry.</summary>
public class PdfCorpusParityTests
{
    private static readonly Lazy<TaskCatalogue> FromText = new(() => DecisionImporters.Import(TestData.DecisionTextPath, Bundled.Units));

    [Theory]
    [InlineData(CorpusPdf.LibreOfficeWideTitle)]
    [InlineData(CorpusPdf.LibreOfficeNarrowTime)]
    [InlineData(CorpusPdf.LibreOfficeSuperscript)]
    [InlineData(CorpusPdf.ChromiumHtml)]
    public void Import_CorpusPdf_SameEntriesAsText(CorpusPdf pdf)
    {
        var catalogue = Import(pdf);

        DecisionForms.AssertSameEntries(FromText.Value, catalogue, DecisionCorpus.FileName(pdf));
    }

    internal static TaskCatalogue Import(CorpusPdf pdf)
    {
        using var stream = new MemoryStream(DecisionCorpus.Bytes(pdf));
        return DecisionImporters.Import(stream, DecisionCorpus.FileName(pdf), Bundled.Units);
    }
}
