using System.Globalization;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Makes a scanned decision agree with itself: OCR reads the same two words with different tone marks in different cells
/// ("triển khai" in one, "triến khai" in the next). Every pair of neighbouring words of the texts is counted by its
/// spelling (lower case, punctuation aside) under its letters alone (<see cref="OcrPhraseRepair.Loose"/>); a pair spelt
/// the way at least two other places of the decision do NOT spell it, where one spelling is the most frequent by a clear
/// margin (at least twice, and more often than all the others together), takes that spelling. Nothing comes from outside
/// the decision; a corrected text is a guess the caller flags for review.
/// </summary>
internal static class ScanSpellingConsensus
{
    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '“', '”', '(', ')', '…', '\'', '’'];

    /// <summary>The texts changed, by index, with their corrected spelling.</summary>
    public static Dictionary<int, string> Correct(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = texts.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var spellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var text in words)
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (Pair(text[i], text[i + 1]) is var (key, spelling))
                {
                    var counts = spellings.TryGetValue(key, out var c) ? c : spellings[key] = new(StringComparer.Ordinal);
                    counts[spelling] = counts.GetValueOrDefault(spelling) + 1;
                }
            }
        }

        var result = new Dictionary<int, string>();
        for (var t = 0; t < words.Count; t++)
        {
            var text = words[t];
            var changed = false;
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (Pair(text[i], text[i + 1]) is not var (key, spelling) || Majority(spellings[key]) is not { } majority
                    || majority == spelling)
                {
                    continue;
                }

                var parts = majority.Split(' ');
                text[i] = Respell(text[i], parts[0]);
                text[i + 1] = Respell(text[i + 1], parts[1]);
                changed = true;
            }

            if (changed)
            {
                result[t] = string.Join(' ', text);
            }
        }

        return result;
    }

    // The spelling written at least twice and more often than all the others together, or null.
    private static string? Majority(Dictionary<string, int> counts)
    {
        var total = counts.Values.Sum();
        var (best, count) = counts.MaxBy(c => c.Value) is var top ? (top.Key, top.Value) : default;
        return count >= 2 && count * 2 > total ? best : null;
    }

    // A pair of words with letters: its key (letters alone) and its spelling (lower case, without surrounding punctuation).
    private static (string Key, string Spelling)? Pair(string a, string b)
    {
        var (x, y) = (Core(a).ToLower(CultureInfo.InvariantCulture), Core(b).ToLower(CultureInfo.InvariantCulture));
        if (x.Length == 0 || y.Length == 0 || !x.All(char.IsLetter) || !y.All(char.IsLetter))
        {
            return null;
        }

        return (OcrPhraseRepair.Loose(x) + " " + OcrPhraseRepair.Loose(y), x + " " + y);
    }

    private static string Core(string word) => word.Trim(Punctuation);

    // The word with its core spelt as `spelling`, keeping its punctuation and its case (capitalised or all capitals).
    private static string Respell(string word, string spelling)
    {
        var core = Core(word);
        var start = word.IndexOf(core, StringComparison.Ordinal);
        var cased = core.All(c => !char.IsLower(c)) && core.Length > 1 ? spelling.ToUpper(CultureInfo.InvariantCulture)
            : char.IsUpper(core[0]) ? char.ToUpper(spelling[0], CultureInfo.InvariantCulture) + spelling[1..]
            : spelling;
        return word[..start] + cased + word[(start + core.Length)..];
    }
}
