using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>An "i" read with a mark over a plain dot (or plainly over a mark) takes the LSTM's runner-up when the image
/// says so, once the decision's own dots and marks are measured; the mended word is left for review.</summary>
public class OcrTittlesTests
{
    private enum Top
    {
        Dot,
        Mark,
    }

    [Fact]
    public void Mend_HookReadOverADot_TheRunnerUpPlainI()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "chỉ", 'ỉ', Top.Dot, new() { ['i'] = 71.8, ['ì'] = 0 });

        var mended = OcrTittles.Mend(words, images, glyphs);

        Assert.Equal("chi", mended[^1].Text);
        Assert.True(mended[^1].Confidence <= ScanPiece.DisagreementConfidence);
        Assert.Equal(words.Take(words.Count - 1), mended.Take(words.Count - 1));
    }

    [Fact]
    public void Mend_PlainIReadUnderAMark_TheRunnerUpWithTheMark()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "chi", 'i', Top.Mark, new() { ['ỉ'] = 40, ['ị'] = 5 });

        Assert.Equal("chỉ", OcrTittles.Mend(words, images, glyphs)[^1].Text);
    }

    [Fact]
    public void Mend_ImageAgreesWithTheReading_Unchanged()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "chỉ", 'ỉ', Top.Mark, new() { ['i'] = 71.8 });

        var mended = OcrTittles.Mend(words, images, glyphs);

        Assert.Equal("chỉ", mended[^1].Text);
        Assert.Equal(words[^1].Confidence, mended[^1].Confidence);
    }

    // The image tells a dot from a mark, not one mark from another: "í" stays "ỉ" whatever stands above it.
    [Fact]
    public void Mend_RunnerUpOfTheSameKind_Unchanged()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "chỉ", 'ỉ', Top.Dot, new() { ['í'] = 60 });

        Assert.Equal("chỉ", OcrTittles.Mend(words, images, glyphs)[^1].Text);
    }

    [Fact]
    public void Mend_TooFewMarksMeasured_Unchanged()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        for (var i = 0; i < OcrTittles.Calibration; i++)
        {
            Add(words, images, glyphs, "thi", 'i', Top.Dot, []);
        }

        Add(words, images, glyphs, "tỉnh", 'ỉ', Top.Mark, []);
        Add(words, images, glyphs, "chỉ", 'ỉ', Top.Dot, new() { ['i'] = 71.8 });

        Assert.Equal("chỉ", OcrTittles.Mend(words, images, glyphs)[^1].Text);
    }

    // OCR's box for the "i" is loose and takes in most of the "h" before it; the stem is the thinnest piece in it.
    [Fact]
    public void Above_LooseBoxOverThePreviousLetter_WhatStandsAboveTheStem()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        Add(words, images, glyphs, "chi", 'i', Top.Dot, []);

        Assert.Equal((4, 5), OcrTittles.Above(images[0], glyphs[0]));
    }

    [Fact]
    public void Above_NoStemInTheBox_Null()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        Add(words, images, glyphs, "chi", 'i', Top.Dot, []);
        var beside = glyphs[0] with { Box = new PixelBox(TesseractOcr.Pad + 60, TesseractOcr.Pad, 15, 40) };

        Assert.Null(OcrTittles.Above(images[0], beside));
    }

    // Three plain i's under their dot and three hooked ones under their mark, none with a runner-up.
    private static (List<OcrWord> Words, List<GreyPage> Images, List<OcrGlyph> Glyphs) Calibrated()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        for (var i = 0; i < OcrTittles.Calibration; i++)
        {
            Add(words, images, glyphs, "thi", 'i', Top.Dot, []);
            Add(words, images, glyphs, "tỉnh", 'ỉ', Top.Mark, []);
        }

        return (words, images, glyphs);
    }

    // A word on its own 80 × 50 image: an "h" (a 20 × 34 block) then an "i" stem (4 × 24) with, above it, a dot (4 × 5)
    // or a mark (9 × 9). The letter's box, as OCR gives it, starts over the "h".
    private static void Add(List<OcrWord> words, List<GreyPage> images, List<OcrGlyph> glyphs, string text, char letter, Top top,
        Dictionary<char, double> others)
    {
        const int Width = 80;
        var pixels = Enumerable.Repeat((byte)255, Width * 50).ToArray();
        void Fill(int x0, int y0, int w, int h)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    pixels[(y * Width) + x] = 20;
                }
            }
        }

        Fill(5, 5, 20, 34);
        Fill(40, 15, 4, 24);
        if (top == Top.Dot)
        {
            Fill(40, 7, 4, 5);
        }
        else
        {
            Fill(38, 2, 9, 9);
        }

        images.Add(new GreyPage(Width, 50, pixels));
        var pad = TesseractOcr.Pad;
        var word = new OcrWord(images.Count - 1, 1, 1, 1, 5 + pad, 2 + pad, 42, 37, 96, text);
        words.Add(word);
        glyphs.Add(new OcrGlyph(word.Image, new PixelBox(word.Left, word.Top, word.Width, word.Height), 0,
            new PixelBox(12 + pad, 2 + pad, 36, 37), letter, others));
    }
}
