using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>
/// The bad scans (issue 27, "Bad input") are refused whole by the ordinary importer with a clear message: bad input naming
/// the file (and the page where there is one), English with the Vietnamese in parentheses, as every refusal reads.
/// </summary>
public class ScanBadInputTests
{
    [Theory]
    [InlineData(BadScan.BlankPng)]
    [InlineData(BadScan.BlankPdf)]
    [InlineData(BadScan.NoTablePng)]
    [InlineData(BadScan.NoTablePdf)]
    [InlineData(BadScan.TwoHundredPages)]
    [InlineData(BadScan.TruncatedPng)]
    [InlineData(BadScan.RandomJpeg)]
    [InlineData(BadScan.BrokenTiff)]
    public void Import_BadScan_RefusedNamingTheFileInBothLanguages(BadScan bad)
    {
        var ex = Refused(bad);

        Assert.Equal(BadScans.FileName(bad), ex.File);
        Assert.StartsWith(BadScans.FileName(bad) + ":", ex.Message, StringComparison.Ordinal);
        var open = ex.Reason.IndexOf('(', StringComparison.Ordinal);
        Assert.True(open > 0 && ex.Reason.TrimEnd().EndsWith(')'), $"no Vietnamese in parentheses: {ex.Reason}");
        Assert.True(ex.Reason[open..].Any(c => "ăâđêôơưĂÂĐÊÔƠƯ".Contains(c, StringComparison.Ordinal) || c is >= '\u1EA0' and <= '\u1EF9'),
            $"the part in parentheses is not Vietnamese: {ex.Reason}");
    }

    [Theory]
    [InlineData(BadScan.BlankPng)]
    [InlineData(BadScan.BlankPdf)]
    public void Import_BlankPage_RefusedAtPageOne(BadScan bad)
    {
        var ex = Refused(bad);

        Assert.True(ex.Page is null or 1, $"page {ex.Page}: {ex.Message}");
    }

    [Fact]
    public void Import_TwoHundredPages_RefusedForItsLength()
    {
        var ex = Refused(BadScan.TwoHundredPages);

        Assert.Contains(BadScans.ManyPages.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Reason,
            StringComparison.Ordinal);
    }

    private static InvalidInputException Refused(BadScan bad)
    {
        using var stream = new MemoryStream(BadScans.Bytes(bad), writable: false);
        return Assert.Throws<InvalidInputException>(() => DecisionImporters.Import(stream, BadScans.FileName(bad), Bundled.Units));
    }
}
