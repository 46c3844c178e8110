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
}
