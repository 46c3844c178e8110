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
}
