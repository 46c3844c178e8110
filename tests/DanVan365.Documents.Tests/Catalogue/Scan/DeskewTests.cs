using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>The page's skew is found from its lines and turned back, so that the grid is found again.</summary>
public class DeskewTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(2.5)]
    public void FindAngle_GridTurnedByDegrees_FindsThatAngle(double degrees)
    {
        var grid = MadeScans.Grid();
        var skewed = Deskew.Rotate(new GreyPage(grid.Width, grid.Height, grid.Grey), -degrees);

        var angle = Deskew.FindAngle(skewed, 128);

        Assert.InRange(angle, degrees - 0.1, degrees + 0.1);
    }

    [Fact]
    public void Rotate_SkewedGridTurnedBack_GridFoundWithItsRows()
    {
        var grid = MadeScans.Grid();
        var skewed = Deskew.Rotate(new GreyPage(grid.Width, grid.Height, grid.Grey), -1.0);
        Assert.Null(TableGrid.Find(skewed, 128, 150));

        var straight = Deskew.Rotate(skewed, Deskew.FindAngle(skewed, 128));

        var found = TableGrid.Find(straight, 128, 150);
        Assert.NotNull(found);
        Assert.Equal(MadeScans.RowRules.Count - 1, found.Rows.Count);
    }

    [Fact]
    public void FindAngle_StraightPage_Zero()
    {
        var grid = MadeScans.Grid();

        Assert.Equal(0, Deskew.FindAngle(new GreyPage(grid.Width, grid.Height, grid.Grey), 128), 2);
    }
}
