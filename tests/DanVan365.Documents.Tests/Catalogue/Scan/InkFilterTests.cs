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
}
