using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Connected ink found inside an area (diagonal neighbours join, ink outside the area is not followed) and the
/// median the image-measuring mends calibrate from.</summary>
public class InkPiecesTests
{
    [Fact]
    public void In_TwoPiecesOneDiagonal_TwoBoxesInReadingOrder()
    {
        var image = Image(20, 10, (2, 2), (3, 3), (4, 4), (10, 1), (11, 1), (10, 2));

        var pieces = InkPieces.In(image, new PixelBox(0, 0, 20, 10));

        Assert.Equal([(10, 1, 11, 2), (2, 2, 4, 4)], pieces);
    }

    [Fact]
    public void In_PieceCrossingTheAreaEdge_CutAtTheEdge()
    {
        var image = Image(20, 10, (4, 5), (5, 5), (6, 5), (7, 5));

        Assert.Equal([(4, 5, 5, 5)], InkPieces.In(image, new PixelBox(0, 0, 6, 10)));
    }

    [Fact]
    public void In_GreyLighterThanMidGrey_NoInk() =>
        Assert.Empty(InkPieces.In(new GreyPage(5, 5, Enumerable.Repeat((byte)150, 25).ToArray()), new PixelBox(0, 0, 5, 5)));

    [Theory]
    [InlineData(new[] { 5 }, 5)]
    [InlineData(new[] { 9, 5, 6 }, 6)]
    [InlineData(new[] { 4, 6, 5, 9 }, 5.5)]
    public void Median_Values_TheMiddleOne(int[] values, double expected) => Assert.Equal(expected, InkPieces.Median(values));

    private static GreyPage Image(int width, int height, params (int X, int Y)[] ink)
    {
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var (x, y) in ink)
        {
            pixels[(y * width) + x] = 0;
        }

        return new GreyPage(width, height, pixels);
    }
}
