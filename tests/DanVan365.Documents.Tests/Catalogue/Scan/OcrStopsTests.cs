using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>A closing comma whose mark on the image is stop-sized is read as a full stop, once the decision's own stops
/// and commas tell the two apart; the mended word is left for review.</summary>
public class OcrStopsTests
{
    private const int Stop = 5;
    private const int CommaHeight = 11;

    [Fact]
    public void Mend_CommaReadFromAStopSizedMark_EndsWithAStopAndIsReviewed()
    {
        var (words, images) = Calibrated();
        words.Add(Word(images, "sở!,", Stop, Stop));

        var mended = OcrStops.Mend(words, images);

        Assert.Equal("sở!.", mended[^1].Text);
        Assert.True(mended[^1].Confidence <= ScanPiece.DisagreementConfidence);
        Assert.Equal(words.Take(words.Count - 1).Select(w => w.Text), mended.Take(words.Count - 1).Select(w => w.Text));
    }

    [Fact]
    public void Mend_CommaSizedMark_StaysAComma()
    {
        var (words, images) = Calibrated();
        words.Add(Word(images, "triệt,", Stop, CommaHeight));

        var mended = OcrStops.Mend(words, images);

        Assert.Equal("triệt,", mended[^1].Text);
        Assert.Equal(words[^1].Confidence, mended[^1].Confidence);
    }

    [Fact]
    public void Mend_DashSizedMark_StaysAComma()
    {
        var (words, images) = Calibrated();
        words.Add(Word(images, "LỰC,", 15, 3));

        Assert.Equal("LỰC,", OcrStops.Mend(words, images)[^1].Text);
    }

    [Fact]
    public void Mend_TooFewStopsMeasured_Unchanged()
    {
        var images = new List<GreyPage>();
        var words = new List<OcrWord>();
        for (var i = 0; i < OcrStops.Calibration - 1; i++)
        {
            words.Add(Word(images, "sở.", Stop, Stop));
        }

        for (var i = 0; i < OcrStops.Calibration; i++)
        {
            words.Add(Word(images, "biến,", Stop, CommaHeight));
        }

        words.Add(Word(images, "sở,", Stop, Stop));

        Assert.Equal("sở,", OcrStops.Mend(words, images)[^1].Text);
    }

    [Fact]
    public void Mend_StopsAndCommasOfOneSize_Unchanged()
    {
        var images = new List<GreyPage>();
        var words = new List<OcrWord>();
        for (var i = 0; i < OcrStops.Calibration; i++)
        {
            words.Add(Word(images, "sở.", Stop, Stop));
            words.Add(Word(images, "biến,", Stop, Stop + 1));
        }

        words.Add(Word(images, "cơ,", Stop, Stop));

        Assert.Equal("cơ,", OcrStops.Mend(words, images)[^1].Text);
    }

    [Fact]
    public void LastMark_WordEndingInAMark_MeasuresTheMarkNotTheLetter()
    {
        var images = new List<GreyPage>();
        var word = Word(images, "biến,", 6, 12);

        Assert.Equal((6, 12), OcrStops.LastMark(images[0], word));
    }

    [Fact]
    public void LastMark_BoxWithoutInk_Null()
    {
        var blank = new GreyPage(40, 40, Enumerable.Repeat((byte)255, 40 * 40).ToArray());

        Assert.Null(OcrStops.LastMark(blank, new OcrWord(0, 1, 1, 1, TesseractOcr.Pad, TesseractOcr.Pad, 30, 30, 96, "sở.")));
    }

    // Three words ending in a stop and three in a comma, each measured on its own image.
    private static (List<OcrWord> Words, List<GreyPage> Images) Calibrated()
    {
        var images = new List<GreyPage>();
        var words = new List<OcrWord>();
        for (var i = 0; i < OcrStops.Calibration; i++)
        {
            words.Add(Word(images, "sở.", Stop, Stop));
            words.Add(Word(images, "biến,", Stop, CommaHeight));
        }

        return (words, images);
    }

    // A word on its own 60 × 50 image: a letter (a 10 × 20 block on the baseline at y = 30), then its last mark of
    // `width` × `height` pixels 4 pixels to the right, from the baseline up for a stop-high mark, hanging below it otherwise.
    private static OcrWord Word(List<GreyPage> images, string text, int width, int height)
    {
        const int Baseline = 30;
        var pixels = Enumerable.Repeat((byte)255, 60 * 50).ToArray();
        void Fill(int x0, int y0, int w, int h)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    pixels[(y * 60) + x] = 20;
                }
            }
        }

        Fill(5, Baseline - 20, 10, 20);
        var top = height <= Stop ? Baseline - height : Baseline - Stop;
        Fill(19, top, width, height);
        images.Add(new GreyPage(60, 50, pixels));
        var bottom = Math.Max(Baseline, top + height);
        return new OcrWord(images.Count - 1, 1, 1, 1, 5 + TesseractOcr.Pad, 10 + TesseractOcr.Pad, 14 + width, bottom - 10, 96, text);
    }
}
