using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue;
using DanVan365.Documents.Catalogue.Copies;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Catalogue.Copies;

public class DecisionDocxCopyTests
{
    private static RawCatalogue BundledRaw()
    {
        using var stream = File.OpenRead(TestData.DecisionTextPath);
        return TextDecisionImporter.Read(stream, TestData.DecisionTextPath, Bundled.Units);
    }

    private static RawCatalogue WriteAndRead(RawCatalogue raw, out byte[] bytes)
    {
        using (var output = new MemoryStream())
        {
            DecisionDocxCopy.Write(raw, output);
            bytes = output.ToArray();
        }

        using var input = new MemoryStream(bytes);
        return DocxDecisionImporter.Read(input, "ban-sao.docx");
    }

    [Fact]
    public void Write_BundledDecision_WordImporterReadsTheSameEntries()
    {
        var original = BundledRaw();

        var back = WriteAndRead(original, out _);

        Assert.Equal(RawDump.Describe(original), RawDump.Describe(back));
    }

    [Fact]
    public void Write_BundledDecision_AssemblesToTheSameCatalogue()
    {
        using var dir = new TempDir();
        var path = dir.File("qd-673-ban-sao.docx");
        using (var file = File.Create(path))
        {
            DecisionDocxCopy.Write(BundledRaw(), file);
        }

        var catalogue = DecisionImporters.Import(path, Bundled.Units);

        Assert.Equal(CatalogueDump.Describe(Bundled.Catalogue), CatalogueDump.Describe(catalogue));
        Assert.Null(catalogue.Scan);
    }

    [Fact]
    public void Write_Scan_ShadesExactlyTheLowCells()
    {
        var scanned = ScannedCatalogues.HaiAn();

        var back = WriteAndRead(scanned, out var bytes);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var shaded = document.MainDocumentPart!.Document!.Body!.Descendants<TableCell>()
            .Where(c => c.TableCellProperties?.Shading?.Fill?.Value == DecisionDocxCopy.ReviewFill)
            .Select(c => c.InnerText).ToList();
        Assert.Equal(3, shaded.Count);
        Assert.Contains(scanned.Entries.Single(e => e.Code == "2.6").LeadText, shaded);
        Assert.Contains(scanned.Entries.Single(e => e.Code == "3.5.a").TimeText, shaded);
        Assert.Equal(RawDump.Describe(scanned with { Scan = null }), RawDump.Describe(back));
    }
}
