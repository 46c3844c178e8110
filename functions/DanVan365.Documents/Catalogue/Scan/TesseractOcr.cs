using System.Globalization;
using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A line of text as OCR read it: its words joined, its box (in the image read), its lowest word confidence.</summary>
internal sealed record OcrLine(string Text, PixelBox Box, double Confidence);

/// <summary>
/// Reads many small images with ONE Tesseract process (Vietnamese model, one thread): the images are written as PGM files
/// into the work folder, listed in a file, and read with <c>--psm 6</c> (a uniform block of text) into TSV, whose
/// page_num is the image's place in the list, and into hOCR with each letter's box and the LSTM's second choices
/// (<see cref="OcrChoices"/>: a word whose letter had a likely runner-up, often a tone mark, is less sure). A comma with a
/// stop's shape is a stop (<see cref="OcrStops"/>), an "i" takes its runner-up when what stands above it says so
/// (<see cref="OcrTittles"/>), and so does a circumflex vowel when its tone mark says so (<see cref="OcrCircumflexMarks"/>).
/// Each image comes back as its text lines.
/// </summary>
internal static class TesseractOcr
{
    /// <summary>White border added around each image (Tesseract misreads text touching the edge).</summary>
    public const int Pad = 10;

    public static IReadOnlyList<IReadOnlyList<OcrLine>> Read(IReadOnlyList<GreyPage> images, string prefix, ScanWorkFolder folder,
        ScanOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        var result = images.Select(_ => (IReadOnlyList<OcrLine>)[]).ToArray();
        if (images.Count == 0)
        {
            return result;
        }

        var files = new List<string>();
        for (var i = 0; i < images.Count; i++)
        {
            var file = folder.File(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D5}.pgm"));
            File.WriteAllBytes(file, images[i].ToPgm(Pad));
            files.Add(file);
        }

        var list = folder.File(prefix + ".txt");
        File.WriteAllLines(list, files);
        var output = folder.File(prefix + "-out");
        ScanTools.Run(options.Tesseract,
            [list, output, "-l", "vie", "--psm", "6", "-c", "lstm_choice_mode=2", "-c", "hocr_char_boxes=1", "tsv", "hocr"],
            "tesseract-ocr and tesseract-ocr-vie", name, options.Timeout);
        var hocr = ReadOutput(output + ".hocr", name);
        var words = OcrStops.Mend([.. ParseWords(ReadOutput(output + ".tsv", name), OcrChoices.RunnerUps(hocr))], images);
        words = OcrTittles.Mend(words, images, OcrChoices.Glyphs(hocr, OcrTittles.Letters));
        words = OcrCircumflexMarks.Mend(words, images, OcrChoices.Glyphs(hocr, OcrCircumflexMarks.Letters));
        foreach (var group in words.GroupBy(w => w.Image))
        {
            if (group.Key >= 0 && group.Key < result.Length)
            {
                result[group.Key] = [.. group.GroupBy(w => (w.Block, w.Paragraph, w.Line)).Select(ToLine)];
            }
        }

        foreach (var file in files)
        {
            File.Delete(file);
        }

        return result;
    }

    private static string ReadOutput(string path, string name) => File.Exists(path)
        ? File.ReadAllText(path)
        : throw new Core.Errors.InvalidInputException(name, 0,
            $"Tesseract wrote no {Path.GetExtension(path)} output: check the tesseract-ocr installation. (Tesseract không trả kết quả.)");

    private static OcrLine ToLine(IEnumerable<OcrWord> words)
    {
        var list = words.ToList();
        var x0 = list.Min(w => w.Left);
        var y0 = list.Min(w => w.Top);
        var x1 = list.Max(w => w.Left + w.Width);
        var y1 = list.Max(w => w.Top + w.Height);
        return new OcrLine(string.Join(' ', list.Select(w => w.Text)), new PixelBox(x0 - Pad, y0 - Pad, x1 - x0, y1 - y0),
            list.Min(w => w.Confidence));
    }

    // TSV columns: level page_num block_num par_num line_num word_num left top width height conf text (level 5: a word).
    private static IEnumerable<OcrWord> ParseWords(string tsv, Dictionary<(int Image, int Left, int Top), double> runnerUps)
    {
        foreach (var row in tsv.Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || f[11].Trim().Length == 0
                || !double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) || conf < 0)
            {
                continue;
            }

            var n = f[1..10].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0).ToArray();
            if (IsSpeck(f[11], n[7], n[8]))
            {
                continue;
            }

            var runnerUp = runnerUps.GetValueOrDefault((n[0] - 1, n[5], n[6]));
            yield return new OcrWord(n[0] - 1, n[1], n[2], n[3], n[5], n[6], n[7], n[8], OcrChoices.CappedConfidence(conf, runnerUp),
                OcrText.Clean(f[11].Trim()));
        }
    }

    /// <summary>Punctuation OCR reads from a grey speck smaller than any printed mark: no letter or digit, and less than
    /// <see cref="SmallestMark"/> pixels both wide and high (the images are read at about 300 dpi, where a full stop is 5
    /// pixels across); "_.", "-", "|" from a photocopy's grain inside a sentence.</summary>
    internal static bool IsSpeck(string text, int width, int height) =>
        width < SmallestMark && height < SmallestMark && !text.Any(char.IsLetterOrDigit);

    /// <summary>The size in pixels under which a word of punctuation is a speck (<see cref="IsSpeck"/>).</summary>
    internal const int SmallestMark = 4;
}
