using DanVan365.Core.Text;

namespace DanVan365.Core.Units.Proposal;

/// <summary>One clause of a lead or coordinating cell read without a unit directory: the names it lists.</summary>
/// <param name="Text">The clause as written.</param>
/// <param name="Names">The names of bodies or groups it lists, as written (request prefix, role and qualifier suffixes off).</param>
/// <param name="IsRequest">True when it starts with a request prefix ("đề nghị …").</param>
public sealed record ShapedClause(string Text, IReadOnlyList<string> Names, bool IsRequest);

/// <summary>
/// Reads a lead or coordinating cell without a unit directory, from the shape of names only (a new ward's first
/// reading of its decision, docs/architecture.md "A new ward: init"): clauses at ";", the directory grammar's request
/// prefixes, role and qualifier suffixes (<see cref="PhraseRules"/>), and names that start like a body
/// (<see cref="UnitNameRules.StartsLikeUnit"/>) separated by "," or a conjunction. A part that does not start like a body
/// belongs to the name before it ("Phòng Kinh tế, Hạ tầng và Đô thị" is one name). A cell where a body's name starts in
/// the middle of another without a separator ("Phòng Văn hóa - Xã hội Ban Xây dựng Đảng") is not a unit phrase: that is
/// how the text importer finds where the lead cell ends and the coordinating cell starts without a directory.
/// </summary>
public static class UnitPhraseShape
{
    /// <summary>Names that must never start inside another name without a separator.</summary>
    private static readonly string[] StrongHeads =
        ["Phòng ", "Văn phòng ", "Ban ", "Trung tâm ", "Các ", "Đảng ủy ", "Đảng uỷ ", "Ủy ban Mặt trận", "UBMTTQ", "Ủy ban MTTQ"];

    private const int MaxNameWords = 16;

    /// <summary>True when every clause of the cell reads as names of bodies.</summary>
    public static bool LooksLikeUnits(string cell, PhraseRules rules) => Split(cell, rules) is not null;

    /// <summary>The cell's clauses and their names, or null when it does not read as names of bodies.</summary>
    public static IReadOnlyList<ShapedClause>? Split(string cell, PhraseRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var result = new List<ShapedClause>();
        foreach (var raw in VietnameseText.Normalize(cell).Split(';'))
        {
            var clause = raw.Trim().TrimEnd(',', '.', ':', ' ');
            if (clause.Length == 0)
            {
                continue;
            }

            var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var isRequest = DropPrefix(words, rules.RequestPrefixes);
            while (DropSuffix(words, rules.RoleSuffixes))
            {
            }

            DropSuffix(words, rules.QualifierSuffixes);
            var names = Names(words, rules);
            if (names is null)
            {
                return null;
            }

            result.Add(new ShapedClause(clause, names, isRequest));
        }

        return result.Count == 0 ? null : result;
    }

    private static List<string>? Names(List<string> words, PhraseRules rules)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var conjunctions = rules.Conjunctions.Select(VietnameseText.MatchKey).ToHashSet(StringComparer.Ordinal);
        var names = new List<List<string>>();
        var current = new List<string>();
        var separator = string.Empty;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (conjunctions.Contains(VietnameseText.MatchKey(word)) && current.Count > 0 && i + 1 < words.Count)
            {
                separator = word;
                continue;
            }

            var rest = string.Join(' ', words.Skip(i));
            var afterSeparator = separator.Length > 0 || (current.Count > 0 && current[^1].EndsWith(',')) || current.Count == 0;
            if (afterSeparator && UnitNameRules.StartsLikeUnit(rest) && current.Count > 0)
            {
                names.Add(current);
                current = [];
                separator = string.Empty;
            }
            else if (!afterSeparator && current.Count > 0 && StrongHeads.Any(h => rest.StartsWith(h, StringComparison.Ordinal)))
            {
                return null;
            }

            if (separator.Length > 0)
            {
                current.Add(separator);
                separator = string.Empty;
            }

            current.Add(word);
        }

        names.Add(current);
        var texts = names.Select(n => string.Join(' ', n).TrimEnd(',', ' ')).ToList();
        return texts.All(t => UnitNameRules.StartsLikeUnit(t) && t.Split(' ').Length <= MaxNameWords
            && t.IndexOfAny(['“', '”', '"', '…']) < 0) ? texts : null;
    }

    private static bool DropPrefix(List<string> words, IReadOnlyList<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            var n = prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words.Count > n && VietnameseText.MatchKey(string.Join(' ', words.Take(n))) == VietnameseText.MatchKey(prefix))
            {
                words.RemoveRange(0, n);
                return true;
            }
        }

        return false;
    }

    private static bool DropSuffix(List<string> words, IReadOnlyList<string> suffixes)
    {
        foreach (var suffix in suffixes.OrderByDescending(s => s.Length))
        {
            var n = suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words.Count > n && VietnameseText.MatchKey(string.Join(' ', words.TakeLast(n))) == VietnameseText.MatchKey(suffix))
            {
                words.RemoveRange(words.Count - n, n);
                words[^1] = words[^1].TrimEnd(',');
                return true;
            }
        }

        return false;
    }
}
