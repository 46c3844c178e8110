using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>
/// Reading a decision without a unit directory (`danvan365 init`): the cells found by the shape of the names are the cells
/// the bundled directory finds, in every form of the decision.
/// </summary>
public class ReadWithoutDirectoryTests
{
    private static void AssertSameCells(RawCatalogue expected, RawCatalogue actual)
    {
        Assert.Equal(expected.Entries.Select(e => e.Code), actual.Entries.Select(e => e.Code));
        foreach (var (e, a) in expected.Entries.Zip(actual.Entries))
        {
            Assert.True((e.Title, e.LeadText, e.CoordinatingText, e.TimeText) == (a.Title, a.LeadText, a.CoordinatingText, a.TimeText),
                $"{e.Code}: \"{a.LeadText}\" | \"{a.CoordinatingText}\" | \"{a.TimeText}\"");
        }

        Assert.Equal(expected.Decision.Signer, actual.Decision.Signer);
        Assert.Equal(expected.Decision.AggregatingPhrase, actual.Decision.AggregatingPhrase);
    }

    [Fact]
    public void ReadWithoutDirectory_BundledText_SameCellsAsWithTheBundledDirectory()
    {
        using var withUnits = File.OpenRead(TestData.DecisionTextPath);
        using var without = File.OpenRead(TestData.DecisionTextPath);

        AssertSameCells(TextDecisionImporter.Read(withUnits, "qd.txt", Bundled.Units),
            TextDecisionImporter.ReadWithoutDirectory(without, "qd.txt"));
    }

    [Fact]
    public void ReadWithoutDirectory_RuledPdf_SameCellsAsWithTheBundledDirectory()
    {
        AssertSameCells(PdfDecisionImporter.Read(new MemoryStream(DecisionForms.RuledPdf), "qd.pdf", Bundled.Units),
            PdfDecisionImporter.ReadWithoutDirectory(new MemoryStream(DecisionForms.RuledPdf), "qd.pdf"));
    }

    [Fact]
    public void ReadWithoutDirectory_Docx_ReadByTheTableAsImported()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("qd.docx", DecisionForms.Docx(FootnoteMarkStyle.Reference));

        var raw = DecisionImporters.ReadWithoutDirectory(path);

        Assert.Equal(Bundled.Catalogue.Tasks.Count, CatalogueAssembler.Assemble(raw, Bundled.Units).Tasks.Count);
    }

    [Fact]
    public void ReadWithoutDirectory_MissingFile_BadInputWithTheFile()
    {
        var ex = Assert.Throws<Core.Errors.InvalidInputException>(() => DecisionImporters.ReadWithoutDirectory("/nonexistent/qd.txt"));

        Assert.Contains("qd.txt", ex.Message, StringComparison.Ordinal);
    }
}
