using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>The LSTM's second choices read from Tesseract 5's hOCR (<c>lstm_choice_mode=2</c>; the excerpt below is its
/// output for "Tố chức" on a rendered cell, shortened).</summary>
public class OcrChoicesTests
{
    private const string Hocr = """
        <div class='ocr_page' id='page_1' title='image "/tmp/a.pgm"; bbox 0 0 884 332; ppageno 0; scan_res 70 70'>
          <span class='ocrx_word' id='word_1_1' title='bbox 27 10 82 49; x_wconf 95'>Tố
           <span class='ocrx_cinfo' id='lstm_choices_1_1_1'>
            <span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs 93.171509'>T</span>
            <span class='ocrx_cinfo' id='choice_1_1_2' title='x_confs 0'>;</span></span>
           <span class='ocrx_cinfo' id='lstm_choices_1_1_2'>
            <span class='ocrx_cinfo' id='choice_1_1_7' title='x_confs 94.508636'>ố</span>
            <span class='ocrx_cinfo' id='choice_1_1_8' title='x_confs 17.841768'>ổ</span>
            <span class='ocrx_cinfo' id='choice_1_1_9' title='x_confs 0'>ế</span></span>
          </span>
          <span class='ocrx_word' id='word_1_2' title='bbox 100 11 204 49; x_wconf 96'>chức
           <span class='ocrx_cinfo' id='lstm_choices_1_2_1'>
            <span class='ocrx_cinfo' id='choice_1_2_1' title='x_confs 99.5'>c</span></span>
          </span>
        </div>
        <div class='ocr_page' id='page_2' title='image "/tmp/b.pgm"; bbox 0 0 300 100; ppageno 1; scan_res 70 70'>
          <span class='ocrx_word' id='word_2_1' title='bbox 5 6 50 40; x_wconf 90'>2.3
           <span class='ocrx_cinfo' id='lstm_choices_2_1_1'>
            <span class='ocrx_cinfo' id='choice_2_1_1' title='x_confs 60'>2</span>
            <span class='ocrx_cinfo' id='choice_2_1_2' title='x_confs 35.5'>Z</span></span>
          </span>
        </div>
        """;

    [Fact]
    public void RunnerUps_ToneMarkRunnerUp_KeyedByImageAndBox()
    {
        var runnerUps = OcrChoices.RunnerUps(Hocr);

        Assert.Equal(17.841768, runnerUps[(0, 27, 10)], 5);
        Assert.Equal(0, runnerUps[(0, 100, 11)]);
        Assert.Equal(3, runnerUps.Count);
    }

    // "Z" for "2" is another letter, not the same letter with other marks: the second reading's business.
    [Fact]
    public void RunnerUps_OtherLetterRunnerUp_NotCounted() => Assert.Equal(0, OcrChoices.RunnerUps(Hocr)[(1, 5, 6)]);

    [Fact]
    public void RunnerUps_NoChoices_Empty() =>
        Assert.Empty(OcrChoices.RunnerUps("<html><body></body></html>"));

    [Theory]
    [InlineData(95, 17.84, 64.32)]
    [InlineData(95, 0, 95)]
    [InlineData(70, 5, 70)]
    [InlineData(96, 10, 80)]
    [InlineData(90, 70, 0)]
    public void CappedConfidence_RunnerUp_TwiceItsProbabilityOff(double confidence, double runnerUp, double expected) =>
        Assert.Equal(expected, OcrChoices.CappedConfidence(confidence, runnerUp), 5);

    // Tesseract 5's hOCR with hocr_char_boxes=1 for "chỉ tiêu" (shortened): each letter's box, then its choices.
    private const string CharBoxes = """
        <div class='ocr_page' id='page_104' title='image "/tmp/c.pgm"; bbox 0 0 884 332; ppageno 103; scan_res 70 70'>
          <span class='ocrx_word' id='word_104_24' title='bbox 647 122 707 158; x_wconf 94'>
           <span class='ocrx_cinfo' title='x_bboxes 647 131 668 158; x_conf 99.5'>c</span>
            <span class='ocrx_cinfo' id='lstm_choices_104_24_1'>
             <span class='ocrx_cinfo' id='choice_104_24_1' title='x_confs 93.1'>c</span>
            </span>
           <span class='ocrx_cinfo' title='x_bboxes 673 122 707 157; x_conf 97.246078'>ỉ</span>
            <span class='ocrx_cinfo' id='lstm_choices_104_24_3'>
             <span class='ocrx_cinfo' id='choice_104_24_3' title='x_confs 84.377792'>ỉ</span>
             <span class='ocrx_cinfo' id='choice_104_24_4' title='x_confs 71.755463'>i</span>
             <span class='ocrx_cinfo' id='choice_104_24_5' title='x_confs 32.941078'>¡</span>
             <span class='ocrx_cinfo' id='choice_104_24_6' title='x_confs 0'>ì</span>
            </span>
          </span>
          <span class='ocrx_word' id='word_104_25' title='bbox 727 120 810 158; x_wconf 96'>
           <span class='ocrx_cinfo' title='x_bboxes 727 125 743 157; x_conf 99.57'>t</span>
           <span class='ocrx_cinfo' title='x_bboxes 749 122 753 157; x_conf 99.56'>i</span>
            <span class='ocrx_cinfo' id='lstm_choices_104_25_2'>
             <span class='ocrx_cinfo' id='choice_104_25_2' title='x_confs 92.58'>i</span>
             <span class='ocrx_cinfo' id='choice_104_25_3' title='x_confs 0'>ị</span>
            </span>
           <span class='ocrx_cinfo' title='x_bboxes 760 120 783 158; x_conf 99.57'>ê</span>
          </span>
        </div>
        """;

    [Fact]
    public void Glyphs_CharBoxes_EachIWithItsWordBoxAndTheOtherIsWeighed()
    {
        var glyphs = OcrChoices.Glyphs(CharBoxes, OcrTittles.Letters);

        Assert.Equal(2, glyphs.Count);
        var hook = glyphs[0];
        Assert.Equal((103, 'ỉ', 0), (hook.Image, hook.Letter, hook.Ordinal));
        Assert.Equal(new PixelBox(647, 122, 61, 37), hook.Word);
        Assert.Equal(new PixelBox(673, 122, 35, 36), hook.Box);
        Assert.Equal(71.755463, hook.Others['i'], 5);
        Assert.Equal(0, hook.Others['ì']);
        Assert.False(hook.Others.ContainsKey('¡'));
        Assert.Equal(['ị'], glyphs[1].Others.Keys);
        Assert.Equal(new PixelBox(727, 120, 84, 39), glyphs[1].Word);
    }

    [Fact]
    public void Glyphs_NoCharBoxes_None() => Assert.Empty(OcrChoices.Glyphs(Hocr, OcrTittles.Letters));
}
