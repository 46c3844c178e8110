using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>The paper of a scanned cell whitened before OCR: grain and a photocopy's grey go, ink and its edges stay.</summary>
public class GreyPageTests
{
    [Fact]
    public void Whitened_PixelsAtOrAboveLevel_WhiteOthersUnchanged()
    {
        var page = new GreyPage(4, 2, [0, 100, 191, 192, 193, 230, 254, 255]);

        var whitened = page.Whitened(192);

        Assert.Equal([0, 100, 191, 255, 255, 255, 255, 255], whitened.Pixels);
        Assert.Equal((4, 2), (whitened.Width, whitened.Height));
        Assert.Equal(191, whitened[2, 0]);
        Assert.Equal(255, whitened[0, 1]);
    }

    [Fact]
    public void Whitened_AnyLevel_SourcePageUntouched()
    {
        byte[] pixels = [10, 200, 250];
        var page = new GreyPage(3, 1, pixels);

        var whitened = page.Whitened(128);

        Assert.Equal([10, 200, 250], page.Pixels);
        Assert.NotSame(page.Pixels, whitened.Pixels);
        Assert.Equal([10, 255, 255], whitened.Pixels);
    }

    [Fact]
    public void Whitened_LevelZero_EveryPixelWhite() =>
        Assert.Equal([255, 255, 255, 255], new GreyPage(4, 1, [0, 1, 128, 254]).Whitened(0).Pixels);

    [Fact]
    public void Whitened_LevelAboveWhite_PixelsUnchanged() =>
        Assert.Equal([0, 1, 128, 254], new GreyPage(4, 1, [0, 1, 128, 254]).Whitened(256).Pixels);

    [Theory]
    [InlineData(128, 192)] // 191.5 rounds up
    [InlineData(129, 192)]
    [InlineData(200, 228)]
    [InlineData(0, 128)]
    [InlineData(254, 255)]
    [InlineData(255, 255)]
    public void PaperLevel_Threshold_HalfwayToWhite(int threshold, int expected) =>
        Assert.Equal(expected, ScanReader.PaperLevel(threshold));

    [Theory]
    [InlineData(60)]
    [InlineData(128)]
    [InlineData(200)]
    public void PaperLevel_WhitenedAtIt_InkBelowThresholdKeptPaperAboveWhite(int threshold)
    {
        byte[] pixels = [.. Enumerable.Range(0, 256).Select(v => (byte)v)];
        var level = ScanReader.PaperLevel(threshold);

        var whitened = new GreyPage(256, 1, pixels).Whitened(level);

        Assert.InRange(level, threshold + 1, 255);
        Assert.All(Enumerable.Range(0, level), v => Assert.Equal(v, whitened.Pixels[v]));
        Assert.All(Enumerable.Range(level, 256 - level), v => Assert.Equal(255, whitened.Pixels[v]));
    }

    [Fact]
    public void WithoutEdgeSlivers_TipOfNextRowAtBottom_Whitened()
    {
        var page = Page(12, 10, (4, 2, 3, 5), (6, 8, 2, 2));

        var cleaned = page.WithoutEdgeSlivers(3);

        Assert.Equal(255, cleaned[6, 9]);
        Assert.Equal(255, cleaned[7, 8]);
        Assert.Equal(0, cleaned[5, 4]);
        Assert.Equal(0, page[6, 9]);
    }

    [Fact]
    public void WithoutEdgeSlivers_RuleRemnantAlongTop_Whitened()
    {
        var page = Page(12, 10, (0, 0, 12, 1), (3, 4, 2, 3));

        var cleaned = page.WithoutEdgeSlivers(3);

        Assert.All(Enumerable.Range(0, 12), x => Assert.Equal(255, cleaned[x, 0]));
        Assert.Equal(0, cleaned[3, 4]);
    }

    [Fact]
    public void WithoutEdgeSlivers_ToneMarkTouchingTopReachingIn_Kept()
    {
        // a hook above cut by the rule: it touches the top edge and reaches 4 pixels in, past the band of 3
        var page = Page(12, 10, (5, 0, 2, 4), (3, 5, 5, 4));

        var cleaned = page.WithoutEdgeSlivers(3);

        Assert.Equal(page.Pixels, cleaned.Pixels);
    }

    [Fact]
    public void WithoutEdgeSlivers_SpecksOnEdgeAndInside_OnlyEdgeOnesWhitened()
    {
        var page = Page(12, 10, (0, 7, 1, 1), (11, 1, 1, 1), (5, 8, 1, 1));

        var cleaned = page.WithoutEdgeSlivers(3);

        Assert.Equal(255, cleaned[0, 7]);
        Assert.Equal(255, cleaned[11, 1]);
        Assert.Equal(0, cleaned[5, 8]);
    }

    [Fact]
    public void WithoutEdgeSlivers_GreyEdgePixelJoinedToLetter_Kept()
    {
        // an anti-aliased (grey) pixel on the left edge joined diagonally to a letter that reaches 6 pixels in
        var page = Page(12, 10, (1, 3, 6, 3));
        page.Pixels[(2 * 12) + 0] = 180;

        var cleaned = page.WithoutEdgeSlivers(3);

        Assert.Equal(180, cleaned[0, 2]);
        Assert.Equal(0, cleaned[6, 5]);
    }

    [Theory]
    [InlineData(72, 2)]
    [InlineData(150, 2)]
    [InlineData(300, 3)]
    [InlineData(600, 6)]
    public void SliverBand_Dpi_GrowsWithResolution(int dpi, int expected) => Assert.Equal(expected, ScanReader.SliverBand(dpi));

    // A white page with black rectangles (x, y, width, height).
    private static GreyPage Page(int width, int height, params (int X, int Y, int Width, int Height)[] boxes)
    {
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var (x0, y0, w, h) in boxes)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    pixels[(y * width) + x] = 0;
                }
            }
        }

        return new GreyPage(width, height, pixels);
    }
}
