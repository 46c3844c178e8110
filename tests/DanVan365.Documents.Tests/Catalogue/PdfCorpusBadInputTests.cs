using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>PDFs of the corpus that are not a readable decision are refused whole, naming the file (and the page).</summary>
public class PdfCorpusBadInputTests
{
    [Fact]
    public void Import_TableMissingAColumn_RefusedNamingFileAndPage()
    {
        var ex = Refused(DecisionCorpus.MissingColumn, "qd-673-thieu-cot.pdf");

        Assert.Contains("qd-673-thieu-cot.pdf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Cơ quan phối hợp", ex.Message, StringComparison.Ordinal);
        AssertPageWhenReported(ex, 1);
    }

    [Fact]
    public void Import_NoTableAtAll_RefusedNamingFile()
    {
        var ex = Refused(DecisionCorpus.NoTable, "qd-673-khong-bang.pdf");

        Assert.Contains("qd-673-khong-bang.pdf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("table", ex.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Import_BlankPage_RefusedNamingFileAndPage()
    {
        var ex = Refused(DecisionCorpus.BlankPage(), "trang-trang.pdf");

        Assert.Contains("trang-trang.pdf", ex.Message, StringComparison.Ordinal);
        AssertPageWhenReported(ex, 1);
    }

    private static InvalidInputException Refused(byte[] pdf, string name)
    {
        using var stream = new MemoryStream(pdf);
        var ex = Assert.Throws<InvalidInputException>(() => DecisionImporters.Import(stream, name, Bundled.Units));
        Assert.Equal(name, ex.File);
        return ex;
    }

    /// <summary>PDF errors carry the page once the reader reports it (a Page property on the exception): then it must be right.</summary>
    private static void AssertPageWhenReported(InvalidInputException ex, int page)
    {
        if (typeof(InvalidInputException).GetProperty("Page") is { } property)
        {
            Assert.Equal(page, property.GetValue(ex));
        }
    }
}
