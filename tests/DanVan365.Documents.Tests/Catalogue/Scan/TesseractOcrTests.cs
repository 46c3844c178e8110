using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Words OCR reads from grain smaller than any printed mark are dropped; printed marks stay.</summary>
public class TesseractOcrTests
{
    [Theory]
    [InlineData("_.", 2, 2)]
    [InlineData("-", 2, 3)]
    [InlineData("|", 3, 3)]
    [InlineData("—", 3, 3)]
    public void IsSpeck_PunctuationSmallerThanAStop_True(string text, int width, int height) =>
        Assert.True(TesseractOcr.IsSpeck(text, width, height));

    [Theory]
    [InlineData("-", 13, 4)]
    [InlineData(".", 5, 5)]
    [InlineData("…", 37, 7)]
    [InlineData(";", 3, 12)]
    public void IsSpeck_PrintedMark_False(string text, int width, int height) =>
        Assert.False(TesseractOcr.IsSpeck(text, width, height));

    [Theory]
    [InlineData("1", 2, 3)]
    [InlineData("ở", 3, 3)]
    public void IsSpeck_LetterOrDigit_False(string text, int width, int height) =>
        Assert.False(TesseractOcr.IsSpeck(text, width, height));
}
