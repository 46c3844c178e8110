using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities.Documents.Scans;
using SkiaSharp;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Coloured ink (a red stamp, a blue signature) is turned white before the page goes grey; black ink stays.</summary>
public class InkFilterTests
{
    [Fact]
    public void ToGrey_RedStampOverTheGrid_StampWhiteRulesKept()
    {
        var grid = MadeScans.Grid();
        var rgb = MadeScans.Rgb(grid, (300, 240, 120, 120), new SKColor(210, 40, 50));

        var grey = InkFilter.ToGrey(new ColourPage(grid.Width, grid.Height, rgb));

        Assert.Equal(255, grey[350, 300]);
        Assert.True(grey[MadeScans.ColumnEdges[0] + 1, 300] < 50);
        Assert.True(grey[400, MadeScans.RowRules[0] + 1] < 50);
    }

    [Fact]
    public void ToGrey_BlueSignature_TurnedWhite()
    {
        var page = MadeImage.White(200, 100);
        var rgb = MadeScans.Rgb(page, (10, 10, 50, 20), new SKColor(30, 50, 180));

        var grey = InkFilter.ToGrey(new ColourPage(page.Width, page.Height, rgb));

        Assert.Equal(255, grey[20, 20]);
    }

    [Theory]
    [InlineData(60, 0, 0, 17)] // chroma 60: still black/grey ink
    [InlineData(100, 60, 60, 71)] // dark tinted (chroma 40, grey 71): black text under a stamp
    [InlineData(150, 121, 121, 129)] // chroma 29 one grey below FadedMinGrey: kept
    [InlineData(200, 172, 172, 180)] // chroma exactly 28, light: kept
    [InlineData(180, 180, 180, 180)] // neutral grey
    [InlineData(0, 0, 0, 0)]
    public void ToGrey_InkWithinChromaLimits_KeptAsGrey(byte r, byte g, byte b, byte expected) =>
        Assert.Equal(expected, GreyOf(r, g, b));

    [Theory]
    [InlineData(61, 0, 0)] // chroma 61, dark: coloured ink whatever its grey
    [InlineData(200, 171, 171)] // chroma 29, grey 179: faded stamp
    [InlineData(151, 122, 122)] // chroma 29, grey exactly FadedMinGrey (130)
    [InlineData(230, 190, 200)] // pale pink rim (chroma 40, light)
    [InlineData(200, 200, 240)] // pale blue, bluest channel above the rest
    public void ToGrey_FadedOrStrongColour_White(byte r, byte g, byte b) => Assert.Equal(255, GreyOf(r, g, b));

    [Fact]
    public void ToGrey_FadedStampOverBlackText_TextKeptStampWhite()
    {
        // a photocopied stamp: light pink strokes, darker where they cross the printed text
        var rgb = new byte[] { 220, 180, 185, 90, 50, 55, 20, 20, 20 };

        var grey = InkFilter.ToGrey(new ColourPage(3, 1, rgb));

        Assert.Equal(255, grey[0, 0]);
        Assert.InRange(grey[1, 0], 1, 129);
        Assert.Equal(20, grey[2, 0]);
    }

    [Fact]
    public void OtsuThreshold_BlackOnWhite_SplitsInkFromPaper()
    {
        var grid = MadeScans.Grid();
        var page = new GreyPage(grid.Width, grid.Height, grid.Grey);

        var threshold = InkFilter.OtsuThreshold(page);

        Assert.InRange(threshold, 1, 255);
        Assert.True(InkFilter.Binarise(page, threshold)[(MadeScans.RowRules[0] * grid.Width) + 400]);
        Assert.False(InkFilter.Binarise(page, threshold)[(5 * grid.Width) + 5]);
    }

    // The grey of a one-pixel page of this colour.
    private static byte GreyOf(byte r, byte g, byte b) => InkFilter.ToGrey(new ColourPage(1, 1, [r, g, b]))[0, 0];
}
