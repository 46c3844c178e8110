using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>The bundled decision gives the same catalogue, entry by entry, from every form it comes in.</summary>
public class DecisionFormParityTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();
    private static readonly Lazy<TaskCatalogue> FromText = new(() => DecisionImporters.Import(TestData.DecisionTextPath, Units));

    [Theory]
    [InlineData(FootnoteMarkStyle.Reference)]
    [InlineData(FootnoteMarkStyle.Superscript)]
    [InlineData(FootnoteMarkStyle.RaisedSmaller)]
    public void Import_DocxEachFootnoteStyle_SameEntriesAsText(FootnoteMarkStyle style)
    {
        var catalogue = Import(DecisionForms.Docx(style), "qd-673.docx");

        DecisionForms.AssertSameEntries(FromText.Value, catalogue, $"docx ({style})");
        Assert.DoesNotContain(catalogue.Tasks, t => char.IsAsciiDigit(t.Title.TrimEnd('.')[^1]) && t.Footnotes.Count > 0);
    }

    [Fact]
    public void Import_RuledPdf_SameEntriesAsText()
    {
        DecisionForms.AssertSameEntries(FromText.Value, Import(DecisionForms.RuledPdf, "qd-673.pdf"), "PDF (ruled)");
    }

    [Fact]
    public void Import_UnruledPdfOtherWidths_SameEntriesAsText()
    {
        DecisionForms.AssertSameEntries(FromText.Value, Import(DecisionForms.UnruledPdf, "qd-673.pdf"), "PDF (no rules)");
    }

    private static TaskCatalogue Import(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return DecisionImporters.Import(stream, name, Units);
    }
}
