using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;

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
    [InlineData(CorpusPdf.RotatedTwoUp)]
    public void Import_CorpusPdf_SameEntriesAsText(CorpusPdf pdf)
    {
        var catalogue = Import(pdf);

        DecisionForms.AssertSameEntries(FromText.Value, catalogue, DecisionCorpus.FileName(pdf));
    }

    [Fact]
    public void Import_SignedPdf_SignatureCoversFileAndSameEntriesAsText()
    {
        var bytes = DecisionCorpus.Bytes(CorpusPdf.Signed);
        using (var document = PdfDocument.Open(bytes))
        {
            Assert.True(document.TryGetForm(out var form), "the signed PDF has no AcroForm");
            Assert.Contains(form.Fields, f => f is AcroSignatureField);
        }

        var signature = PdfSigning.Verify(bytes);
        Assert.True(signature is not null, "the signed PDF carries no signature that verifies");
        Assert.Equal(bytes.Length, signature.Value.ByteRange[2] + signature.Value.ByteRange[3]);
        Assert.Equal(PdfSigning.Subject, signature.Value.Signer);

        DecisionForms.AssertSameEntries(FromText.Value, Import(CorpusPdf.Signed), DecisionCorpus.FileName(CorpusPdf.Signed));
    }

    internal static TaskCatalogue Import(CorpusPdf pdf)
    {
        using var stream = new MemoryStream(DecisionCorpus.Bytes(pdf));
        return DecisionImporters.Import(stream, DecisionCorpus.FileName(pdf), Bundled.Units);
    }
}
