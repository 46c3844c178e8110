using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// The LSTM's second choices, read from Tesseract's hOCR with <c>lstm_choice_mode=2</c>: for every word (its image in
/// the list and its box's top-left corner) the highest probability (0–100) that any of its letters was the same letter
/// with other marks.
/// Tesseract is sure of a word it misreads when the letter it doubts is a tone mark: "Tố chức" is read at 95 % with "ổ"
/// as the runner-up at 18 %; such a word is as unsure as its runner-up says (<see cref="CappedConfidence"/>).
/// </summary>
internal static partial class OcrChoices
{
    /// <summary>A word's confidence once its runner-up letter is counted: at most 100 − 2 × the runner-up's probability,
    /// at least 0 (a runner-up at 10 % or more takes the word under the default review threshold of 80).</summary>
    public static double CappedConfidence(double confidence, double runnerUp) =>
        Math.Min(confidence, Math.Max(0, 100 - (2 * runnerUp)));

    /// <summary>Highest runner-up probability per word, keyed by (image index in the list, left, top).</summary>
    public static Dictionary<(int Image, int Left, int Top), double> RunnerUps(string hocr)
    {
        ArgumentNullException.ThrowIfNull(hocr);
        var result = new Dictionary<(int, int, int), double>();
        foreach (var (image, box, word) in Words(hocr))
        {
            result[(image, box.X, box.Y)] = word.Split("lstm_choices_").Skip(1).Select(SecondChoice).DefaultIfEmpty(0).Max();
        }

        return result;
    }

    /// <summary>Every letter of <paramref name="letters"/> OCR read (hOCR written with <c>hocr_char_boxes=1</c>): its word's
    /// image and box, its place among the word's letters of that set, its own box, and the highest probability of each
    /// other letter of the set the LSTM weighed for it. Boxes are in the images' padded pixels.</summary>
    public static List<OcrGlyph> Glyphs(string hocr, string letters)
    {
        ArgumentNullException.ThrowIfNull(hocr);
        ArgumentNullException.ThrowIfNull(letters);
        var result = new List<OcrGlyph>();
        foreach (var (image, box, word) in Words(hocr))
        {
            var ordinal = 0;
            foreach (var glyph in word.Split("title='x_bboxes ").Skip(1).Select(c => GlyphRegex().Match(c)).Where(m => m.Success))
            {
                var text = Text(glyph.Groups[5].Value);
                if (text.Length != 1 || !letters.Contains(text[0], StringComparison.Ordinal))
                {
                    continue;
                }

                var others = ChoiceRegex().Matches(glyph.Value)
                    .Select(m => (Conf: double.Parse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture),
                        Text: Text(m.Groups[2].Value)))
                    .Where(c => c.Text.Length == 1 && c.Text != text && letters.Contains(c.Text[0], StringComparison.Ordinal))
                    .GroupBy(c => c.Text[0]).ToDictionary(g => g.Key, g => g.Max(c => c.Conf));
                result.Add(new OcrGlyph(image, box, ordinal++, Box(glyph), text[0], others));
            }
        }

        return result;
    }

    // Every word of the hOCR: its image's place in the list, its box and its markup (up to the next word).
    private static IEnumerable<(int Image, PixelBox Box, string Word)> Words(string hocr)
    {
        foreach (var page in hocr.Split("class='ocr_page'").Skip(1))
        {
            if (PageNumberRegex().Match(page) is not { Success: true } number)
            {
                continue;
            }

            foreach (var word in page.Split("class='ocrx_word'").Skip(1))
            {
                if (WordBoxRegex().Match(word) is { Success: true } box)
                {
                    yield return (Parse(number.Groups[1].Value), Box(box), word);
                }
            }
        }
    }

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(html).Normalize(System.Text.NormalizationForm.FormC);

    private static PixelBox Box(Match m)
    {
        var (x0, y0) = (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value));
        return new PixelBox(x0, y0, Parse(m.Groups[3].Value) - x0 + 1, Parse(m.Groups[4].Value) - y0 + 1);
    }

    // A letter's choices: the probability of the likeliest other choice that is the same letter with other marks ("ổ"
    // for "ố", "a" for "ă"), 0 when there is none. Other runner-ups ("l" for "1") are left to the second reading.
    private static double SecondChoice(string group)
    {
        var choices = ChoiceRegex().Matches(group)
            .Select(m => (Conf: double.Parse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture),
                Text: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))
            .OrderByDescending(c => c.Conf).ToList();
        if (choices.Count < 2)
        {
            return 0;
        }

        var top = choices[0].Text;
        var letter = OcrPhraseRepair.Loose(top);
        return choices.Skip(1)
            .Where(c => letter.Length > 0 && c.Text != top && OcrPhraseRepair.Loose(c.Text) == letter)
            .Select(c => c.Conf).DefaultIfEmpty(0).Max();
    }

    private static int Parse(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ppageno (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"^[^>]*title='bbox (\d+) (\d+) (\d+) (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoxRegex();

    // a letter's box and text, then (up to the next letter) its choices
    [GeneratedRegex(@"^(\d+) (\d+) (\d+) (\d+); x_conf [0-9.]+'>([^<]*)<[\s\S]*", RegexOptions.CultureInvariant)]
    private static partial Regex GlyphRegex();

    [GeneratedRegex(@"x_confs ([0-9.]+)'>([^<]*)<", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceRegex();
}
