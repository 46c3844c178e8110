using System.Globalization;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Makes a scanned decision agree with itself: OCR reads the same two words with different tone marks in different cells
/// ("triển khai" in one, "triến khai" in the next). Every pair of neighbouring words of the texts is counted by its
/// spelling (lower case, punctuation aside) under its letters alone (<see cref="OcrPhraseRepair.Loose"/>); a pair spelt
/// the way at least two other places of the decision do NOT spell it, where one spelling is the most frequent by a clear
/// margin (at least twice, and more often than all the others together), takes that spelling. Likewise a word inside a
/// sentence, made of letters whose capital differs only in size (c, o, s, u, v, w, x, z with any marks), read in capitals
/// where the decision writes it in small letters ("CƠ SỞ"), is lowered. Nothing comes from outside the decision; a
/// corrected text is a guess the caller flags for review.
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

        var cases = CaseCounts(words);
        var result = new Dictionary<int, string>();
        for (var t = 0; t < words.Count; t++)
        {
            var text = words[t];
            var changed = LowerMisreadCapitals(text, cases);
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

    // Letters whose capital OCR tells from the small letter only by its size ("CƠ SỞ" read for "cơ sở"), tone marks aside.
    internal const string SizeOnlyLetters = "cosuvwxz";

    // How often each word (lower case) is written in small letters and otherwise, where a sentence does not start.
    private static Dictionary<string, (int Small, int Other)> CaseCounts(List<string[]> words)
    {
        var counts = new Dictionary<string, (int Small, int Other)>(StringComparer.Ordinal);
        foreach (var text in words)
        {
            for (var i = 1; i < text.Length; i++)
            {
                var core = Core(text[i]);
                if (core.Length == 0 || StartsSentence(text[i - 1]) || !core.All(char.IsLetter))
                {
                    continue;
                }

                var lower = core.ToLower(CultureInfo.InvariantCulture);
                var (small, other) = counts.GetValueOrDefault(lower);
                counts[lower] = lower == core ? (small + 1, other) : (small, other + 1);
            }
        }

        return counts;
    }

    // In a text written in small letters, a word inside a sentence made only of size-only letters and read with capitals
    // is lowered when the decision writes it in small letters at least twice and more often than otherwise.
    private static bool LowerMisreadCapitals(string[] text, Dictionary<string, (int Small, int Other)> cases)
    {
        if (!text.Any(w => w.Any(char.IsLower)))
        {
            return false;
        }

        var changed = false;
        for (var i = 1; i < text.Length; i++)
        {
            var core = Core(text[i]);
            var lower = core.ToLower(CultureInfo.InvariantCulture);
            if (core.Length == 0 || core == lower || StartsSentence(text[i - 1]) || !core.All(char.IsLetter)
                || !OcrPhraseRepair.Loose(lower).All(SizeOnlyLetters.Contains)
                || cases.GetValueOrDefault(lower) is not { Small: >= 2 } count || count.Small <= count.Other)
            {
                continue;
            }

            text[i] = text[i].Replace(core, lower, StringComparison.Ordinal);
            changed = true;
        }

        return changed;
    }

    private static bool StartsSentence(string previous) => previous.Length > 0 && ".:!?“\"(".Contains(previous[^1]);

    // The spelling written at least twice and more often than all the others together, or null.
    private static string? Majority(Dictionary<string, int> counts)
    {
        var top = counts.MaxBy(c => c.Value);
        return top.Value >= 2 && top.Value * 2 > counts.Values.Sum() ? top.Key : null;
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
