using System.Text;
using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A letter OCR read (<see cref="OcrChoices.Glyphs"/>): its word's image and box, its place among the word's
/// letters of the set looked for, its own box, the letter read and the probability of each other letter of the set the
/// LSTM weighed for it.</summary>
internal sealed record OcrGlyph(int Image, PixelBox Word, int Ordinal, PixelBox Box, char Letter, IReadOnlyDictionary<char, double> Others)
{
    /// <summary>The first and last column of the letter's box in the image (OCR's boxes are in the image padded by
    /// <see cref="TesseractOcr.Pad"/>).</summary>
    public (int From, int To) Columns => (Box.X - TesseractOcr.Pad, Box.X - TesseractOcr.Pad + Box.Width - 1);

    /// <summary>Whether OCR weighed no other letter of the set at 10 % or more for it: the letters a measure on the image
    /// is calibrated from (<see cref="OcrTittles"/>, <see cref="OcrCircumflexMarks"/>).</summary>
    public bool Sure => Others.Values.DefaultIfEmpty(0).Max() < 10;

    /// <summary>Each glyph whose image is in the list, with its image.</summary>
    public static IEnumerable<(OcrGlyph Glyph, GreyPage Image)> On(IReadOnlyList<OcrGlyph> glyphs, IReadOnlyList<GreyPage> images)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        ArgumentNullException.ThrowIfNull(images);
        return glyphs.Where(g => g.Image >= 0 && g.Image < images.Count).Select(g => (g, images[g.Image]));
    }

    /// <summary>The words with each glyph's letter replaced by the one the image chose (<see cref="OcrTittles"/>,
    /// <see cref="OcrCircumflexMarks"/>); a word changed keeps at most <see cref="ScanPiece.DisagreementConfidence"/>.
    /// <paramref name="letters"/> is the set the glyphs' ordinals count.</summary>
    public static List<OcrWord> Take(List<OcrWord> words, IEnumerable<(OcrGlyph Glyph, char Letter)> choices, string letters)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(letters);
        var index = words.Select((w, i) => (w, i)).GroupBy(x => (x.w.Image, x.w.Left, x.w.Top))
            .ToDictionary(g => g.Key, g => g.First().i);
        var result = new List<OcrWord>(words);
        foreach (var (glyph, letter) in choices)
        {
            if (index.TryGetValue((glyph.Image, glyph.Word.X, glyph.Word.Y), out var at)
                && Replace(result[at].Text, letters, glyph.Ordinal, letter) is { } text)
            {
                var confidence = Math.Min(result[at].Confidence, ScanPiece.DisagreementConfidence);
                result[at] = result[at] with { Text = text, Confidence = confidence };
            }
        }

        return result;
    }

    // The text with its n-th letter of `letters` (NFC) made `letter`; null when it has no such letter.
    private static string? Replace(string text, string letters, int ordinal, char letter)
    {
        var nfc = text.Normalize(NormalizationForm.FormC).ToCharArray();
        var seen = 0;
        for (var i = 0; i < nfc.Length; i++)
        {
            if (letters.Contains(nfc[i], StringComparison.Ordinal) && seen++ == ordinal)
            {
                nfc[i] = letter;
                return new string(nfc);
            }
        }

        return null;
    }
}
