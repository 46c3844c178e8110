using System.Text;
using DanVan365.Core.Text;

namespace DanVan365.Core.Units;

/// <summary>
/// Mends a lead or coordinating cell that OCR misread, from the directory's own words (docs/architecture.md "Scanned
/// decisions"). OCR of a Vietnamese scan loses or swaps tone marks ("Uy ban" for "Ủy ban"), glues words ("hóaXãhội"),
/// adds a stray letter or dot ("ĐVSNCGL", "ĐVSNCL.") and drops a ";" between clauses. Each clause (the cell split at
/// ";") that does not resolve is compared on its letters alone — no tone marks, no case, no spaces or punctuation — with
/// the directory's names and the cell grammar (request prefixes, role and qualifier suffixes, conjunctions): when the
/// clause is a sequence of these, each within a few letters' edits (one per ten letters), followed by at most five letters
/// of junk (a stamp's rim), and no other sequence fits as well, the clause is rewritten with the directory's spelling.
/// The mended cell must resolve; a cell that cannot be mended is left as read. The caller flags every mended cell for
/// review: a mend is a guess a person confirms.
/// </summary>
public static class OcrPhraseRepair
{
    private enum Kind
    {
        Name,
        Prefix,
        Suffix,
        Qualifier,
        Conjunction,
    }

    // An edit costs more than any number of words a clause can hold.
    private const int EditWeight = 1000;

    // Most letters of junk after the last word (read from a stamp's rim or a signature) that a mend drops.
    private const int MaxTrailingJunk = 5;

    private sealed record Word(string Loose, string Text, Kind Kind, string Identity);

    /// <summary>The cell mended, or null when it resolves as read or cannot be mended.</summary>
    public static string? Repair(UnitDirectory units, string cell) => Repair(units, cell, new Dictionary<string, string>());

    /// <summary>
    /// The cell mended, a name written as <paramref name="written"/> gives it (the decision's own spelling of a name, from
    /// its cells that resolved as read: <see cref="WrittenNames"/>) rather than the directory's; null when it resolves as
    /// read or cannot be mended.
    /// </summary>
    public static string? Repair(UnitDirectory units, string cell, IReadOnlyDictionary<string, string> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Trim().Length == 0 || units.CanResolve(cell))
        {
            return null;
        }

        var words = Vocabulary(units);
        var normalized = VietnameseText.Normalize(cell);
        var clauses = normalized.Split(';').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var mended = new List<string>();
        foreach (var clause in clauses)
        {
            if (units.CanResolve(clause))
            {
                mended.Add(clause);
                continue;
            }

            var fixedClause = Mend(Loose(clause), words, written);
            if (fixedClause is null)
            {
                return null;
            }

            mended.Add(fixedClause);
        }

        // a ";" the cell ends with stays (the decision's own punctuation, as its digital form reads it)
        var text = string.Join("; ", mended) + (normalized.TrimEnd().EndsWith(';') ? ";" : string.Empty);
        return units.CanResolve(text) ? text : null;
    }

    /// <summary>
    /// How a decision writes the directory's names (keyed by the name's match key: case, spacing around "-" and old or new
    /// tone placement aside): every clause of <paramref name="cells"/> (split at ";", trailing punctuation aside) that is,
    /// as written, one of the directory's names; the first spelling of each wins. Feeds
    /// <see cref="Repair(UnitDirectory, string, IReadOnlyDictionary{string, string})"/>.
    /// </summary>
    public static Dictionary<string, string> WrittenNames(UnitDirectory units, IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(cells);
        var names = units.KnownNames().Select(n => VietnameseText.MatchKey(n.Name)).ToHashSet(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clause in cells.SelectMany(c => VietnameseText.Normalize(c).Split(';')))
        {
            var text = clause.Trim().TrimEnd(',', '.', ':', ' ');
            var key = VietnameseText.MatchKey(text);
            if (text.Length > 0 && names.Contains(key))
            {
                written.TryAdd(key, text);
            }
        }

        return written;
    }

    /// <summary>The letters and digits of a text, lower case, without tone marks (đ as d:
    /// <see cref="Proposal.UnitNameRules.Ascii"/>).</summary>
    public static string Loose(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string([.. Proposal.UnitNameRules.Ascii(text).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
    }

    private static string Identity(IReadOnlyList<string> units) => "n:" + string.Join(',', units.Order(StringComparer.Ordinal));

    private static List<Word> Vocabulary(UnitDirectory units)
    {
        var rules = units.Rules;
        var words = new List<Word>();
        words.AddRange(units.KnownNames().Select(n => new Word(Loose(n.Name), n.Name, Kind.Name, Identity(n.Units))));
        words.AddRange(rules.RequestPrefixes.Select(p => new Word(Loose(p), VietnameseText.Nfc(p), Kind.Prefix, "p:" + Loose(p))));
        words.AddRange(rules.RoleSuffixes.Select(p => new Word(Loose(p), VietnameseText.Nfc(p), Kind.Suffix, "s:" + Loose(p))));
        words.AddRange(rules.QualifierSuffixes.Select(p => new Word(Loose(p), VietnameseText.Nfc(p), Kind.Qualifier, "q:" + Loose(p))));
        words.AddRange(rules.Conjunctions.Select(p => new Word(Loose(p), VietnameseText.Nfc(p), Kind.Conjunction, "c:" + Loose(p))));
        return [.. words.Where(w => w.Loose.Length > 0)];
    }

    // The clause's letters cut into a sequence of vocabulary words at the least total edit cost (then the fewest words);
    // null when none fits, or when two different sequences fit equally well (an OCR guess between two units is for a
    // person to make).
    private static string? Mend(string loose, List<Word> words, IReadOnlyDictionary<string, string> written)
    {
        var n = loose.Length;
        if (n == 0)
        {
            return null;
        }

        var cost = Enumerable.Repeat(int.MaxValue, n + 1).ToArray();
        var tied = new bool[n + 1];
        var from = new int[n + 1];
        var word = new Word?[n + 1];
        var identity = new string[n + 1];
        cost[0] = 0;
        identity[0] = string.Empty;
        for (var i = 0; i < n; i++)
        {
            if (cost[i] == int.MaxValue)
            {
                continue;
            }

            foreach (var w in words)
            {
                var budget = w.Loose.Length / 10;
                foreach (var (end, edits) in Matches(w.Loose, loose, i, budget))
                {
                    // fewer, longer words win a tie on edits (as the resolver's longest names do)
                    var total = cost[i] + (edits * EditWeight) + 1;
                    var id = identity[i] + "|" + w.Identity;
                    if (total < cost[end])
                    {
                        (cost[end], tied[end], from[end], word[end], identity[end]) = (total, tied[i], i, w, id);
                    }
                    else if (total == cost[end])
                    {
                        // another sequence as good, or the same one through a position two sequences reach
                        tied[end] |= tied[i] || !string.Equals(identity[end], id, StringComparison.Ordinal);
                    }
                }
            }
        }

        // a few letters of trailing junk (a stamp's rim read as "s⁄ ỜN") cost an edit each
        var best = -1;
        var tie = false;
        for (var k = Math.Max(1, n - MaxTrailingJunk); k <= n; k++)
        {
            if (cost[k] == int.MaxValue)
            {
                continue;
            }

            var total = cost[k] + ((n - k) * EditWeight);
            var bestTotal = best < 0 ? int.MaxValue : cost[best] + ((n - best) * EditWeight);
            if (total < bestTotal)
            {
                (best, tie) = (k, tied[k]);
            }
            else if (total == bestTotal && !string.Equals(identity[k], identity[best], StringComparison.Ordinal))
            {
                tie = true;
            }
        }

        if (best < 0 || tie)
        {
            return null;
        }

        var path = new List<Word>();
        for (var at = best; at > 0; at = from[at])
        {
            path.Add(word[at]!);
        }

        path.Reverse();
        return Build(path, written);
    }

    // Every end of an approximate match of the word starting at `start` of the text, with its edit distance (≤ budget).
    private static IEnumerable<(int End, int Edits)> Matches(string word, string text, int start, int budget)
    {
        var m = word.Length;
        var maxLength = Math.Min(text.Length - start, m + budget);
        if (maxLength < m - budget)
        {
            yield break;
        }

        // distance[j] = edit distance between the word and text[start .. start + j)
        var previous = new int[maxLength + 1];
        var current = new int[maxLength + 1];
        for (var j = 0; j <= maxLength; j++)
        {
            previous[j] = j;
        }

        for (var r = 1; r <= m; r++)
        {
            current[0] = r;
            var rowMin = current[0];
            for (var j = 1; j <= maxLength; j++)
            {
                var same = word[r - 1] == text[start + j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + same);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > budget)
            {
                yield break;
            }

            (previous, current) = (current, previous);
        }

        for (var j = Math.Max(1, m - budget); j <= maxLength; j++)
        {
            if (previous[j] <= budget)
            {
                yield return (start + j, previous[j]);
            }
        }
    }

    // The clause in the directory's spelling: names separated by ", " (or the conjunction read), a request prefix that
    // is not the first word starts a new clause ("; "), as does a name after a role suffix.
    private static string Build(List<Word> path, IReadOnlyDictionary<string, string> written)
    {
        var builder = new StringBuilder();
        Word? last = null;
        foreach (var w in path)
        {
            if (last is not null)
            {
                builder.Append((last.Kind, w.Kind) switch
                {
                    (_, Kind.Prefix) => "; ",
                    (Kind.Suffix, Kind.Name) => "; ",
                    (Kind.Name, Kind.Name) or (Kind.Qualifier, Kind.Name) => ", ",
                    _ => " ",
                });
            }

            var spelt = w.Kind == Kind.Name ? written.GetValueOrDefault(VietnameseText.MatchKey(w.Text)) : null;
            builder.Append(spelt ?? w.Text);
            last = w;
        }

        return builder.ToString();
    }
}
