using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>A circumflex vowel read with one tone mark over it (or none) takes the LSTM's runner-up when the image shows the
/// runner-up's mark, once the decision's own letters of both kinds are measured; the mended word is left for review.</summary>
public class OcrCircumflexMarksTests
{
    private enum Tone
    {
        None,
        Acute,
        Hook,
        Grave,
    }

    [Fact]
    public void Mend_HookReadAsAnAcute_TheRunnerUpWithTheHook()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "thố", 'ố', Tone.Hook, new() { ['ổ'] = 77 });

        var mended = OcrCircumflexMarks.Mend(words, images, glyphs);

        Assert.Equal("thổ", mended[^1].Text);
        Assert.True(mended[^1].Confidence <= ScanPiece.DisagreementConfidence);
        Assert.Equal(words.Take(words.Count - 1), mended.Take(words.Count - 1));
    }

    [Fact]
    public void Mend_GraveReadOverABareCircumflex_TheRunnerUpBare()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "đồ", 'ồ', Tone.None, new() { ['ô'] = 78 });

        Assert.Equal("đô", OcrCircumflexMarks.Mend(words, images, glyphs)[^1].Text);
    }

    [Fact]
    public void Mend_ImageAgreesWithTheReading_Unchanged()
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "thố", 'ố', Tone.Acute, new() { ['ổ'] = 50 });

        var mended = OcrCircumflexMarks.Mend(words, images, glyphs);

        Assert.Equal("thố", mended[^1].Text);
        Assert.Equal(words[^1].Confidence, mended[^1].Confidence);
    }

    // Only the LSTM's own runner-ups are chosen: without one, or with one of another vowel, the image changes nothing.
    [Theory]
    [InlineData('\0')]
    [InlineData('ể')]
    public void Mend_NoRunnerUpOfTheSameVowel_Unchanged(char other)
    {
        var (words, images, glyphs) = Calibrated();
        Add(words, images, glyphs, "thố", 'ố', Tone.Hook, other == '\0' ? [] : new() { [other] = 60 });

        Assert.Equal("thố", OcrCircumflexMarks.Mend(words, images, glyphs)[^1].Text);
    }

    [Fact]
    public void Mend_RunnerUpsKindNotMeasuredEnough_Unchanged()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        for (var i = 0; i < OcrCircumflexMarks.Calibration; i++)
        {
            Add(words, images, glyphs, "số", 'ố', Tone.Acute, []);
        }

        Add(words, images, glyphs, "tổ", 'ổ', Tone.Hook, []);
        Add(words, images, glyphs, "thố", 'ố', Tone.Hook, new() { ['ổ'] = 77 });

        Assert.Equal("thố", OcrCircumflexMarks.Mend(words, images, glyphs)[^1].Text);
    }

    [Fact]
    public void Measure_MarkApartFromTheCircumflex_ZoneAndMarkShape()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        Add(words, images, glyphs, "tổ", 'ổ', Tone.Hook, []);
        Add(words, images, glyphs, "tô", 'ô', Tone.None, []);

        var (hook, bare) = (OcrCircumflexMarks.Measure(images[0], glyphs[0])!, OcrCircumflexMarks.Measure(images[1], glyphs[1])!);

        Assert.Equal(OcrCircumflexMarks.ZoneColumns * OcrCircumflexMarks.ZoneRows, hook.Zone.Length);
        Assert.Equal(9, hook.Mark!.Length);
        Assert.True(hook.Mark[0] > 0.5, "the hook starts at its box's top left");
        Assert.Null(bare.Mark);
        Assert.True(hook.Zone.Sum() > bare.Zone.Sum());
    }

    [Fact]
    public void Measure_NoBodyInTheLettersBox_Null()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        Add(words, images, glyphs, "tô", 'ô', Tone.None, []);
        var beside = glyphs[0] with { Box = new PixelBox(TesseractOcr.Pad + 50, TesseractOcr.Pad, 8, 50) };

        Assert.Null(OcrCircumflexMarks.Measure(images[0], beside));
    }

    // Three letters of each kind (bare, acute, hook, grave), none with a runner-up.
    private static (List<OcrWord> Words, List<GreyPage> Images, List<OcrGlyph> Glyphs) Calibrated()
    {
        var (words, images, glyphs) = (new List<OcrWord>(), new List<GreyPage>(), new List<OcrGlyph>());
        for (var i = 0; i < OcrCircumflexMarks.Calibration; i++)
        {
            Add(words, images, glyphs, "tô", 'ô', Tone.None, []);
            Add(words, images, glyphs, "số", 'ố', Tone.Acute, []);
            Add(words, images, glyphs, "tổ", 'ổ', Tone.Hook, []);
            Add(words, images, glyphs, "tồ", 'ồ', Tone.Grave, []);
        }

        return (words, images, glyphs);
    }

    // A word on its own 60 × 60 image: the vowel's body (a 20 × 20 block), a circumflex over it (an inverted V, 2 pixels
    // thick) and, apart from it at its top right, the tone mark drawn 2 pixels thick: an acute falling to the left, a grave
    // falling to the right, a hook (a bar, down its right side, back to the middle and down).
    private static void Add(List<OcrWord> words, List<GreyPage> images, List<OcrGlyph> glyphs, string text, char letter,
        Tone tone, Dictionary<char, double> others)
    {
        const int Size = 60;
        var pixels = Enumerable.Repeat((byte)255, Size * Size).ToArray();
        void Line(int x0, int y0, int x1, int y1)
        {
            var steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) * 2;
            for (var s = 0; s <= steps; s++)
            {
                var (x, y) = (x0 + ((x1 - x0) * s / steps), y0 + ((y1 - y0) * s / steps));
                for (var dy = 0; dy < 2; dy++)
                {
                    for (var dx = 0; dx < 2; dx++)
                    {
                        pixels[((y + dy) * Size) + x + dx] = 20;
                    }
                }
            }
        }

        for (var y = 35; y < 55; y++)
        {
            Line(20, y, 39, y);
        }

        Line(20, 30, 29, 22);
        Line(29, 22, 38, 30);
        switch (tone)
        {
            case Tone.Acute:
                Line(43, 9, 37, 18);
                break;
            case Tone.Grave:
                Line(36, 9, 42, 18);
                break;
            case Tone.Hook:
                Line(35, 9, 42, 9);
                Line(42, 9, 42, 13);
                Line(42, 13, 38, 15);
                Line(38, 15, 38, 18);
                break;
            default:
                break;
        }

        images.Add(new GreyPage(Size, Size, pixels));
        var pad = TesseractOcr.Pad;
        var word = new OcrWord(images.Count - 1, 1, 1, 1, 15 + pad, 8 + pad, 35, 47, 96, text);
        words.Add(word);
        glyphs.Add(new OcrGlyph(word.Image, new PixelBox(word.Left, word.Top, word.Width, word.Height), 0,
            new PixelBox(18 + pad, 8 + pad, 24, 47), letter, others));
    }
}
